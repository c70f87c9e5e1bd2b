//! `mova cache merge A B … -o C`: caches of several shards or machines → one;
//! `mova cache stats FILE`: what a cache holds.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Subcommand};

use mova::cache::{merge, stats};
use mova::error::shown;

#[derive(Debug, Args)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub action: CacheAction,
}

#[derive(Debug, Subcommand)]
pub enum CacheAction {
    /// Merge caches into one (-o), keeping the newest entry of each sentence;
    /// an existing output is merged into. Refuses files that are not mova caches.
    Merge(MergeArgs),
    /// Entries per model and language, their times, and the file's size.
    Stats(StatsArgs),
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The caches to merge.
    #[arg(required = true, value_name = "CACHE")]
    pub inputs: Vec<PathBuf>,

    /// The merged cache (written to a temporary file beside it, then renamed).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,

    /// No summary line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The cache file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// One JSON object instead of the table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(a: CacheArgs) -> Result<ExitCode> {
    match a.action {
        CacheAction::Merge(m) => {
            let done = merge::merge(&m.inputs, &m.output)?;
            if !m.quiet {
                eprintln!(
                    "mova: merged {} caches ({} entries) into {}: {} translations",
                    done.caches,
                    done.read,
                    shown(&m.output),
                    done.entries
                );
            }
        }
        CacheAction::Stats(s) => {
            let st = stats::stats(&s.file)?;
            if s.json {
                println!("{}", st.to_json());
            } else {
                print!("{}", table(&st));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The stats as a header line, a table by model and language, and the model
/// directories the cache knows.
fn table(s: &stats::CacheStats) -> String {
    let mut out = format!(
        "{}: mova cache (schema {}), {} translations, {}\n",
        shown(&s.path),
        s.schema,
        s.translations,
        size(s.bytes)
    );
    if s.groups.is_empty() {
        return out;
    }
    let rows: Vec<[String; 5]> = s
        .groups
        .iter()
        .map(|g| {
            let model = g.model.as_deref().map_or("?".to_string(), |m| m.chars().take(12).collect());
            [
                model,
                g.lang.clone().unwrap_or("?".into()),
                g.translations.to_string(),
                stats::utc(g.oldest),
                stats::utc(g.newest),
            ]
        })
        .collect();
    let head = ["model", "lang", "translations", "oldest (UTC)", "newest (UTC)"].map(String::from);
    let widths: Vec<usize> =
        (0..5).map(|i| rows.iter().chain([&head]).map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
    for row in [&head].into_iter().chain(&rows) {
        let cells: Vec<String> = row.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    if s.groups.iter().any(|g| g.model.is_none()) {
        out.push_str("?: written before schema 2, which records no model or language\n");
    }
    for (fingerprint, path) in &s.models {
        out.push_str(&format!("model {}: {path}\n", fingerprint.chars().take(12).collect::<String>()));
    }
    out
}

/// Bytes as B, KiB, MiB or GiB.
fn size(bytes: u64) -> String {
    let units = ["B", "KiB", "MiB", "GiB"];
    let (mut v, mut u) = (bytes as f64, 0);
    while v >= 1024.0 && u < units.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{bytes} B")
    } else {
        format!("{v:.1} {}", units[u])
    }
}
