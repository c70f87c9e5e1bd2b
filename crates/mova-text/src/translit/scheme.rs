//! Scheme files: one romanization standard as data.
//!
//! ```text
//! id = bgn-pcgn
//! lang = ru
//! name = BGN/PCGN 1947
//! authority = US Board on Geographic Names / UK PCGN
//! year = 1947
//! reversible = no
//!
//! [sets]
//! vowels = аеёиоуыэюя
//!
//! [letters]            # Cyrillic (lower case) → Latin, one or more letters each side
//! а a
//! щ shch
//!
//! [context]            # first line whose conditions all hold wins, else [letters]
//! е ye initial
//! е ye after=$vowels+йъь
//! ```
//!
//! Conditions: `initial` / `final` (no letter before / after), `after=`,
//! `before=`, `not-after=`, `not-before=` with characters and `$set` names joined
//! by `+`. A target of `-` writes nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::lang::Lang;

/// What must hold around a source for a context rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// No letter before.
    Initial,
    /// No letter after.
    Final,
    /// The letter before is one of these (lower case).
    After(Vec<char>),
    /// The letter after is one of these.
    Before(Vec<char>),
    /// The letter before is not one of these.
    NotAfter(Vec<char>),
    /// The letter after is not one of these.
    NotBefore(Vec<char>),
}

/// A context rule: `source` becomes `target` where every condition holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub source: String,
    pub target: String,
    pub conditions: Vec<Condition>,
}

/// One romanization scheme.
#[derive(Debug, Clone)]
pub struct Scheme {
    /// Id on the command line (`iso9`, `bgn-pcgn`).
    pub id: String,
    /// Language of the Cyrillic text.
    pub lang: Lang,
    /// Full name.
    pub name: String,
    /// Who defines it.
    pub authority: String,
    /// Year of the version implemented.
    pub year: String,
    /// Whether Latin → Cyrillic is exact.
    pub reversible: bool,
    /// Context-free letters, lower case.
    pub letters: HashMap<String, String>,
    /// Context rules by source, in file order.
    pub rules: HashMap<String, Vec<Rule>>,
    /// Longest source, in chars.
    pub longest: usize,
}

/// Parses a scheme file; `path` names it in errors.
pub fn parse(path: &Path, text: &str) -> Result<Scheme> {
    let bad = |line: usize, message: String| Error::Scheme { path: path.to_path_buf(), line, message };
    let mut head: HashMap<&str, &str> = HashMap::new();
    let mut sets: HashMap<String, Vec<char>> = HashMap::new();
    let mut letters = HashMap::new();
    let mut rules: HashMap<String, Vec<Rule>> = HashMap::new();
    let mut section = "";
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.split(" #").next().unwrap_or_default().trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if !matches!(name, "sets" | "letters" | "context") {
                return Err(bad(n, format!("unknown section [{name}]; use [sets], [letters] or [context]")));
            }
            section = name;
            continue;
        }
        match section {
            "" | "sets" => {
                let (k, v) =
                    line.split_once('=').ok_or_else(|| bad(n, format!("expected `key = value`, found `{line}`")))?;
                if section == "sets" {
                    sets.insert(k.trim().to_string(), v.trim().chars().filter(|c| !c.is_whitespace()).collect());
                } else {
                    head.insert(k.trim(), v.trim());
                }
            }
            _ => letter_line(line, section == "letters", &sets, &mut letters, &mut rules).map_err(|m| bad(n, m))?,
        }
    }
    let field =
        |k: &str| head.get(k).map(|v| v.to_string()).ok_or_else(|| bad(0, format!("missing `{k} = …` at the top")));
    let lang: Lang = field("lang")?.parse().map_err(|_| bad(0, "`lang` must be ru or be".into()))?;
    let reversible = match field("reversible")?.as_str() {
        "yes" => true,
        "no" => false,
        other => return Err(bad(0, format!("`reversible` must be yes or no, not `{other}`"))),
    };
    if letters.is_empty() {
        return Err(bad(0, "no [letters]".into()));
    }
    let longest = letters.keys().chain(rules.keys()).map(|k| k.chars().count()).max().unwrap_or(1);
    Ok(Scheme {
        id: field("id")?,
        lang,
        name: field("name")?,
        authority: field("authority")?,
        year: field("year")?,
        reversible,
        letters,
        rules,
        longest,
    })
}

/// One line of [letters] (`SOURCE TARGET`) or [context] (`SOURCE TARGET CONDITION…`).
fn letter_line(
    line: &str,
    plain: bool,
    sets: &HashMap<String, Vec<char>>,
    letters: &mut HashMap<String, String>,
    rules: &mut HashMap<String, Vec<Rule>>,
) -> std::result::Result<(), String> {
    let mut fields = line.split_whitespace();
    let (Some(source), Some(target)) = (fields.next(), fields.next()) else {
        return Err(format!("expected `CYRILLIC LATIN`, found `{line}`"));
    };
    if source.chars().any(|c| c.is_uppercase()) {
        return Err(format!("write the source `{source}` in lower case; capitals follow from it"));
    }
    let target = if target == "-" { String::new() } else { target.to_string() };
    if plain {
        if fields.next().is_some() {
            return Err("a [letters] line has two fields; conditions go in [context]".into());
        }
        if letters.insert(source.to_string(), target).is_some() {
            return Err(format!("`{source}` is listed twice in [letters]"));
        }
        return Ok(());
    }
    let conditions = fields.map(|f| condition(f, sets)).collect::<std::result::Result<Vec<_>, String>>()?;
    if conditions.is_empty() {
        return Err(format!("a [context] rule needs a condition; put `{source} {target}` in [letters]"));
    }
    rules.entry(source.to_string()).or_default().push(Rule { source: source.to_string(), target, conditions });
    Ok(())
}

fn condition(field: &str, sets: &HashMap<String, Vec<char>>) -> std::result::Result<Condition, String> {
    match field {
        "initial" => return Ok(Condition::Initial),
        "final" => return Ok(Condition::Final),
        _ => {}
    }
    let (kind, value) = field.split_once('=').ok_or_else(|| {
        format!("unknown condition `{field}`; use initial, final, after=, before=, not-after=, not-before=")
    })?;
    let mut chars = Vec::new();
    for part in value.split('+') {
        match part.strip_prefix('$') {
            Some(name) => {
                chars.extend(sets.get(name).ok_or_else(|| format!("unknown set `${name}`; define it in [sets]"))?)
            }
            None => chars.extend(part.chars()),
        }
    }
    Ok(match kind {
        "after" => Condition::After(chars),
        "before" => Condition::Before(chars),
        "not-after" => Condition::NotAfter(chars),
        "not-before" => Condition::NotBefore(chars),
        _ => return Err(format!("unknown condition `{kind}=`; use after=, before=, not-after=, not-before=")),
    })
}

/// Every scheme shipped with mova (`models/translit/<lang>/<id>.scheme`).
pub fn builtin() -> Result<Vec<Scheme>> {
    let files: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/schemes.rs"));
    files.iter().map(|(name, text)| parse(&PathBuf::from("models/translit").join(name), text)).collect()
}
