//! Paragraph layout: where the translatable text of an article is.
//!
//! In: the text of one article (a `.txt`/`.md` file, or a JSON `body`).
//! Out: [`Unit`]s, byte ranges of translatable text in that text, in order.
//! Everything outside the units (blank lines, line ends, Markdown markers such as
//! `# `, `- `, `> `) is kept verbatim, so replacing each unit by its translation
//! rebuilds the article with exactly the source's paragraph structure.
//!
//! A unit is a paragraph, a heading, a list item or a single-line caption. Lines of a
//! hard-wrapped paragraph join into one unit: a line continues the previous one when
//! it has no marker and the previous line is long and does not end a sentence (a
//! title or initial at its end does not: "by Mr.") or this line starts lower case,
//! or the previous line ends in a hyphenated word ("govern-") and this one goes on
//! in lower case.

use std::ops::Range;

/// JSON fields that hold text to translate; every other field passes through.
pub const JSON_TEXT_FIELDS: [&str; 6] = ["title", "subtitle", "lead", "summary", "caption", "body"];

/// A span of translatable text: byte range into the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Byte range of the text, without markers and surrounding blanks.
    pub range: Range<usize>,
}

/// Lines shorter than this that do not end a sentence are headings or captions.
const WRAP_MIN_CHARS: usize = 40;

/// Finds the units of `text`.
pub fn units(text: &str) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut prev: Option<LineInfo> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let info = LineInfo::parse(body, start);
        let Some(info) =
            info.filter(|i| text.get(i.text.clone()).is_some_and(|t| t.chars().any(char::is_alphanumeric)))
        else {
            prev = None; // blank line or rule ("---", "* * *"): a paragraph break
            continue;
        };
        let joins = prev.as_ref().is_some_and(|p| {
            info.marker_len == 0
                && !p.heading
                && (p.chars >= WRAP_MIN_CHARS && (!p.ends_sentence || info.starts_lower)
                    || p.ends_hyphen && info.starts_lower)
        });
        match (joins, out.last_mut()) {
            (true, Some(last)) => last.range.end = info.text.end,
            _ => out.push(Unit { range: info.text.clone() }),
        }
        prev = Some(info);
    }
    out
}

struct LineInfo {
    text: Range<usize>,
    marker_len: usize,
    heading: bool,
    chars: usize,
    ends_sentence: bool,
    starts_lower: bool,
    ends_hyphen: bool,
}

impl LineInfo {
    fn parse(line: &str, offset: usize) -> Option<LineInfo> {
        let lead = line.len() - line.trim_start().len();
        let rest = line.get(lead..)?.trim_end();
        if rest.is_empty() {
            return None;
        }
        let marker_len = marker(rest);
        let text = rest.get(marker_len..)?.trim_start();
        let text_start = offset + line.len() - line.trim_start().len() + (rest.len() - text.len());
        let last = text.chars().last()?;
        Some(LineInfo {
            text: text_start..text_start + text.len(),
            marker_len,
            heading: rest.starts_with('#'),
            chars: text.chars().count(),
            ends_sentence: matches!(last, '.' | '!' | '?' | ':' | ';' | '…' | '"' | '”' | '»' | ')' | ']')
                && !crate::segment::continues_after(text),
            starts_lower: text.starts_with(char::is_lowercase),
            ends_hyphen: text.ends_with('-') && text[..text.len() - 1].ends_with(char::is_alphabetic),
        })
    }
}

/// Length of a Markdown block marker at the start of `s`, with its space.
fn marker(s: &str) -> usize {
    let b = s.as_bytes();
    let hashes = b.iter().take_while(|&&c| c == b'#').count();
    if (1..=6).contains(&hashes) && b.get(hashes) == Some(&b' ') {
        return hashes + 1;
    }
    if matches!(b.first(), Some(b'-' | b'*' | b'+' | b'>')) && b.get(1) == Some(&b' ') {
        return 2;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits) && matches!(b.get(digits), Some(b'.' | b')')) && b.get(digits + 1) == Some(&b' ') {
        return digits + 2;
    }
    0
}

/// Rebuilds `text` with each unit replaced by the matching string of `replacements`.
pub fn rebuild(text: &str, units: &[Unit], replacements: &[String]) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut pos = 0;
    for (unit, new) in units.iter().zip(replacements) {
        out.push_str(text.get(pos..unit.range.start).unwrap_or_default());
        out.push_str(new);
        pos = unit.range.end;
    }
    out.push_str(text.get(pos..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        units(t).into_iter().map(|u| &t[u.range]).collect()
    }

    #[test]
    fn paragraphs_headings_and_captions() {
        let t = "# Title here\n\nFirst para. Second sentence.\n\n\nCaption line (Photo: AP)\nWith files from AP\n";
        assert_eq!(
            texts(t),
            vec!["Title here", "First para. Second sentence.", "Caption line (Photo: AP)", "With files from AP"]
        );
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let t = "This is a long line of a paragraph that wraps\nonto the next line. And ends.\nShort\nNext\n";
        assert_eq!(
            texts(t),
            vec!["This is a long line of a paragraph that wraps\nonto the next line. And ends.", "Short", "Next"]
        );
        let t = "A long line that ends with a title and a name: Mr.\nSmith. A long line that ends a sentence.\nlower case goes on.\n";
        assert_eq!(texts(t), vec![t.trim_end()]);
        assert_eq!(texts("The govern-\nment agreed.\nNew-\nLine"), vec!["The govern-\nment agreed.", "New-", "Line"]);
    }

    #[test]
    fn markers_are_kept_outside_units() {
        let t = "- item one\n- item two\n1. first\n> quoted text\n  indented\r\n---\n";
        assert_eq!(texts(t), vec!["item one", "item two", "first", "quoted text", "indented"]);
    }

    #[test]
    fn rebuild_keeps_everything_else() {
        let t = "# A\n\n  B c.\r\n\n- D\n";
        let u = units(t);
        let r: Vec<String> = vec!["1".into(), "2".into(), "3".into()];
        assert_eq!(rebuild(t, &u, &r), "# 1\n\n  2\r\n\n- 3\n");
        let same: Vec<String> = u.iter().map(|u| t[u.range.clone()].to_string()).collect();
        assert_eq!(rebuild(t, &u, &same), t);
    }
}
