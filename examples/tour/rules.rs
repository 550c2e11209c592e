//! Rules: the bid bond of a few lots before and after Tianshan's measure and under a scenario
//! with a 50,000-yuan cap, an eligibility result that lists what is missing, and one full
//! explanation with citations.

use chrono::NaiveDate;
use zhengce::Context;
use zhengce::context::ScenarioSpec;
use zhengce::rules::{Batch, Column, ColumnData, Dates, Input, Lang, Options};

pub fn tour(ctx: &Context) -> Result<(), zhengce::Error> {
    super::heading("Rules");
    let cat = ctx.catalogue();
    let baseline = ctx.clone();
    let spec: ScenarioSpec = serde_json::from_value(serde_json::json!({"name": "cap-50000",
        "parameters": [{"parameter": "procurement.bid_bond.cap_per_lot", "jurisdiction": "cn-xj-urumqi-tianshan",
                        "effective_from": "2022-05-18", "value": "50000", "reading": "What if the cap were 50,000 yuan?"}]}))
    .expect("a valid spec");
    let cap50 = ctx.with_scenario(spec)?;
    println!(
        "{} rules in the catalogue; the bid bond is tianshan-2022-87/r68-bid-bond (item 68).",
        cat.data().rules.len()
    );

    let lots = [
        ("1000000", "ordinary"),
        ("5000000", "ordinary"),
        ("5000000", "ppp"),
        ("5000000", "framework_entry"),
    ];
    let before = NaiveDate::from_ymd_opt(2022, 5, 17).unwrap();
    let after = NaiveDate::from_ymd_opt(2022, 6, 1).unwrap();
    println!(
        "\nBid bond (yuan)    budget  lot type          before (2 %)   after (1 %, cap 20,000)   cap 50,000"
    );
    let (base, alt) = (
        baseline.evaluator("tianshan-2022-87/r68-bid-bond")?,
        cap50.evaluator("tianshan-2022-87/r68-bid-bond")?,
    );
    for (budget, ty) in lots {
        let amount = |ev: &zhengce::rules::Evaluator, on| -> Result<String, zhengce::Error> {
            let input = Input::new(on).with("budget", budget).with("lot_type", ty);
            Ok(ev.evaluate(&input, &Options::default())?.amount().map(|a| a.to_string()).unwrap_or_default())
        };
        println!(
            "  {budget:>20}  {ty:<16} {:>13}   {:>23}   {:>10}",
            amount(&base, before)?,
            amount(&base, after)?,
            amount(&alt, after)?
        );
    }

    let budgets = [100_000_000i64, 300_000_000, 800_000_000, 800_000_000];
    let types = ["ordinary", "ordinary", "ordinary", "ppp"];
    let batch = Batch {
        dates: Dates::One(after),
        jurisdiction: None,
        columns: vec![
            Column::new("budget", ColumnData::Int { values: &budgets, scale: 2 }),
            Column::new("lot_type", ColumnData::Text(&types)),
        ],
    };
    let cmp = baseline.compare(&cap50, "tianshan-2022-87/r68-bid-bond", &batch, &Options::default())?;
    println!(
        "\nA batch of {} lots under both scenarios: {} -> {} yuan (+{}), {} lots pay more.",
        cmp.totals.rows,
        cmp.totals.baseline,
        cmp.totals.alternative,
        cmp.totals.difference,
        cmp.totals.changed
    );

    let elec = baseline.evaluator("tianshan-2022-87/r62-electricity-commitment")?;
    let partial = Input::new(after).with("capacity_kva", "1600").with("voltage_kv", "10");
    let r = elec.evaluate(&partial, &Options::default())?;
    println!("\nEligibility (item 62, connection on commitment) with 2 of 6 inputs given:");
    println!("  {}", r.to_text(Lang::En).trim());
    let full = partial
        .with("excavation_m", "800")
        .with("high_voltage", true)
        .with("meets_requirements", true)
        .with("occupies_forest_or_grassland", true);
    println!(
        "  all given, on grassland: {}",
        elec.evaluate(&full, &Options::default())?.to_text(Lang::En).trim()
    );

    let table = baseline.evaluator("tianshan-2022-87/r10-credit-class")?;
    println!("\nCredit classes (item 10; ratios are assumption parameters):");
    for class in ["a", "b", "c", "d"] {
        let r = table.evaluate(&Input::new(after).with("credit_class", class), &Options::default())?;
        println!(
            "  {class}: sampling ratio {}, {} per year, on site {}",
            r.output("sampling_ratio").and_then(|v| v.as_str()).unwrap_or(""),
            r.output("frequency_per_year").and_then(|v| v.as_str()).unwrap_or(""),
            r.output("on_site").and_then(|v| v.as_str()).unwrap_or("")
        );
    }

    println!("\nOne full explanation (English, then Chinese):\n");
    let lot = Input::new(after).with("budget", "5000000");
    let explained = base.evaluate(&lot, &Options::explained())?;
    print!("{}", explained.to_text(Lang::En));
    println!();
    print!("{}", explained.to_text(Lang::Zh));
    Ok(())
}
