//! `zhengce serve`: the library as an HTTP JSON API (axum on tokio).
//!
//! One shared [`Context`] (catalogue, calendars, baseline scenario) serves every request; each
//! computation runs on tokio's blocking pool under a time limit, so a slow request never holds
//! up the event loop. Limits (body size, rows per batch, time per request) answer with a 4xx
//! and an error code. SIGINT or SIGTERM stops accepting connections and lets requests in
//! flight finish.

mod api;
mod error;
mod openapi;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use zhengce::Context;

use crate::context::Options;
use crate::failure::{Exit, Failure};
use crate::output::Out;

pub use error::ApiError;

/// Serve the HTTP JSON API (see docs/serve.md; the OpenAPI document is at /openapi.json).
///
/// Stops gracefully on SIGINT (Ctrl-C) or SIGTERM: no new connections, requests in flight
/// finish.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The address to listen on (port 0: any free port, printed on start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// The largest request body accepted, in bytes (413 `body_too_large` beyond).
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub max_body_bytes: usize,
    /// The most rows one batch may have (413 `too_many_rows` beyond).
    #[arg(long, default_value_t = 100_000)]
    pub max_rows: usize,
    /// The longest a request may compute, in milliseconds (408 `timeout` beyond).
    #[arg(long, default_value_t = 10_000)]
    pub timeout_ms: u64,
}

/// The limits a request is held to.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_body_bytes: usize,
    pub max_rows: usize,
    pub timeout: Duration,
}

/// What every handler shares.
pub struct State {
    pub ctx: Context,
    pub limits: Limits,
    pub openapi: serde_json::Value,
}

pub fn run(args: Args, options: &Options, out: &Out) -> Result<Exit, Failure> {
    let ctx = options.context()?;
    let limits = Limits {
        max_body_bytes: args.max_body_bytes,
        max_rows: args.max_rows,
        timeout: Duration::from_millis(args.timeout_ms),
    };
    let state = Arc::new(State { ctx, limits, openapi: openapi::document() });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::output(format!("cannot start the runtime: {e}")))?;
    let result = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .map_err(|e| Failure::output(format!("cannot listen on {}: {e}", args.bind)))?;
        let addr = listener.local_addr().map_err(|e| Failure::output(e.to_string()))?;
        let started = serde_json::json!({"listening": format!("http://{addr}"), "version": zhengce::VERSION});
        out.print(&started, || format!("listening on http://{addr}"))?;
        axum::serve(listener, api::router(state))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| Failure::output(format!("server: {e}")))?;
        if !out.json {
            eprintln!("stopped");
        }
        Ok(Exit::Ok)
    });
    // Computations past their time limit may still be running on the blocking pool: give them
    // a moment, then exit without them (their answers were already sent as 408).
    runtime.shutdown_timeout(Duration::from_secs(2));
    result
}

/// Resolves on SIGINT or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
