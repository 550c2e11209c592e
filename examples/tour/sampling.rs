//! Double-random inspection (双随机、一公开, Tianshan items 9 and 10): a plan for a synthetic
//! district register of 50,000 entities, the per-class summary, a few visits, verification,
//! and the same draw over columns.

use serde_json::{Value, json};
use zhengce::sampling::{Directory, InspectionPlan, PlanSpec, Register, RegisterColumns, StratifiedDraw};
use zhengce::{Context, Error};

const INDUSTRIES: [&str; 4] = ["food", "retail", "building", "services"];
const DISTRICTS: [&str; 4] = ["yanerwo", "shengli-road", "heping-road", "xinhua-road"];

/// 50,000 entities with Xinjiang's credit mix (A 48.6 %, B 41.5 %, C 6.4 %, D 3.5 %), built
/// from a multiplicative hash so that the Python and JavaScript tours build the same register.
pub fn synthetic_register(n: u32) -> Value {
    let rows: Vec<Value> = (0..n)
        .map(|i| {
            let h = i.wrapping_mul(2_654_435_761);
            let class = match h % 10_000 {
                0..4860 => "a",
                4860..9012 => "b",
                9012..9654 => "c",
                _ => "d",
            };
            let mut e = json!({"id": format!("91650102MA{i:08}"), "credit_class": class,
                "industry": INDUSTRIES[(h >> 16) as usize % 4], "district": DISTRICTS[(h >> 20) as usize % 4]});
            if h.is_multiple_of(211) {
                e["flags"] = json!([(["complaint", "big_data_alert", "referred_case"][(h >> 8) as usize % 3])]);
            }
            e
        })
        .collect();
    Value::Array(rows)
}

/// The inspector directory: market regulation, health and fire departments, with conflicts.
pub fn directory() -> Value {
    let mut out = Vec::new();
    for (department, count) in [("amr", 12), ("health", 6), ("fire", 6)] {
        for k in 1..=count {
            let mut ins = json!({"id": format!("{department}-{k:02}"), "department": department});
            if k == 2 {
                ins["conflicts"] = json!([{"district": "yanerwo"}]); // lives there; local rotation rule
            }
            if k == 3 {
                ins["conflicts"] = json!([{"industry": "food"}, {"entity": "91650102MA00000007"}]);
            }
            out.push(ins);
        }
    }
    Value::Array(out)
}

pub fn spec() -> Value {
    json!({
        "jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01",
        "seed": "天山区2022年第1批 公开摇号 0417-2291-8830",
        "checks": [
            {"department": "amr", "items": ["licence", "annual-report"]},
            {"department": "health", "items": ["hygiene"], "industries": ["food"]},
            {"department": "fire", "items": ["fire-exits"], "industries": ["retail", "building"]}
        ]
    })
}

pub fn tour(ctx: &Context) -> Result<(), Error> {
    super::heading("Double-random inspection (双随机、一公开)");
    let register = Register::from_json_value(&synthetic_register(50_000))?;
    let directory = Directory::from_json_value(&directory())?;
    let spec: PlanSpec = zhengce::error::from_json_value(&spec(), "spec")?;
    let plan = InspectionPlan::draw(ctx, &register, &directory, &spec)?;
    println!(
        "{} entities, {} inspectors, seed '{}'",
        register.len(),
        directory.inspectors().len(),
        spec.seed
    );
    println!(
        "base ratio {} ({}), {} inspectors per check",
        plan.base_ratio,
        plan.parameters[0].source.as_ref().map_or("a scenario", |s| s.document.as_str()),
        plan.inspectors_per_check
    );
    println!("\n  class  population  flagged    ratio  drawn  selected  realised");
    for s in &plan.strata {
        println!(
            "  {:<5} {:>11} {:>8} {:>8} {:>6} {:>9} {:>9}",
            s.credit_class.as_str(),
            s.population,
            s.flagged,
            s.ratio,
            s.sample,
            s.selected,
            s.realised_ratio
        );
    }
    let joint = plan.visits.iter().filter(|v| v.checks.len() > 1).count();
    let off_site = plan.visits.iter().filter(|v| v.mode == zhengce::sampling::Mode::OffSite).count();
    println!(
        "\n{} visits: {} joint (进一次门、查多项事), {} off site (class A drawn at random), {} out of scope",
        plan.visits.len(),
        joint,
        off_site,
        plan.out_of_scope
    );
    for v in plan.visits.iter().take(3) {
        let checks: Vec<String> =
            v.checks.iter().map(|c| format!("{}: {}", c.department, c.items.join("+"))).collect();
        let inspectors: Vec<&str> = v.inspectors.iter().map(|i| i.id.as_str()).collect();
        println!(
            "  #{:<4} {} class {} {} {} [{}] by {}",
            v.number,
            v.entity,
            v.credit_class.as_str(),
            json!(v.reason).as_str().unwrap_or_default(),
            json!(v.mode).as_str().unwrap_or_default(),
            checks.join("; "),
            inspectors.join(", ")
        );
    }
    let publication = &plan.publication;
    let publish_by = publication
        .publish_by
        .map_or_else(|| publication.publish_by_unknown.clone().unwrap_or_default(), |d| d.to_string());
    println!("results public within {} working days: by {publish_by}", plan.publication.working_days);

    let report = plan.verify(ctx, &register, &directory)?;
    println!("\nverify the published plan: matches = {}", report.matches);
    let mut forged = InspectionPlan::from_json(&plan.to_json())?;
    forged.visits[0].inspectors[0].id = "amr-99".into();
    let report = forged.verify(ctx, &register, &directory)?;
    let d = &report.differences[0];
    println!(
        "verify a forged copy: matches = {}; {}: published {}, derived {}",
        report.matches, d.path, d.published, d.derived
    );

    let classes: Vec<u8> = register.entities().iter().map(|e| e.credit_class.code()).collect();
    let flags: Vec<u8> = register.entities().iter().map(|e| u8::from(!e.flags.is_empty())).collect();
    let columns = RegisterColumns::new(&classes).with_flags(&flags);
    let draw = StratifiedDraw::draw(ctx, &columns, &spec.sample_spec())?;
    let mut from_columns: Vec<u64> =
        draw.strata.iter().flat_map(|s| s.random.iter().chain(&s.mandatory)).copied().collect();
    from_columns.sort_unstable();
    let ids = register.entities();
    let same = from_columns
        .iter()
        .map(|&p| ids[p as usize].id.as_str())
        .eq(plan.visits.iter().map(|v| v.entity.as_str()));
    println!(
        "the columnar draw over the same class and flag columns selects the same {} entities: {same}",
        from_columns.len()
    );
    println!("\nCSV, first two visits:");
    for line in plan.to_csv().lines().take(3) {
        println!("  {line}");
    }
    Ok(())
}
