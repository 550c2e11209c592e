//! `zhengce validate FILE...`: catalogue, calendar and case files, every problem with its path.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;
use zhengce::{Catalogue, LayerOptions, calendar::Calendars};

use crate::context::Options;
use crate::failure::{Exit, Failure};
use crate::output::Out;

/// Check catalogue, calendar and test-case files and report every problem with its path.
///
/// A catalogue file is checked as an overlay on the built-in catalogue (so it may refer to
/// built-in jurisdictions, documents and units; an entry with a built-in id is a problem unless
/// --replace is given), or alone with --standalone. A file is taken
/// as a calendar when it has `coverage` or `years`, as test cases when it is YAML or has
/// `cases`. Exit status 1 if any file has a problem.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The files to check.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Check catalogue files on their own, not layered on the built-in catalogue.
    #[arg(long)]
    pub standalone: bool,
}

#[derive(Debug, Serialize)]
pub struct FileReport {
    pub file: String,
    pub kind: &'static str,
    pub ok: bool,
    pub problems: Vec<ProblemOut>,
}

#[derive(Debug, Serialize)]
pub struct ProblemOut {
    pub code: String,
    pub path: String,
    pub message: String,
}

pub fn run(args: Args, options: &Options, out: &Out) -> Result<Exit, Failure> {
    let reports: Vec<FileReport> =
        args.files.iter().map(|f| check(f, args.standalone, options.layer)).collect();
    let ok = reports.iter().all(|r| r.ok);
    out.print(&reports, || {
        let mut text = String::new();
        for r in &reports {
            if r.ok {
                text.push_str(&format!("{}: ok ({})\n", r.file, r.kind));
            } else {
                text.push_str(&format!("{}: {} problem(s) ({})\n", r.file, r.problems.len(), r.kind));
                for p in &r.problems {
                    text.push_str(&format!("  {} [{}] {}\n", p.path, p.code, p.message));
                }
            }
        }
        text
    })?;
    Ok(if ok { Exit::Ok } else { Exit::CheckFailed })
}

/// The core glue: one file, its kind, its problems.
pub fn check(path: &Path, standalone: bool, layer: LayerOptions) -> FileReport {
    let file = path.display().to_string();
    let problem = |code: &str, path: &str, message: String| ProblemOut {
        code: code.into(),
        path: path.into(),
        message,
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            return FileReport {
                file,
                kind: "unknown",
                ok: false,
                problems: vec![problem("unreadable_file", "", e.to_string())],
            };
        }
    };
    let yaml = matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"));
    let parsed: Option<Value> =
        if yaml { zhengce::testing::parse_yaml(&text).ok() } else { serde_json::from_str(&text).ok() };
    let kind = match &parsed {
        Some(v) if yaml || v.get("cases").is_some() || v.is_array() => "cases",
        Some(v) if v.get("coverage").is_some() || v.get("years").is_some() => "calendar",
        _ => "catalogue",
    };
    let result = match kind {
        "cases" => match parsed {
            Some(doc) => zhengce::testing::CaseFile::from_json_value(&doc).map(|_| ()),
            None => zhengce::testing::parse_yaml(&text).map(|_| ()),
        },
        "calendar" => Calendars::builtin().layered(&text).map(|_| ()),
        _ if standalone => Catalogue::from_json(&text).map(|_| ()),
        _ => Catalogue::builtin().layered_with(&text, layer).map(|_| ()),
    };
    let problems = match result {
        Ok(()) => vec![],
        Err(err) if !err.problems().is_empty() => err
            .problems()
            .iter()
            .map(|p| problem(&p.code, p.path.strip_prefix("overlay:").unwrap_or(&p.path), p.message.clone()))
            .collect(),
        Err(err) => vec![problem(err.code(), err.path().unwrap_or("$"), err.to_string())],
    };
    FileReport { file, kind, ok: problems.is_empty(), problems }
}
