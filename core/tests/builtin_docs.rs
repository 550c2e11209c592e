//! `docs/builtin.md` lists the built-in content (documents, rules, parameters, calendar
//! coverage) and is generated from the data, so it cannot drift from it.
//!
//! Regenerate after changing the built-in catalogue or calendars:
//! `ZHENGCE_UPDATE_DOCS=1 cargo test -p zhengce --test builtin_docs`. Without the variable the
//! test fails when the file differs from what the data gives.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use serde_json::Value;

/// The entries of section `section` of the built-in catalogue, as JSON, in catalogue order.
fn entries(catalogue: &Value, section: &str) -> Vec<Value> {
    catalogue[section].as_array().cloned().unwrap_or_default()
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key].as_str().unwrap_or("")
}

/// The English of a `{zh, en}` text, with the Chinese after it when both are given.
fn bilingual(value: &Value) -> String {
    match (value["en"].as_str(), value["zh"].as_str()) {
        (Some(en), Some(zh)) if !zh.is_empty() => format!("{en} ({zh})"),
        (Some(en), _) => en.to_owned(),
        (None, Some(zh)) => zh.to_owned(),
        _ => value.as_str().unwrap_or("").to_owned(),
    }
}

/// A table cell: no line breaks, and `|` escaped.
fn cell(s: &str) -> String {
    s.replace('\n', " ").replace('|', "\\|")
}

fn kind_name(kind: &str) -> String {
    kind.replace('_', " ")
}

/// The whole page, from the built-in catalogue and calendars.
fn generate() -> String {
    let ctx = zhengce::Context::builtin();
    let catalogue: Value = serde_json::from_str(&ctx.catalogue().to_json()).expect("catalogue JSON");
    let mut out = String::new();
    let w = &mut out;

    writeln!(w, "# Built-in content").unwrap();
    writeln!(w).unwrap();
    writeln!(
        w,
        "Generated from the built-in catalogue (`core/data/catalogue`) and calendars \
         (`core/data/calendar`) by `core/tests/builtin_docs.rs`; do not edit by hand. After \
         changing the data, regenerate with `ZHENGCE_UPDATE_DOCS=1 cargo test -p zhengce --test \
         builtin_docs` (without the variable the test fails when this page is out of date)."
    )
    .unwrap();
    writeln!(w).unwrap();
    writeln!(
        w,
        "Contents: [documents](#documents), [rules](#rules), [parameters](#parameters), \
         [calendars](#calendars). How vague passages were read: \
         [catalogue-readings.md](catalogue-readings.md); the conventions of the data: \
         [`core/data/catalogue/README.md`](../core/data/catalogue/README.md)."
    )
    .unwrap();

    // Documents, with what each sets.
    let documents = entries(&catalogue, "documents");
    let mut counts: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    for section in ["measures", "targets", "observations", "rules"] {
        for entry in entries(&catalogue, section) {
            let document = match section {
                "rules" => text(&entry["source"], "document").to_owned(),
                _ => entry["id"].as_str().unwrap_or("").split('/').next().unwrap_or("").to_owned(),
            };
            *counts.entry(document).or_default().entry(section).or_default() += 1;
        }
    }
    writeln!(w, "\n## Documents\n").unwrap();
    writeln!(w, "{} documents. The five source documents have their clauses in the catalogue and their text in `core/data/sources`; the others are the national laws and notices the rules rest on.", documents.len()).unwrap();
    writeln!(w).unwrap();
    writeln!(w, "| Id | Kind | Jurisdiction | Title | Measures | Targets | Observations | Rules |").unwrap();
    writeln!(w, "|---|---|---|---|--:|--:|--:|--:|").unwrap();
    for doc in &documents {
        let id = text(doc, "id");
        let c = counts.get(id).cloned().unwrap_or_default();
        let n = |s: &str| c.get(s).map_or(String::new(), |n| n.to_string());
        writeln!(
            w,
            "| `{id}` | {} | `{}` | {} | {} | {} | {} | {} |",
            kind_name(text(doc, "kind")),
            text(doc, "jurisdiction"),
            cell(&bilingual(&doc["title"])),
            n("measures"),
            n("targets"),
            n("observations"),
            n("rules"),
        )
        .unwrap();
    }

    // Rules.
    let rules = entries(&catalogue, "rules");
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for rule in &rules {
        *by_kind.entry(kind_name(text(&rule["logic"], "kind"))).or_default() += 1;
    }
    let summary: Vec<String> = by_kind.iter().map(|(k, n)| format!("{n} {k}")).collect();
    writeln!(w, "\n## Rules\n").unwrap();
    writeln!(
        w,
        "{} rules: {}. Each cites its clause; every one has hand-worked conformance vectors in \
         [`tests/vectors/rules`](../tests/vectors/rules) or [`tests/vectors/calendar`](../tests/vectors/calendar). \
         What each kind computes: [rules.md](rules.md).",
        rules.len(),
        summary.join(", ")
    )
    .unwrap();
    writeln!(w).unwrap();
    writeln!(w, "| Id | Kind | Rule | Clause |").unwrap();
    writeln!(w, "|---|---|---|---|").unwrap();
    for rule in &rules {
        writeln!(
            w,
            "| `{}` | {} | {} | `{}` |",
            text(rule, "id"),
            kind_name(text(&rule["logic"], "kind")),
            cell(rule["name"]["en"].as_str().unwrap_or("")),
            text(&rule["source"], "clause"),
        )
        .unwrap();
    }

    // Parameters.
    let parameters = entries(&catalogue, "parameters");
    writeln!(w, "\n## Parameters\n").unwrap();
    writeln!(
        w,
        "{} parameters. A value holds from its date in its jurisdiction and below; a scenario \
         overrides values (see [rules.md](rules.md)). *Assumption* marks a value no document \
         gives (the method's own choice, with its reading).",
        parameters.len()
    )
    .unwrap();
    writeln!(w).unwrap();
    writeln!(w, "| Key | Unit | Values (jurisdiction, from: value) | Assumption |").unwrap();
    writeln!(w, "|---|---|---|---|").unwrap();
    for parameter in &parameters {
        let values: Vec<String> = parameter["values"]
            .as_array()
            .map(|vs| {
                vs.iter()
                    .map(|v| {
                        let from = v["effective_from"].as_str().unwrap_or("always");
                        let value = match &v["value"] {
                            Value::String(s) => s.clone(),
                            Value::Null => "none".to_owned(),
                            other => other.to_string(),
                        };
                        format!("`{}`, {from}: {value}", text(v, "jurisdiction"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let assumption = parameter["assumption"].as_bool().unwrap_or(false)
            || parameter["values"]
                .as_array()
                .is_some_and(|vs| vs.iter().any(|v| v["assumption"].as_bool().unwrap_or(false)));
        writeln!(
            w,
            "| `{}` | {} | {} | {} |",
            text(parameter, "id"),
            text(parameter, "unit"),
            cell(&values.join("; ")),
            if assumption { "yes" } else { "" },
        )
        .unwrap();
    }

    // Calendars.
    writeln!(w, "\n## Calendars\n").unwrap();
    writeln!(
        w,
        "A jurisdiction's calendar stacks the layers of it and its ancestors and covers the \
         dates every layer covers; outside them a call fails with `out_of_coverage` unless it \
         opts into an assumption ([calendar.md](calendar.md))."
    )
    .unwrap();
    writeln!(w).unwrap();
    writeln!(w, "| Layer | Jurisdiction | Extends | Covers | Years (source quality) |").unwrap();
    writeln!(w, "|---|---|---|---|---|").unwrap();
    for layer in ctx.calendars().layers() {
        let layer = serde_json::to_value(layer).expect("calendar JSON");
        let covers: Vec<String> = layer["coverage"]
            .as_array()
            .map(|c| c.iter().map(|r| format!("{} – {}", text(r, "from"), text(r, "until"))).collect())
            .unwrap_or_default();
        // Consecutive years of one source quality as one run: 2004–2026 (official text).
        let mut runs: Vec<(i64, i64, String)> = Vec::new();
        for y in layer["years"].as_array().into_iter().flatten() {
            let year = y["year"].as_i64().unwrap_or(0);
            let quality = y["source_quality"].as_str().unwrap_or("").replace('_', " ");
            match runs.last_mut() {
                Some((_, last, q)) if *last + 1 == year && *q == quality => *last = year,
                _ => runs.push((year, year, quality)),
            }
        }
        let years: Vec<String> = runs
            .iter()
            .map(|(first, last, q)| {
                let span = if first == last { first.to_string() } else { format!("{first}–{last}") };
                if q.is_empty() { span } else { format!("{span} ({q})") }
            })
            .collect();
        writeln!(
            w,
            "| `{}` | `{}` | {} | {} | {} |",
            text(&layer, "id"),
            text(&layer, "jurisdiction"),
            layer["extends"].as_str().map_or(String::new(), |e| format!("`{e}`")),
            covers.join(", "),
            cell(&years.join(", ")),
        )
        .unwrap();
    }
    out
}

#[test]
fn builtin_page_matches_the_data() {
    let generated = generate();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/builtin.md");
    if std::env::var_os("ZHENGCE_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == generated,
        "{} is out of date with the built-in data; regenerate it with \
         ZHENGCE_UPDATE_DOCS=1 cargo test -p zhengce --test builtin_docs",
        path.display()
    );
}

#[test]
fn builtin_page_lists_every_rule_and_document() {
    // The generator itself must not drop entries: every rule and document id of the catalogue
    // appears in the page, and a rule known by hand (Tianshan item 68's bid bond, a capped
    // rate) is listed with its kind and clause.
    let page = generate();
    let cat = zhengce::Catalogue::builtin();
    let data: Value = serde_json::from_str(&cat.to_json()).unwrap();
    for section in ["documents", "rules", "parameters"] {
        for entry in entries(&data, section) {
            let id = text(&entry, "id");
            assert!(
                page.contains(&format!("| `{id}` |")),
                "{section} entry {id} is missing from docs/builtin.md"
            );
        }
    }
    assert!(page.contains("| `tianshan-2022-87/r68-bid-bond` | capped rate | Government-procurement bid bond | `tianshan-2022-87/68` |"));
    assert!(page.contains("| `cn-xj` | `cn-xj` | `cn` | 2022-01-01 – 2026-12-31 |"));
}
