//! `zhengce test CASES...`: run test cases (YAML or JSON), the users' and the repository's
//! conformance vectors alike.

use std::path::{Path, PathBuf};

use serde::Serialize;
use zhengce::testing::Report;

use zhengce::Context;

use crate::context::Options;
use crate::failure::{Exit, Failure, read_json, read_text};
use crate::output::Out;
use crate::progress::Progress;

/// Run test cases: files (.yaml, .yml, .json) or directories of them.
///
/// A case names a rule (with date, jurisdiction, input) or a library function (with its
/// input), and the output or error expected; see docs/testing.md and
/// core/schema/cases.schema.json. `zhengce test tests/vectors` runs the repository's
/// conformance vectors. Exit status 1 if any case fails.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Case files or directories (searched recursively; manifest.json files are skipped).
    #[arg(required = true)]
    pub cases: Vec<PathBuf>,
    /// Print every case, not only the failures.
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Debug, Serialize)]
struct FileOutcome {
    file: String,
    #[serde(flatten)]
    report: Report,
}

pub fn run(args: Args, options: &Options, out: &Out) -> Result<Exit, Failure> {
    let ctx = options.context()?;
    let mut files = Vec::new();
    for path in &args.cases {
        collect(path, &mut files)?;
    }
    if files.is_empty() {
        return Err(Failure::input("no_cases", "no .yaml, .yml or .json case files found"));
    }
    let mut progress = Progress::new(files.len() as u64, "testing", true);
    let mut outcomes = Vec::new();
    for file in &files {
        outcomes.push(FileOutcome { file: file.display().to_string(), report: core(&ctx, file)? });
        progress.inc(1);
    }
    progress.finish();
    let passed: usize = outcomes.iter().map(|o| o.report.passed).sum();
    let failed: usize = outcomes.iter().map(|o| o.report.failed).sum();
    let summary = serde_json::json!({"passed": passed, "failed": failed, "files": outcomes});
    out.print(&summary, || {
        let mut t = String::new();
        for o in &outcomes {
            let mark = if o.report.failed == 0 { "ok  " } else { "FAIL" };
            t.push_str(&format!(
                "{mark} {} ({} passed, {} failed)\n",
                o.file, o.report.passed, o.report.failed
            ));
            for c in o.report.cases.iter().filter(|c| args.verbose || !c.passed) {
                let source = c.source.as_ref().map(|s| format!(" [{s}]")).unwrap_or_default();
                t.push_str(&format!(
                    "     {} {} :: {}{source}\n",
                    if c.passed { "pass" } else { "FAIL" },
                    c.call,
                    c.name
                ));
                for p in &c.problems {
                    t.push_str(&format!("         {p}\n"));
                }
            }
        }
        t.push_str(&format!("{passed} passed, {failed} failed"));
        t
    })?;
    Ok(if failed == 0 { Exit::Ok } else { Exit::CheckFailed })
}

/// The core glue: parse one file and run its cases.
fn core(ctx: &Context, file: &Path) -> Result<Report, Failure> {
    let doc = if matches!(file.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
        zhengce::testing::parse_yaml(&read_text(file)?)
            .map_err(|e| Failure::core(&file.display().to_string(), e))?
    } else {
        read_json(file)?
    };
    zhengce::testing::run_cases(ctx, &doc).map_err(|e| Failure::core(&file.display().to_string(), e))
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| Failure::input("unreadable_file", format!("{}: {e}", path.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            let case_file =
                matches!(entry.extension().and_then(|e| e.to_str()), Some("yaml" | "yml" | "json"))
                    && entry.file_name().is_some_and(|n| n != "manifest.json");
            if entry.is_dir() || case_file {
                collect(&entry, out)?;
            }
        }
    } else if path.exists() {
        out.push(path.to_owned());
    } else {
        return Err(Failure::input(
            "unreadable_file",
            format!("{}: no such file or directory", path.display()),
        ));
    }
    Ok(())
}
