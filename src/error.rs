//! One typed error for the library. Every variant names the file it is about and
//! its message says what to do, so the binary can print it as one line.

use std::path::PathBuf;

/// Result with mova's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in mova's library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    /// An input is not UTF-8 text.
    #[error("{}: not UTF-8 text (invalid byte at offset {offset}); convert it, e.g. `iconv -f cp1251 -t utf-8`", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },

    /// An input looks binary (contains NUL bytes).
    #[error("{}: looks like a binary file (NUL byte at offset {offset}); give mova .txt, .md or .jsonl text", path.display())]
    Binary { path: PathBuf, offset: usize },

    /// A JSON Lines input has a bad line.
    #[error("{}: line {line}: {message}", path.display())]
    Jsonl { path: PathBuf, line: usize, message: String },

    /// An input path has an extension mova does not read.
    #[error("{}: unsupported input type; mova reads .txt, .md and .jsonl (or use --format with `-` for stdin)", path.display())]
    UnsupportedInput { path: PathBuf },

    /// Two inputs would write the same output file.
    #[error("{} and {} would both write {}; translate them in separate runs or rename one", first.display(), second.display(), output.display())]
    OutputClash { first: PathBuf, second: PathBuf, output: PathBuf },

    /// A model directory is missing or incomplete.
    #[error("{}: {problem}", path.display())]
    Model { path: PathBuf, problem: String },

    /// The model cannot produce a requested target language.
    #[error("{}: this {family} model has no {lang} target ({wanted}); use a model that covers {lang}, or pass --model {code}=DIR for a {lang} model", path.display())]
    UnsupportedTarget { path: PathBuf, family: String, lang: String, code: String, wanted: String },

    /// The SentencePiece model could not be found or loaded.
    #[error("{}: {problem}", path.display())]
    Tokenizer { path: PathBuf, problem: String },

    /// CTranslate2 failed while translating a batch.
    #[error("{}: translation failed in batch {batch}: {message}", path.display())]
    Engine { path: PathBuf, batch: usize, message: String },

    /// A transliteration scheme file has a bad line.
    #[error("{}: line {line}: {message}", path.display())]
    Scheme { path: PathBuf, line: usize, message: String },

    /// A name list (gazetteer) file has a bad line.
    #[error("{}: line {line}: {message}", path.display())]
    Names { path: PathBuf, line: usize, message: String },

    /// The run was interrupted (Ctrl-C); what was translated is in the cache.
    #[error("interrupted; no output written; translations finished so far are in the cache: run the same command again to go on")]
    Interrupted,

    /// A bad command-line value.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// An I/O error about `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    /// A problem with the model directory `path`.
    pub fn model(path: impl Into<PathBuf>, problem: impl Into<String>) -> Self {
        Error::Model { path: path.into(), problem: problem.into() }
    }
}
