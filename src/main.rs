//! The `mova` binary: parses the command line and dispatches; every failure is
//! one `mova: …` line on stderr naming the file or flag to fix, and exit code 1
//! (130 when interrupted by a signal).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("mova: {e}");
            match e.downcast_ref::<mova::Error>() {
                Some(mova::Error::Interrupted) => ExitCode::from(130),
                _ => ExitCode::FAILURE,
            }
        }
    }
}
