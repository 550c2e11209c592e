//! Exit codes and the failures that carry them.

use std::process::ExitCode;

/// The command's exit status (documented in `zhengce --help` and docs/cli.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: success.
    Ok = 0,
    /// 1: a check failed: problems found, test cases failed, a plan that does not verify.
    CheckFailed = 1,
    /// 3: bad input: an unreadable or malformed file, an input the library refuses.
    BadInput = 3,
    /// 4: an output could not be written, or the server could not start.
    Output = 4,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// Why a command stopped: its exit status, the message for people, and details for `--json`.
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    /// A stable snake_case code (the library's error code where it comes from the library).
    pub code: String,
    pub message: String,
    /// Boxed: keeps `Result<_, Failure>` small.
    pub details: Box<serde_json::Value>,
}

impl Failure {
    /// Bad input that is not the library's error (a file that cannot be read or parsed).
    pub fn input(code: &str, message: impl Into<String>) -> Failure {
        Failure { exit: Exit::BadInput, code: code.into(), message: message.into(), details: Box::default() }
    }

    /// An output that could not be written.
    pub fn output(message: impl Into<String>) -> Failure {
        Failure {
            exit: Exit::Output,
            code: "output".into(),
            message: message.into(),
            details: Box::default(),
        }
    }

    /// The library refused an input; `what` says where it came from (a file, a row).
    pub fn core(what: &str, err: zhengce::Error) -> Failure {
        let mut message = format!("{what}: {err}");
        for p in err.problems() {
            message.push_str(&format!("\n  {} [{}] {}", p.path, p.code, p.message));
        }
        let details = serde_json::json!({
            "path": err.path(), "details": err.details(),
            "problems": err.problems().iter().map(|p| serde_json::json!({"code": p.code, "path": p.path, "message": p.message})).collect::<Vec<_>>(),
        });
        Failure { exit: Exit::BadInput, code: err.code().into(), message, details: Box::new(details) }
    }
}

/// Reads a whole file, naming it on failure.
pub fn read_text(path: &std::path::Path) -> Result<String, Failure> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure::input("unreadable_file", format!("{}: {e}", path.display())))
}

/// Reads a JSON file, naming the line and column of a syntax error.
pub fn read_json(path: &std::path::Path) -> Result<serde_json::Value, Failure> {
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|e| {
        Failure::input(
            "invalid_json",
            format!("{}:{}:{}: expected JSON, got a syntax error: {e}", path.display(), e.line(), e.column()),
        )
    })
}
