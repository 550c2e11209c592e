//! Catalogue semantics: round trips, layering, parameter inheritance, queries.
//!
//! Bad-input kinds are in the shared vectors (tests/vectors/catalogue/load.json), which this
//! crate runs too; these tests cover what vectors express poorly.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::json;
use zhengce::{Catalogue, MeasureFilter};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn base() -> serde_json::Value {
    json!({
        "jurisdictions": [
            {"id": "cn", "name": {"zh": "中国", "en": "China"}, "level": "country"},
            {"id": "cn-a", "name": {"zh": "甲省", "en": "Province A"}, "level": "province", "parent": "cn"},
            {"id": "cn-a-b", "name": {"zh": "乙市", "en": "City B"}, "level": "city", "parent": "cn-a"}
        ],
        "documents": [{"id": "d", "title": {"zh": "文件", "en": "Doc"}, "kind": "notice", "jurisdiction": "cn",
            "issuer": {"zh": "国务院", "en": "State Council"},
            "clauses": [{"id": "d/1", "summary": "One."}, {"id": "d/2", "summary": "Two.",
                "children": [{"id": "d/2/1", "text": "第二条第一款", "summary": "Two, one."}]}]}],
        "parameters": [{"id": "p", "name": {"zh": "比例", "en": "Rate"}, "unit": "ratio", "values": [
            {"jurisdiction": "cn", "effective_from": "2015-03-01", "value": "0.02", "source": {"document": "d", "clause": "d/1"}},
            {"jurisdiction": "cn-a", "effective_from": "2022-05-18", "until": "2022-12-31", "value": "0.01", "source": {"document": "d", "clause": "d/2"}}
        ]}]
    })
}

#[test]
fn the_builtin_catalogue_round_trips_through_json() {
    let cat = Catalogue::builtin();
    let again = Catalogue::from_json(&cat.to_json()).unwrap();
    assert_eq!(again.data(), cat.data());
    assert_eq!(again.to_json(), cat.to_json());
    assert_eq!(again.content_hash(), cat.content_hash());
    let pretty = Catalogue::from_json(&cat.to_json_pretty()).unwrap();
    assert_eq!(pretty.data(), cat.data());
}

#[test]
fn a_parameter_is_inherited_from_the_nearest_ancestor_in_force() {
    let cat = Catalogue::from_json_value(&base()).unwrap();
    let at = |place: &str, d: NaiveDate| {
        cat.parameter_value("p", place, d).map(|l| (l.value.to_string(), l.jurisdiction))
    };
    assert_eq!(at("cn-a-b", date(2022, 5, 17)).unwrap(), ("0.02".into(), "cn".into()));
    assert_eq!(at("cn-a-b", date(2022, 5, 18)).unwrap(), ("0.01".into(), "cn-a".into()));
    assert_eq!(at("cn-a-b", date(2022, 12, 31)).unwrap(), ("0.01".into(), "cn-a".into()));
    // After the province's value ends, the national one applies again.
    assert_eq!(at("cn-a-b", date(2023, 1, 1)).unwrap(), ("0.02".into(), "cn".into()));
    assert_eq!(at("cn-a", date(2015, 2, 28)).unwrap_err().code(), "invalid_input");
}

#[test]
fn an_overlay_replaces_entries_by_id_and_merges_parameter_values() {
    let cat = Catalogue::from_json_value(&base()).unwrap();
    let overlay = json!({
        "documents": [{"id": "d", "title": {"zh": "新文件", "en": "New doc"}, "kind": "notice", "jurisdiction": "cn",
            "issuer": {"zh": "国务院", "en": "State Council"}, "clauses": [{"id": "d/1", "summary": "One, revised."},
            {"id": "d/2", "summary": "Two."}]}],
        "parameters": [{"id": "p", "name": {"zh": "比例", "en": "Rate"}, "unit": "ratio", "values": [
            {"jurisdiction": "cn-a", "effective_from": "2022-05-18", "until": "2022-12-31", "value": "0.015", "source": {"document": "d"}},
            {"jurisdiction": "cn-a-b", "effective_from": "2023-01-01", "value": "0.005", "source": {"document": "d"}}
        ]}]
    });
    let err = cat.layered_json_value(&overlay).unwrap_err();
    let codes: Vec<_> = err.problems().iter().map(|p| (p.code.as_str(), p.path.as_str())).collect();
    assert_eq!(
        codes,
        [("replaces_entry", "overlay:$.documents[0].id"), ("replaces_entry", "overlay:$.parameters[0].id")],
        "replacing needs the flag"
    );
    let replace = zhengce::LayerOptions { replace: true, redefine: false };
    let layered = cat.layered_json_value_with(&overlay, replace).unwrap();
    let replaced: Vec<_> = layered.replacements().iter().map(|r| (r.kind.as_str(), r.id.as_str())).collect();
    assert_eq!(replaced, [("document", "d"), ("parameter", "p")]);
    assert_eq!(layered.document("d").unwrap().title.en, "New doc");
    assert!(layered.clause("d/2/1").is_err(), "a replaced document brings its own clause tree");
    let values = &layered.parameter("p").unwrap().values;
    assert_eq!(values.len(), 3, "same jurisdiction and start replaces; a new one adds");
    let at = |place: &str, d: NaiveDate| layered.parameter_value("p", place, d).unwrap().value.to_string();
    assert_eq!(at("cn-a-b", date(2022, 6, 1)), "0.015");
    assert_eq!(at("cn-a-b", date(2023, 6, 1)), "0.005");
    assert_eq!(at("cn-a", date(2023, 6, 1)), "0.02");
    // The base catalogue is untouched.
    assert_eq!(cat.parameter_value("p", "cn-a-b", date(2022, 6, 1)).unwrap().value.to_string(), "0.01");
}

#[test]
fn an_overlay_that_removes_a_cited_clause_points_at_the_entry_left_dangling() {
    let mut data = base();
    data["measures"] = json!([{"id": "m", "title": {"zh": "措施", "en": "Measure"}, "source": {"document": "d", "clause": "d/2/1"}}]);
    let cat = Catalogue::from_json_value(&data).unwrap();
    let overlay = json!({"documents": [{"id": "d", "title": {"zh": "文件", "en": "Doc"}, "kind": "notice",
        "jurisdiction": "cn", "issuer": {"zh": "国务院", "en": "State Council"}, "clauses": [{"id": "d/1", "summary": "One."}]}]});
    let err = cat
        .layered_json_value_with(&overlay, zhengce::LayerOptions { replace: true, redefine: false })
        .unwrap_err();
    let problems: Vec<_> = err.problems().iter().map(|p| (p.code.as_str(), p.path.as_str())).collect();
    // The measure comes from the first layer, whose label is empty: no prefix.
    assert!(problems.contains(&("dangling_reference", "$.measures[0].source.clause")), "{problems:?}");
    assert!(
        problems.contains(&("dangling_reference", "$.parameters[0].values[1].source.clause")),
        "{problems:?}"
    );
}

#[test]
fn two_overlay_entries_with_one_id_are_a_duplicate_not_a_replacement() {
    let cat = Catalogue::from_json_value(&base()).unwrap();
    let j = json!({"id": "cn-c", "name": {"zh": "丙", "en": "C"}, "level": "province", "parent": "cn"});
    let err = cat.layered_json_value(&json!({"jurisdictions": [j, j]})).unwrap_err();
    assert_eq!(err.problems()[0].code, "duplicate_id");
    assert_eq!(err.problems()[0].path, "overlay:$.jurisdictions[1].id");
}

#[test]
fn clauses_are_found_at_any_depth_with_their_document() {
    let cat = Catalogue::from_json_value(&base()).unwrap();
    assert_eq!(cat.clause("d/2/1").unwrap().text.as_deref(), Some("第二条第一款"));
    assert_eq!(cat.document_of_clause("d/2/1").unwrap().id, "d");
    assert_eq!(cat.get("d/2/1").unwrap().kind(), "clause");
    let ids: Vec<_> = cat.document("d").unwrap().all_clauses().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["d/1", "d/2", "d/2/1"]);
}

#[test]
fn every_builtin_measure_of_a_document_is_found_by_its_document() {
    let cat = Catalogue::builtin();
    for doc in [
        "tianshan-2022-87",
        "putuo-2019-startup-district",
        "xinshi-2021-fyp",
        "urumqi-2022-startup-communities",
    ] {
        let measures =
            cat.measures(&MeasureFilter { document: Some(doc.into()), ..Default::default() }).unwrap();
        assert!(!measures.is_empty(), "{doc} has no measures");
        assert!(measures.iter().all(|m| m.source.document == doc));
    }
}

#[test]
fn search_ranks_names_before_body_text_and_honours_the_limit() {
    let cat = Catalogue::builtin();
    let hits = cat.search("投标保证金", &Default::default()).unwrap();
    let first_body =
        hits.iter().position(|h| !(h.field.starts_with("name") || h.field.starts_with("title"))).unwrap();
    assert!(hits[..first_body].iter().all(|h| h.field.starts_with("name") || h.field.starts_with("title")));
    assert!(
        hits[first_body..].iter().all(|h| !(h.field.starts_with("name") || h.field.starts_with("title")))
    );
    let one = cat.search("投标保证金", &zhengce::SearchOptions { limit: 1, ..Default::default() }).unwrap();
    assert_eq!(one.len(), 1);
    // Every term must match; English is case-insensitive.
    assert!(
        cat.search("BID bond", &Default::default()).unwrap().iter().any(|h| h.id == "tianshan-2022-87/68")
    );
    assert!(cat.search("bid bond zzzz", &Default::default()).unwrap().is_empty());
}

proptest! {
    /// Whatever value a district overrides a parameter with, the district sees it and its
    /// ancestors keep theirs.
    #[test]
    fn an_override_is_seen_below_and_not_above(fen in 0u32..1_000_000, day in 0u32..365) {
        let cat = Catalogue::from_json_value(&base()).unwrap();
        let value = rust_decimal::Decimal::new(i64::from(fen), 6);
        let overlay = json!({"parameters": [{"id": "p", "name": {"zh": "比例", "en": "Rate"}, "unit": "ratio", "values": [
            {"jurisdiction": "cn-a-b", "effective_from": "2024-01-01", "value": value.to_string(), "source": {"document": "d"}}]}]});
        let layered = cat.layered_json_value(&overlay).unwrap();
        let on = date(2024, 1, 1) + chrono::Days::new(u64::from(day));
        prop_assert_eq!(layered.parameter_value("p", "cn-a-b", on).unwrap().value, value);
        prop_assert_eq!(layered.parameter_value("p", "cn-a", on).unwrap().value.to_string(), "0.02");
    }
}
