//! `zhengce`: the library at the command line and over HTTP.
//!
//! Every subcommand is a thin layer over the core (`zhengce`): it reads files, makes the core
//! calls in one place (its `core` function), and prints the result for people (default) or
//! machines (`--json`). Exit codes are listed in [`Exit`] and in docs/cli.md.

#![forbid(unsafe_code)]

mod cmd;
mod context;
mod failure;
mod output;
mod progress;
mod serve;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

pub use failure::{Exit, Failure};

/// Chinese local-government policy documents as data and executable rules.
///
/// Check catalogue and calendar files, evaluate rules over tables, compute deadlines on the
/// working-day calendar, draft a catalogue layer from a policy text, draw and verify double-random inspection plans, score targets, run
/// test cases, and serve it all over HTTP.
///
/// Exit codes: 0 success; 1 a check failed (problems found, test cases failed, a plan does not
/// verify); 2 usage error; 3 bad input (an unreadable or malformed file, an input the library
/// refuses); 4 an output could not be written or the server could not start.
#[derive(Debug, Parser)]
#[command(name = "zhengce", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// Print machine-readable JSON on stdout instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// A catalogue file layered over the built-in catalogue (repeatable; later files win).
    #[arg(long = "catalogue", global = true, value_name = "FILE")]
    catalogues: Vec<PathBuf>,
    /// A calendar file layered over the built-in calendars (repeatable).
    #[arg(long = "calendar-file", global = true, value_name = "FILE")]
    calendars: Vec<PathBuf>,
    /// Let catalogue overlays replace built-in entries with the same id (each replacement is
    /// allowed, not silent: without it an existing id is a `replaces_entry` problem).
    #[arg(long, global = true)]
    replace: bool,
    /// With --replace: let a replacement change what an entry is (a jurisdiction's parent, a
    /// parameter's unit, a document's kind).
    #[arg(long, global = true, requires = "replace")]
    redefine: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Validate(cmd::validate::Args),
    Eval(cmd::eval::Args),
    Deadline(cmd::deadline::Args),
    Draft(cmd::draft::Args),
    Calendar(cmd::calendar::Args),
    Plan(cmd::plan::Args),
    Score(cmd::score::Args),
    Test(cmd::test::Args),
    Serve(serve::Args),
    Completions(Completions),
}

/// Print a shell completion script (e.g. `zhengce completions bash > /etc/bash_completion.d/zhengce`).
#[derive(Debug, clap::Args)]
struct Completions {
    /// The shell.
    shell: clap_complete::Shell,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = output::Out { json: cli.json };
    let options = context::Options {
        catalogues: cli.catalogues,
        calendars: cli.calendars,
        layer: zhengce::LayerOptions { replace: cli.replace, redefine: cli.redefine },
    };
    match run(cli.command, &options, &out) {
        Ok(exit) => exit.into(),
        Err(failure) => {
            out.failure(&failure);
            failure.exit.into()
        }
    }
}

fn run(command: Command, options: &context::Options, out: &output::Out) -> Result<Exit, Failure> {
    match command {
        Command::Validate(a) => cmd::validate::run(a, options, out),
        Command::Eval(a) => cmd::eval::run(a, options, out),
        Command::Deadline(a) => cmd::deadline::run(a, options, out),
        Command::Draft(a) => cmd::draft::run(a, options, out),
        Command::Calendar(a) => cmd::calendar::run(a, options, out),
        Command::Plan(a) => cmd::plan::run(a, options, out),
        Command::Score(a) => cmd::score::run(a, options, out),
        Command::Test(a) => cmd::test::run(a, options, out),
        Command::Serve(a) => serve::run(a, options, out),
        Command::Completions(c) => {
            clap_complete::generate(c.shell, &mut Cli::command(), "zhengce", &mut std::io::stdout());
            Ok(Exit::Ok)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_definition_is_consistent() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
