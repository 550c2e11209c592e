//! The catalogue: documents per jurisdiction, counts, a measure with its citation, search,
//! a dated parameter, and a layered overlay.

use chrono::NaiveDate;
use zhengce::{Catalogue, DocumentFilter, MeasureFilter, TargetFilter, UnitFilter};

pub fn tour(cat: &Catalogue) -> Result<(), zhengce::Error> {
    super::heading("Catalogue");
    let data = cat.data();
    println!(
        "{} jurisdictions, {} documents, {} clauses, {} units, {} measures, {} community types, {} targets, {} observations, {} parameters",
        data.jurisdictions.len(),
        data.documents.len(),
        data.documents.iter().map(|d| d.all_clauses().count()).sum::<usize>(),
        data.units.len(),
        data.measures.len(),
        data.community_types.len(),
        data.targets.len(),
        data.observations.len(),
        data.parameters.len(),
    );
    println!(
        "embedded catalogue: {} KB; content hash {}",
        Catalogue::builtin_size() / 1024,
        &cat.content_hash()[..19]
    );

    println!("\nDocuments by jurisdiction (local ones, with their measures, targets and units):");
    for j in data.jurisdictions.iter().filter(|j| j.level == zhengce::JurisdictionLevel::District) {
        let docs =
            cat.documents(&DocumentFilter { jurisdiction: Some(j.id.clone()), ..Default::default() })?;
        let units = cat.units(&UnitFilter { jurisdiction: Some(j.id.clone()) })?.len();
        for d in docs {
            let measures =
                cat.measures(&MeasureFilter { document: Some(d.id.clone()), ..Default::default() })?.len();
            let targets =
                cat.targets(&TargetFilter { document: Some(d.id.clone()), ..Default::default() })?.len();
            println!(
                "  {:<32} {:<26} {measures:>3} measures {targets:>3} targets {units:>3} units",
                j.name.en, d.id
            );
        }
    }

    let measure = cat.measure("tianshan-2022-87/m68")?;
    let clause = cat.clause(measure.source.clause.as_deref().unwrap_or_default())?;
    println!("\nOne measure with its citation:");
    println!("  {} — {} ({})", measure.id, measure.title.zh, measure.title.en);
    println!("  cites {} item {}", measure.source.document, clause.label.as_deref().unwrap_or(""));
    println!("  「{}」", clause.text.as_deref().unwrap_or(""));
    println!("  {}", clause.summary);

    println!("\nSearch \"投标保证金\" (bid bond):");
    for hit in cat.search("投标保证金", &Default::default())? {
        println!("  {:<9} {:<28} {}: {}", hit.kind, hit.id, hit.field, hit.snippet);
    }

    println!("\nA dated parameter, inherited down the jurisdiction tree:");
    for (place, date) in [
        ("cn-xj-urumqi-tianshan", (2022, 5, 17)),
        ("cn-xj-urumqi-tianshan", (2022, 5, 18)),
        ("cn-sh-putuo", (2022, 5, 18)),
    ] {
        let date = NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("a valid date");
        let found = cat.parameter_value("procurement.bid_bond.rate", place, date)?;
        println!(
            "  bid-bond rate in {place:<22} on {date}: {} (set in {} from {}, {})",
            found.value,
            found.jurisdiction,
            found.effective_from,
            found.source.clause.as_deref().unwrap_or(&found.source.document)
        );
    }

    let overlay = r#"{"jurisdictions": [{"id": "cn-zj", "name": {"zh": "浙江省", "en": "Zhejiang"}, "level": "province", "parent": "cn"}],
        "units": [{"id": "zj-bad", "name": {"zh": "", "en": "A bureau"}, "kind": "department", "jurisdiction": "cn-zj-hangzhou",
                   "source": {"document": "no-such-document"}}]}"#;
    println!("\nLayering a user catalogue with mistakes reports every problem with its path:");
    match cat.layered(overlay) {
        Ok(_) => println!("  (unexpectedly valid)"),
        Err(err) => println!("  {}", err.to_string().replace('\n', "\n  ")),
    }
    Ok(())
}
