//! Command-line interface: flags ([`args`]) and one module per command.

mod args;
mod cache;
mod fix;
mod io;
mod models;
mod names;
mod normalize;
mod progress;
mod segment;
mod translate;
mod translit;
mod typography;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// Parses the command line and runs the command.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Translate(a) => translate::run(a),
        Command::Normalize(a) => normalize::run(a),
        Command::Segment(a) => segment::run(a),
        Command::Typography(a) => typography::run(a),
        Command::Translit(a) => translit::run(a),
        Command::Names(a) => names::run(a),
        Command::Fix(a) => fix::run(a),
        Command::Models(a) => models::run(a),
        Command::Cache(a) => cache::run(a),
    }
}
