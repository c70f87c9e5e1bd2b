//! Normalisation: what article text contains and a model should not see.
//!
//! In: a text (an article, or one unit of it). Out: [`Normalized`], the
//! normalised text and every [`Change`] made, each with the rule that made it and
//! its byte ranges in both texts, so any range of the normalised text maps back to
//! the original ([`Normalized::original_range`]). The model reads the normalised
//! text; everything outside its sentences is written from the original.
//!
//! Rules ([`Rule`]), each one can be switched off:
//! - `nfc`: Unicode NFC (`nfkc`, off by default, also folds compatibility forms);
//! - `invisible`: soft hyphens, zero-width characters, BOM, bidi and other controls go;
//! - `spaces`: tabs, NBSP and every other space variant become a plain space;
//! - `hyphenation`: a word hyphenated at a line break is joined ("govern-\nment");
//! - `entities`: HTML character references (`&amp;`, `&nbsp;`, `&#8217;`) are decoded;
//! - `mixed-script`: a Latin letter in a Cyrillic word, or the reverse, becomes its
//!   look-alike in the word's main script ("Mінск" → "Минск"-style repair, data in
//!   `models/normalize/confusables.tsv`);
//! - `quotes`: curly and angle quotes become `"` and `'`;
//! - `dashes`: hyphen and dash variants become `-`, `—`; a spaced ` - `, ` – ` or
//!   ` -- ` between words becomes ` — `.

mod chars;
mod scan;
mod tables;

use std::ops::Range;

pub use chars::{script, Script};

/// One normalisation rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
pub enum Rule {
    /// Unicode NFC.
    Nfc,
    /// Unicode NFKC (off by default).
    Nfkc,
    /// Invisible and control characters removed.
    Invisible,
    /// Space variants unified.
    Spaces,
    /// Line-break hyphenation undone.
    Hyphenation,
    /// HTML character references decoded.
    Entities,
    /// Mixed-script words repaired.
    MixedScript,
    /// Quotes made plain.
    Quotes,
    /// Dashes and hyphens unified.
    Dashes,
}

impl Rule {
    /// Every rule, in the order `--explain` names them.
    pub const ALL: [Rule; 9] = [
        Rule::Nfc,
        Rule::Nfkc,
        Rule::Invisible,
        Rule::Spaces,
        Rule::Hyphenation,
        Rule::Entities,
        Rule::MixedScript,
        Rule::Quotes,
        Rule::Dashes,
    ];

    /// The rule's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Nfc => "nfc",
            Rule::Nfkc => "nfkc",
            Rule::Invisible => "invisible",
            Rule::Spaces => "spaces",
            Rule::Hyphenation => "hyphenation",
            Rule::Entities => "entities",
            Rule::MixedScript => "mixed-script",
            Rule::Quotes => "quotes",
            Rule::Dashes => "dashes",
        }
    }

    /// Why the rule changes text, for `--explain`.
    pub fn why(self) -> &'static str {
        match self {
            Rule::Nfc => "composed to Unicode NFC",
            Rule::Nfkc => "folded to Unicode NFKC",
            Rule::Invisible => "invisible or control character removed",
            Rule::Spaces => "space variant made a plain space",
            Rule::Hyphenation => "word hyphenated at a line break rejoined",
            Rule::Entities => "HTML character reference decoded",
            Rule::MixedScript => "look-alike letter of the other script replaced",
            Rule::Quotes => "quote made plain for the model",
            Rule::Dashes => "dash or hyphen variant unified",
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which rules are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules(u16);

impl Rules {
    /// No rule at all: the text passes through.
    pub const NONE: Rules = Rules(0);

    /// Whether `rule` is on.
    pub fn has(self, rule: Rule) -> bool {
        self.0 & (1 << rule as u16) != 0
    }

    /// These rules with `rule` switched on or off.
    pub fn with(self, rule: Rule, on: bool) -> Rules {
        if on {
            Rules(self.0 | 1 << rule as u16)
        } else {
            Rules(self.0 & !(1 << rule as u16))
        }
    }
}

impl Default for Rules {
    /// Every rule but `nfkc`.
    fn default() -> Self {
        Rule::ALL.iter().fold(Rules::NONE, |r, &rule| r.with(rule, rule != Rule::Nfkc))
    }
}

/// One change: `original` bytes of the input became `normalized` bytes of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The rule that made it.
    pub rule: Rule,
    /// Byte range in the original text.
    pub original: Range<usize>,
    /// Byte range in the normalised text (empty for a removal).
    pub normalized: Range<usize>,
}

/// A normalised text and how it maps back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// Changes in order of position; between them the texts are equal.
    pub changes: Vec<Change>,
}

impl Normalized {
    /// The original byte range of `range` of the normalised text. Text removed at
    /// its edges stays outside; a change cut by an edge is taken whole.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.to_original(range.start, false);
        start..self.to_original(range.end, true).max(start)
    }

    fn to_original(&self, pos: usize, end: bool) -> usize {
        let before =
            |c: &Change| c.normalized.end < pos || c.normalized.end == pos && (!end || c.normalized.start < pos);
        let i = self.changes.partition_point(before);
        if let Some(c) = self.changes.get(i) {
            if c.normalized.start < pos && pos < c.normalized.end {
                return if end { c.original.end } else { c.original.start };
            }
        }
        match i.checked_sub(1).map(|j| &self.changes[j]) {
            Some(c) => pos - c.normalized.end + c.original.end,
            None => pos,
        }
    }
}

/// Where a long text can be cut for normalising its parts apart: just after a
/// space that comes before an ASCII letter or digit, which no rule looks across.
/// For [`crate::stream::Pieces`].
pub fn safe_cut(text: &str) -> Option<(usize, bool)> {
    let b = text.as_bytes();
    (2..b.len())
        .rev()
        .find(|&i| b[i - 1] == b' ' && b[i].is_ascii_alphanumeric() && b[i - 2] != b'-')
        .map(|i| (i, false))
}

/// Normalises `text` with `rules`.
pub fn normalize(text: &str, rules: Rules) -> Normalized {
    scan::Scanner::new(text, rules).run()
}

#[cfg(test)]
mod tests;
