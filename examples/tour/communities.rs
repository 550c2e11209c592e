//! Communities: Tianshan's six pilot communities registered, and who is responsible for the
//! pilot target in one of them.

use zhengce::communities::Communities;

pub fn tour(ctx: &zhengce::Context) -> Result<(), zhengce::Error> {
    super::heading("Communities and the responsibility chain");
    let mut registry = Communities::new(ctx);
    let types = [
        "convenience-economy",
        "modern-services",
        "childcare-services",
        "elderly-domestic-services",
        "health-services",
        "e-commerce",
    ];
    let pilots: Vec<serde_json::Value> = types
        .iter()
        .enumerate()
        .map(|(i, t)| {
            serde_json::json!({
                "id": format!("tianshan-pilot-{}", i + 1),
                "name": {"zh": format!("天山区试点创业社区{}", i + 1), "en": format!("Tianshan pilot community {}", i + 1)},
                "jurisdiction": "cn-xj-urumqi-tianshan", "sub_district": "tianshan-subdistricts", "types": [t],
                "programmes": ["urumqi-2022-startup-communities/programme", "tianshan-2022-87/programme"],
                "targets": ["tianshan-2022-87/t81a", "tianshan-2022-87/t81c"],
                "source": {"document": "tianshan-2022-87", "clause": "tianshan-2022-87/81"}})
        })
        .collect();
    let n = registry.register_all_json_value(&serde_json::Value::Array(pilots))?;
    println!("{n} pilot communities registered (item 81: 试点打造创业社区6个; synthetic names)");
    let answer = registry.responsible("tianshan-2022-87/t81a", "tianshan-pilot-3")?;
    println!("\nWho is responsible for the pilot target in {}?", answer.community);
    for h in &answer.chain {
        let who = h.name.as_ref().map_or("(not recorded)", |n| n.zh.as_str());
        println!("  {:<24} {:<12?} {}", h.level.zh, h.role, who);
    }
    for c in &answer.clauses {
        println!(
            "  cites {}{}",
            c.clause.as_deref().unwrap_or(&c.document),
            c.quote.as_deref().map(|q| format!(" 「{q}」")).unwrap_or_default()
        );
    }
    let putuo = registry.responsible("putuo-2019-startup-district/t06", "tianshan-pilot-1");
    println!("\nA Putuo target in a Tianshan community: {}", putuo.unwrap_err());
    Ok(())
}
