//! Reading text in bounded memory, for the stages run alone (`mova normalize`,
//! `mova segment`) on inputs of any size, a 100 MB single line included.
//!
//! In: a reader. Out: [`Piece`]s of UTF-8 text, each at most a few MiB, cut where
//! the stage's rules cannot see across the cut (the caller says where, with a
//! [`Cut`] function), with their byte offset in the input. Bytes become text
//! through [`crate::decode`], the check every reader makes: UTF-16, binary input
//! and invalid UTF-8 are errors with the byte offset, or are replaced (`lossy`).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::decode::Decoder;
use crate::error::{Error, Result};

/// Bytes read at a time.
pub const CHUNK: usize = 1 << 20;
/// Text held before a cut is forced.
pub const HARD_LIMIT: usize = 4 * CHUNK;

/// A piece of text from the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset of the piece in the decoded input.
    pub offset: usize,
    /// The text.
    pub text: String,
    /// Whether the piece ends inside a paragraph (the cut was forced or was at a
    /// sentence boundary, not a paragraph break).
    pub open_end: bool,
}

/// Where to cut buffered text: `Some((end, open_end))` to hand out `..end`, or
/// `None` to read more first.
pub type Cut = fn(&str) -> Option<(usize, bool)>;

/// Pieces of `reader`, cut by `cut`.
pub struct Pieces<R> {
    reader: R,
    path: PathBuf,
    decoder: Decoder,
    cut: Cut,
    /// Bytes read but not yet decoded (an incomplete UTF-8 sequence).
    raw: Vec<u8>,
    /// Decoded text not yet handed out.
    text: String,
    /// Bytes of input read so far.
    read: usize,
    /// Offset of `text` in the decoded input.
    offset: usize,
    eof: bool,
}

impl<R: Read> Pieces<R> {
    /// Reads `reader` (named `path` in errors).
    pub fn new(reader: R, path: &Path, lossy: bool, cut: Cut) -> Self {
        Pieces {
            reader,
            path: path.to_path_buf(),
            decoder: Decoder::new(path, lossy),
            cut,
            raw: Vec::new(),
            text: String::new(),
            read: 0,
            offset: 0,
            eof: false,
        }
    }

    fn fill(&mut self) -> Result<()> {
        let start = self.raw.len();
        self.raw.resize(start + CHUNK, 0);
        let mut n = start;
        while n < self.raw.len() {
            match self.reader.read(&mut self.raw[n..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(k) => n += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::io(&self.path, e)),
            }
        }
        self.raw.truncate(n);
        if self.read == 0 {
            self.decoder.sniff(&self.raw)?;
        }
        self.read += n - start;
        let d = self.decoder.next(&self.raw, !self.eof)?;
        self.text.push_str(&d.text);
        self.offset += d.bom;
        self.raw.drain(..d.used);
        Ok(())
    }

    fn take(&mut self, end: usize, open_end: bool) -> Piece {
        let rest = self.text.split_off(end);
        let text = std::mem::replace(&mut self.text, rest);
        let piece = Piece { offset: self.offset, text, open_end };
        self.offset += end;
        piece
    }
}

impl<R: Read> Iterator for Pieces<R> {
    type Item = Result<Piece>;

    fn next(&mut self) -> Option<Result<Piece>> {
        loop {
            if self.text.len() >= CHUNK {
                if let Some((end, open)) = (self.cut)(&self.text).filter(|(e, _)| *e > 0 && *e <= self.text.len()) {
                    return Some(Ok(self.take(end, open)));
                }
                if self.text.len() >= HARD_LIMIT {
                    let end = forced_cut(&self.text);
                    return Some(Ok(self.take(end, true)));
                }
            }
            if self.eof {
                if self.text.is_empty() {
                    return None;
                }
                let end = self.text.len();
                return Some(Ok(self.take(end, false)));
            }
            if let Err(e) = self.fill() {
                self.eof = true;
                self.text.clear();
                return Some(Err(e));
            }
        }
    }
}

/// The last whitespace in the second half of `text`, else a char boundary.
fn forced_cut(text: &str) -> usize {
    let half = text.len() / 2;
    match text[half..].rfind(char::is_whitespace) {
        Some(p) => half + p + 1,
        None => (half..text.len()).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(text.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_newline(t: &str) -> Option<(usize, bool)> {
        t.rfind('\n').map(|p| (p + 1, false))
    }

    fn collect(data: &[u8], lossy: bool) -> Result<Vec<Piece>> {
        Pieces::new(data, Path::new("x.txt"), lossy, at_newline).collect()
    }

    #[test]
    fn small_input_is_one_piece() {
        let p = collect("\u{feff}Привет\nмир".as_bytes(), false).unwrap();
        assert_eq!(p, vec![Piece { offset: 3, text: "Привет\nмир".into(), open_end: false }]);
    }

    #[test]
    fn large_input_is_cut_and_offsets_add_up() {
        let line = "ab ".repeat(1000) + "\n";
        let data = line.repeat(CHUNK * 3 / line.len());
        let p = collect(data.as_bytes(), false).unwrap();
        assert!(p.len() >= 3);
        let joined: String = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, data);
        for w in p.windows(2) {
            assert_eq!(w[0].offset + w[0].text.len(), w[1].offset);
        }
    }

    #[test]
    fn multibyte_chars_across_reads() {
        let data = "я".repeat(CHUNK); // 2 MiB, no newline: forced cuts at char boundaries
        let p = collect(data.as_bytes(), false).unwrap();
        assert_eq!(p.iter().map(|p| p.text.as_str()).collect::<String>(), data);
    }

    #[test]
    fn bad_bytes() {
        let mut data = "ok ".repeat(CHUNK / 2).into_bytes();
        data.push(0xFF);
        let e = collect(&data, false).unwrap_err();
        assert!(matches!(e, Error::NotUtf8 { offset, .. } if offset == data.len() - 1), "{e}");
        let p = collect(&data, true).unwrap();
        assert!(p.last().unwrap().text.ends_with('\u{FFFD}'));
        let e = collect(b"text\0more", false).unwrap_err();
        assert!(matches!(e, Error::Binary { offset: 4, .. }));
    }

    #[test]
    fn utf16_is_named_not_called_binary() {
        let le: Vec<u8> = "Hello, world.\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let e = collect(&le, false).unwrap_err();
        assert_eq!(e.to_string(), "x.txt: UTF-16 text (no byte-order mark), not UTF-8; convert it first: iconv -f UTF-16LE -t UTF-8 x.txt > x-utf8.txt");
        let e = collect(&[&[0xFE, 0xFF][..], &[0, b'H', 0, b'i']].concat(), true).unwrap_err();
        assert!(matches!(e, Error::Utf16 { encoding: "UTF-16", bom: true, .. }), "{e}");
    }
}
