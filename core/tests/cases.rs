//! The case runner (`zhengce::testing`) runs the repository's conformance vectors as case
//! files, so that `zhengce test tests/vectors` and the three language runners agree.

use std::path::Path;

use zhengce::Context;

#[test]
fn the_conformance_vectors_pass_as_case_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).unwrap()).unwrap();
    let builtin = Context::builtin();
    let mut report = zhengce::testing::Report::default();
    for file in manifest["files"].as_array().unwrap() {
        let path = dir.join(file.as_str().unwrap());
        let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let one =
            zhengce::testing::run_cases(&builtin, &doc).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in one.cases.iter().filter(|c| !c.passed) {
            eprintln!("{}: {} :: {:?}", path.display(), case.name, case.problems);
        }
        report.extend(one);
    }
    assert!(report.passed > 500, "{} cases passed", report.passed);
    assert_eq!(report.failed, 0);
}

/// `core/schema/cases.schema.json` matches the Rust types; regenerate it with
/// `ZHENGCE_UPDATE_SCHEMA=1 cargo test -p zhengce --test cases`.
#[test]
fn published_cases_schema_matches_the_rust_types() {
    let generated = serde_json::to_string_pretty(&zhengce::testing::json_schema()).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/cases.schema.json");
    if std::env::var_os("ZHENGCE_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    assert!(
        std::fs::read_to_string(&path).unwrap_or_default() == generated,
        "{} is out of date",
        path.display()
    );
}
