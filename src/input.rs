//! Inputs: files, directories and stdin, read into [`Document`]s.
//!
//! In: paths from the command line (`-` is stdin). Directories are walked
//! recursively in name order; hidden entries and other file types are skipped.
//! Out: one [`Document`] per article file (`.txt`, `.md`) or per JSON Lines file,
//! with the [`layout`](crate::layout) units of every translatable text already found.
//! Inputs are checked whole before anything is translated: not UTF-8, binary or
//! malformed JSON is an error naming the file (and byte or line).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::layout::{self, Unit};

/// How an input is read and its outputs written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Plain text or Markdown: paragraphs separated by blank lines.
    Txt,
    /// JSON Lines: one article object per line (`id`, `title`, `body`, ...).
    Jsonl,
}

/// JSON fields that hold text to translate; every other field passes through.
pub const JSON_TEXT_FIELDS: [&str; 6] = ["title", "subtitle", "lead", "summary", "caption", "body"];

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
}

impl Record {
    /// How reports name the record: its `id` field, else its position among
    /// the records counted from 1 (`index` counts from 0).
    pub fn label(&self, index: usize) -> String {
        self.fields.get("id").map_or_else(|| (index + 1).to_string(), |v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
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
}

/// Expands command-line inputs into sources. `format` forces the format of every
/// input (needed for stdin, which is read as text otherwise).
pub fn discover(inputs: &[PathBuf], format: Option<Format>) -> Result<Vec<Source>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let format = format.unwrap_or(Format::Txt);
            out.push(Source { origin: Origin::Stdin, stem: "stdin".into(), format, ext: ext_for(format, None) });
            continue;
        }
        let meta = fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files)?;
            for file in files {
                let Some(kind) = kind_of(&file, format) else { continue };
                let rel = file.strip_prefix(input).unwrap_or(&file).with_extension("");
                out.push(Source { origin: Origin::File(file.clone()), stem: rel, format: kind.0, ext: kind.1 });
            }
        } else {
            let (fmt, ext) = kind_of(input, format).ok_or_else(|| Error::UnsupportedInput { path: input.clone() })?;
            let stem = PathBuf::from(input.file_stem().unwrap_or_default());
            out.push(Source { origin: Origin::File(input.clone()), stem, format: fmt, ext });
        }
    }
    Ok(out)
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

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .map(|e| e.map(|e| e.path()).map_err(|err| Error::io(dir, err)))
        .collect::<Result<_>>()?;
    entries.sort();
    for path in entries {
        if path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
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

/// Checks that `bytes` are UTF-8 text, dropping a leading byte-order mark;
/// `lossy` replaces invalid sequences with U+FFFD instead of failing.
pub fn decode(path: &Path, bytes: Vec<u8>, lossy: bool) -> Result<String> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary { path: path.to_path_buf(), offset });
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) if lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(e) => return Err(Error::NotUtf8 { path: path.to_path_buf(), offset: e.utf8_error().valid_up_to() }),
    };
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

fn parse_jsonl(path: &Path, text: &str) -> Result<Vec<Record>> {
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        records.extend(parse_record(path, i + 1, line)?);
    }
    Ok(records)
}

/// One line of a JSON Lines file: a record, or nothing for a blank line.
fn parse_record(path: &Path, line_no: usize, line: &str) -> Result<Option<Record>> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let bad = |message: String| Error::Jsonl { path: path.to_path_buf(), line: line_no, message };
    let value: Value = serde_json::from_str(line).map_err(|e| bad(format!("not JSON: {e}")))?;
    let Value::Object(fields) = value else {
        return Err(bad("expected one JSON object per line, like {\"id\": \"a1\", \"title\": \"...\", \"body\": \"...\"}".into()));
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
    Ok(Some(Record { fields, texts }))
}

/// A JSON Lines file is handed on in parts of about this many bytes.
pub const PART_BYTES: usize = 256 * 1024;

/// Reads `sources` one after another, a JSON Lines file in parts of about
/// [`PART_BYTES`], so that memory stays flat however large the input.
pub fn stream(sources: &[Source], lossy: bool) -> impl Iterator<Item = Result<Document>> + Send + '_ {
    sources.iter().flat_map(move |source| -> Box<dyn Iterator<Item = Result<Document>> + Send> {
        match source.format {
            Format::Txt => Box::new(std::iter::once(read(source, lossy))),
            Format::Jsonl => match JsonlParts::open(source, lossy) {
                Ok(parts) => Box::new(parts),
                Err(e) => Box::new(std::iter::once(Err(e))),
            },
        }
    })
}

/// Reads every file source through (stdin is left alone: it can be read only
/// once) and counts its articles; any problem is found before work starts.
pub fn check(sources: &[Source], lossy: bool) -> Result<usize> {
    let files: Vec<Source> = sources.iter().filter(|s| s.origin != Origin::Stdin).cloned().collect();
    stream(&files, lossy).map(|d| d.map(|d| d.articles())).sum()
}

/// The parts of one JSON Lines source.
struct JsonlParts {
    source: Source,
    path: PathBuf,
    reader: Box<dyn std::io::BufRead + Send>,
    lossy: bool,
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
            Origin::File(p) => Box::new(std::io::BufReader::with_capacity(1 << 16, fs::File::open(p).map_err(|e| Error::io(p, e))?)),
            Origin::Stdin => Box::new(std::io::BufReader::new(std::io::stdin())),
        };
        Ok(JsonlParts { source: source.clone(), path, reader, lossy, line_no: 0, offset: 0, records: 0, done: false, yielded: false })
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
            if let Some(i) = buf.iter().position(|&b| b == 0) {
                return Err(Error::Binary { path: self.path.clone(), offset: start + i });
            }
            let mut line = match std::str::from_utf8(&buf) {
                Ok(l) => l.to_string(),
                Err(_) if self.lossy => String::from_utf8_lossy(&buf).into_owned(),
                Err(e) => return Err(Error::NotUtf8 { path: self.path.clone(), offset: start + e.valid_up_to() }),
            };
            if start == 0 && line.starts_with('\u{feff}') {
                line.drain(..3);
            }
            let line = line.trim_end_matches(['\n', '\r']);
            if let Some(r) = parse_record(&self.path, self.line_no, line)? {
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
        Ok(Some(Document { origin: s.origin.clone(), stem: s.stem.clone(), ext: s.ext, content: Content::Jsonl(records), first_record }))
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
