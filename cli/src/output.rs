//! Printing: text for people by default, JSON for machines with `--json`.

use std::io::Write;

use crate::failure::Failure;

/// Where results go, and in which form.
pub struct Out {
    pub json: bool,
}

impl Out {
    /// Prints `value` as pretty JSON (with `--json`) or the text `human` builds.
    pub fn print<T: serde::Serialize>(
        &self,
        value: &T,
        human: impl FnOnce() -> String,
    ) -> Result<(), Failure> {
        let text = if self.json {
            serde_json::to_string_pretty(value).map_err(|e| Failure::output(e.to_string()))?
        } else {
            human()
        };
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{}", text.trim_end_matches('\n'))
            .map_err(|e| Failure::output(format!("stdout: {e}")))
    }

    /// Reports a failure: JSON on stdout with `--json`, a message on stderr otherwise.
    pub fn failure(&self, f: &Failure) {
        if self.json {
            let v =
                serde_json::json!({"error": {"code": f.code, "message": f.message, "details": f.details}});
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        } else {
            eprintln!("error: {}", f.message);
        }
    }
}
