//! `mova fix`: names put right in translations made anywhere.
//!
//! In: a source document (English) and its translation into one language,
//! made by any system or person: two `.txt`/`.md` texts with the same
//! paragraphs (paragraph i of the translation translates paragraph i of the
//! source), or two JSON Lines texts whose records match by `id` and whose
//! text fields match by name. Out: the translation with only name words
//! changed, byte for byte the same elsewhere (a JSON Lines record with no
//! change keeps its line as it was), and every change and suspect word with
//! where it is. The post-edit is [`Fixer::fix_all`], the same one
//! `mova translate` runs.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::lang::Lang;
use crate::layout::{self, JSON_TEXT_FIELDS};
use crate::names::fix::{Change, Suspect};
use crate::names::Fixer;

/// Why a pair cannot be fixed; `mova fix` names both files with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PairError {
    #[error("the source has {in_source} paragraphs and the translation {in_translation}; paragraph i of the translation must translate paragraph i of the source")]
    Paragraphs { in_source: usize, in_translation: usize },
    #[error(
        "record `{id}`, field `{field}`: the source has {in_source} paragraphs and the translation {in_translation}"
    )]
    FieldParagraphs { id: String, field: String, in_source: usize, in_translation: usize },
    #[error("line {line}: not a JSON object ({message})")]
    Json { line: usize, message: String },
    #[error("line {line}: a record without an `id`; records are matched by id")]
    NoId { line: usize },
    #[error("record `{id}` appears twice (lines {first} and {second})")]
    Twice { id: String, first: usize, second: usize },
    #[error("record `{id}` of the translation (line {line}) is not in the source")]
    NotInSource { id: String, line: usize },
    #[error("record `{id}` of the source has no translation")]
    NotTranslated { id: String },
}

/// Where in a document an edit or suspect is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Place {
    /// JSON Lines: the record's id and field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// 1-based paragraph (of the field, for JSON Lines).
    pub paragraph: usize,
}

/// A fixed translation with what was done where.
#[derive(Debug, Clone, Default)]
pub struct FixedDoc {
    pub text: String,
    pub changes: Vec<(Place, Change)>,
    pub suspects: Vec<(Place, Suspect)>,
}

/// The paragraphs of a source text and of its translation, fixed one by one.
pub fn fix_text(fixer: &Fixer, source: &str, translation: &str, lang: Lang) -> Result<FixedDoc, PairError> {
    fix_units(fixer, source, translation, lang, |paragraph| Place { id: None, field: None, paragraph })
        .map_err(|(s, t)| PairError::Paragraphs { in_source: s, in_translation: t })
}

fn fix_units(
    fixer: &Fixer,
    source: &str,
    translation: &str,
    lang: Lang,
    place: impl Fn(usize) -> Place,
) -> Result<FixedDoc, (usize, usize)> {
    let su = layout::units(source);
    let tu = layout::units(translation);
    if su.len() != tu.len() {
        return Err((su.len(), tu.len()));
    }
    let mut doc = FixedDoc::default();
    let mut texts = Vec::with_capacity(tu.len());
    for (i, (s, t)) in su.iter().zip(&tu).enumerate() {
        let f = fixer.fix_all(&source[s.range.clone()], &translation[t.range.clone()], lang);
        doc.changes.extend(f.changes.into_iter().map(|c| (place(i + 1), c)));
        doc.suspects.extend(f.suspects.into_iter().map(|c| (place(i + 1), c)));
        texts.push(f.text);
    }
    doc.text = if doc.changes.is_empty() { translation.to_string() } else { layout::rebuild(translation, &tu, &texts) };
    Ok(doc)
}

/// Source texts of a document, for finding the names it mentions.
pub fn source_texts(source: &str, jsonl: bool) -> Vec<String> {
    if !jsonl {
        return vec![source.to_string()];
    }
    source
        .lines()
        .filter_map(|l| serde_json::from_str::<Map<String, Value>>(l).ok())
        .flat_map(|m| {
            JSON_TEXT_FIELDS
                .iter()
                .filter_map(|f| m.get(*f).and_then(Value::as_str).map(str::to_string))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A JSON Lines record: its line number, raw line and object.
struct Line<'a> {
    n: usize,
    raw: &'a str,
    object: Map<String, Value>,
}

fn records(text: &str) -> Result<Vec<Line<'_>>, PairError> {
    let mut out = Vec::new();
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let body = raw.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            out.push(Line { n: i + 1, raw, object: Map::new() });
            continue;
        }
        let object = serde_json::from_str::<Map<String, Value>>(body)
            .map_err(|e| PairError::Json { line: i + 1, message: e.to_string() })?;
        out.push(Line { n: i + 1, raw, object });
    }
    Ok(out)
}

fn id_of(object: &Map<String, Value>) -> Option<String> {
    match object.get("id")? {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        v => Some(v.to_string()),
    }
}

fn by_id<'a>(lines: &'a [Line<'a>]) -> Result<HashMap<String, &'a Line<'a>>, PairError> {
    let mut map: HashMap<String, &Line> = HashMap::new();
    for l in lines.iter().filter(|l| !l.object.is_empty()) {
        let id = id_of(&l.object).ok_or(PairError::NoId { line: l.n })?;
        if let Some(first) = map.insert(id.clone(), l) {
            return Err(PairError::Twice { id, first: first.n, second: l.n });
        }
    }
    Ok(map)
}

/// Two JSON Lines texts: records matched by `id`, text fields by name.
pub fn fix_jsonl(fixer: &Fixer, source: &str, translation: &str, lang: Lang) -> Result<FixedDoc, PairError> {
    let src = records(source)?;
    let tr = records(translation)?;
    let src_ids = by_id(&src)?;
    let tr_ids = by_id(&tr)?;
    if let Some(id) = src_ids.keys().find(|id| !tr_ids.contains_key(*id)) {
        return Err(PairError::NotTranslated { id: id.clone() });
    }
    let mut doc = FixedDoc::default();
    for l in &tr {
        if l.object.is_empty() {
            doc.text.push_str(l.raw);
            continue;
        }
        let id = id_of(&l.object).unwrap_or_default();
        let s = src_ids.get(&id).ok_or_else(|| PairError::NotInSource { id: id.clone(), line: l.n })?;
        let mut object = l.object.clone();
        let mut changed = false;
        for field in JSON_TEXT_FIELDS {
            let (Some(st), Some(tt)) =
                (s.object.get(field).and_then(Value::as_str), l.object.get(field).and_then(Value::as_str))
            else {
                continue;
            };
            let place = |paragraph| Place { id: Some(id.clone()), field: Some(field.to_string()), paragraph };
            let f = fix_units(fixer, st, tt, lang, place).map_err(|(a, b)| PairError::FieldParagraphs {
                id: id.clone(),
                field: field.to_string(),
                in_source: a,
                in_translation: b,
            })?;
            if !f.changes.is_empty() {
                object.insert(field.to_string(), Value::String(f.text));
                changed = true;
            }
            doc.changes.extend(f.changes);
            doc.suspects.extend(f.suspects);
        }
        if changed {
            let end = &l.raw[l.raw.trim_end_matches(['\n', '\r']).len()..];
            doc.text.push_str(&serde_json::to_string(&object).unwrap_or_default());
            doc.text.push_str(end);
        } else {
            doc.text.push_str(l.raw);
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::{Detector, Gazetteer};

    fn fixer() -> Fixer {
        Fixer::new(Detector::new(Gazetteer::builtin()))
    }

    #[test]
    fn paragraphs_pair_and_only_names_change() {
        let src = "# Lukashenko speaks\n\nLukashenko met Tsikhanouskaya in Vilnius.\n";
        let tr = "# Лукашенко выступае\n\nЛукашенко сустрэўся з Тихановской у Вільнюсе.\n";
        let f = fix_text(&fixer(), src, tr, Lang::Be).unwrap();
        assert_eq!(f.text, "# Лукашэнка выступае\n\nЛукашэнка сустрэўся з Ціханоўскай у Вільнюсе.\n");
        let places: Vec<usize> = f.changes.iter().map(|(p, _)| p.paragraph).collect();
        assert_eq!(places, [1, 2, 2]);
    }

    #[test]
    fn paragraph_counts_must_match() {
        let e = fix_text(&fixer(), "A.\n\nB.\n", "А.\n", Lang::Ru).unwrap_err();
        assert_eq!(e, PairError::Paragraphs { in_source: 2, in_translation: 1 });
    }

    #[test]
    fn records_match_by_id() {
        let src = "{\"id\":\"a\",\"title\":\"Lukashenko\",\"n\":123456789012345678901234567890}\n{\"id\":\"b\",\"body\":\"Rain.\"}\n";
        let tr = "{\"id\":\"b\",\"body\":\"Дождь.\", \"x\": 1.50}\n{\"id\":\"a\",\"title\":\"Лукашэнка\",\"n\":123456789012345678901234567890}\n";
        let f = fix_jsonl(&fixer(), src, tr, Lang::Ru).unwrap();
        assert_eq!(f.text.lines().next(), Some("{\"id\":\"b\",\"body\":\"Дождь.\", \"x\": 1.50}"));
        assert!(f.text.lines().nth(1).unwrap().contains("\"title\":\"Лукашенко\""), "{}", f.text);
        assert_eq!(f.changes[0].0, Place { id: Some("a".into()), field: Some("title".into()), paragraph: 1 });
        let e = fix_jsonl(&fixer(), src, "{\"id\":\"a\",\"title\":\"X\"}\n", Lang::Ru).unwrap_err();
        assert_eq!(e, PairError::NotTranslated { id: "b".into() });
    }
}
