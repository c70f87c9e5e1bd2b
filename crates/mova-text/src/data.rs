//! Reading mova's rule files under `models/`: `[section]` headers, words separated
//! by spaces or lines, `#` comments.
//!
//! In: a file's name and text. Out: the words of each section ([`RuleFile::take`]);
//! a section no reader takes (a misspelled header) is an error naming the file
//! and the header's line ([`RuleFile::finish`]), never a silently empty list.

use std::collections::HashMap;

use crate::error::{Error, Result};

/// The words of each section of `text` (words before any header go under "").
pub fn sections(text: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    parse(text).into_iter().map(|(name, (_, words))| (name, words)).collect()
}

/// Section name → (line of its first header, its words).
fn parse(text: &'static str) -> HashMap<&'static str, (usize, Vec<&'static str>)> {
    let mut out: HashMap<&str, (usize, Vec<&str>)> = HashMap::new();
    let mut current = "";
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => {
                current = name;
                out.entry(name).or_insert((i + 1, Vec::new()));
            }
            None if line.is_empty() => {}
            None => out.entry(current).or_insert((i + 1, Vec::new())).1.extend(line.split_whitespace()),
        }
    }
    out
}

/// A rule file being read: each section taken by name, once.
pub struct RuleFile {
    path: &'static str,
    sections: HashMap<&'static str, (usize, Vec<&'static str>)>,
    taken: Vec<&'static str>,
}

impl RuleFile {
    /// The rule file `path` (as named in errors), whose text is `text`.
    pub fn new(path: &'static str, text: &'static str) -> RuleFile {
        RuleFile { path, sections: parse(text), taken: Vec::new() }
    }

    /// The words of section `name` (none when the file has no such section).
    pub fn take(&mut self, name: &'static str) -> Vec<&'static str> {
        self.taken.push(name);
        self.sections.remove(name).map(|(_, w)| w).unwrap_or_default()
    }

    /// An error for the first section (by line) no reader took.
    pub fn finish(self) -> Result<()> {
        let Some((name, (line, _))) = self.sections.into_iter().min_by_key(|(_, (line, _))| *line) else {
            return Ok(());
        };
        let message = match name {
            "" => "words before any [section] header".to_string(),
            _ => format!(
                "unknown section [{name}]; the sections are {}",
                self.taken.iter().map(|t| format!("[{t}]")).collect::<Vec<_>>().join(", ")
            ),
        };
        Err(Error::RuleFile { path: self.path.into(), line, message })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_and_comments() {
        let s = super::sections("# head\nfree\n[a]\nx y # note\n\n[b]\nz\n[a]\nw\n");
        assert_eq!(s[""], vec!["free"]);
        assert_eq!(s["a"], vec!["x", "y", "w"]);
        assert_eq!(s["b"], vec!["z"]);
    }

    #[test]
    fn a_misspelled_section_is_an_error_with_its_line() {
        let mut f = RuleFile::new("models/x/rules.txt", "# head\n[units]\nkm\n[prepostions-ru]\nв\n");
        assert_eq!(f.take("units"), vec!["km"]);
        assert!(f.take("prepositions-ru").is_empty());
        assert_eq!(
            f.finish().unwrap_err().to_string(),
            "models/x/rules.txt: line 4: unknown section [prepostions-ru]; the sections are [units], [prepositions-ru]"
        );
        let mut f = RuleFile::new("r", "stray\n[a]\nx\n");
        f.take("a");
        assert_eq!(f.finish().unwrap_err().to_string(), "r: line 1: words before any [section] header");
    }
}
