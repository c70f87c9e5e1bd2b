//! Flags of every command; help text sits next to each flag.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use mova::family::Family;
use mova::input::Format;
use mova::normalize::{Rule, Rules};
use mova::translate::DEFAULT_MAX_SENTENCE_TOKENS;
use mova::typography::{Apostrophe, Typography};
use mova::Lang;

/// Translate English news articles into Russian and Belarusian, keeping names right.
#[derive(Debug, Parser)]
#[command(name = "mova", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

// Parsed once per run: the size of the translate variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Translate articles (files, directories, or - for stdin) into ru and/or be.
    Translate(TranslateArgs),
    /// Normalise text as the model sees it (stdin or files to stdout).
    Normalize(NormalizeArgs),
    /// Split text into sentences: one per line, a blank line between paragraphs.
    Segment(SegmentArgs),
    /// Apply Russian or Belarusian typography to text (stdin or files to stdout).
    Typography(TypographyArgs),
    /// Romanize Russian or Belarusian text by a standard scheme, or go back (--reverse).
    Translit(TranslitArgs),
    /// The name-variant table of the names in articles (no model needed).
    Names(NamesArgs),
    /// Put the names right in a translation made anywhere (no model needed).
    Fix(FixArgs),
    /// The installed models; `mova models get NAME` installs one.
    Models(super::models::ModelsArgs),
    /// Translation caches: merge several into one, or count what one holds.
    Cache(super::cache::CacheArgs),
}

#[derive(Debug, Args)]
pub struct FixArgs {
    /// The English source: a .txt/.md file, a .jsonl file, or a directory of them.
    #[arg(long, value_name = "SRC")]
    pub source: PathBuf,

    /// Its translation: a file with the same paragraphs (or records by id), or a
    /// directory with x.LANG.txt beside each x.txt of the source.
    #[arg(long, value_name = "TR")]
    pub translation: PathBuf,

    /// Language of the translation.
    #[arg(long, value_name = "ru|be")]
    pub lang: Lang,

    /// Write the fixed translation here (atomically; a directory for directory
    /// pairs) instead of stdout.
    #[arg(long, short = 'o', value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// JSON Lines: every change and every suspect word left alone, with where and why.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Change nothing: print each name problem and exit 1 if there is any.
    #[arg(long)]
    pub check: bool,

    /// Your own names (gazetteer format); they override the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub names_file: Vec<PathBuf>,
}

/// Output format of `mova names`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Tsv,
    Csv,
    Json,
    Md,
}

#[derive(Debug, Args)]
pub struct NamesArgs {
    /// Input files (.txt, .md, .jsonl), directories, or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Table format.
    #[arg(long, value_enum, default_value_t = TableFormat::Tsv)]
    pub format: TableFormat,

    /// Romanizations to show, as LANG:SCHEME,... (see mova translit --list).
    #[arg(long, default_value = mova::names::table::DEFAULT_SCHEMES, value_name = "LIST")]
    pub schemes: String,

    /// Your own names (gazetteer format); they override the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub names_file: Vec<PathBuf>,

    /// Input format for stdin and for files with other extensions.
    #[arg(long = "input-format", value_enum)]
    pub input_format: Option<Format>,

    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TranslitArgs {
    /// Input files, read line by line; none or - reads stdin.
    #[arg(value_name = "FILE")]
    pub inputs: Vec<PathBuf>,

    /// Scheme id (see --list); with --candidates, limits them to this scheme.
    #[arg(long, short = 's', required_unless_present_any = ["list", "candidates"], value_name = "ID")]
    pub scheme: Option<String>,

    /// Language of the Cyrillic text.
    #[arg(long, short = 'l', required_unless_present = "list", value_name = "LANG")]
    pub lang: Option<Lang>,

    /// Latin → Cyrillic: exact for reversible schemes, the most likely
    /// spelling for the others (press spellings of names).
    #[arg(long)]
    pub reverse: bool,

    /// Latin → Cyrillic: the N most likely spellings from every scheme of the
    /// language, as TSV: input, rank, candidate, score, schemes.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub candidates: Option<u16>,

    /// List the schemes with their authority, year and reversibility.
    #[arg(long)]
    pub list: bool,
}

/// On or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

/// Normalisation flags, shared by every command that reads English text.
#[derive(Debug, Args)]
pub struct NormalizeFlags {
    /// Normalisation rules to switch off, comma-separated.
    #[arg(long = "normalize-off", alias = "off", value_enum, value_delimiter = ',', value_name = "RULES")]
    pub off: Vec<Rule>,

    /// Also fold compatibility characters (NFKC: ﬁ → fi, ２ → 2, ² → 2).
    #[arg(long)]
    pub nfkc: bool,

    /// Replace invalid UTF-8 with U+FFFD instead of stopping (offsets then count the replaced text).
    #[arg(long)]
    pub lossy: bool,
}

impl NormalizeFlags {
    pub fn rules(&self) -> Rules {
        let rules = self.off.iter().fold(Rules::default(), |r, &rule| r.with(rule, false));
        if self.nfkc {
            rules.with(Rule::Nfkc, true)
        } else {
            rules
        }
    }
}

/// Output typography flags.
#[derive(Debug, Args)]
pub struct TypographyFlags {
    /// The Belarusian apostrophe: right (’), modifier (ʼ) or ascii (').
    #[arg(long, value_enum, default_value_t = Apostrophe::Right)]
    pub apostrophe: Apostrophe,

    /// Non-breaking spaces after one-letter prepositions and conjunctions (в, к, у, з, і).
    #[arg(long)]
    pub nbsp_prepositions: bool,
}

impl TypographyFlags {
    pub fn settings(&self) -> Typography {
        Typography { nbsp_prepositions: self.nbsp_prepositions, apostrophe: self.apostrophe }
    }
}

#[derive(Debug, Args)]
pub struct NormalizeArgs {
    /// Input files; none or - reads stdin.
    #[arg(value_name = "FILE")]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub normalize: NormalizeFlags,

    /// Report every change on stderr: FILE:LINE:COLUMN: rule: before → after (why).
    #[arg(long)]
    pub explain: bool,

    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// Input files (plain text or Markdown); none or - reads stdin.
    #[arg(value_name = "FILE")]
    pub inputs: Vec<PathBuf>,

    #[command(flatten)]
    pub normalize: NormalizeFlags,

    /// Start each line with the sentence's byte offsets in the input: START<TAB>END<TAB>.
    #[arg(long)]
    pub offsets: bool,

    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TypographyArgs {
    /// Input files (Russian or Belarusian text); none or - reads stdin.
    #[arg(value_name = "FILE")]
    pub inputs: Vec<PathBuf>,

    /// Language of the text.
    #[arg(long, short = 'l', value_name = "LANG")]
    pub lang: Lang,

    #[command(flatten)]
    pub typography: TypographyFlags,

    /// Write to this file (atomically) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
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

    /// An installed model's name (see `mova models`) or a CTranslate2 model directory; repeat as ru=DIR and be=DIR for one bilingual model per language.
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

    /// Padded source tokens per batch (sentences × longest sentence)
    /// [default: 1280 / beam: 320 at beam 4].
    #[arg(long, value_name = "N")]
    pub max_batch_tokens: Option<usize>,

    /// Longest sentence given to the model whole, in tokens; longer ones are cut at clause boundaries.
    #[arg(long, default_value_t = DEFAULT_MAX_SENTENCE_TOKENS, value_name = "N")]
    pub max_sentence_tokens: usize,

    /// Threads for inference in all (0: all cores).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub threads: usize,

    /// Model replicas translating batches side by side, sharing --threads
    /// (0: one per thread up to 4 threads, then 2–4 threads each).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub replicas: usize,

    /// Translation cache (SQLite): sentences translated before, by this model
    /// with these settings, are not translated again.
    #[arg(long, value_name = "FILE", env = "MOVA_CACHE")]
    pub cache: Option<PathBuf>,

    /// Score every token of the output vocabulary. By default mova restricts
    /// it to what Russian/Belarusian text and the source's Latin pieces can
    /// contain when that leaves at most 3/4 of it (same output, faster).
    #[arg(long, conflicts_with = "restrict_vocab")]
    pub full_vocab: bool,

    /// Restrict the output vocabulary even when that leaves more than 3/4 of it.
    #[arg(long)]
    pub restrict_vocab: bool,

    /// Neither read nor write the translation cache (overrides --cache).
    #[arg(long)]
    pub no_cache: bool,

    /// Name handling: put every name in the target language's form and case
    /// (fix), or leave the model's text (off).
    #[arg(long, value_enum, default_value_t = NamesMode::Fix)]
    pub names: NamesMode,

    /// Your own names (gazetteer format, see README); they override the built-in ones.
    #[arg(long, value_name = "FILE")]
    pub names_file: Vec<PathBuf>,

    /// Write the run's counts and stage times to this file as JSON.
    #[arg(long, value_name = "FILE")]
    pub stats: Option<PathBuf>,

    /// Write every name change, per article, to this JSON Lines file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// Input format for stdin and for files with other extensions.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    #[command(flatten)]
    pub normalize: NormalizeFlags,

    /// Russian/Belarusian typography of the output (quotes, dashes, spaces).
    #[arg(long, value_enum, default_value_t = Switch::On)]
    pub typography: Switch,

    #[command(flatten)]
    pub typography_flags: TypographyFlags,

    /// Output directory.
    #[arg(long, short = 'o', default_value = "out", value_name = "DIR")]
    pub out: PathBuf,

    /// Translate only shard K of N (0 ≤ K < N), split by a hash of each
    /// article's name or id; N runs together translate every article once.
    /// Default: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX.
    #[arg(long, value_name = "K/N", conflicts_with = "shards")]
    pub shard: Option<String>,

    /// Number of shards, with the shard index from JOB_COMPLETION_INDEX
    /// (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub shards: Option<u64>,

    /// No progress bar and no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}
