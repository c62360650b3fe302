//! Transport security: HSTS only when the connection is really HTTPS (directly, or through a
//! proxy that is trusted to say so).

use crate::common::TestApp;
use actix_web::http::Method;
use koers::db::Backend;

async fn hsts(app: &TestApp, forwarded_https: bool) -> Option<String> {
    let headers: &[(&str, &str)] = if forwarded_https {
        &[("x-forwarded-proto", "https")]
    } else {
        &[]
    };
    app.request(Method::GET, "/health/live", None, None, headers)
        .await
        .header("strict-transport-security")
}

async fn hsts_only_behind_a_trusted_tls_proxy(backend: Backend) {
    let direct = TestApp::start(backend).await;
    assert_eq!(hsts(&direct, false).await, None, "plain HTTP gets no HSTS");
    assert_eq!(
        hsts(&direct, true).await,
        None,
        "an untrusted X-Forwarded-Proto is ignored"
    );

    let proxied = TestApp::start_with(backend, |c| c.trust_proxy = true).await;
    assert_eq!(
        hsts(&proxied, false).await,
        None,
        "a trusted proxy that forwarded plain HTTP"
    );
    let value = hsts(&proxied, true)
        .await
        .expect("HSTS behind a TLS-terminating proxy");
    assert!(value.starts_with("max-age=31536000"), "{value}");
}

#[actix_web::test]
async fn hsts_sqlite() {
    hsts_only_behind_a_trusted_tls_proxy(Backend::Sqlite).await
}

#[actix_web::test]
async fn hsts_postgres() {
    hsts_only_behind_a_trusted_tls_proxy(Backend::Postgres).await
}

/// Sends the headers of a JSON request promising 100 bytes, then one byte a second; returns the
/// status line of the answer and how long it took.
fn trickle(addr: &str) -> (String, std::time::Duration) {
    use std::io::{Read, Write};
    let started = std::time::Instant::now();
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(
            b"POST /api/v1/auth/login HTTP/1.1\r\nHost: koers\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
        )
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        for _ in 0..12 {
            std::thread::sleep(std::time::Duration::from_secs(1));
            if writer.write_all(b" ").is_err() {
                return;
            }
        }
    });
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                answer.extend_from_slice(&buf[..n]);
                if answer.windows(4).any(|w| w == b"\r\n\r\n") {
                    break;
                }
            }
        }
    }
    let elapsed = started.elapsed();
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let _ = sender.join();
    let text = String::from_utf8_lossy(&answer).to_string();
    (text, elapsed)
}

/// A body that trickles in is cut off with `408` after the configured time, like slow headers
/// are, and the server keeps answering everyone else meanwhile.
async fn slow_bodies_are_cut_off(backend: Backend) {
    let app = TestApp::start_with(backend, |c| {
        c.body_timeout = std::time::Duration::from_secs(2)
    })
    .await;
    let running = app.serve();
    let base = running.api.clone();
    let addr = base.trim_start_matches("http://").to_string();
    let slow = actix_web::rt::task::spawn_blocking(move || trickle(&addr));
    let others = actix_web::rt::task::spawn_blocking(move || {
        std::thread::sleep(std::time::Duration::from_millis(500));
        let started = std::time::Instant::now();
        let answers: Vec<u16> = (0..5)
            .map(|_| crate::common::http_get(&format!("{base}/health/ready"), &[]).0)
            .collect();
        (answers, started.elapsed())
    });
    let ((answer, elapsed), (others, others_took)) = (slow.await.unwrap(), others.await.unwrap());
    running.stop().await;
    assert!(
        answer.starts_with("HTTP/1.1 408"),
        "a body at one byte a second: {answer}"
    );
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("content-type: application/problem+json"),
        "{answer}"
    );
    assert!(
        elapsed < std::time::Duration::from_secs(5),
        "cut off after {elapsed:?}, the limit is 2 s"
    );
    assert_eq!(others, vec![200; 5], "others were served meanwhile");
    assert!(
        others_took < std::time::Duration::from_secs(2),
        "others waited {others_took:?}"
    );
}

#[actix_web::test]
async fn slow_bodies_sqlite() {
    slow_bodies_are_cut_off(Backend::Sqlite).await
}

#[actix_web::test]
async fn slow_bodies_postgres() {
    slow_bodies_are_cut_off(Backend::Postgres).await
}
