//! How well the drafter reads the five source documents, measured against the hand-encoded
//! catalogue: recall and precision of targets and of time limits, per document and in total.
//!
//! A drafted item matches a catalogue entry when value, unit and comparator agree (values
//! compared in a common unit: 2 `10k_yuan` is 20000 `yuan`) and its span overlaps the text of
//! the clause the entry cites. Targets scored are the catalogue's quantitative targets (a
//! value, not a yes/no achievement); time limits are its time-limit rules, valued by their
//! parameter. Run `cargo test -p zhengce --test draft_recall -- --nocapture` to see the table,
//! the misses and the inventions.

use rust_decimal::Decimal;
use serde_json::Value;
use zhengce::Catalogue;
use zhengce::draft::{DraftMeta, DraftOptions, ItemKind, draft};

const SOURCES: [(&str, &str); 5] = [
    ("urumqi-2022-startup-communities", include_str!("../data/sources/000_fda8b05c2ac4327d.txt")),
    ("xinshi-2021-fyp", include_str!("../data/sources/001_a25632e895ee11f6.txt")),
    ("tianshan-2022-87", include_str!("../data/sources/002_f2cb9e304a2c1ebe.txt")),
    ("putuo-2019-startup-district", include_str!("../data/sources/003_0b7bef866645bdb9.txt")),
    ("xinjin-2021-fragment", include_str!("../data/sources/004_238e50139c0e8d6f.txt")),
];

/// An entry of the catalogue to find.
#[derive(Debug)]
struct Truth {
    id: String,
    value: Decimal,
    unit: String,
    comparator: String,
    span: (usize, usize),
}

/// A value in a common unit.
fn canonical(value: Decimal, unit: &str) -> (Decimal, String) {
    match unit {
        "10k_yuan" => (value * Decimal::from(10_000), "yuan".into()),
        "100m_yuan" => (value * Decimal::from(100_000_000), "yuan".into()),
        _ => (value.normalize(), unit.into()),
    }
}

fn char_find(haystack: &str, needle: &str) -> Option<(usize, usize)> {
    let byte = haystack.find(needle)?;
    let start = haystack[..byte].chars().count();
    Some((start, start + needle.chars().count()))
}

/// Where the clause an entry cites lies in the source, in characters.
fn clause_span(cat: &Catalogue, source: &Value, text: &str) -> (usize, usize) {
    let clause = source["clause"].as_str().and_then(|id| cat.clause(id).ok());
    if let Some(found) = clause.and_then(|c| c.text.as_deref()).and_then(|t| char_find(text, t)) {
        return found;
    }
    let quote = source["quote"].as_str().unwrap_or("");
    let first = quote.split('…').next().unwrap_or("");
    char_find(text, first).unwrap_or_else(|| panic!("cannot place {source} in its source"))
}

fn truths(cat: &Catalogue, doc: &str, text: &str) -> (Vec<Truth>, Vec<Truth>) {
    let data = serde_json::to_value(cat.data()).unwrap();
    let empty = Vec::new();
    let list = |k: &str| data[k].as_array().unwrap_or(&empty).clone();
    let mut targets = Vec::new();
    for t in list("targets") {
        if t["source"]["document"] != doc || t["value"].is_null() || t["unit"] == "boolean" {
            continue;
        }
        targets.push(Truth {
            id: t["id"].as_str().unwrap().into(),
            value: t["value"].as_str().unwrap().parse().unwrap(),
            unit: t["unit"].as_str().unwrap().into(),
            comparator: t["comparator"].as_str().unwrap().into(),
            span: clause_span(cat, &t["source"], text),
        });
    }
    let parameters = list("parameters");
    let mut limits = Vec::new();
    for r in list("rules") {
        if r["source"]["document"] != doc || r["logic"]["kind"] != "time_limit" {
            continue;
        }
        let p = parameters.iter().find(|p| p["id"] == r["logic"]["duration"]).expect("the rule's duration");
        let last = p["values"].as_array().unwrap().last().unwrap();
        limits.push(Truth {
            id: r["id"].as_str().unwrap().into(),
            value: last["value"].as_str().unwrap().parse().unwrap(),
            unit: p["unit"].as_str().unwrap().into(),
            comparator: "at_most".into(),
            span: clause_span(cat, &r["source"], text),
        });
    }
    (targets, limits)
}

#[derive(Default, Clone, Copy)]
struct Score {
    truth: usize,
    found: usize,
    drafted: usize,
    right: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.truth += o.truth;
        self.found += o.found;
        self.drafted += o.drafted;
        self.right += o.right;
    }
    fn recall(&self) -> f64 {
        if self.truth == 0 { 1.0 } else { self.found as f64 / self.truth as f64 }
    }
    fn precision(&self) -> f64 {
        if self.drafted == 0 { 1.0 } else { self.right as f64 / self.drafted as f64 }
    }
}

#[test]
fn draft_recall_and_precision_on_the_five_documents() {
    let cat = Catalogue::builtin();
    let mut total = [Score::default(); 2];
    let mut report = String::new();
    report += "document                          | targets: truth found drafted right  recall precision | time limits: truth found drafted right  recall precision\n";
    for (doc, text) in SOURCES {
        let d = cat.document(doc).unwrap();
        let meta = DraftMeta {
            id: format!("{doc}-draft"),
            jurisdiction: d.jurisdiction.clone(),
            title: None,
            issued: d.issued.or(d.published),
            period: d.period,
        };
        let drafted = draft(text, &meta, &DraftOptions::default()).unwrap();
        // The draft layers over the built-in catalogue like any overlay.
        Catalogue::builtin().layered(&serde_json::to_string(&drafted.layer).unwrap()).unwrap();
        let (targets, limits) = truths(&cat, doc, text);
        let mut row = Vec::new();
        for (k, (kind, truth)) in
            [(ItemKind::Target, &targets), (ItemKind::TimeLimit, &limits)].into_iter().enumerate()
        {
            let items: Vec<_> = drafted.items.iter().filter(|i| i.kind == kind).collect();
            let matches = |i: &zhengce::draft::DraftItem, t: &Truth| {
                let comparator = serde_json::to_value(i.comparator).unwrap();
                canonical(i.value.unwrap(), i.unit.as_deref().unwrap()) == canonical(t.value, &t.unit)
                    && comparator == t.comparator.as_str()
                    && i.span.start < t.span.1
                    && t.span.0 < i.span.end
            };
            let mut s = Score { truth: truth.len(), drafted: items.len(), ..Score::default() };
            for t in truth.iter() {
                if items.iter().any(|i| matches(i, t)) {
                    s.found += 1;
                } else {
                    report +=
                        &format!("  missed   {doc}: {} {} {} {}\n", t.id, t.comparator, t.value, t.unit);
                }
            }
            for i in &items {
                if truth.iter().any(|t| matches(i, t)) {
                    s.right += 1;
                } else {
                    report += &format!(
                        "  invented {doc}: {:?} {} {:?} {} {} [{}..{}] {}\n",
                        kind,
                        i.text,
                        i.comparator.unwrap(),
                        i.value.unwrap(),
                        i.unit.as_deref().unwrap(),
                        i.span.start,
                        i.span.end,
                        i.metric.as_deref().or(i.service.as_deref()).unwrap_or("")
                    );
                }
            }
            total[k].add(s);
            row.push(s);
        }
        report += &format!("{doc:33} | {} | {}\n", line(row[0]), line(row[1]));
    }
    report += &format!("{:33} | {} | {}\n", "TOTAL", line(total[0]), line(total[1]));
    println!("{report}");
    assert!(total[0].recall() >= 0.9, "target recall {:.3} below 0.9", total[0].recall());
    assert!(total[0].precision() >= 0.8, "target precision {:.3} below 0.8", total[0].precision());
    assert!(total[1].recall() >= 0.9, "time-limit recall {:.3} below 0.9", total[1].recall());
    assert!(total[1].precision() >= 0.8, "time-limit precision {:.3} below 0.8", total[1].precision());
}

fn line(s: Score) -> String {
    format!(
        "{:5} {:5} {:7} {:5}  {:6.3} {:9.3}",
        s.truth,
        s.found,
        s.drafted,
        s.right,
        s.recall(),
        s.precision()
    )
}
