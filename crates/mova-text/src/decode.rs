//! Bytes → text: the one check every reader of inputs makes.
//!
//! In: an input's bytes, whole or in consecutive parts (lines of a JSON Lines
//! file, reads of a stream). Out: UTF-8 text, a leading byte-order mark dropped;
//! or an error naming the file and the byte offset: UTF-16 text (with the
//! `iconv` command that converts it), a NUL byte (binary), invalid UTF-8 (unless
//! `lossy`, which replaces it with U+FFFD).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Bytes of an input's start that [`Decoder::sniff`] looks at.
pub const SNIFF_BYTES: usize = 4096;

/// Decodes one input, part after part, keeping the byte offset for errors.
#[derive(Debug)]
pub struct Decoder {
    path: PathBuf,
    lossy: bool,
    /// Input bytes decoded so far.
    pos: usize,
}

/// One part decoded.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Bytes of the part used (less than given when an incomplete UTF-8
    /// sequence at the end waits for more).
    pub used: usize,
    /// Bytes of a byte-order mark dropped from the input's start (0 or 3).
    pub bom: usize,
}

impl Decoder {
    /// A decoder for the input `path` (named in errors).
    pub fn new(path: &Path, lossy: bool) -> Decoder {
        Decoder { path: path.to_path_buf(), lossy, pos: 0 }
    }

    /// Checks the input's first bytes before anything is decoded: UTF-16 text,
    /// marked by a byte-order mark or by the NUL in every other byte of
    /// mostly-ASCII text, is named as such (not called binary).
    pub fn sniff(&self, head: &[u8]) -> Result<()> {
        match utf16(head) {
            Some((encoding, bom)) => Err(Error::Utf16 { path: self.path.clone(), encoding, bom }),
            None => Ok(()),
        }
    }

    /// Decodes the next `bytes` of the input; with `more`, an incomplete UTF-8
    /// sequence at their end is left for the next part.
    pub fn next(&mut self, bytes: &[u8], more: bool) -> Result<Decoded> {
        if let Some(p) = bytes.iter().position(|&b| b == 0) {
            return Err(Error::Binary { path: self.path.clone(), offset: self.pos + p });
        }
        let (mut text, used) = match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), bytes.len()),
            Err(e) if more && e.error_len().is_none() => {
                let valid = e.valid_up_to();
                (String::from_utf8_lossy(&bytes[..valid]).into_owned(), valid)
            }
            Err(e) if !self.lossy => {
                return Err(Error::NotUtf8 { path: self.path.clone(), offset: self.pos + e.valid_up_to() })
            }
            Err(_) => {
                let upto = bytes.len() - if more { incomplete_tail(bytes) } else { 0 };
                (String::from_utf8_lossy(&bytes[..upto]).into_owned(), upto)
            }
        };
        let bom = if self.pos == 0 && text.starts_with('\u{feff}') { 3 } else { 0 };
        text.drain(..bom);
        self.pos += used;
        Ok(Decoded { text, used, bom })
    }
}

/// Checks that `bytes`, a whole input, are UTF-8 text, dropping a leading
/// byte-order mark; `lossy` replaces invalid sequences with U+FFFD.
pub fn decode(path: &Path, bytes: Vec<u8>, lossy: bool) -> Result<String> {
    let mut d = Decoder::new(path, lossy);
    d.sniff(&bytes)?;
    Ok(d.next(&bytes, false)?.text)
}

/// The `iconv` name of the UTF-16 encoding of `head`, and whether it has a
/// byte-order mark; `None` when it does not look like UTF-16.
fn utf16(head: &[u8]) -> Option<(&'static str, bool)> {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Some(("UTF-16", true));
    }
    let head = &head[..head.len().min(SNIFF_BYTES) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros = |odd: usize| head.iter().skip(odd).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros(0), zeros(1));
    // Mostly-ASCII UTF-16: a NUL in (nearly) every high byte, (almost) none in the low ones.
    let looks = |high: usize, low: usize| high * 10 >= pairs * 7 && low * 10 < pairs;
    if looks(odd, even) {
        Some(("UTF-16LE", false))
    } else if looks(even, odd) {
        Some(("UTF-16BE", false))
    } else {
        None
    }
}

/// Length of an incomplete UTF-8 sequence at the end of `b` (0 to 3 bytes).
fn incomplete_tail(b: &[u8]) -> usize {
    for k in 1..=3.min(b.len()) {
        let c = b[b.len() - k];
        if c & 0xC0 != 0x80 {
            let need = match c {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            return if need > k { k } else { 0 };
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_keep_offsets_and_wait_for_split_sequences() {
        let mut d = Decoder::new(Path::new("x"), false);
        let first = d.next("\u{feff}ab\u{44f}".as_bytes().split_last().unwrap().1, true).unwrap();
        assert_eq!((first.text.as_str(), first.used, first.bom), ("ab", 5, 3));
        let e = d.next(b"\xd1\x8f c\0", true).unwrap_err();
        assert!(matches!(e, Error::Binary { offset: 9, .. }), "{e}");
        let e = Decoder::new(Path::new("x"), false).next(b"ok\xff", true).unwrap_err();
        assert!(matches!(e, Error::NotUtf8 { offset: 2, .. }), "{e}");
        assert_eq!(Decoder::new(Path::new("x"), true).next(b"ok\xff\xd1", true).unwrap().text, "ok\u{FFFD}");
    }
}
