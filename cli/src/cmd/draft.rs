//! `zhengce draft FILE --id ID --jurisdiction J`: a draft catalogue layer read from a policy text.

use std::path::PathBuf;

use zhengce::Period;
use zhengce::draft::{Draft, DraftMeta, DraftOptions};

use crate::context::Options;
use crate::failure::{Exit, Failure, read_text};
use crate::output::Out;

/// Drafts a catalogue layer from a policy document's text: the clause tree, targets,
/// observations, time limits, fees and responsible units, each with the words it came from.
///
/// The draft is for review: every entry says it was drafted. Write the layer with
/// `--layer-out`, review it, then pass it to other subcommands with `--catalogue`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The document's text (UTF-8).
    pub file: PathBuf,
    /// The document's id in the catalogue, e.g. xinjin-2021-fyp.
    #[arg(long)]
    pub id: String,
    /// The jurisdiction that issued it, e.g. cn-sc-chengdu-xinjin.
    #[arg(long, short)]
    pub jurisdiction: String,
    /// The Chinese title (otherwise the text's first line).
    #[arg(long)]
    pub title: Option<String>,
    /// The date of issue (YYYY-MM-DD); resolves 年底前 and 三年内.
    #[arg(long)]
    pub issued: Option<String>,
    /// First day of the period the document covers (YYYY-MM-DD); needs --until.
    #[arg(long, requires = "until")]
    pub from: Option<String>,
    /// Last day of the period the document covers (YYYY-MM-DD); needs --from.
    #[arg(long, requires = "from")]
    pub until: Option<String>,
    /// Write the draft catalogue layer (JSON) to this file.
    #[arg(long, value_name = "FILE")]
    pub layer_out: Option<PathBuf>,
    /// How many drafted entries to list (text output).
    #[arg(long, default_value_t = 20)]
    pub show: usize,
}

pub fn run(args: Args, _options: &Options, out: &Out) -> Result<Exit, Failure> {
    let text = read_text(&args.file)?;
    let period = match (&args.from, &args.until) {
        (Some(from), Some(until)) => {
            Some(Period { from: super::date_arg("--from", from)?, until: super::date_arg("--until", until)? })
        }
        _ => None,
    };
    let issued = args.issued.as_deref().map(|d| super::date_arg("--issued", d)).transpose()?;
    let meta = DraftMeta { id: args.id, jurisdiction: args.jurisdiction, title: args.title, issued, period };
    let draft = core(&text, &meta)?;
    if let Some(path) = &args.layer_out {
        let json = serde_json::to_string_pretty(&draft.layer).map_err(|e| Failure::output(e.to_string()))?;
        std::fs::write(path, json + "\n").map_err(|e| Failure::output(format!("{}: {e}", path.display())))?;
    }
    out.print(&draft, || human(&draft, args.show))?;
    Ok(Exit::Ok)
}

/// The core glue.
pub fn core(text: &str, meta: &DraftMeta) -> Result<Draft, Failure> {
    zhengce::draft::draft(text, meta, &DraftOptions::default()).map_err(|e| Failure::core("draft", e))
}

fn human(draft: &Draft, show: usize) -> String {
    let s = &draft.stats;
    let mut text = format!(
        "{} characters: {} clauses, {} targets, {} observations, {} time limits, {} fees, {} units{}\n",
        s.chars,
        s.clauses,
        s.targets,
        s.observations,
        s.time_limits,
        s.fees,
        s.units,
        if s.truncated { " (stopped at the item limit)" } else { "" }
    );
    for item in draft.items.iter().take(show) {
        let kind = serde_json::to_value(item.kind)
            .ok()
            .and_then(|k| k.as_str().map(|k| k.replace('_', " ")))
            .unwrap_or_default();
        let value = item.value.map(|v| format!(" = {v}")).unwrap_or_default();
        let unit = item.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        text.push_str(&format!(
            "  {:<12} {}{value}{unit}  [{}, chars {}..{}, confidence {}] 「{}」\n",
            kind, item.id, item.clause, item.span.start, item.span.end, item.confidence, item.text
        ));
    }
    if draft.items.len() > show {
        text.push_str(&format!("  … {} more (--show N, or --json for all)\n", draft.items.len() - show));
    }
    text
}
