//! The community registry and the responsibility chain, on the built-in catalogue.

use serde_json::{Value, json};
use zhengce::communities::{Communities, CommunityFilter, UnitRole};
use zhengce::{Catalogue, ChainRole, ChainTier};

/// The context of a test catalogue, with the built-in calendars.
fn ctx_of(catalogue: impl Into<std::sync::Arc<zhengce::Catalogue>>) -> zhengce::Context {
    zhengce::Context::new(catalogue, zhengce::calendar::Calendars::builtin())
}

/// One of Tianshan's six pilot communities (item 81: 「试点打造创业社区6个」), unnamed in the
/// text, so synthetic.
fn pilot(n: u32, types: &[&str]) -> Value {
    json!({
        "id": format!("tianshan-pilot-{n}"),
        "name": {"zh": format!("天山区试点创业社区{n}"), "en": format!("Tianshan pilot community {n}")},
        "jurisdiction": "cn-xj-urumqi-tianshan",
        "sub_district": "tianshan-subdistricts",
        "types": types,
        "programmes": ["urumqi-2022-startup-communities/programme", "tianshan-2022-87/programme"],
        "targets": ["tianshan-2022-87/t81a", "tianshan-2022-87/t81c"],
        "source": {"document": "tianshan-2022-87", "clause": "tianshan-2022-87/81", "quote": "试点打造创业社区6个"}
    })
}

fn registry() -> Communities {
    let mut r = Communities::new(&ctx_of(Catalogue::builtin()));
    let types = [
        "convenience-economy",
        "modern-services",
        "childcare-services",
        "elderly-domestic-services",
        "health-services",
        "e-commerce",
    ];
    let rows: Vec<Value> = types.iter().enumerate().map(|(i, t)| pilot(i as u32 + 1, &[t])).collect();
    assert_eq!(r.register_all_json_value(&Value::Array(rows)).unwrap(), 6);
    r
}

#[test]
fn tianshan_six_pilots_register_and_filter() {
    let r = registry();
    assert_eq!(r.len(), 6);
    let childcare =
        CommunityFilter { community_type: Some("childcare-services".into()), ..Default::default() };
    let found: Vec<_> = r.communities(&childcare).unwrap().iter().map(|c| c.id.clone()).collect();
    assert_eq!(found, ["tianshan-pilot-3"]);
    let in_urumqi = CommunityFilter { jurisdiction: Some("cn-xj-urumqi".into()), ..Default::default() };
    assert_eq!(r.communities(&in_urumqi).unwrap().len(), 6);
    let pilots = CommunityFilter { target: Some("tianshan-2022-87/t81a".into()), ..Default::default() };
    assert_eq!(r.communities(&pilots).unwrap().len(), 6);
    let unknown = CommunityFilter { community_type: Some("space-tourism".into()), ..Default::default() };
    assert!(r.communities(&unknown).unwrap_err().is_not_found());
}

#[test]
fn who_is_responsible_for_a_pilot_target_in_a_pilot_community() {
    let r = registry();
    let answer = r.responsible("tianshan-2022-87/t81a", "tianshan-pilot-3").unwrap();
    // Tianshan's programme sets no chain; the community takes part in Urumqi's community
    // action, whose chain is 区(县)为主体,片区管委会(街道、乡镇)负直接责任,社区具体落实.
    assert_eq!(answer.programme.as_deref(), Some("urumqi-2022-startup-communities/programme"));
    let chain: Vec<_> = answer.chain.iter().map(|h| (h.tier, h.role, h.holder.clone().unwrap())).collect();
    assert_eq!(
        chain,
        [
            (ChainTier::District, ChainRole::Principal, "cn-xj-urumqi-tianshan".to_owned()),
            (ChainTier::SubDistrict, ChainRole::Direct, "tianshan-subdistricts".to_owned()),
            (ChainTier::Community, ChainRole::Implementing, "tianshan-pilot-3".to_owned()),
        ]
    );
    assert_eq!(answer.chain[0].name.as_ref().unwrap().zh, "天山区");
    assert_eq!(answer.chain[1].level.zh, "片区管委会(街道、乡镇)");
    assert_eq!(answer.chain[2].kind.as_deref(), Some("community"));
    // Item 81 names no unit and Tianshan's plan has no 责任部门, so no unit answers for it.
    assert!(answer.units.is_empty());
    let clauses: Vec<_> = answer.clauses.iter().map(|c| c.clause.clone().unwrap()).collect();
    assert_eq!(clauses, ["tianshan-2022-87/81", "urumqi-2022-startup-communities/a"]);
    assert_eq!(
        answer.clauses[1].quote.as_deref(),
        Some("区(县)为主体,片区管委会(街道、乡镇)负直接责任,社区具体落实。")
    );
}

#[test]
fn units_come_from_the_target_its_measure_and_its_programme_in_that_order() {
    let mut r = Communities::new(&ctx_of(Catalogue::builtin()));
    r.register_json_value(
        &json!({"id": "putuo-featured-1", "name": {"zh": "特色创业型社区一", "en": "Featured community 1"},
        "jurisdiction": "cn-sh-putuo", "sub_district": "putuo-subdistricts-towns",
        "source": {"document": "putuo-2019-startup-district", "clause": "putuo-2019-startup-district/3"}}),
    )
    .unwrap();
    // Putuo item 8 (创业教育): 责任部门 区教育局 (lead), 区人社局.
    let answer = r.responsible("putuo-2019-startup-district/t06", "putuo-featured-1").unwrap();
    let units: Vec<_> = answer.units.iter().map(|u| (u.unit.as_str(), u.role)).collect();
    assert_eq!(
        units,
        [
            ("putuo-education", UnitRole::MeasureLead),
            ("putuo-hrss", UnitRole::MeasureCo),
            ("putuo-startup-district-leading-group", UnitRole::ProgrammeLead),
            ("putuo-member-units", UnitRole::ProgrammeCo),
        ]
    );
    assert_eq!(answer.units[0].source.clause.as_deref(), Some("putuo-2019-startup-district/8"));
    assert!(answer.chain.is_empty() && answer.programme.is_none());
    // 「特色创业型社区达到2个」 names the leading group on the target itself.
    let answer = r.responsible("putuo-2019-startup-district/t05", "putuo-featured-1").unwrap();
    assert_eq!(
        (answer.units[0].unit.as_str(), answer.units[0].role),
        ("putuo-startup-district-leading-group", UnitRole::Target)
    );
}

#[test]
fn registration_is_checked_against_the_catalogue() {
    let mut r = registry();
    let code = |r: &mut Communities, v: Value| r.register_json_value(&v).unwrap_err();
    let mut bad = pilot(7, &["space-tourism"]);
    let err = code(&mut r, bad.clone());
    assert_eq!((err.code(), err.details()["kind"].as_str()), ("not_found", Some("community_type")));
    assert!(err.to_string().starts_with("failed to register community 'tianshan-pilot-7': "), "{err}");
    bad = pilot(1, &["e-commerce"]);
    let err = code(&mut r, bad);
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("community.id")));
    bad = pilot(7, &["e-commerce"]);
    bad["targets"] = json!(["putuo-2019-startup-district/t05"]);
    let err = code(&mut r, bad);
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("community.targets[0]")));
    bad = pilot(7, &["e-commerce"]);
    bad["sub_district"] = json!("no-such-office");
    assert_eq!(code(&mut r, bad).details()["kind"], "unit");
    bad = pilot(7, &["e-commerce"]);
    bad["id"] = json!("tianshan-2022-87/t28");
    assert_eq!(code(&mut r, bad).path(), Some("community.id"));
    let err = r
        .register_all_json_value(&json!([pilot(7, &["e-commerce"]), pilot(7, &["e-commerce"])]))
        .unwrap_err();
    assert_eq!((err.path(), err.details()["row"].as_u64()), (Some("communities[1].id"), Some(1)));
    assert_eq!(r.len(), 6, "a failed batch registers nothing");
}

#[test]
fn a_target_must_cover_the_community() {
    let r = registry();
    let err = r.responsible("putuo-2019-startup-district/t01", "tianshan-pilot-1").unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("target")));
    assert!(r.responsible("tianshan-2022-87/t28", "nowhere").unwrap_err().is_not_found());
    // Urumqi's city-wide targets cover the Tianshan pilots.
    let answer = r.responsible("urumqi-2022-startup-communities/t04", "tianshan-pilot-2").unwrap();
    assert_eq!(answer.programme.as_deref(), Some("urumqi-2022-startup-communities/programme"));
    let roles: Vec<_> = answer.units.iter().map(|u| u.role).collect();
    assert_eq!(roles, [UnitRole::ProgrammeLead, UnitRole::ProgrammeLead, UnitRole::ProgrammeCo]);
}

#[test]
fn a_catalogue_community_is_in_the_registry_from_the_start() {
    let overlay = json!({"communities": [pilot(1, &["childcare-services"])]});
    let cat = Catalogue::builtin().layered_json_value(&overlay).unwrap();
    assert_eq!(cat.community("tianshan-pilot-1").unwrap().targets.len(), 2);
    let r = Communities::new(&ctx_of(cat));
    assert_eq!(r.community("tianshan-pilot-1").unwrap().types, ["childcare-services"]);
    // A catalogue community's targets must exist.
    let mut bad = pilot(2, &["childcare-services"]);
    bad["targets"] = json!(["tianshan-2022-87/t999"]);
    let err = Catalogue::builtin().layered_json_value(&json!({"communities": [bad]})).unwrap_err();
    assert_eq!(err.problems()[0].path, "overlay:$.communities[0].targets[0]");
}
