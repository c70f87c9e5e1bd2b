//! Downloads that resume: a file grows in place; a cut connection or a rerun
//! asks for the rest (`Range: bytes=N-`), and a server that ignores ranges
//! sends the whole file again.
//!
//! In: a URL, a destination, the expected size if known. Out: the file, whole
//! as far as the server says; its checksum is checked by the caller.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::{io, ModelsError, Result};

/// Attempts per download before giving up (each resumes where the last stopped).
pub const ATTEMPTS: usize = 5;

/// Told how a download goes (a progress bar, or nothing).
pub trait Progress {
    /// A download of `total` bytes (if known) starts with `done` already there.
    fn start(&self, _file: &str, _total: Option<u64>, _done: u64) {}
    fn advance(&self, _bytes: u64) {}
    /// The connection broke at `done` bytes; the next attempt resumes there.
    fn retry(&self, _done: u64, _why: &str) {}
    fn finish(&self) {}
}

/// No progress shown.
pub struct Quiet;
impl Progress for Quiet {}

/// Downloads `url` to `dest`, resuming from what `dest` already holds.
pub fn fetch(url: &str, dest: &Path, size: Option<u64>, progress: &dyn Progress) -> Result<()> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_connect(Some(Duration::from_secs(30)))
        .timeout_recv_response(Some(Duration::from_secs(60)))
        .user_agent(concat!("mova/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let fail = |message: String| ModelsError::Download {
        url: url.to_string(),
        message,
        partial: dest.to_path_buf(),
        resumable: fs::metadata(dest).is_ok_and(|m| m.len() > 0),
    };
    let mut last_error = String::new();
    for attempt in 0..ATTEMPTS {
        if attempt > 0 {
            std::thread::sleep(Duration::from_millis(200 * attempt as u64));
        }
        let have = fs::metadata(dest).map_or(0, |m| m.len());
        if size == Some(have) {
            return Ok(());
        }
        let mut req = agent.get(url);
        if have > 0 {
            req = req.header("Range", format!("bytes={have}-"));
        }
        let resp = match req.call() {
            Ok(r) => r,
            Err(e) => {
                last_error = e.to_string();
                progress.retry(have, &last_error);
                continue;
            }
        };
        let status = resp.status().as_u16();
        let append = match status {
            206 => true,
            200 => false,
            // Nothing left to send: the file is whole (the checksum will tell).
            416 if have > 0 => return Ok(()),
            404 | 410 => return Err(fail(format!("HTTP {status}: not on the server; check the URL or --mirror"))),
            s if (400..500).contains(&s) => return Err(fail(format!("HTTP {s}"))),
            s => {
                last_error = format!("HTTP {s}");
                progress.retry(have, &last_error);
                continue;
            }
        };
        let length: Option<u64> =
            resp.headers().get("content-length").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok());
        let start = if append { have } else { 0 };
        let total = length.map(|l| start + l).or(size);
        let mut file = OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(dest)
            .map_err(|e| io(dest, e))?;
        progress.start(dest.file_name().and_then(|n| n.to_str()).unwrap_or(""), total, start);
        let (got, outcome) = receive(&mut resp.into_body().into_reader(), &mut file, dest, progress)?;
        match outcome {
            Ok(()) if length.is_none_or(|l| got == l) => {
                progress.finish();
                return Ok(());
            }
            Ok(()) => last_error = format!("connection closed after {got} of {} bytes", length.unwrap_or(0)),
            Err(e) => last_error = e,
        }
        progress.retry(start + got, &last_error);
    }
    Err(fail(format!("{last_error}, after {ATTEMPTS} attempts")))
}

/// Copies a response body into `file` and syncs it: the bytes written, and how
/// the connection ended (an error message when it broke). Writing errors stop
/// the download; reading errors are retried by the caller.
fn receive(
    body: &mut impl Read,
    file: &mut File,
    dest: &Path,
    progress: &dyn Progress,
) -> Result<(u64, std::result::Result<(), String>)> {
    let mut buf = vec![0u8; 1 << 16];
    let mut got = 0u64;
    let outcome = loop {
        match body.read(&mut buf) {
            Ok(0) => break Ok(()),
            Ok(n) => {
                file.write_all(&buf[..n]).map_err(|e| io(dest, e))?;
                got += n as u64;
                progress.advance(n as u64);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => break Err(e.to_string()),
        }
    };
    file.sync_all().map_err(|e| io(dest, e))?;
    Ok((got, outcome))
}

/// Lowercase hex SHA-256 of a file.
pub fn sha256(path: &Path) -> Result<String> {
    let mut f = File::open(path).map_err(|e| io(path, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f.read(&mut buf).map_err(|e| io(path, e))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}
