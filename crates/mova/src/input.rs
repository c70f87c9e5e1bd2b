//! Inputs: files, directories and stdin, read into [`Document`]s.
//!
//! In: paths from the command line (`-` is stdin; a pipe is read once, like
//! it). Directories are walked recursively in name order, each directory once
//! (so link loops end); hidden entries, FIFOs, sockets, devices, files named
//! like mova's outputs and what the run writes are skipped ([`Found::skipped`]).
//! Out: one [`Document`] per article file (`.txt`, `.md`) or per JSON Lines file,
//! with the [`layout`] units of every translatable text already found.
//! Inputs are checked whole before anything is translated ([`crate::decode`]): not UTF-8, binary or
//! malformed JSON is an error naming the file (and byte or line).

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::decode::Decoder;
use crate::error::{Error, Result};
use crate::layout::{self, Unit};

/// How an input is read and its outputs written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Format {
    /// Plain text or Markdown: paragraphs separated by blank lines.
    Txt,
    /// JSON Lines: one article object per line (`id`, `title`, `body`, ...).
    Jsonl,
}

pub use crate::layout::JSON_TEXT_FIELDS;

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Origin {
    /// The path shown in messages (`<stdin>` for stdin).
    pub fn display_path(&self) -> PathBuf {
        match self {
            Origin::File(p) => p.clone(),
            Origin::Stdin => PathBuf::from("<stdin>"),
        }
    }
}

/// A text with its translatable units.
#[derive(Debug, Clone)]
pub struct Text {
    /// The text as read.
    pub text: String,
    /// Translatable spans of `text`.
    pub units: Vec<Unit>,
}

impl Text {
    /// Finds the units of `text`.
    pub fn new(text: String) -> Text {
        let units = layout::units(&text);
        Text { text, units }
    }

    /// The text of each unit.
    pub fn unit_texts(&self) -> impl Iterator<Item = &str> {
        self.units.iter().map(|u| self.text.get(u.range.clone()).unwrap_or_default())
    }
}

/// One JSON Lines record: its fields, and its translatable ones parsed.
#[derive(Debug, Clone)]
pub struct Record {
    /// All fields, in input order.
    pub fields: Map<String, Value>,
    /// (field name, text) for each translatable string field present.
    pub texts: Vec<(String, Text)>,
    /// Its place among the records of its file, from 0 (blank lines not counted).
    pub index: usize,
}

impl Record {
    /// How reports name the record: its `id` field, else its position among
    /// the records counted from 1 (`index` counts from 0).
    pub fn label(&self, index: usize) -> String {
        self.fields
            .get("id")
            .map_or_else(|| (index + 1).to_string(), |v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
    }
}

/// What a document holds.
#[derive(Debug, Clone)]
pub enum Content {
    /// One article.
    Text(Text),
    /// One article per record.
    Jsonl(Vec<Record>),
}

/// An input file (or stdin) read and laid out.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from.
    pub origin: Origin,
    /// Output path relative to the output directory, without `.<lang>.<ext>`.
    pub stem: PathBuf,
    /// Output file extension (`txt`, `md` or `jsonl`).
    pub ext: &'static str,
    /// The articles.
    pub content: Content,
    /// Records of the same file before this part (a large JSON Lines file is
    /// read in parts); 0 for text.
    pub first_record: usize,
}

impl Document {
    /// An article held in memory, named `name` (its output stem; `.txt`).
    pub fn from_text(name: impl Into<PathBuf>, text: impl Into<String>) -> Document {
        let name = name.into();
        Document {
            origin: Origin::File(name.clone()),
            stem: name,
            ext: "txt",
            content: Content::Text(Text::new(text.into())),
            first_record: 0,
        }
    }

    /// Every translatable text of the document, in order.
    pub fn texts(&self) -> Vec<&Text> {
        match &self.content {
            Content::Text(t) => vec![t],
            Content::Jsonl(records) => records.iter().flat_map(|r| r.texts.iter().map(|(_, t)| t)).collect(),
        }
    }

    /// Number of articles.
    pub fn articles(&self) -> usize {
        match &self.content {
            Content::Text(_) => 1,
            Content::Jsonl(records) => records.len(),
        }
    }
}

/// An input found on the command line, before reading.
#[derive(Debug, Clone)]
pub struct Source {
    /// File or stdin.
    pub origin: Origin,
    /// Output stem relative to the output directory.
    pub stem: PathBuf,
    /// How to read it.
    pub format: Format,
    /// Output extension.
    pub ext: &'static str,
    /// Whether it can be read only once (stdin, a pipe such as `<(cmd)`): it is
    /// not read through by [`check`], only by the work.
    pub once: bool,
}

/// Why an entry met while walking a directory was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A FIFO, socket or device: reading it could block forever.
    Special(&'static str),
    /// A link to a directory already read (a loop such as `ln -s . self`).
    Loop,
    /// A symbolic link to nothing.
    Broken,
    /// Named like mova's own output (`x.ru.txt`); named on the command line it is read.
    OutputName,
    /// A path mova writes in this run (the output directory, `--report`, `--stats`).
    Excluded,
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::Special(what) => write!(f, "{what}, not a regular file"),
            Skip::Loop => f.write_str("a link to a directory already read"),
            Skip::Broken => f.write_str("a symbolic link to nothing"),
            Skip::OutputName => f.write_str("named like a mova output (name it on the command line to translate it)"),
            Skip::Excluded => f.write_str("written by this run"),
        }
    }
}

/// The inputs found, and what was passed over while walking directories.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The inputs, in command-line order, each directory's in name order.
    pub sources: Vec<Source>,
    /// Entries passed over, and why.
    pub skipped: Vec<(PathBuf, Skip)>,
}

/// Expands command-line inputs into sources. `format` forces the format of every
/// input (needed for stdin, which is read as text otherwise).
pub fn discover(inputs: &[PathBuf], format: Option<Format>) -> Result<Vec<Source>> {
    Ok(find(inputs, format, &[])?.sources)
}

/// Expands command-line inputs into sources, walking directories in name
/// order. Never read while walking: hidden entries, FIFOs, sockets and devices,
/// a directory already read (each directory link is followed once, so a link
/// loop ends), files named like mova's outputs, and `exclude` (what this run
/// writes). A FIFO named on the command line is read once, like stdin.
pub fn find(inputs: &[PathBuf], format: Option<Format>, exclude: &[PathBuf]) -> Result<Found> {
    let mut found = Found::default();
    let excluded: Vec<FileId> = exclude.iter().filter_map(|p| fs::metadata(p).ok()).map(|m| file_id(&m)).collect();
    let mut walked: HashSet<FileId> = HashSet::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let format = format.unwrap_or(Format::Txt);
            found.sources.push(Source {
                origin: Origin::Stdin,
                stem: "stdin".into(),
                format,
                ext: ext_for(format, None),
                once: true,
            });
            continue;
        }
        let meta = fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let mut walk = Walk { excluded: &excluded, walked: &mut walked, format, found: &mut found };
            if walk.enter(&meta) {
                walk.dir(input, input)?;
            } else {
                found.skipped.push((input.clone(), Skip::Loop));
            }
        } else {
            if let Some(what) = special(&meta.file_type()).filter(|w| *w != FIFO) {
                return Err(Error::NotAFile { path: input.clone(), what });
            }
            let (fmt, ext) = kind_of(input, format).ok_or_else(|| Error::UnsupportedInput { path: input.clone() })?;
            let stem = PathBuf::from(input.file_stem().unwrap_or_default());
            found.sources.push(Source {
                origin: Origin::File(input.clone()),
                stem,
                format: fmt,
                ext,
                once: !meta.is_file(),
            });
        }
    }
    Ok(found)
}

const FIFO: &str = "a FIFO (named pipe)";

/// What a file that is neither a regular file nor a directory is, or `None`.
fn special(t: &fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(FIFO);
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
    }
    (!t.is_file() && !t.is_dir()).then_some("not a regular file")
}

/// Identity of a file (device, inode), to find a directory reached twice.
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(m: &fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn file_id(_: &fs::Metadata) -> FileId {
    (0, 0)
}

/// Whether `a` and `b` are the same file or directory (links followed).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) if cfg!(unix) => file_id(&x) == file_id(&y),
        (Ok(_), Ok(_)) => a.canonicalize().ok().is_some_and(|c| b.canonicalize().ok() == Some(c)),
        _ => false,
    }
}

/// Whether `name` is how mova names its outputs: `NAME.<lang>.<txt|md|jsonl>`.
pub fn is_output_name(name: &str) -> bool {
    let mut parts = name.rsplitn(3, '.');
    let (Some(ext), Some(lang), Some(stem)) = (parts.next(), parts.next(), parts.next()) else { return false };
    !stem.is_empty() && ["txt", "md", "jsonl"].contains(&ext) && crate::lang::Lang::ALL.iter().any(|l| l.code() == lang)
}

/// One directory walk.
struct Walk<'a> {
    excluded: &'a [FileId],
    walked: &'a mut HashSet<FileId>,
    format: Option<Format>,
    found: &'a mut Found,
}

impl Walk<'_> {
    /// Marks a directory walked; false when it was already.
    fn enter(&mut self, meta: &fs::Metadata) -> bool {
        // Without file identities (not unix) every directory is walked.
        self.walked.insert(file_id(meta)) || !cfg!(unix)
    }

    fn dir(&mut self, root: &Path, dir: &Path) -> Result<()> {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir)
            .map_err(|e| Error::io(dir, e))?
            .map(|e| e.map(|e| e.path()).map_err(|err| Error::io(dir, err)))
            .collect::<Result<_>>()?;
        entries.sort();
        for path in entries {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if name.starts_with('.') {
                continue;
            }
            let own = fs::symlink_metadata(&path).map_err(|e| Error::io(&path, e))?;
            let meta = if own.file_type().is_symlink() {
                match fs::metadata(&path) {
                    Ok(m) => m,
                    Err(_) => {
                        self.found.skipped.push((path, Skip::Broken));
                        continue;
                    }
                }
            } else {
                own
            };
            if cfg!(unix) && self.excluded.contains(&file_id(&meta)) {
                self.found.skipped.push((path, Skip::Excluded));
            } else if meta.is_dir() {
                if self.enter(&meta) {
                    self.dir(root, &path)?;
                } else {
                    self.found.skipped.push((path, Skip::Loop));
                }
            } else if let Some(what) = special(&meta.file_type()) {
                self.found.skipped.push((path, Skip::Special(what)));
            } else if let Some((format, ext)) = kind_of(&path, self.format) {
                if is_output_name(&name) {
                    self.found.skipped.push((path, Skip::OutputName));
                    continue;
                }
                let stem = path.strip_prefix(root).unwrap_or(&path).with_extension("");
                self.found.sources.push(Source { origin: Origin::File(path), stem, format, ext, once: false });
            }
        }
        Ok(())
    }
}

fn ext_for(format: Format, original: Option<&str>) -> &'static str {
    match (format, original) {
        (Format::Jsonl, _) => "jsonl",
        (Format::Txt, Some("md")) => "md",
        (Format::Txt, _) => "txt",
    }
}

fn kind_of(path: &Path, forced: Option<Format>) -> Option<(Format, &'static str)> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let format = match (forced, ext.as_deref()) {
        (_, Some("txt" | "md")) if forced != Some(Format::Jsonl) => Format::Txt,
        (_, Some("jsonl")) if forced != Some(Format::Txt) => Format::Jsonl,
        (Some(f), _) if !path.is_dir() => f,
        _ => return None,
    };
    Some((format, ext_for(format, ext.as_deref())))
}

/// Reads and lays out one source; `lossy` replaces invalid UTF-8 instead of failing.
pub fn read(source: &Source, lossy: bool) -> Result<Document> {
    let path = source.origin.display_path();
    let bytes = match &source.origin {
        Origin::File(p) => fs::read(p).map_err(|e| Error::io(p, e))?,
        Origin::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| Error::io(&path, e))?;
            buf
        }
    };
    let text = decode(&path, bytes, lossy)?;
    let content = match source.format {
        Format::Txt => Content::Text(Text::new(text)),
        Format::Jsonl => Content::Jsonl(parse_jsonl(&path, &text)?),
    };
    Ok(Document { origin: source.origin.clone(), stem: source.stem.clone(), ext: source.ext, content, first_record: 0 })
}

pub use crate::decode::decode;

fn parse_jsonl(path: &Path, text: &str) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        records.extend(parse_record(path, i + 1, line, records.len())?);
    }
    Ok(records)
}

/// One line of a JSON Lines file: a record, or nothing for a blank line.
fn parse_record(path: &Path, line_no: usize, line: &str, index: usize) -> Result<Option<Record>> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let bad = |message: String| Error::Jsonl { path: path.to_path_buf(), line: line_no, message };
    let value: Value = serde_json::from_str(line).map_err(|e| bad(format!("not JSON: {e}")))?;
    let Value::Object(fields) = value else {
        return Err(bad(
            "expected one JSON object per line, like {\"id\": \"a1\", \"title\": \"...\", \"body\": \"...\"}".into(),
        ));
    };
    let mut texts = Vec::new();
    for key in JSON_TEXT_FIELDS {
        match fields.get(key) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => texts.push((key.to_string(), Text::new(s.clone()))),
            Some(_) => return Err(bad(format!("field `{key}` must be a string"))),
        }
    }
    if texts.is_empty() {
        return Err(bad("no text to translate: give a `title` or `body` string".into()));
    }
    Ok(Some(Record { fields, texts, index }))
}

/// A JSON Lines file is handed on in parts of about this many bytes.
pub const PART_BYTES: usize = 256 * 1024;

/// Reads `sources` one after another, a JSON Lines file in parts of about
/// [`PART_BYTES`], so that memory stays flat however large the input.
pub fn stream<'a, I>(sources: I, lossy: bool) -> impl Iterator<Item = Result<Document>> + Send + 'a
where
    I: IntoIterator<Item = &'a Source>,
    I::IntoIter: Send + 'a,
{
    sources.into_iter().flat_map(move |source| -> Box<dyn Iterator<Item = Result<Document>> + Send> {
        match source.format {
            Format::Txt => Box::new(std::iter::once(read(source, lossy))),
            Format::Jsonl => match JsonlParts::open(source, lossy) {
                Ok(parts) => Box::new(parts),
                Err(e) => Box::new(std::iter::once(Err(e))),
            },
        }
    })
}

/// Reads every file source through (stdin and pipes are left alone: they can
/// be read only once) and counts its articles; any problem is found before
/// work starts.
pub fn check(sources: &[Source], lossy: bool) -> Result<usize> {
    read_through(sources, lossy).map(|d| d.map(|d| d.articles())).sum()
}

/// The documents of the sources that can be read twice (not stdin or a pipe),
/// for reading every input through before the run reads it again.
pub fn read_through(sources: &[Source], lossy: bool) -> impl Iterator<Item = Result<Document>> + '_ {
    stream(sources.iter().filter(|s| !s.once), lossy)
}

/// The parts of one JSON Lines source.
struct JsonlParts {
    source: Source,
    path: PathBuf,
    reader: Box<dyn std::io::BufRead + Send>,
    decoder: Decoder,
    line_no: usize,
    offset: usize,
    records: usize,
    done: bool,
    yielded: bool,
}

impl JsonlParts {
    fn open(source: &Source, lossy: bool) -> Result<JsonlParts> {
        let path = source.origin.display_path();
        let reader: Box<dyn std::io::BufRead + Send> = match &source.origin {
            Origin::File(p) => {
                Box::new(std::io::BufReader::with_capacity(1 << 16, fs::File::open(p).map_err(|e| Error::io(p, e))?))
            }
            Origin::Stdin => Box::new(std::io::BufReader::new(std::io::stdin())),
        };
        Ok(JsonlParts {
            source: source.clone(),
            decoder: Decoder::new(&path, lossy),
            path,
            reader,
            line_no: 0,
            offset: 0,
            records: 0,
            done: false,
            yielded: false,
        })
    }

    fn part(&mut self) -> Result<Option<Document>> {
        let mut records = Vec::new();
        let mut bytes = 0;
        let mut buf = Vec::new();
        while bytes < PART_BYTES {
            buf.clear();
            let n = self.reader.read_until(b'\n', &mut buf).map_err(|e| Error::io(&self.path, e))?;
            if n == 0 {
                self.done = true;
                break;
            }
            let start = self.offset;
            self.offset += n;
            self.line_no += 1;
            if start == 0 {
                self.decoder
                    .sniff(self.reader.fill_buf().map(|rest| [&buf[..], rest].concat()).as_deref().unwrap_or(&buf))?;
            }
            let line = self.decoder.next(&buf, false)?.text;
            let line = line.trim_end_matches(['\n', '\r']);
            if let Some(r) = parse_record(&self.path, self.line_no, line, self.records + records.len())? {
                bytes += line.len();
                records.push(r);
            }
        }
        if records.is_empty() && (self.yielded || !self.done) {
            return Ok(None);
        }
        self.yielded = true;
        let first_record = self.records;
        self.records += records.len();
        let s = &self.source;
        Ok(Some(Document {
            origin: s.origin.clone(),
            stem: s.stem.clone(),
            ext: s.ext,
            content: Content::Jsonl(records),
            first_record,
        }))
    }
}

impl Iterator for JsonlParts {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        if self.done {
            return None;
        }
        match self.part() {
            Ok(Some(d)) => Some(Ok(d)),
            Ok(None) => None,
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_reports_offsets() {
        let p = Path::new("a.txt");
        assert!(matches!(decode(p, b"ok\xff".to_vec(), false), Err(Error::NotUtf8 { offset: 2, .. })));
        assert!(matches!(decode(p, b"a\0b".to_vec(), false), Err(Error::Binary { offset: 1, .. })));
        assert_eq!(decode(p, b"ok\xff".to_vec(), true).unwrap(), "ok\u{FFFD}");
        assert_eq!(decode(p, "\u{feff}Hi".as_bytes().to_vec(), false).unwrap(), "Hi");
    }

    fn utf16(text: &str, bom: bool, big: bool) -> Vec<u8> {
        let mut out: Vec<u8> = if bom {
            if big {
                vec![0xFE, 0xFF]
            } else {
                vec![0xFF, 0xFE]
            }
        } else {
            Vec::new()
        };
        out.extend(text.encode_utf16().flat_map(|u| if big { u.to_be_bytes() } else { u.to_le_bytes() }));
        out
    }

    #[test]
    fn utf16_is_named_with_its_fix() {
        let p = Path::new("news/a.txt");
        let text = "Minsk, 5 May. Protesters gathered.\n";
        let e = decode(p, utf16(text, true, false), false).unwrap_err();
        assert_eq!(e.to_string(), "news/a.txt: UTF-16 text (with a byte-order mark), not UTF-8; convert it first: iconv -f UTF-16 -t UTF-8 news/a.txt > news/a-utf8.txt");
        assert!(matches!(
            decode(p, utf16(text, true, true), true),
            Err(Error::Utf16 { encoding: "UTF-16", bom: true, .. })
        ));
        assert!(matches!(
            decode(p, utf16(text, false, false), false),
            Err(Error::Utf16 { encoding: "UTF-16LE", bom: false, .. })
        ));
        assert!(matches!(
            decode(p, utf16(text, false, true), false),
            Err(Error::Utf16 { encoding: "UTF-16BE", bom: false, .. })
        ));
        // A few NULs in binary data, or UTF-8 text, are not UTF-16.
        assert!(matches!(decode(p, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(), false), Err(Error::Binary { .. })));
        assert_eq!(decode(p, text.as_bytes().to_vec(), false).unwrap(), text);
    }

    #[test]
    fn output_names() {
        assert!(is_output_name("a.ru.txt") && is_output_name("x.y.be.jsonl") && is_output_name("report.be.md"));
        assert!(
            !is_output_name("a.txt")
                && !is_output_name(".ru.txt")
                && !is_output_name("a.uk.txt")
                && !is_output_name("a.ru.pdf")
        );
    }

    #[cfg(unix)]
    #[test]
    fn walking_skips_pipes_loops_outputs_and_exclusions() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join("in");
        fs::create_dir_all(d.join("sub")).unwrap();
        fs::write(d.join("a.txt"), "A.").unwrap();
        fs::write(d.join("a.ru.txt"), "А.").unwrap();
        fs::write(d.join("sub/b.md"), "B.").unwrap();
        std::os::unix::fs::symlink(".", d.join("self")).unwrap();
        std::os::unix::fs::symlink("..", d.join("sub/up")).unwrap();
        std::os::unix::fs::symlink("nowhere.txt", d.join("gone.txt")).unwrap();
        assert!(std::process::Command::new("mkfifo").arg(d.join("pipe.txt")).status().unwrap().success());
        fs::create_dir(d.join("out")).unwrap();
        fs::write(d.join("out/a.txt"), "written by an earlier run").unwrap();
        let found = find(std::slice::from_ref(&d), None, &[d.join("out")]).unwrap();
        let stems: Vec<_> = found.sources.iter().map(|s| s.stem.display().to_string()).collect();
        assert_eq!(stems, ["a", "sub/b"]);
        let skipped: Vec<_> =
            found.skipped.iter().map(|(p, why)| (p.strip_prefix(&d).unwrap().display().to_string(), *why)).collect();
        assert_eq!(
            skipped,
            [
                ("a.ru.txt".to_string(), Skip::OutputName),
                ("gone.txt".into(), Skip::Broken),
                ("out".into(), Skip::Excluded),
                ("pipe.txt".into(), Skip::Special(FIFO)),
                ("self".into(), Skip::Loop),
                ("sub/up".into(), Skip::Loop),
            ]
        );
        // Named on the command line, a pipe is read once (not checked first), and a
        // file named like an output is read.
        let found = find(&[d.join("pipe.txt"), d.join("a.ru.txt")], None, &[]).unwrap();
        assert_eq!(found.sources.iter().map(|s| s.once).collect::<Vec<_>>(), [true, false]);
        assert!(matches!(
            find(&[PathBuf::from("/dev/null")], Some(Format::Txt), &[]),
            Err(Error::NotAFile { what: "a character device", .. })
        ));
    }

    #[test]
    fn jsonl_records_and_errors() {
        let p = Path::new("a.jsonl");
        let r = parse_jsonl(p, "{\"id\":1,\"title\":\"T\",\"body\":\"A.\\n\\nB.\",\"x\":[1]}\n\n").unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].texts.len(), 2);
        assert_eq!(r[0].texts[1].1.unit_texts().collect::<Vec<_>>(), vec!["A.", "B."]);
        let e = parse_jsonl(p, "{\"title\":\"T\"}\n[1]\n").unwrap_err();
        assert_eq!(e.to_string(), "a.jsonl: line 2: expected one JSON object per line, like {\"id\": \"a1\", \"title\": \"...\", \"body\": \"...\"}");
        assert!(parse_jsonl(p, "{\"body\": 3}").unwrap_err().to_string().contains("`body` must be a string"));
    }
}
