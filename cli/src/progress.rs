//! A progress bar that appears only once work has taken more than a second (and only on a
//! terminal: indicatif draws nothing when stderr is redirected).

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    shown: bool,
}

impl Progress {
    /// A bar for `total` steps; never shown when `enabled` is false.
    pub fn new(total: u64, what: &str, enabled: bool) -> Progress {
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta} left)") {
            bar.set_style(style);
        }
        bar.set_message(what.to_owned());
        // `shown: true` when disabled: the bar then never switches to stderr.
        Progress { bar, started: Instant::now(), shown: !enabled }
    }

    pub fn inc(&mut self, n: u64) {
        self.bar.inc(n);
        if !self.shown && self.started.elapsed() > Duration::from_secs(1) {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    pub fn finish(self) {
        self.bar.finish_and_clear();
    }
}
