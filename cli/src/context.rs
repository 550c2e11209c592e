//! The one place the command builds the [`zhengce::Context`] every computation runs in: the
//! built-in catalogue and calendars with the `--catalogue` and `--calendar-file` overlays.
//! The server builds it once and shares it with every request.

use std::path::PathBuf;

use zhengce::{Catalogue, Context, LayerOptions, calendar::Calendars};

use crate::failure::{Failure, read_text};

/// The global options that choose the data.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub catalogues: Vec<PathBuf>,
    pub calendars: Vec<PathBuf>,
    /// Whether catalogue overlays may replace (and redefine) built-in entries.
    pub layer: LayerOptions,
}

impl Options {
    /// The built-in data with the overlays layered on, in order. (Overlays are read as text,
    /// so a JSON syntax error is reported with its line and column.)
    pub fn context(&self) -> Result<Context, Failure> {
        if self.catalogues.is_empty() && self.calendars.is_empty() {
            return Ok(Context::builtin());
        }
        let mut catalogue = Catalogue::builtin();
        for path in &self.catalogues {
            catalogue = catalogue
                .layered_with(&read_text(path)?, self.layer)
                .map_err(|e| Failure::core(&path.display().to_string(), e))?;
        }
        let mut calendars = Calendars::builtin();
        for path in &self.calendars {
            calendars = calendars
                .layered(&read_text(path)?)
                .map_err(|e| Failure::core(&path.display().to_string(), e))?;
        }
        Ok(Context::new(catalogue, calendars))
    }
}
