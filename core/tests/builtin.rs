//! Checks of the built-in catalogue against its sources.
//!
//! - it loads without a problem;
//! - every clause text and every quotation occurs verbatim in its source text
//!   (`core/data/sources/`);
//! - every id that `tests/coverage/*.json` requires (the inventory of the five documents) is
//!   in the catalogue and cites a clause.

use std::collections::HashMap;
use std::path::Path;

use zhengce::{Catalogue, Citation, Clause, Entry};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

fn sources(cat: &Catalogue) -> HashMap<String, String> {
    cat.data()
        .documents
        .iter()
        .filter_map(|d| {
            let file = d.source_file.as_ref()?;
            let text = std::fs::read_to_string(repo().join("core/data/sources").join(file))
                .unwrap_or_else(|e| panic!("document '{}' names source file {file}: {e}", d.id));
            Some((d.id.clone(), text))
        })
        .collect()
}

#[test]
fn builtin_catalogue_loads_without_problems() {
    // Catalogue::builtin() panics on a problem; run the same layers through the checked path
    // so a failure prints every problem.
    let cat = std::panic::catch_unwind(Catalogue::builtin);
    assert!(cat.is_ok(), "the built-in catalogue has problems (see the panic message above)");
}

/// Checks that `quote` occurs in `source`; a quote may be cut with `…`, each piece verbatim.
fn check_quote(source: &str, quote: &str, place: &str, failures: &mut Vec<String>) {
    for piece in quote.split('…').map(str::trim).filter(|p| !p.is_empty()) {
        if !source.contains(piece) {
            failures.push(format!("{place}: not verbatim in its source: {piece}"));
        }
    }
}

#[test]
fn every_quoted_text_is_verbatim_in_its_source() {
    let cat = Catalogue::builtin();
    let sources = sources(&cat);
    let mut failures = Vec::new();
    let mut checked = 0;
    for doc in &cat.data().documents {
        let Some(source) = sources.get(&doc.id) else { continue };
        fn walk(clauses: &[Clause], source: &str, failures: &mut Vec<String>, checked: &mut usize) {
            for c in clauses {
                if let Some(text) = &c.text {
                    check_quote(source, text, &c.id, failures);
                    *checked += 1;
                }
                if let Some(title) = &c.title {
                    check_quote(source, &title.zh, &format!("{} title", c.id), failures);
                }
                walk(&c.children, source, failures, checked);
            }
        }
        walk(&doc.clauses, source, &mut failures, &mut checked);
    }
    let json: serde_json::Value = serde_json::from_str(&cat.to_json()).unwrap();
    let mut quotes = Vec::new();
    collect_citations(&json, "$", &mut quotes);
    for (path, citation) in quotes {
        if let (Some(quote), Some(source)) = (&citation.quote, sources.get(&citation.document)) {
            check_quote(source, quote, &path, &mut failures);
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{} quotations are not verbatim:\n{}", failures.len(), failures.join("\n"));
    println!("{checked} quotations checked");
}

/// Every `source` object in the catalogue JSON, with its path.
fn collect_citations(value: &serde_json::Value, path: &str, out: &mut Vec<(String, Citation)>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let p = format!("{path}.{k}");
                if k == "source" && v.get("document").is_some() {
                    out.push((p.clone(), serde_json::from_value(v.clone()).unwrap()));
                }
                collect_citations(v, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_citations(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[derive(serde::Deserialize)]
struct Coverage {
    document: String,
    required: Vec<Required>,
}

#[derive(serde::Deserialize)]
struct Required {
    inventory: String,
    id: String,
}

#[test]
fn every_inventory_item_is_in_the_catalogue_with_a_citation() {
    let cat = Catalogue::builtin();
    let dir = repo().join("tests/coverage");
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
        let coverage: Coverage = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert!(
            cat.document(&coverage.document).is_ok(),
            "{}: no document '{}'",
            file.display(),
            coverage.document
        );
        for req in &coverage.required {
            checked += 1;
            let place = format!("{} ({})", req.id, req.inventory);
            let citation = match cat.get(&req.id) {
                Err(_) => {
                    failures.push(format!("{place}: not in the catalogue"));
                    continue;
                }
                Ok(Entry::Clause(c)) => {
                    if c.text.is_none() && c.title.is_none() {
                        failures.push(format!("{place}: clause has neither text nor title"));
                    }
                    continue;
                }
                Ok(Entry::Document(_) | Entry::Jurisdiction(_)) => continue,
                Ok(Entry::Parameter(p)) => p.values.first().map(|v| v.source.clone()),
                Ok(Entry::Unit(u)) => Some(u.source.clone()),
                Ok(Entry::Programme(p)) => Some(p.source.clone()),
                Ok(Entry::Measure(m)) => Some(m.source.clone()),
                Ok(Entry::CommunityType(t)) => Some(t.source.clone()),
                Ok(Entry::Community(c)) => Some(c.source.clone()),
                Ok(Entry::Target(t)) => Some(t.source.clone()),
                Ok(Entry::Observation(o)) => Some(o.source.clone()),
                Ok(Entry::Rule(r)) => Some(r.source.clone()),
            };
            match citation {
                Some(c) if c.clause.is_some() => {}
                _ => failures.push(format!("{place}: cites no clause")),
            }
        }
    }
    assert!(checked > 0, "no coverage lists found in {}", dir.display());
    assert!(failures.is_empty(), "{} inventory items missing:\n{}", failures.len(), failures.join("\n"));
    println!("{checked} inventory items present");
}
