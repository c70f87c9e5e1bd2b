//! One typed error for mova's libraries (`mova-text` and `mova`: it holds only
//! data, so both can share it and `?` works across them). Every variant names the
//! file it is about and, where the library knows it, what to do, so the binary
//! can print it as one line; the binary adds its own flags' names
//! (`--format`, `--out`), which the libraries do not know.

use std::path::PathBuf;

/// Result with mova's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in mova's library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", shown(path))]
    Io { path: PathBuf, source: std::io::Error },

    /// An input is not UTF-8 text.
    #[error(
        "{}: not UTF-8 text (invalid byte at offset {offset}); convert it, e.g. `iconv -f cp1251 -t utf-8`",
        shown(path)
    )]
    NotUtf8 { path: PathBuf, offset: usize },

    /// An input looks binary (contains NUL bytes).
    #[error(
        "{}: looks like a binary file (NUL byte at offset {offset}); give mova .txt, .md or .jsonl text",
        shown(path)
    )]
    Binary { path: PathBuf, offset: usize },

    /// A JSON Lines input has a bad line.
    #[error("{}: line {line}: {message}", shown(path))]
    Jsonl { path: PathBuf, line: usize, message: String },

    /// An input path has an extension mova does not read.
    #[error("{}: unsupported input type; mova reads .txt, .md and .jsonl", shown(path))]
    UnsupportedInput { path: PathBuf },

    /// Two inputs would write the same output file.
    #[error(
        "{} and {} would both write {}; translate them in separate runs or rename one",
        shown(first),
        shown(second),
        shown(output)
    )]
    OutputClash { first: PathBuf, second: PathBuf, output: PathBuf },

    /// A model directory is missing or incomplete.
    #[error("{}: {problem}", shown(path))]
    Model { path: PathBuf, problem: String },

    /// The model cannot produce a requested target language.
    #[error("{}: this {family} model has no {lang} target ({wanted}); use a model that covers {lang}, or a {lang} model of its own", shown(path))]
    UnsupportedTarget { path: PathBuf, family: String, lang: String, code: String, wanted: String },

    /// The SentencePiece model could not be found or loaded.
    #[error("{}: {problem}", shown(path))]
    Tokenizer { path: PathBuf, problem: String },

    /// CTranslate2 failed while translating a batch.
    #[error("{}: translation failed in batch {batch}: {message}", shown(path))]
    Engine { path: PathBuf, batch: usize, message: String },

    /// A transliteration scheme file has a bad line.
    #[error("{}: line {line}: {message}", shown(path))]
    Scheme { path: PathBuf, line: usize, message: String },

    /// One of mova's rule files has a bad line.
    #[error("{}: line {line}: {message}", shown(path))]
    RuleFile { path: PathBuf, line: usize, message: String },

    /// A name list (gazetteer) file has a bad line.
    #[error("{}: line {line}: {message}", shown(path))]
    Names { path: PathBuf, line: usize, message: String },

    /// The run was interrupted (Ctrl-C); what was translated is in the cache.
    #[error("interrupted; no output written; translations finished so far are in the cache: run the same command again to go on")]
    Interrupted,

    /// A bad setting or argument value.
    #[error("{0}")]
    Usage(String),

    /// A broken invariant of mova's own: a bug, not a problem with the inputs.
    #[error("internal error: {0}; please report it")]
    Internal(String),

    /// The restricted output vocabulary, asked for whatever its size, cannot be prepared.
    #[error("{}: cannot prepare its restricted output vocabulary ({problem}); make its work directory writable, or translate with the full vocabulary", shown(path))]
    RestrictedVocabulary { path: PathBuf, problem: String },

    /// A bilingual model asked for several targets.
    #[error("{}: a bilingual model translates into one language; give one model per language (or the model family, if its detection is wrong)", shown(path))]
    OneTargetModel { path: PathBuf },

    /// A target language with no model to translate into it.
    #[error("no model for {lang} ({code}); give one for it or for all targets")]
    NoModel { lang: String, code: String },

    /// An input is UTF-16 text (Windows "Unicode"), which mova does not decode.
    #[error("{}: UTF-16 text ({}), not UTF-8; convert it first: iconv -f {encoding} -t UTF-8 {} > {}", shown(path), if *bom { "with a byte-order mark" } else { "no byte-order mark" }, shown(path), shown(&utf8_name(path)))]
    Utf16 { path: PathBuf, encoding: &'static str, bom: bool },

    /// Two inputs differ only in their extension.
    #[error("{} and {} have the same name but for the extension, so their outputs ({}) would be told apart only by it; rename one or translate them in separate runs", shown(first), shown(second), shown(output))]
    SameStem { first: PathBuf, second: PathBuf, output: PathBuf },

    /// An output would replace an input.
    #[error("{}: this input would be replaced by the translation of {}", shown(input), shown(by))]
    OutputIsInput { input: PathBuf, by: PathBuf },

    /// A file given as a mova cache (to merge or count) is not one, or cannot
    /// be read or written as one.
    #[error("{}: {problem}", shown(path))]
    CacheFile { path: PathBuf, problem: String },

    /// An input path that is not a file, directory or pipe.
    #[error("{}: not a file mova can read ({what}); give a file, a directory, a pipe or `-` for stdin", shown(path))]
    NotAFile { path: PathBuf, what: &'static str },
}

/// `path` for messages: control characters (a newline, an escape sequence in a
/// file name) are shown escaped, so a name cannot garble or drive the terminal.
pub fn shown(path: &std::path::Path) -> String {
    escape_controls(&path.display().to_string())
}

/// `s` with control characters escaped as `\n`, `\u{1b}`, ...
pub fn escape_controls(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// Where `iconv` should write the UTF-8 copy of `path`: `x.txt` → `x-utf8.txt`.
fn utf8_name(path: &std::path::Path) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = match path.extension() {
        Some(e) => format!("{stem}-utf8.{}", e.to_string_lossy()),
        None => format!("{stem}-utf8"),
    };
    path.with_file_name(name)
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
