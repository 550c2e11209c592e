//! The command on the files in examples/: outputs worked out by hand (examples/files/README.md),
//! exit codes, errors naming the row and column, Parquet in and out, --help and completions.

mod common;

use common::run;

const BOND: &str = "tianshan-2022-87/r68-bid-bond";

#[test]
fn every_subcommand_has_help() {
    for sub in [
        vec!["validate"],
        vec!["eval"],
        vec!["deadline"],
        vec!["draft"],
        vec!["calendar"],
        vec!["plan"],
        vec!["plan", "draw"],
        vec!["plan", "verify"],
        vec!["score"],
        vec!["test"],
        vec!["serve"],
        vec!["completions"],
    ] {
        let mut args = sub.clone();
        args.push("--help");
        let (code, out, _) = run(&args);
        assert_eq!(code, 0, "{sub:?}");
        assert!(out.contains("Usage: zhengce"), "{sub:?}: {out}");
    }
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("Exit codes: 0 success"));
}

#[test]
fn completions_are_generated() {
    let (code, out, _) = run(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(out.contains("_zhengce()") && out.contains("deadline"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["eval"]).0, 2);
    assert_eq!(run(&["no-such-command"]).0, 2);
}

/// examples/files/README.md works the amounts out from Tianshan item 68.
#[test]
fn eval_computes_the_bid_bonds_of_the_sample_lots() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let (code, stdout, stderr) =
        run(&["eval", BOND, "--input", "examples/files/lots.csv", "--output", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("7 rows"));
    let text = std::fs::read_to_string(&out).unwrap();
    let amounts: Vec<(&str, &str)> = text
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0], cells[5])
        })
        .collect();
    assert_eq!(
        amounts,
        [
            ("lot-1", "10000.00"),
            ("lot-2", "20000.00"),
            ("lot-3", "50000.00"),
            ("lot-4", "0.00"),
            ("lot-5", "30000.00"),
            ("lot-6", "0.00"),
            ("lot-7", "333.33"),
        ]
    );
    assert!(text.starts_with("id,date,budget,lot_type,fiscal_funds,amount,status\n"));
    assert!(text.contains("lot-2,2022-06-01,5000000,ordinary,true,20000.00,capped"));
}

#[test]
fn eval_under_a_scenario_uses_its_cap() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let (code, _, stderr) = run(&[
        "eval",
        BOND,
        "--input",
        "examples/files/lots.csv",
        "--output",
        out.to_str().unwrap(),
        "--scenario",
        "examples/files/scenario.json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&out).unwrap();
    // 1 % of 5,000,000 is 50,000: exactly the scenario's cap, so not lowered.
    assert!(text.contains("lot-2,2022-06-01,5000000,ordinary,true,50000.00,"), "{text}");
    assert!(text.contains("lot-1,2022-06-01,1000000,,,10000.00,rate"));
}

#[test]
fn eval_reads_and_writes_parquet() {
    use std::sync::Arc;

    use arrow_array::cast::AsArray;
    use arrow_array::types::Decimal128Type;
    use arrow_array::{ArrayRef, BooleanArray, Decimal128Array, RecordBatch, StringArray};

    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("lots.parquet");
    // The lots of examples/files/lots.csv 1-3, with the budget as decimal128(20, 2).
    let batch = RecordBatch::try_from_iter([
        ("id", Arc::new(StringArray::from(vec!["lot-1", "lot-2", "lot-3"])) as ArrayRef),
        ("date", Arc::new(StringArray::from(vec!["2022-06-01"; 3])) as ArrayRef),
        (
            "budget",
            Arc::new(
                Decimal128Array::from(vec![100_000_000i128, 500_000_000, 500_000_000])
                    .with_precision_and_scale(20, 2)
                    .unwrap(),
            ) as ArrayRef,
        ),
        ("lot_type", Arc::new(StringArray::from(vec![None, Some("ordinary"), Some("ppp")])) as ArrayRef),
        ("fiscal_funds", Arc::new(BooleanArray::from(vec![None, Some(true), Some(true)])) as ArrayRef),
    ])
    .unwrap();
    let mut w =
        parquet::arrow::ArrowWriter::try_new(std::fs::File::create(&input).unwrap(), batch.schema(), None)
            .unwrap();
    w.write(&batch).unwrap();
    w.close().unwrap();

    let output = dir.path().join("out.parquet");
    let (code, _, stderr) =
        run(&["eval", BOND, "-i", input.to_str().unwrap(), "-o", output.to_str().unwrap(), "--explain"]);
    assert_eq!(code, 0, "{stderr}");
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(&output).unwrap(),
    )
    .unwrap()
    .build()
    .unwrap();
    let out: Vec<RecordBatch> = reader.collect::<Result<_, _>>().unwrap();
    let schema = out[0].schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(
        names,
        ["id", "date", "budget", "lot_type", "fiscal_funds", "amount", "status", "explanation"]
    );
    // Amounts come back as exact decimals (fen), not floats.
    let amount = out[0].column(5).as_primitive::<Decimal128Type>();
    assert_eq!(amount.values().to_vec(), [1_000_000i128, 2_000_000, 5_000_000]);
    assert!(out[0].column(7).as_string::<i32>().value(0).contains("tianshan-2022-87/68"));

    // A bad row in a Parquet file is named too: the time limit has no value before 2022.
    let (code, _, stderr) = run(&[
        "eval",
        "tianshan-2022-87/r58-business-opening",
        "-i",
        "examples/files/lots.csv",
        "-o",
        dir.path().join("x.parquet").to_str().unwrap(),
    ]);
    assert_eq!(code, 3);
    assert!(stderr.contains("lots.csv: row 5 (line 6), column 'date'"), "{stderr}");
}

#[test]
fn a_bad_cell_is_named_by_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bad.csv");
    std::fs::write(&input, "id,date,budget\nlot-1,2022-06-01,100\nlot-2,2022-06-01,12.5.0\n").unwrap();
    let out = dir.path().join("out.csv");
    let (code, _, stderr) = run(&["eval", BOND, "-i", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 3, "{stderr}");
    assert!(stderr.contains("row 2 (line 3), column 'budget'"), "{stderr}");
    assert!(stderr.contains("12.5.0"), "{stderr}");
    let (code, stdout, _) =
        run(&["--json", "eval", BOND, "-i", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 3);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["error"]["code"], "invalid_input");
    assert_eq!(v["error"]["details"]["path"], "budget");

    std::fs::write(&input, "id,date,budget,fiscal_funds\nlot-1,2022-06-01,100,yes\n").unwrap();
    let (code, _, stderr) = run(&["eval", BOND, "-i", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 3);
    assert!(
        stderr.contains("row 1 (line 2), column 'fiscal_funds': expected true or false, got 'yes'"),
        "{stderr}"
    );

    std::fs::write(&input, "id,budget\nlot-1,100\n").unwrap();
    let (code, _, stderr) = run(&["eval", BOND, "-i", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 3);
    assert!(stderr.contains("no 'date' column"), "{stderr}");
}

#[test]
fn validate_reports_every_problem_with_its_path() {
    // A built-in file checked over the built-in catalogue restates every entry: each is a
    // replaces_entry problem until --replace allows it.
    let (code, out, _) = run(&["validate", "core/data/catalogue/tianshan-2022-87.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("replaces_entry"), "{out}");
    let (code, out, _) = run(&[
        "--replace",
        "validate",
        "core/data/catalogue/tianshan-2022-87.json",
        "core/data/calendar/cn-xj.json",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("tianshan-2022-87.json: ok (catalogue)") && out.contains("cn-xj.json: ok (calendar)")
    );
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        r#"{"documents": [{"id": "x", "title": {"zh": "甲"}}], "parameters": [{"id": "p"}]}"#,
    )
    .unwrap();
    let syntax = dir.path().join("syntax.json");
    std::fs::write(&syntax, "{\"a\": 1,\n \"b\": }").unwrap();
    let (code, out, _) = run(&["--json", "validate", bad.to_str().unwrap(), syntax.to_str().unwrap()]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let paths: Vec<&str> =
        v[0]["problems"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"$.documents[0].title"), "{paths:?}");
    assert!(paths.contains(&"$.parameters[0]"), "{paths:?}");
    assert!(v[1]["problems"][0]["message"].as_str().unwrap().contains("line 2 column 7"), "{v}");
}

#[test]
fn deadline_of_business_opening_before_national_day() {
    // Tianshan item 58: 2 working days; filed Friday 30 September 2022, 1-7 October off,
    // Saturday 8 and Sunday 9 October worked: due Sunday 9 October.
    let (code, out, _) = run(&[
        "--json",
        "deadline",
        "business-opening",
        "2022-09-30",
        "--jurisdiction",
        "cn-xj-urumqi-tianshan",
    ]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["date"], "2022-10-09");
    assert_eq!(v["skipped"].as_array().unwrap().len(), 7);
    let (code, out, _) = run(&["deadline", "business-opening", "2022-09-30", "-j", "cn-xj-urumqi-tianshan"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Due 2022-10-09 (Sunday)"), "{out}");
    assert_eq!(run(&["deadline", "business-opening", "2022-9-30", "-j", "cn"]).0, 3);
}

#[test]
fn calendar_prints_a_month_grid() {
    let (code, out, _) = run(&["calendar", "2024", "--jurisdiction", "cn"]);
    assert_eq!(code, 0);
    // Labour Day 2024: 1-3 May statutory, 4-5 May weekend, Saturday 11 May worked.
    assert!(out.contains("  1*  2~  3~  4.  5."), "{out}");
    assert!(out.contains("11+"), "{out}");
    let (code, out, _) = run(&["--json", "calendar", "2024"]);
    assert_eq!(code, 0);
    let days: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(days.as_array().unwrap().len(), 366);
    // Outside the calendar's data: an error, never a guess.
    assert_eq!(run(&["calendar", "1990"]).0, 3);
}

#[test]
fn plan_draw_then_verify_then_tamper() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.json");
    let (code, out, err) = run(&[
        "plan",
        "draw",
        "--register",
        "examples/files/register.csv",
        "--directory",
        "examples/files/directory.csv",
        "--seed",
        "2022-06-01 lottery 4417",
        "--jurisdiction",
        "cn-xj-urumqi-tianshan",
        "--date",
        "2022-06-01",
        "--check",
        "amr:licence,annual-report",
        "-o",
        plan.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("6 visit(s)"), "{out}");
    let published: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    let sizes: Vec<u64> =
        published["strata"].as_array().unwrap().iter().map(|s| s["sample"].as_u64().unwrap()).collect();
    assert_eq!(sizes, [1, 1, 1, 2], "see examples/files/README.md");
    assert_eq!(published["publication"]["publish_by"], "2022-06-30");
    for visit in published["visits"].as_array().unwrap() {
        let inspectors: Vec<&str> =
            visit["inspectors"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
        assert_eq!(inspectors.len(), 2);
        if visit["entity"] == "916501020000006" {
            assert!(!inspectors.contains(&"amr-004"), "amr-004 has a conflict with this entity");
        }
    }
    let verify = |path: &str| {
        run(&[
            "plan",
            "verify",
            path,
            "--register",
            "examples/files/register.csv",
            "--directory",
            "examples/files/directory.csv",
        ])
    };
    let (code, out, _) = verify(plan.to_str().unwrap());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("verified"));
    let mut tampered = published.clone();
    tampered["visits"][0]["inspectors"][0]["id"] = "crony".into();
    let bad = dir.path().join("tampered.json");
    std::fs::write(&bad, tampered.to_string()).unwrap();
    let (code, out, _) = verify(bad.to_str().unwrap());
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("does NOT verify") && out.contains("crony"), "{out}");
}

#[test]
fn a_bad_register_row_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("register.csv");
    std::fs::write(&register, "id,credit_class\ne1,a\ne1,b\n").unwrap();
    let (code, _, err) = run(&[
        "plan",
        "draw",
        "--register",
        register.to_str().unwrap(),
        "--directory",
        "examples/files/directory.csv",
        "--seed",
        "s",
        "-j",
        "cn",
        "--date",
        "2022-06-01",
        "--check",
        "amr:licence",
    ]);
    assert_eq!(code, 3);
    assert!(err.contains("row 2 (line 3), column 'id'"), "{err}");
}

#[test]
fn score_assesses_the_sample_observations() {
    let (code, out, err) =
        run(&["--json", "score", "--observations", "examples/files/observations.csv", "--by", "group"]);
    assert_eq!(code, 0, "{err}");
    let card: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(card["as_of"], "2022-09-30");
    let t28 = card["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["target"] == "tianshan-2022-87/t28")
        .unwrap();
    // (75 - 60) / (85 - 60) = 0.6; 183 of 275 days = 0.6655; within the 0.1 at-risk lag.
    assert_eq!(t28["status"], "at_risk");
    assert_eq!(t28["progress"], "0.6");
    assert_eq!(t28["elapsed"], "0.6655");
    let (code, out, _) =
        run(&["score", "--observations", "examples/files/observations.csv", "--as-of", "2022-10-15"]);
    assert_eq!(code, 0);
    assert!(out.contains("Scorecard as of 2022-10-15") && out.contains("at_risk"), "{out}");
    assert_eq!(run(&["score", "--observations", "examples/files/observations.csv", "--by", "colour"]).0, 2);
}

#[test]
fn test_runs_the_example_cases_and_the_conformance_vectors() {
    let (code, out, _) = run(&["test", "examples/cases"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("14 passed, 0 failed\n"), "{out}");
    let (code, out, _) = run(&["--json", "test", "tests/vectors"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["passed"].as_u64().unwrap() > 500, "{}", v["passed"]);
    assert_eq!(v["failed"], 0);
}

#[test]
fn a_failing_case_exits_1_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let cases = dir.path().join("wrong.yaml");
    std::fs::write(
        &cases,
        "- name: wrong on purpose\n  rule: tianshan-2022-87/r68-bid-bond\n  date: 2022-06-01\n  input: {budget: 1000000}\n  output: {amount: 9000.00}\n",
    )
    .unwrap();
    let (code, out, _) = run(&["test", cases.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("$.amount: expected \"9000.00\", got \"10000.00\""), "{out}");
    std::fs::write(&cases, "- name: x\n  rule: [unclosed\n").unwrap();
    let (code, _, err) = run(&["test", cases.to_str().unwrap()]);
    assert_eq!(code, 3);
    assert!(err.contains("at line 3, column 1"), "{err}");
}

/// Tianshan item 68 (core/data/sources): 「…投标保证金缴纳比例由预算额度的2%调整为1%…单个标段保证金缴纳上限2万元」:
/// the drafter finds a fee of 1 % (from 2 %) capped at 2 万元 with PPP excepted, and the layer it writes loads as a catalogue overlay.
#[test]
fn draft_reads_a_fee_clause_and_writes_a_layer() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notice.txt");
    std::fs::write(
        &text,
        "关于优化营商环境的通知\n一、降低成本\n（一）使用财政性资金的政府采购项目，投标保证金缴纳比例由预算额度的2%调整为1%，\
         除PPP项目以外的普通项目单个标段保证金缴纳上限2万元。\n",
    )
    .unwrap();
    let layer = dir.path().join("layer.json");
    let (code, out, err) = run(&[
        "--json",
        "draft",
        text.to_str().unwrap(),
        "--id",
        "demo-2026-notice",
        "--jurisdiction",
        "cn-xj-urumqi-tianshan",
        "--layer-out",
        layer.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let draft: serde_json::Value = serde_json::from_str(&out).unwrap();
    let fee = draft["items"].as_array().unwrap().iter().find(|i| i["kind"] == "fee").expect("a fee item");
    // As the text states it: 1 % (from 2 %), capped at 2 万元 (20,000 yuan), PPP lots excepted.
    assert_eq!(
        (&fee["value"], &fee["unit"], &fee["baseline"]),
        (&"1".into(), &"%".into(), &"2".into()),
        "{fee}"
    );
    assert_eq!(fee["cap"], serde_json::json!({"value": "2", "unit": "10k_yuan"}), "{fee}");
    assert_eq!(fee["exceptions"], serde_json::json!(["PPP项目"]), "{fee}");
    let (code, _, err) = run(&["--catalogue", layer.to_str().unwrap(), "validate", layer.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
}
