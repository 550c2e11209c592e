//! The routes. Each handler reads its request, then makes its core calls in one closure run on
//! the blocking pool under the time limit (`compute`).

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Query, State as Extract};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};
use zhengce::Context;
use zhengce::rules::{Batch, Input, Lang, Options, OwnedColumns, OwnedDates};
use zhengce::sampling::{Directory, InspectionPlan, PlanSpec, Register};

use super::{ApiError, State};
use crate::table;

/// The media type of Arrow IPC streams.
pub const ARROW_STREAM: &str = "application/vnd.apache.arrow.stream";

type Shared = Arc<State>;

pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/openapi.json", get(openapi))
        .route("/v1/evaluate", post(evaluate))
        .route("/v1/explain", post(explain))
        .route("/v1/evaluate/batch", post(evaluate_batch))
        .route("/v1/deadline", post(deadline))
        .route("/v1/calendar/{jurisdiction}/{year}", get(calendar))
        .route("/v1/plans/draw", post(plan_draw))
        .route("/v1/plans/verify", post(plan_verify))
        .route("/v1/catalogue/entries/{*id}", get(catalogue_entry))
        .route("/v1/catalogue/search", get(catalogue_search))
        .route("/v1/catalogue/parameters/{key}", get(catalogue_parameter))
        .route("/v1/cases", post(cases))
        .fallback(|| async {
            ApiError::new(StatusCode::NOT_FOUND, "no_route", "no such route; see /openapi.json")
        })
        .with_state(state)
}

/// Runs `f` on the blocking pool, answering 408 `timeout` past the time limit. (The
/// computation itself runs to its end: the core has no cancellation points; the row limit
/// bounds how long that can be.)
async fn compute<T: Send + 'static>(
    state: &Shared,
    f: impl FnOnce(&State) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let shared = state.clone();
    let limit = state.limits.timeout;
    match tokio::time::timeout(limit, tokio::task::spawn_blocking(move || f(&shared))).await {
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            format!("the request took longer than the limit of {} ms", limit.as_millis()),
        )),
        Ok(Err(_)) => {
            Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "the computation failed"))
        }
        Ok(Ok(result)) => result,
    }
}

/// Reads the body, answering 413 `body_too_large` past the limit.
async fn read_body(state: &Shared, body: Body) -> Result<axum::body::Bytes, ApiError> {
    let max = state.limits.max_body_bytes;
    axum::body::to_bytes(body, max).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the request body is larger than {max} bytes"),
        )
    })
}

/// Reads a JSON body into a request type, naming the field of any error.
async fn json_body<T: serde::de::DeserializeOwned>(state: &Shared, body: Body) -> Result<T, ApiError> {
    let bytes = read_body(state, body).await?;
    let value: Value = serde_json::from_slice(&bytes).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("expected JSON, got a syntax error at line {} column {}: {e}", e.line(), e.column()),
        )
    })?;
    Ok(zhengce::error::from_json_value(&value, "request")?)
}

fn ok<T: serde::Serialize>(value: &T) -> Response {
    axum::Json(value).into_response()
}

fn date(field: &str, text: &str) -> Result<chrono::NaiveDate, ApiError> {
    zhengce::value::parse_date(text).ok_or_else(|| {
        zhengce::Error::invalid_input(field, format!("'{text}'"), "an ISO date YYYY-MM-DD").into()
    })
}

/// The shared context, or a context derived from it under the request's scenario.
fn scenario(state: &State, spec: Option<Value>) -> Result<Context, ApiError> {
    match spec {
        None => Ok(state.ctx.clone()),
        Some(spec) => Ok(state.ctx.with_scenario(zhengce::error::from_json_value(&spec, "scenario")?)?),
    }
}

async fn health(Extract(state): Extract<Shared>) -> Response {
    ok(
        &json!({"status": "ok", "version": zhengce::VERSION, "catalogue": state.ctx.catalogue().content_hash()}),
    )
}

async fn openapi(Extract(state): Extract<Shared>) -> Response {
    ok(&state.openapi)
}

/// One case of one rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvaluateRequest {
    rule: String,
    date: String,
    #[serde(default)]
    jurisdiction: Option<String>,
    #[serde(default)]
    input: Value,
    #[serde(default)]
    scenario: Option<Value>,
    #[serde(default)]
    explain: bool,
    #[serde(default)]
    text: Option<Lang>,
}

fn evaluate_one(state: &State, req: EvaluateRequest, explain: bool) -> Result<Value, ApiError> {
    let evaluator = scenario(state, req.scenario)?.evaluator(&req.rule)?;
    let mut input = Input::from_json_value(date("date", &req.date)?, &req.input)?;
    input.jurisdiction = req.jurisdiction;
    let text = req.text.or(explain.then_some(Lang::En));
    let evaluation =
        evaluator.evaluate(&input, &Options { explain: explain || req.explain, ..Options::default() })?;
    let mut out = serde_json::to_value(&evaluation).unwrap_or(Value::Null);
    if let (Some(lang), true) = (text, explain || req.explain) {
        out["text"] = json!(evaluation.to_text(lang));
    }
    Ok(out)
}

async fn evaluate(Extract(state): Extract<Shared>, body: Body) -> Result<Response, ApiError> {
    let req: EvaluateRequest = json_body(&state, body).await?;
    compute(&state, move |s| evaluate_one(s, req, false)).await.map(|v| ok(&v))
}

async fn explain(Extract(state): Extract<Shared>, body: Body) -> Result<Response, ApiError> {
    let req: EvaluateRequest = json_body(&state, body).await?;
    compute(&state, move |s| evaluate_one(s, req, true)).await.map(|v| ok(&v))
}

/// A batch as JSON columns.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchRequest {
    rule: String,
    date: Value,
    #[serde(default)]
    jurisdiction: Option<String>,
    columns: Value,
    #[serde(default)]
    scenario: Option<Value>,
    #[serde(default)]
    explain: bool,
}

/// The query of an Arrow IPC batch.
#[derive(Debug, Deserialize)]
pub struct BatchQuery {
    rule: Option<String>,
    date: Option<String>,
    jurisdiction: Option<String>,
}

fn too_many_rows(rows: usize, max: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_many_rows",
        format!("the batch has {rows} rows; at most {max} are accepted per request"),
    )
}

async fn evaluate_batch(
    Extract(state): Extract<Shared>,
    Query(query): Query<BatchQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let arrow = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with(ARROW_STREAM));
    if arrow {
        let bytes = read_body(&state, body).await?;
        return compute(&state, move |s| arrow_batch(s, query, &bytes)).await;
    }
    let req: BatchRequest = json_body(&state, body).await?;
    compute(&state, move |s| {
        let max = s.limits.max_rows;
        let rows = req
            .columns
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(_, v)| v.as_array().map(Vec::len))
            .max();
        let rows = rows.max(req.date.as_array().map(Vec::len)).unwrap_or(0);
        if rows > max {
            return Err(too_many_rows(rows, max));
        }
        let evaluator = scenario(s, req.scenario)?.evaluator(&req.rule)?;
        let columns = OwnedColumns::from_json_value(&req.columns)?;
        let dates = OwnedDates::from_json_value(&req.date)?;
        let batch = Batch {
            dates: dates.dates(),
            jurisdiction: req.jurisdiction.as_deref(),
            columns: columns.columns(),
        };
        let result =
            evaluator.evaluate_batch(&batch, &Options { explain: req.explain, ..Options::default() })?;
        Ok(ok(&result))
    })
    .await
}

/// An Arrow IPC stream in (one column per input, optionally `date`), an Arrow IPC stream out
/// (the rule's outputs); the same path as `zhengce eval`.
fn arrow_batch(state: &State, query: BatchQuery, bytes: &[u8]) -> Result<Response, ApiError> {
    let bad = |m: String| ApiError::new(StatusCode::BAD_REQUEST, "invalid_arrow", m);
    let reader = arrow_ipc::reader::StreamReader::try_new(std::io::Cursor::new(bytes), None)
        .map_err(|e| bad(format!("expected an Arrow IPC stream: {e}")))?;
    let batches = reader.collect::<Result<Vec<_>, _>>().map_err(|e| bad(e.to_string()))?;
    let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
    if rows > state.limits.max_rows {
        return Err(too_many_rows(rows, state.limits.max_rows));
    }
    let table = table::from_batches("request body", &batches).map_err(bad)?;
    let rule = query.rule.ok_or_else(|| zhengce::Error::missing_input("rule"))?;
    let day = query.date.as_deref().map(|d| date("date", d)).transpose()?;
    let job = crate::cmd::eval::Job {
        rule: &rule,
        scenario: None,
        date: day,
        jurisdiction: query.jurisdiction.as_deref(),
        explain: false,
        progress: false,
    };
    let columns = crate::cmd::eval::core(&state.ctx, &job, &table).map_err(from_failure)?;
    let batch = table::record_batch(&columns)
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e))?;
    let mut out = Vec::new();
    {
        let mut w = arrow_ipc::writer::StreamWriter::try_new(&mut out, &batch.schema())
            .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string()))?;
        w.write(&batch)
            .and_then(|_| w.finish())
            .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", e.to_string()))?;
    }
    Ok(([(header::CONTENT_TYPE, ARROW_STREAM)], out).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRequest {
    service: String,
    start: String,
    jurisdiction: String,
}

async fn deadline(Extract(state): Extract<Shared>, body: Body) -> Result<Response, ApiError> {
    let req: DeadlineRequest = json_body(&state, body).await?;
    compute(&state, move |s| {
        let start = date("start", &req.start)?;
        let due = crate::cmd::deadline::core(&s.ctx, &req.service, start, &req.jurisdiction)
            .map_err(from_failure)?;
        Ok(ok(&due))
    })
    .await
}

async fn calendar(
    Extract(state): Extract<Shared>,
    Path((jurisdiction, year)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let year: i32 = year
        .parse()
        .map_err(|_| zhengce::Error::invalid_input("year", format!("'{year}'"), "a year 1-9999"))?;
    compute(&state, move |s| {
        let days = crate::cmd::calendar::core(&s.ctx, year, &jurisdiction).map_err(from_failure)?;
        Ok(ok(&days))
    })
    .await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawRequest {
    register: Value,
    directory: Value,
    spec: Value,
}

async fn plan_draw(Extract(state): Extract<Shared>, body: Body) -> Result<Response, ApiError> {
    let req: DrawRequest = json_body(&state, body).await?;
    compute(&state, move |s| {
        let rows = req.register.as_array().map_or(0, Vec::len);
        if rows > s.limits.max_rows {
            return Err(too_many_rows(rows, s.limits.max_rows));
        }
        let register = Register::from_json_value(&req.register)?;
        let directory = Directory::from_json_value(&req.directory)?;
        let spec: PlanSpec = zhengce::error::from_json_value(&req.spec, "spec")?;
        Ok(ok(&InspectionPlan::draw(&s.ctx, &register, &directory, &spec)?))
    })
    .await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    plan: Value,
    register: Value,
    directory: Value,
}

async fn plan_verify(Extract(state): Extract<Shared>, body: Body) -> Result<Response, ApiError> {
    let req: VerifyRequest = json_body(&state, body).await?;
    compute(&state, move |s| {
        let rows = req.register.as_array().map_or(0, Vec::len);
        if rows > s.limits.max_rows {
            return Err(too_many_rows(rows, s.limits.max_rows));
        }
        let plan = InspectionPlan::from_json_value(&req.plan)?;
        let register = Register::from_json_value(&req.register)?;
        let directory = Directory::from_json_value(&req.directory)?;
        Ok(ok(&plan.verify(&s.ctx, &register, &directory)?))
    })
    .await
}

async fn catalogue_entry(
    Extract(state): Extract<Shared>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    compute(&state, move |s| Ok(ok(&s.ctx.catalogue().get(&id)?))).await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    q: String,
    #[serde(default)]
    limit: Option<usize>,
    #[serde(default)]
    kinds: Option<String>,
}

async fn catalogue_search(
    Extract(state): Extract<Shared>,
    Query(query): Query<SearchQuery>,
) -> Result<Response, ApiError> {
    compute(&state, move |s| {
        let mut options = zhengce::SearchOptions::default();
        if let Some(limit) = query.limit {
            options.limit = limit;
        }
        if let Some(kinds) = &query.kinds {
            options.kinds = kinds.split(',').map(str::to_owned).collect();
        }
        Ok(ok(&s.ctx.catalogue().search(&query.q, &options)?))
    })
    .await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParameterQuery {
    jurisdiction: String,
    date: String,
}

async fn catalogue_parameter(
    Extract(state): Extract<Shared>,
    Path(key): Path<String>,
    Query(query): Query<ParameterQuery>,
) -> Result<Response, ApiError> {
    compute(&state, move |s| {
        let day = date("date", &query.date)?;
        Ok(ok(&s.ctx.catalogue().parameter_value(&key, &query.jurisdiction, day)?))
    })
    .await
}

async fn cases(Extract(state): Extract<Shared>, body: Body) -> Result<Response, ApiError> {
    let doc: Value = json_body(&state, body).await?;
    compute(&state, move |s| Ok(ok(&zhengce::testing::run_cases(&s.ctx, &doc)?))).await
}

fn from_failure(f: crate::failure::Failure) -> ApiError {
    let status = if f.code == "not_found" { StatusCode::NOT_FOUND } else { StatusCode::BAD_REQUEST };
    let mut e = ApiError::new(status, &f.code, f.message);
    e.body["error"]["details"] = *f.details;
    e
}
