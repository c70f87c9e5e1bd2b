//! Flags of every command; help text sits next to each flag.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use mova::family::Family;
use mova::input::Format;
use mova::translate::DEFAULT_MAX_BATCH_TOKENS;

/// Translate English news articles into Russian and Belarusian, keeping names right.
#[derive(Debug, Parser)]
#[command(name = "mova", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Translate articles (files, directories, or - for stdin) into ru and/or be.
    Translate(TranslateArgs),
}

/// What to do with names in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NamesMode {
    /// Put each name in the target language's form.
    Fix,
    /// Leave the model's text as it is.
    Off,
}

#[derive(Debug, Args)]
pub struct TranslateArgs {
    /// Input files (.txt, .md, .jsonl), directories (searched recursively), or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Target languages, comma-separated.
    #[arg(long, default_value = "ru,be", value_name = "LANGS")]
    pub to: String,

    /// CTranslate2 model directory; repeat as ru=DIR and be=DIR for one bilingual model per language.
    #[arg(long = "model", short = 'm', env = "MOVA_MODEL", value_name = "[LANG=]DIR")]
    pub models: Vec<String>,

    /// Model family, when detection from the vocabulary is not enough.
    #[arg(long, value_enum)]
    pub family: Option<Family>,

    /// SentencePiece model to use instead of the one found beside the model.
    #[arg(long, value_name = "FILE")]
    pub tokenizer: Option<PathBuf>,

    /// Beam size (1 is greedy decoding).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub beam: u16,

    /// Padded tokens per batch (sentences × longest sentence).
    #[arg(long, default_value_t = DEFAULT_MAX_BATCH_TOKENS, value_name = "N")]
    pub max_batch_tokens: usize,

    /// Threads for inference (0: all cores).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,

    /// Name handling in the output (`fix` arrives with the name stage).
    #[arg(long, value_enum, default_value_t = NamesMode::Off)]
    pub names: NamesMode,

    /// Input format for stdin and for files with other extensions.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Output directory.
    #[arg(long, short = 'o', default_value = "out", value_name = "DIR")]
    pub out: PathBuf,

    /// No progress bar and no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}
