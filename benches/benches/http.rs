//! Load test of the axum extractor over loopback, bounded in requests and seconds: the same
//! handler behind plain `axum::Json<T>` over serde structs (`String` fields, no rule checked)
//! and behind `fieldtab::axum::Valid<T>` (decoded and every rule of the table checked), served
//! by one server on 127.0.0.1:0, driven by keep-alive HTTP/1.1 clients on std threads.
//! Prints requests per second and p50/p99 latency of each, and the throughput ratio.
//!
//! ```sh
//! cargo bench -p fieldtab-benches --bench http                 # defaults below
//! cargo bench -p fieldtab-benches --bench http -- 20000 4 3    # REQUESTS CLIENTS ROUNDS
//! ```
//!
//! Each round sends REQUESTS requests (default 20,000) to each variant in turn, over CLIENTS
//! connections (default 4), stopping early after 30 seconds a variant; the figures are over
//! all rounds (default 3), the variants alternating so that drift hits both alike.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::post;
use fieldtab::axum::Valid;
use serde::Deserialize;

use fieldtab_benches::generated::upi;

/// The floor: the same message as serde structs of `String`s.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // read by serde only, as a server that ignores fields would
struct Header {
    proc_type: String,
    sign_cert_id: String,
    enc_cert_id: String,
    ins_code: String,
    pid: String,
    ref_num: String,
    local_time: String,
    local_time_zone: String,
    resv_fld: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Data {
    user_token: String,
    card_no: String,
    mobile: Option<String>,
}

#[derive(Deserialize)]
struct Enrollment {
    header: Header,
    #[allow(dead_code)]
    data: Data,
}

async fn plain(axum::Json(request): axum::Json<Enrollment>) -> String {
    request.header.ref_num
}

async fn checked(Valid(request, _): Valid<upi::EnrollmentRegistrationRequest>) -> String {
    request.header.ref_num
}

const BODY: &str = r#"{"header":{"procType":"41","signCertId":"001","encCertId":"002","insCode":"39990157","pid":"1000000001","refNum":"202411220000001","localTime":"20241122141530","localTimeZone":"GMT+08:00"},"data":{"userToken":"USR20241122A7","cardNo":"6214835920672688","mobile":"+86-13800000000"}}"#;

/// Time a variant may take in one round, whatever REQUESTS says.
const CAP: Duration = Duration::from_secs(30);

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| !a.starts_with("--"));
    let mut number = |default: usize| args.next().and_then(|a| a.parse().ok()).unwrap_or(default);
    let (requests, clients, rounds) = (number(20_000), number(4).max(1), number(3).max(1));

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("a loopback port");
    let addr = listener.local_addr().expect("an address");
    let app = Router::new()
        .route("/plain", post(plain))
        .route("/fieldtab", post(checked));
    runtime.spawn(async move { axum::serve(listener, app).await });

    let mut latencies: [Vec<Duration>; 2] = [Vec::new(), Vec::new()];
    let mut elapsed = [Duration::ZERO; 2];
    for _ in 0..rounds {
        for (i, path) in ["/plain", "/fieldtab"].into_iter().enumerate() {
            let (took, mut got) = drive(addr, path, requests, clients);
            elapsed[i] += took;
            latencies[i].append(&mut got);
        }
    }
    println!(
        "{requests} requests x {rounds} rounds a variant, {clients} keep-alive clients, 1 server worker thread, loopback"
    );
    println!("| handler | requests/s | p50 | p99 |");
    println!("|---|---:|---:|---:|");
    let mut rates = [0.0; 2];
    for (i, name) in [
        "`axum::Json<T>`, serde structs (no rules)",
        "`fieldtab::axum::Valid<T>` (every rule)",
    ]
    .into_iter()
    .enumerate()
    {
        let lat = &mut latencies[i];
        lat.sort();
        rates[i] = lat.len() as f64 / elapsed[i].as_secs_f64();
        let at = |q: f64| lat[((lat.len() as f64 * q) as usize).min(lat.len() - 1)];
        println!(
            "| {name} | {:.0} | {:.0} µs | {:.0} µs |",
            rates[i],
            at(0.50).as_secs_f64() * 1e6,
            at(0.99).as_secs_f64() * 1e6
        );
    }
    println!(
        "throughput of Valid<T> / Json<T>: {:.3}",
        rates[1] / rates[0]
    );
}

/// Sends `requests` POSTs to `path` over `clients` connections; the wall time and each
/// request's latency.
fn drive(
    addr: SocketAddr,
    path: &'static str,
    requests: usize,
    clients: usize,
) -> (Duration, Vec<Duration>) {
    let start = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|c| {
            let share = requests / clients + usize::from(c < requests % clients);
            thread::spawn(move || client(addr, path, share, start))
        })
        .collect();
    let mut all = Vec::with_capacity(requests);
    for worker in workers {
        all.extend(worker.join().expect("a client"));
    }
    (start.elapsed(), all)
}

fn client(addr: SocketAddr, path: &str, count: usize, start: Instant) -> Vec<Duration> {
    let stream = TcpStream::connect(addr).expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut writer = stream.try_clone().expect("a clone");
    let mut reader = BufReader::new(stream);
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{BODY}",
        BODY.len()
    );
    let mut latencies = Vec::with_capacity(count);
    let mut line = String::new();
    for _ in 0..count {
        if start.elapsed() > CAP {
            break;
        }
        let sent = Instant::now();
        writer.write_all(request.as_bytes()).expect("send");
        let mut length = 0;
        let mut status_ok = false;
        loop {
            line.clear();
            reader.read_line(&mut line).expect("a header line");
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if line.starts_with("HTTP/1.1 ") {
                status_ok = line.starts_with("HTTP/1.1 200");
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().expect("a length");
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("the body");
        assert!(status_ok, "{path}: {}", String::from_utf8_lossy(&body));
        latencies.push(sent.elapsed());
    }
    latencies
}
