//! A real SMTP server for the mail tests: aiosmtpd (from the test tools' Python environment,
//! `make tools`) writing what it receives into a maildir. It can be stopped and started again
//! on the same port, as a mail server that is down for a while.

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mail_parser::MimeHeaders;

use super::TestApp;
use koers::db::Backend;

/// An app that mails to `smtp`, retrying at once (the tests do not wait for backoff), giving up
/// after `attempts`.
pub async fn app_with(backend: Backend, smtp: &SmtpServer, attempts: i32) -> TestApp {
    let url = smtp.url();
    TestApp::start_with(backend, move |c| {
        c.smtp_url = Some(url);
        c.mail_retry = Duration::ZERO;
        c.mail_attempts = attempts;
    })
    .await
}

/// One round of the app's sender: what is due goes out. Answers how many were delivered.
pub async fn deliver(app: &TestApp) -> usize {
    koers::mail::sender::Sender::new(&app.state.config)
        .unwrap()
        .deliver_due(&app.state.db)
        .await
        .unwrap()
}

/// A mail as it arrived: its headers and decoded parts.
#[derive(Debug, Clone)]
pub struct Received {
    pub to: String,
    pub subject: String,
    pub message_id: String,
    pub text: String,
    pub html: String,
    /// `(file name, content)` of each attachment.
    pub attachments: Vec<(String, String)>,
}

impl Received {
    /// The first link in the plain text that starts with `prefix`.
    pub fn link(&self, prefix: &str) -> String {
        let start = self
            .text
            .find(prefix)
            .unwrap_or_else(|| panic!("no link {prefix} in mail:\n{}", self.text));
        self.text[start..]
            .split_whitespace()
            .next()
            .unwrap()
            .to_string()
    }
}

pub struct SmtpServer {
    child: Option<Child>,
    pub port: u16,
    dir: tempfile::TempDir,
}

fn python() -> PathBuf {
    std::env::var_os("KOERS_TEST_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../tests/contract/.venv/bin/python"
            ))
        })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let mut s = SmtpServer {
            child: None,
            port: free_port(),
            dir: tempfile::tempdir().unwrap(),
        };
        s.resume();
        s
    }

    /// A port where no server listens (yet): `resume` starts one there.
    pub fn down() -> SmtpServer {
        SmtpServer {
            child: None,
            port: free_port(),
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn resume(&mut self) {
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir_all(self.dir.path().join(sub)).unwrap();
        }
        let py = python();
        assert!(
            py.exists(),
            "the mail tests need aiosmtpd in {} (run `make tools`)",
            py.display()
        );
        let child = Command::new(&py)
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{}", self.port))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start aiosmtpd");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Every mail received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        let new = self.dir.path().join("new");
        let mut files: Vec<_> = std::fs::read_dir(&new)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        files
            .iter()
            .map(|p| parse(&std::fs::read(p).unwrap()))
            .collect()
    }

    /// The mails received for `to`.
    pub fn for_address(&self, to: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|m| m.to.eq_ignore_ascii_case(to))
            .collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.stop();
    }
}

pub fn parse(raw: &[u8]) -> Received {
    let m = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("a mail");
    Received {
        to: m
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_string(),
        subject: m.subject().unwrap_or_default().to_string(),
        message_id: m.message_id().unwrap_or_default().to_string(),
        text: m.body_text(0).map(|t| t.to_string()).unwrap_or_default(),
        html: m.body_html(0).map(|t| t.to_string()).unwrap_or_default(),
        attachments: m
            .attachments()
            .map(|a| {
                (
                    a.attachment_name().unwrap_or_default().to_string(),
                    String::from_utf8_lossy(a.contents()).to_string(),
                )
            })
            .collect(),
    }
}
