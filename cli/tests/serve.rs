//! `zhengce serve` on 127.0.0.1 (a free port): every route, the limits and their error codes,
//! graceful shutdown. Expected values are worked out by hand (examples/files/README.md).

mod common;

use common::Server;
use serde_json::json;

const BOND: &str = "tianshan-2022-87/r68-bid-bond";

#[test]
fn every_route_answers() {
    let server = Server::start(&[]);
    let mut c = server.connect();

    let r = c.get("/health");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "ok");
    assert!(r.json()["catalogue"].as_str().unwrap().starts_with("sha256:"));

    let doc = c.get("/openapi.json").json();
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/v1/evaluate",
        "/v1/explain",
        "/v1/evaluate/batch",
        "/v1/deadline",
        "/v1/calendar/{jurisdiction}/{year}",
        "/v1/plans/draw",
        "/v1/plans/verify",
        "/v1/catalogue/entries/{id}",
        "/v1/catalogue/search",
        "/v1/catalogue/parameters/{key}",
        "/v1/cases",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    assert!(doc["components"]["schemas"]["Evaluation"].is_object());

    // Tianshan item 68: 1 % of 5,000,000 is 50,000, capped at 20,000.
    let r =
        c.post("/v1/evaluate", &json!({"rule": BOND, "date": "2022-06-01", "input": {"budget": "5000000"}}));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["value"]["amount"], "20000.00");
    assert!(r.json().get("explanation").is_none());

    let r =
        c.post("/v1/explain", &json!({"rule": BOND, "date": "2022-06-01", "input": {"budget": "1000000"}}));
    assert_eq!(r.status, 200);
    let v = r.json();
    assert_eq!(v["value"]["amount"], "10000.00");
    assert_eq!(v["explanation"]["rule"]["source"]["clause"], "tianshan-2022-87/68");
    assert_eq!(v["explanation"]["receipt"]["rule"], BOND);
    assert!(v["explanation"]["receipt"]["catalogue"].as_str().unwrap().starts_with("sha256:"));
    assert!(v["text"].as_str().unwrap().contains("tianshan-2022-87/68"));

    let r = c.post(
        "/v1/evaluate/batch",
        &json!({"rule": BOND, "date": "2022-06-01",
            "columns": {"budget": ["1000000", "5000000", "5000000"], "lot_type": ["ordinary", "ordinary", "ppp"]}}),
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["columns"]["amount"], json!(["10000.00", "20000.00", "50000.00"]));

    // Filed Friday 30 September 2022: the National Day week is off, 8-9 October are worked.
    let r = c.post("/v1/deadline", &json!({"service": "business-opening", "start": "2022-09-30", "jurisdiction": "cn-xj-urumqi-tianshan"}));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["date"], "2022-10-09");

    let r = c.get("/v1/calendar/cn/2024");
    assert_eq!(r.status, 200);
    let days = r.json();
    assert_eq!(days.as_array().unwrap().len(), 366);
    assert_eq!(days[131]["date"], "2024-05-11"); // 31 + 29 + 31 + 30 + 11 = day 132
    assert_eq!(days[131]["kind"], "make_up_working_day");

    let r = c.get("/v1/catalogue/entries/tianshan-2022-87/68");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["id"], "tianshan-2022-87/68");

    let r = c.get("/v1/catalogue/search?q=bond&limit=3");
    assert_eq!(r.status, 200);
    assert!(r.json().as_array().unwrap().iter().any(|h| h["id"] == "tianshan-2022-87/68"));

    let r = c.get("/v1/catalogue/parameters/procurement.bid_bond.rate?jurisdiction=cn-xj-urumqi-tianshan&date=2022-06-01");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["value"], "0.01");

    let register: Vec<_> = (0..40)
        .map(|i| json!({"id": format!("e{i:02}"), "credit_class": (["a", "b", "c", "d"][i % 4])}))
        .collect();
    let directory: Vec<_> = (0..4).map(|i| json!({"id": format!("amr-{i}"), "department": "amr"})).collect();
    let spec = json!({"jurisdiction": "cn-xj-urumqi-tianshan", "date": "2022-06-01", "seed": "s", "checks": [{"department": "amr", "items": ["licence"]}]});
    let r = c.post("/v1/plans/draw", &json!({"register": register, "directory": directory, "spec": spec}));
    assert_eq!(r.status, 200);
    let plan = r.json();
    // ⌈10 × 3 % × (0.5, 1, 2, 4)⌉ = 1, 1, 1, 2
    let sizes: Vec<u64> =
        plan["strata"].as_array().unwrap().iter().map(|s| s["sample"].as_u64().unwrap()).collect();
    assert_eq!(sizes, [1, 1, 1, 2]);
    let r = c.post("/v1/plans/verify", &json!({"plan": plan, "register": register, "directory": directory}));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["matches"], true);
    let mut tampered = plan.clone();
    tampered["visits"][0]["entity"] = "e39".into();
    let r =
        c.post("/v1/plans/verify", &json!({"plan": tampered, "register": register, "directory": directory}));
    assert_eq!(r.json()["matches"], false);

    let r = c.post("/v1/cases", &json!([{"name": "bond", "rule": BOND, "date": "2022-06-01", "input": {"budget": "1000000"}, "output": {"amount": "10000.00"}}]));
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["passed"], 1);
}

#[test]
fn arrow_ipc_batches_in_and_out() {
    use std::sync::Arc;

    use arrow_array::cast::AsArray;
    use arrow_array::types::Decimal128Type;
    use arrow_array::{ArrayRef, Decimal128Array, RecordBatch, StringArray};

    let server = Server::start(&[]);
    let batch = RecordBatch::try_from_iter([
        (
            "budget",
            Arc::new(
                Decimal128Array::from(vec![100_000_000i128, 3_333_333])
                    .with_precision_and_scale(20, 2)
                    .unwrap(),
            ) as ArrayRef,
        ),
        ("lot_type", Arc::new(StringArray::from(vec!["ordinary", "ordinary"])) as ArrayRef),
    ])
    .unwrap();
    let mut body = Vec::new();
    {
        let mut w = arrow_ipc::writer::StreamWriter::try_new(&mut body, &batch.schema()).unwrap();
        w.write(&batch).unwrap();
        w.finish().unwrap();
    }
    let mut c = server.connect();
    let r = c.send(
        "POST",
        &format!("/v1/evaluate/batch?rule={BOND}&date=2022-06-01"),
        "application/vnd.apache.arrow.stream",
        &body,
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.content_type, "application/vnd.apache.arrow.stream");
    let reader = arrow_ipc::reader::StreamReader::try_new(std::io::Cursor::new(r.body), None).unwrap();
    let out: Vec<RecordBatch> = reader.collect::<Result<_, _>>().unwrap();
    // 1 % of 1,000,000.00 and of 33,333.33 (rounded down): 10,000.00 and 333.33.
    let amount = out[0].column_by_name("amount").unwrap().as_primitive::<Decimal128Type>();
    assert_eq!(amount.values().to_vec(), [1_000_000i128, 33_333]);

    let r = c.send(
        "POST",
        &format!("/v1/evaluate/batch?rule={BOND}"),
        "application/vnd.apache.arrow.stream",
        b"not arrow",
    );
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["code"], "invalid_arrow");
}

#[test]
fn errors_carry_codes_and_paths() {
    let server = Server::start(&[]);
    let mut c = server.connect();
    // A float where a decimal belongs: refused, naming the field.
    let r =
        c.post("/v1/evaluate", &json!({"rule": BOND, "date": "2022-06-01", "input": {"budget": 1000000.5}}));
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["code"], "invalid_input");
    assert_eq!(r.json()["error"]["path"], "budget");
    let r = c.post("/v1/evaluate", &json!({"rule": "no/such-rule", "date": "2022-06-01"}));
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"]["code"], "not_found");
    let r = c.post("/v1/evaluate", &json!({"rule": BOND, "date": "2022-06-01", "inptu": {}}));
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["path"], "request.inptu");
    let r = c.send("POST", "/v1/evaluate", "application/json", b"{\"rule\": ");
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["code"], "invalid_json");
    let r = c.get("/v1/calendar/cn/1990");
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["code"], "out_of_coverage");
    let r = c.get("/v1/nowhere");
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"]["code"], "no_route");
    // The connection is still usable after errors.
    assert_eq!(c.get("/health").status, 200);
}

#[test]
fn limits_answer_413_and_408_with_codes() {
    let server = Server::start(&["--max-body-bytes", "2000", "--max-rows", "10"]);
    let mut c = server.connect();
    let big = json!({"rule": BOND, "date": "2022-06-01", "input": {"budget": "1"}, "scenario": {"name": "x".repeat(3000)}});
    let r = c.post("/v1/evaluate", &big);
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["error"]["code"], "body_too_large");
    let mut c = server.connect();
    let r = c.post(
        "/v1/evaluate/batch",
        &json!({"rule": BOND, "date": "2022-06-01", "columns": {"budget": vec!["1"; 11]}}),
    );
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["error"]["code"], "too_many_rows");
    let r = c.post(
        "/v1/evaluate/batch",
        &json!({"rule": BOND, "date": "2022-06-01", "columns": {"budget": vec!["1"; 10]}}),
    );
    assert_eq!(r.status, 200);

    // A 1 ms time limit and 5,000 explained rows: far past it.
    let slow = Server::start(&["--timeout-ms", "1"]);
    let rows = json!({"rule": BOND, "date": "2022-06-01", "columns": {"budget": vec!["1000000"; 5_000]}, "explain": true});
    let r = slow.connect().post("/v1/evaluate/batch", &rows);
    assert_eq!(r.status, 408);
    assert_eq!(r.json()["error"]["code"], "timeout");
}

#[test]
fn sigterm_stops_the_server_gracefully() {
    let mut server = Server::start(&[]);
    assert_eq!(server.connect().get("/health").status, 200);
    assert_eq!(server.stop(), 0, "a graceful stop exits 0");
    assert!(std::net::TcpStream::connect(&server.addr).is_err(), "no longer listening");
}
