//! `fieldtab mock SCHEMA --listen ADDR --route 'METHOD PATH=REQUEST:RESPONSE'...
//! [--errors plain|upi|alipayplus] [--deny-unknown] [--max-bytes N]`: a strict mock server of
//! a vendor API (docs/SEMANTICS.md §9.5).
//!
//! Each request body is validated against its route's `REQUEST` with the dynamic validator;
//! a valid one is answered `200` with a `RESPONSE` message valid against the schema
//! (`message.rs`), an invalid one `400` with `{"violations":[…]}` as `validate --format json`
//! prints them, or in the vendor's error shape (`answer.rs`). No route is `404`, another
//! method `405`, a content type other than JSON `415`, a body over `--max-bytes` `413`. It
//! prints `listening on ADDR` (the real port for port `0`) once it accepts connections, logs
//! every request on stderr (`log.rs`), and stops on SIGINT or SIGTERM (exit 0).

mod answer;
mod log;
mod message;
mod route;

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use fieldtab_codegen::model::Module;
use fieldtab_schema::sample::Sampler;

use answer::{Answer, Mock, Route};
use message::Shape;
pub(crate) use route::{RouteSpec, parse_route};

/// The error shape of `--errors`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub(crate) enum ErrorStyle {
    /// `400` with `{"violations":[…]}`, as `validate --format json` reports them.
    Plain,
    /// UPI: `200` with the response message, `respCode` `30`, `respMsg` the violations.
    Upi,
    /// Alipay+: `200` with `result` `F`/`PARAM_ILLEGAL` (or the flat `success: false`).
    Alipayplus,
}

/// The mock's options, as given.
pub(crate) struct Options {
    /// The schema file.
    pub(crate) schema: std::path::PathBuf,
    /// `--listen`.
    pub(crate) listen: SocketAddr,
    /// `--route`, at least one.
    pub(crate) routes: Vec<RouteSpec>,
    /// `--errors`.
    pub(crate) errors: ErrorStyle,
    /// `--deny-unknown`.
    pub(crate) deny_unknown: bool,
    /// `--max-bytes`.
    pub(crate) max_bytes: usize,
}

/// Runs `fieldtab mock` until a signal stops it: exit 0; 2 when the schema cannot be read or
/// has errors, a route names no message or struct, or the address cannot be listened on.
pub(crate) fn run(options: Options) -> ExitCode {
    let schema = match crate::output::load_schema_for(&options.schema) {
        Ok(schema) => schema,
        Err(code) => return code,
    };
    // The server answers until the process ends: the module lives as long.
    let module: &'static Module = Box::leak(Box::new(schema.module));
    let mut routes = Vec::new();
    for spec in &options.routes {
        let request = shape(module, &spec.request, &options.schema);
        let response = shape(module, &spec.response, &options.schema);
        match (request, response) {
            (Some(request), Some(response)) => routes.push(Route {
                spec: spec.clone(),
                request,
                response,
            }),
            _ => return ExitCode::from(2),
        }
    }
    note_custom_formats(&routes);
    let mock = Mock {
        routes,
        errors: options.errors,
        deny_unknown: options.deny_unknown,
        max_bytes: options.max_bytes,
        seed: AtomicU64::new(0),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the server: {error}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(serve(Arc::new(mock), options.listen))
}

/// One note on stderr for each message or struct of the routes with custom formats: the mock
/// cannot run their functions, so it does not check them, and a response holds the Example
/// cells' values (`""` for a mandatory field without one).
fn note_custom_formats(routes: &[Route]) {
    let mut noted: Vec<&str> = Vec::new();
    for shape in routes.iter().flat_map(|r| [&r.request, &r.response]) {
        let validator = &shape.validator;
        if noted.contains(&validator.name()) {
            continue;
        }
        noted.push(validator.name());
        let unbound = validator.unbound_formats();
        if !unbound.is_empty() {
            let names: Vec<String> = unbound.iter().map(|n| format!("`{n}`")).collect();
            eprintln!(
                "note: `{}`: custom formats not checked (fieldtab mock cannot run their \
                 functions); responses hold the Example cells' values: {}",
                validator.name(),
                names.join(", ")
            );
        }
    }
}

/// The validator and model of `name`, or the error printed (as `validate` prints it).
fn shape(module: &'static Module, name: &str, schema: &Path) -> Option<Shape<'static>> {
    match Sampler::new(module, name) {
        // Built once a route, for the life of the server.
        Ok(sampler) => Shape::new(module, Box::leak(Box::new(sampler))),
        Err(error) => {
            eprintln!("error: {error} in `{}`", schema.display());
            if let Some(suggestion) = &error.suggestion {
                eprintln!("help: did you mean `{suggestion}`?");
            }
            None
        }
    }
}

async fn serve(mock: Arc<Mock>, listen: SocketAddr) -> ExitCode {
    let listener = match tokio::net::TcpListener::bind(listen).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: cannot listen on {listen}: {error}");
            return ExitCode::from(2);
        }
    };
    let local = listener.local_addr().unwrap_or(listen);
    let app = Router::new().fallback(handle).with_state(mock);
    // Bound: connections are queued from now on, and served as soon as `serve` runs.
    if crate::output::write_stdout(&format!("listening on {local}\n"), "the address")
        != ExitCode::SUCCESS
    {
        return ExitCode::from(2);
    }
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(stop_signal())
        .await;
    match served {
        Ok(()) => {
            eprintln!("stopped");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: the server failed: {error}");
            ExitCode::from(2)
        }
    }
}

/// Resolves on SIGINT or SIGTERM.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Every request: its answer, and one log line.
async fn handle(State(mock): State<Arc<Mock>>, request: Request) -> Response {
    let method = request.method().as_str().to_owned();
    let path = request.uri().path().to_owned();
    let answer = respond(&mock, request).await;
    log::request(&method, &path, &answer);
    let mut response = (
        StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        answer.body,
    )
        .into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(allow) = answer.allow.and_then(|a| HeaderValue::from_str(&a).ok()) {
        headers.insert(header::ALLOW, allow);
    }
    response
}

async fn respond(mock: &Mock, request: Request) -> Answer {
    let headers = request.headers();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok());
    let length = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let route = match mock.route(
        request.method().as_str(),
        request.uri().path(),
        content_type,
        length,
    ) {
        Ok(route) => route,
        Err(answer) => return answer,
    };
    let body: Body = request.into_body();
    match to_bytes(body, mock.max_bytes).await {
        Ok(bytes) => mock.answer(route, &bytes),
        Err(error) if is_length_limit(&error) => mock.too_large(),
        Err(_) => Answer {
            status: 400,
            body: "{\"error\":\"the body could not be read\"}".to_owned(),
            allow: None,
            verdict: "the body could not be read".to_owned(),
        },
    }
}

/// Whether reading a body failed on its limit.
fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = e.source();
    }
    false
}
