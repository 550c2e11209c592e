//! API errors: an HTTP status and the library's error JSON.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// An error answer: `{"error": {"code", "message", "path", "details", "problems"}}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: Value,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: impl Into<String>) -> ApiError {
        ApiError { status, body: json!({"error": {"code": code, "message": message.into()}}) }
    }
}

impl From<zhengce::Error> for ApiError {
    fn from(err: zhengce::Error) -> ApiError {
        let status = match err.code() {
            "not_found" => StatusCode::NOT_FOUND,
            // The library's input errors, out-of-coverage dates, invalid catalogues in a
            // request: all the caller's to fix.
            _ => StatusCode::BAD_REQUEST,
        };
        let problems: Vec<Value> = err
            .problems()
            .iter()
            .map(|p| json!({"code": p.code, "path": p.path, "message": p.message}))
            .collect();
        ApiError {
            status,
            body: json!({"error": {"code": err.code(), "message": err.to_string(), "path": err.path(),
                "details": err.details(), "problems": problems}}),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(self.body)).into_response()
    }
}
