//! The name-variant table of `mova names`.
//!
//! In: articles (label, text) and a [`Detector`] that knows the names found in
//! them (see [`super::prepare`]). Out: one [`Row`] per entity: the English
//! spellings seen, with counts and the articles they came from, the Russian,
//! Belarusian and Taraškievica forms, kind, source, confidence of derived
//! entries, and romanizations of the forms under the schemes asked for;
//! rendered as TSV, CSV, JSON or Markdown.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{Detector, Part};
use crate::lang::Lang;
use crate::translit::Registry;

/// The romanizations shown by default.
pub const DEFAULT_SCHEMES: &str =
    "ru:bgn-pcgn,ru:iso9,ru:icao,be:national-2007,be:bgn-pcgn,be:icao,be:lacinka,be:press";

/// One English spelling as seen.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Seen {
    pub spelling: String,
    pub count: usize,
    pub articles: Vec<String>,
}

/// One entity of the table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Row {
    pub id: String,
    pub kind: String,
    pub english: Vec<String>,
    pub seen: Vec<Seen>,
    pub ru: String,
    pub be: String,
    pub be_tarask: String,
    /// `gazetteer` or `derived`.
    pub source: String,
    /// 1 for listed entities.
    pub confidence: f32,
    pub romanizations: Map<String, Value>,
}

/// The rows for `articles`, by first appearance.
pub fn rows(
    detector: &Detector,
    articles: &[(String, String)],
    schemes: &[(Lang, String)],
    registry: &Registry,
) -> Vec<Row> {
    let mut order: Vec<usize> = Vec::new();
    let mut seen: BTreeMap<usize, Vec<Seen>> = BTreeMap::new();
    for (label, text) in articles {
        for m in detector.known(text, &[]) {
            let spelling = text[m.range.clone()].to_string();
            if !seen.contains_key(&m.entity) {
                order.push(m.entity);
            }
            let list = seen.entry(m.entity).or_default();
            match list.iter_mut().find(|s| s.spelling == spelling) {
                Some(s) => {
                    s.count += 1;
                    // Articles come one after another: the last one is this one or new.
                    if s.articles.last() != Some(label) {
                        s.articles.push(label.clone());
                    }
                }
                None => list.push(Seen { spelling, count: 1, articles: vec![label.clone()] }),
            }
        }
    }
    order
        .into_iter()
        .map(|i| {
            let e = &detector.entities[i];
            let form = |lang| e.words_for(lang, Part::Full(2)).join(" ");
            let mut romanizations = Map::new();
            for (lang, id) in schemes {
                let text = form(*lang);
                let value = match registry.get(*lang, id) {
                    Ok((_, c)) if !text.is_empty() => c.forward(&text).text,
                    _ => String::new(),
                };
                romanizations.insert(format!("{lang}:{id}"), Value::String(value));
            }
            Row {
                id: e.id.clone(),
                kind: e.kind.as_str().into(),
                english: e.english.clone(),
                seen: seen.remove(&i).unwrap_or_default(),
                ru: form(Lang::Ru),
                be: form(Lang::Be),
                be_tarask: e.be_tarask.clone(),
                source: if e.derived.is_some() { "derived".into() } else { "gazetteer".into() },
                confidence: e.derived.unwrap_or(1.0),
                romanizations,
            }
        })
        .collect()
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Tsv,
    Csv,
    Json,
    Md,
}

fn seen_cell(r: &Row) -> String {
    r.seen.iter().map(|s| format!("{} ({})", s.spelling, s.count)).collect::<Vec<_>>().join("; ")
}

fn articles_cell(r: &Row) -> String {
    let mut uniq: Vec<&str> = Vec::new();
    let mut have = std::collections::HashSet::new();
    for a in r.seen.iter().flat_map(|s| s.articles.iter()) {
        if have.insert(a.as_str()) {
            uniq.push(a);
        }
    }
    uniq.join("; ")
}

/// The table as text.
pub fn render(rows: &[Row], schemes: &[(Lang, String)], format: Format) -> String {
    let keys: Vec<String> = schemes.iter().map(|(l, id)| format!("{l}:{id}")).collect();
    let mut head = vec!["id", "kind", "english seen", "articles", "ru", "be", "be_tarask", "source", "confidence"];
    head.extend(keys.iter().map(String::as_str));
    let cells = |r: &Row| -> Vec<String> {
        let mut c = vec![
            r.id.clone(),
            r.kind.clone(),
            seen_cell(r),
            articles_cell(r),
            r.ru.clone(),
            r.be.clone(),
            r.be_tarask.clone(),
            r.source.clone(),
            format!("{:.2}", r.confidence),
        ];
        c.extend(keys.iter().map(|k| r.romanizations.get(k).and_then(Value::as_str).unwrap_or_default().to_string()));
        c
    };
    match format {
        Format::Json => serde_json::to_string_pretty(rows).unwrap_or_default() + "\n",
        Format::Tsv => {
            let clean = |s: String| s.replace(['\t', '\n'], " ");
            let mut out = head.join("\t") + "\n";
            for r in rows {
                out += &(cells(r).into_iter().map(clean).collect::<Vec<_>>().join("\t") + "\n");
            }
            out
        }
        Format::Csv => {
            let q = |s: &str| {
                if s.contains([',', '"', '\n']) {
                    format!("\"{}\"", s.replace('"', "\"\""))
                } else {
                    s.to_string()
                }
            };
            let mut out = head.iter().map(|h| q(h)).collect::<Vec<_>>().join(",") + "\n";
            for r in rows {
                out += &(cells(r).iter().map(|c| q(c)).collect::<Vec<_>>().join(",") + "\n");
            }
            out
        }
        Format::Md => {
            let esc = |s: &str| s.replace('|', "\\\\|");
            let mut out = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
            for r in rows {
                out += &format!("| {} |\n", cells(r).iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "));
            }
            out
        }
    }
}

/// Parses `ru:bgn-pcgn,be:press`, checking each scheme exists.
pub fn parse_schemes(list: &str, registry: &Registry) -> crate::Result<Vec<(Lang, String)>> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| {
            let (l, id) = item
                .split_once(':')
                .ok_or_else(|| crate::Error::Usage(format!("`{item}`: write LANG:SCHEME, e.g. be:national-2007")))?;
            let lang: Lang =
                l.parse().map_err(|_| crate::Error::Usage(format!("`{item}`: the language is ru or be")))?;
            registry.get(lang, id)?;
            Ok((lang, id.to_string()))
        })
        .collect()
}
