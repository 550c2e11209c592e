//! The one place the command builds what the core computes with: the catalogue (built in,
//! plus `--catalogue` overlays) and the calendars (built in, plus `--calendar-file` overlays).
//!
//! When the core's `zhengce::Context` lands, this becomes `Context::builtin().layered(...)` and
//! the subcommands take a `&Context`.

use std::path::PathBuf;
use std::sync::Arc;

use zhengce::{Catalogue, calendar::Calendars};

use crate::failure::{Failure, read_text};

/// The global options that choose the data.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub catalogues: Vec<PathBuf>,
    pub calendars: Vec<PathBuf>,
}

/// The data every computation reads.
#[derive(Debug, Clone)]
pub struct Context {
    pub catalogue: Arc<Catalogue>,
    pub calendars: Calendars,
}

impl Options {
    /// The built-in data with the overlays layered on, in order.
    pub fn context(&self) -> Result<Context, Failure> {
        let mut catalogue = Catalogue::builtin();
        for path in &self.catalogues {
            catalogue = catalogue
                .layered(&read_text(path)?)
                .map_err(|e| Failure::core(&path.display().to_string(), e))?;
        }
        let mut calendars = Calendars::builtin();
        for path in &self.calendars {
            calendars = calendars
                .layered(&read_text(path)?)
                .map_err(|e| Failure::core(&path.display().to_string(), e))?;
        }
        Ok(Context { catalogue: Arc::new(catalogue), calendars })
    }
}
