//! The `mova` binary: parses the command line and dispatches; every failure is
//! one `mova: …` line on stderr naming the file or flag to fix, and exit code 1
//! (130 when interrupted by a signal). A closed stdout (`mova segment x | head`)
//! ends the command quietly with 0, as the reader wanted no more.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mova: {e}{}", e.downcast_ref::<mova::Error>().map_or("", cli_hint));
            match e.downcast_ref::<mova::Error>() {
                Some(mova::Error::Interrupted) => ExitCode::from(130),
                _ => ExitCode::FAILURE,
            }
        }
    }
}

/// What the command line adds to a library error: the flag that fixes it.
fn cli_hint(e: &mova::Error) -> &'static str {
    match e {
        mova::Error::UnsupportedInput { .. } => " (or use --format with `-` for stdin)",
        mova::Error::OutputIsInput { .. } => "; choose another --out",
        mova::Error::Tokenizer { .. } => " (--tokenizer FILE)",
        _ => "",
    }
}

/// Whether `e` comes from writing to a pipe whose reader has gone.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
