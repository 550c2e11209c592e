//! Drafting: Tianshan's 87 measures read from their text into a draft catalogue layer, the
//! first targets shown next to their words.

use zhengce::draft::{DraftMeta, DraftOptions, ItemKind, draft};

const TEXT: &str = include_str!("../../core/data/sources/002_f2cb9e304a2c1ebe.txt");

pub fn tour(cat: &zhengce::Catalogue) -> Result<(), zhengce::Error> {
    super::heading("Drafting a catalogue layer from a text");
    let meta = DraftMeta {
        id: "tianshan-2022-87-draft".into(),
        jurisdiction: "cn-xj-urumqi-tianshan".into(),
        title: None,
        issued: chrono::NaiveDate::from_ymd_opt(2022, 5, 18),
        period: None,
    };
    let d = draft(TEXT, &meta, &DraftOptions::default())?;
    let s = &d.stats;
    println!(
        "{} characters: {} clauses, {} targets, {} time limits, {} fee rules, {} observations",
        s.chars, s.clauses, s.targets, s.time_limits, s.fees, s.observations
    );
    let chars: Vec<char> = TEXT.chars().collect();
    for item in d.items.iter().filter(|i| i.kind == ItemKind::Target).take(6) {
        // The words around the span, with the span in brackets.
        let from = item.span.start.saturating_sub(14);
        let words: String = chars[from..item.span.start].iter().collect();
        println!(
            "  …{words}[{}]  → {} {} {} by {} ({})",
            item.text,
            serde_json::to_value(item.comparator).expect("a comparator serialises").as_str().unwrap_or(""),
            item.value.unwrap(),
            item.unit.as_deref().unwrap_or(""),
            item.deadline.map_or("-".into(), |d| d.to_string()),
            item.clause
        );
    }
    // The draft is a catalogue layer like any other.
    let layered = cat.layered(&serde_json::to_string(&d.layer).expect("a layer serialises"))?;
    println!("layered over the built-in catalogue: {} targets in all", layered.data().targets.len());
    Ok(())
}
