//! The `mova` binary: parses the command line and dispatches; every failure is
//! one `mova: …` line on stderr naming the file or flag to fix, and exit code 1.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("mova: {e}");
            ExitCode::FAILURE
        }
    }
}
