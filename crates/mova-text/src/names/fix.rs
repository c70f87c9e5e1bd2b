//! Post-editing names in a translation, doing no harm.
//!
//! In: a source text (English), its translation into one language (by mova's
//! model or anyone else), and the names the source mentions. Out: the
//! translation with only name words changed, a [`Change`] per edit and a
//! [`Suspect`] per word left alone though it may be wrong.
//!
//! A word is changed only when all of these hold:
//! 1. it renders a name the source mentions (`forms`: the other language's
//!    form, Taraškievica, the Latin spelling, a transliteration of an English
//!    spelling, or a near miss of these with the same ending), and it is
//!    written like a name (a capital first letter: минский is an adjective);
//! 2. it is not already a right form: the target form or an accepted variant
//!    in any case, or a word starting with their stem (a case form the
//!    paradigm does not know);
//! 3. its case is known: the cases its form stands for, narrowed by the words
//!    before it (`context`), leave one form to write. Otherwise it is left
//!    and reported.
//!
//! A right form in the nominative right after a preposition that never takes
//! it ("с Тихановская") is put in the preposition's case when that case has
//! one form.

mod cases;
mod context;
mod forms;
mod near;
mod sounds;
mod words;

use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

pub use forms::Origin;

use super::inflect::{self, Role};
use super::{Detector, Kind, Mention};
use crate::lang::Lang;
use cases::{Cases, NOM};
use forms::{Hit, Renderings};
use near::{near_miss, CASE_ENDINGS};
use words::{
    boundary, compound, cyrillic_neighbour, honorific_before, inside_longer_name, latin_left, latin_neighbour, tokens,
};

/// Confidence a derived name needs to be written into translations.
const MIN_DERIVED: f32 = 0.5;

/// One edit of the output.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    /// Entity id.
    pub entity: String,
    /// The English spelling in the source.
    pub source: String,
    /// What was there.
    pub model: String,
    /// What mova wrote instead.
    pub mova: String,
    /// What the word was taken for.
    pub why: Origin,
}

/// A word left alone that may be a wrong name form, or a name of the source
/// not found in the translation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Suspect {
    /// Entity id (empty for a word no listed name explains).
    pub entity: String,
    /// The English spelling in the source.
    pub source: String,
    /// The word(s) of the translation (empty when none was found).
    pub word: String,
    /// Why it was left.
    pub why: String,
}

/// What the post-edit did to one text and what it left: the changes and the
/// suspects of [`Fixed`], without the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notes {
    pub changes: Vec<Change>,
    pub suspects: Vec<Suspect>,
}

/// A fixed translation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fixed {
    pub text: String,
    pub changes: Vec<Change>,
    pub suspects: Vec<Suspect>,
}

/// Finds names in source texts and fixes translations.
pub struct Fixer {
    pub detector: Arc<Detector>,
    /// Every right form of every listed name, both languages, all cases: a
    /// near miss of one name may be another name.
    known: OnceLock<HashSet<String>>,
}

/// A word of the output that may render a name word.
struct Token {
    range: Range<usize>,
    hits: Vec<Hit>,
    /// The word had 's (a Latin possessive).
    possessive: bool,
    /// A lower-case word: it only goes on a name begun before it.
    lower: bool,
}

impl Fixer {
    pub fn new(detector: impl Into<Arc<Detector>>) -> Fixer {
        Fixer { detector: detector.into(), known: OnceLock::new() }
    }

    /// Names in a source text. Derived places and derived names of low
    /// confidence are left out: a wrong guess in the output is worse than
    /// the model's own form.
    pub fn mentions(&self, source: &str) -> Vec<Mention> {
        let all = self.detector.known(source, &[]);
        let sure = |m: &Mention| {
            let e = &self.detector.entities[m.entity];
            let spelling = &source[m.range.clone()];
            match e.derived {
                // A derived person is sure with a known given name or an
                // honorific before it (not "Grand Connaught Rooms", "Konami").
                Some(c) => {
                    e.kind == Kind::Person
                        && c >= MIN_DERIVED
                        && (spelling.contains(' ')
                            && super::detect::given_name(spelling.split(' ').next().unwrap_or("")).is_some()
                            || honorific_before(source, m.range.start))
                }
                None => e.kind == Kind::Person || !inside_longer_name(source, &m.range, &all),
            }
        };
        all.iter().filter(|m| sure(m)).cloned().collect()
    }

    /// `translation` (of `source`, into `lang`) with its names put right.
    pub fn fix(&self, source: &str, translation: &str, lang: Lang) -> (String, Vec<Change>) {
        let f = self.fix_all(source, translation, lang);
        (f.text, f.changes)
    }

    /// The same with the words left alone that may be wrong.
    pub fn fix_all(&self, source: &str, translation: &str, lang: Lang) -> Fixed {
        let mentions = self.mentions(source);
        if mentions.is_empty() {
            return Fixed { text: translation.to_string(), ..Fixed::default() };
        }
        let r = Renderings::new(&self.detector.entities, source, &mentions, lang);
        let mut edits: Vec<(Range<usize>, String, usize, Origin)> = Vec::new();
        let mut suspects = Vec::new();
        let mut wholes = self.wholes(&r, source, &mentions, translation, lang, &mut edits, &mut suspects);
        // Names of several words written as they sound (Нью Зіланд) go whole,
        // before their words are read one by one.
        for mi in 0..mentions.len() {
            if let Some(Ok(edit)) = self.sounding(&r, source, &mentions, mi, translation, lang, &wholes, &edits, true) {
                wholes.push(edit.0.clone());
                edits.push(edit);
            }
        }
        let tokens: Vec<Token> = tokens(translation)
            .into_iter()
            .filter(|t| !wholes.iter().any(|w| w.start < t.end && t.start < w.end))
            .filter_map(|t| self.classify(&r, translation, t, lang))
            .collect();
        let mut seen = vec![false; mentions.len()];
        // A span left unclear is tried once more when all others are decided:
        // a name listed after it may have taken its case only then, and the
        // result must be what a second run over the output would give.
        let all = spans(&tokens, translation);
        let mut unclear = Vec::new();
        for round in 0..2 {
            let todo: Vec<usize> = if round == 0 { (0..all.len()).collect() } else { std::mem::take(&mut unclear) };
            for i in todo {
                let (mi, ref words) = all[i];
                seen[mi] = true;
                let toks: Vec<(&Token, usize)> = words.iter().map(|&(t, w)| (&tokens[t], w)).collect();
                let hint = hint_for(source, &mentions, mi, toks[0].0.range.start as f64 / translation.len() as f64);
                let ctx = Ctx { r: &r, text: translation, lang, hint, edits: &edits };
                match decide(&ctx, mi, &toks) {
                    Ok(list) => edits.extend(list.into_iter().map(|(range, new, why)| (range, new, mi, why))),
                    Err(_) if round == 0 => unclear.push(i),
                    Err(why) => {
                        let words = &translation[toks[0].0.range.start..toks[toks.len() - 1].0.range.end];
                        suspects.push(self.suspect(source, &mentions[mi], words, why));
                    }
                }
            }
        }
        let taken: Vec<Range<usize>> = wholes.iter().cloned().chain(tokens.iter().map(|t| t.range.clone())).collect();
        for (mi, m) in mentions.iter().enumerate() {
            if seen[mi]
                || wholes_of(&edits, mi)
                || mentions[..mi].iter().zip(&seen).any(|(o, s)| *s && o.entity == m.entity)
            {
                continue;
            }
            match self.sounding(&r, source, &mentions, mi, translation, lang, &taken, &edits, false) {
                Some(Ok(edit)) => edits.push(edit),
                Some(Err((word, why))) => suspects.push(self.suspect(source, m, &word, why)),
                None => suspects.push(self.suspect(source, m, "", "not found in the translation".into())),
            }
        }
        suspects.extend(latin_left(source, translation, &edits, &mentions));
        self.apply(source, translation, &mentions, edits, suspects)
    }

    fn suspect(&self, source: &str, m: &Mention, word: &str, why: String) -> Suspect {
        Suspect {
            entity: self.detector.entities[m.entity].id.clone(),
            source: source[m.range.clone()].to_string(),
            word: word.to_string(),
            why,
        }
    }

    /// Whole spellings found in the output → edits in the case the context
    /// asks (the nominative when it says nothing); returns the ranges taken.
    #[allow(clippy::too_many_arguments)]
    fn wholes(
        &self,
        r: &Renderings,
        source: &str,
        mentions: &[Mention],
        text: &str,
        lang: Lang,
        edits: &mut Vec<(Range<usize>, String, usize, Origin)>,
        suspects: &mut Vec<Suspect>,
    ) -> Vec<Range<usize>> {
        let mut taken: Vec<Range<usize>> = Vec::new();
        for (spelling, mi) in &r.wholes {
            let e = &self.detector.entities[mentions[*mi].entity];
            let why = if spelling.is_ascii() { Origin::Latin } else { Origin::OtherLanguage };
            // The spelling may itself be an accepted form (AP for Associated Press).
            if e.alternatives(lang).iter().any(|a| a == spelling) {
                continue;
            }
            for (at, _) in text.match_indices(spelling.as_str()) {
                let range = at..at + spelling.len();
                if !boundary(text, &range) || taken.iter().any(|t| t.start < range.end && range.start < t.end) {
                    continue;
                }
                taken.push(range.clone());
                let hint = hint_for(source, mentions, *mi, at as f64 / text.len() as f64);
                let ctx = Ctx { r, text, lang, hint, edits: edits.as_slice() };
                match self.whole_form(&ctx, mentions, *mi, &range, why == Origin::Latin) {
                    Ok(new) if new != *spelling => edits.push((range, new, *mi, why)),
                    Ok(_) => {}
                    Err(why) => suspects.push(self.suspect(source, &mentions[*mi], spelling, why)),
                }
            }
        }
        taken
    }

    /// What to write over a whole wrong rendering at `range` of mention `mi`:
    /// its target form in the case the context asks.
    fn whole_form(
        &self,
        ctx: &Ctx,
        mentions: &[Mention],
        mi: usize,
        range: &Range<usize>,
        latin: bool,
    ) -> Result<String, String> {
        let targets = &ctx.r.targets[mi];
        if targets.is_empty() {
            let e = &self.detector.entities[mentions[mi].entity];
            return Ok(e.words_for(ctx.lang, mentions[mi].part).join(" "));
        }
        let unique = |set: Cases| {
            targets.iter().all(|t| cases::each(set).map(|c| &t[c as usize]).collect::<HashSet<_>>().len() == 1)
        };
        let case = narrow(ctx, mi, &ctx.text[..range.start], &ctx.text[range.end..], cases::ALL, &unique, latin)?;
        let mut new = targets.iter().map(|t| t[case as usize].as_str()).collect::<Vec<_>>().join(" ");
        let old = &ctx.text[range.clone()];
        // A name in capitals (a dateline) stays in capitals; an abbreviation
        // (U.K.) is no such name.
        let listed = self.detector.entities[mentions[mi].entity].english.iter().any(|s| s == old);
        if old.chars().count() > 1 && old.chars().all(|c| !c.is_lowercase()) && !listed {
            new = new.to_uppercase();
        }
        Ok(new)
    }

    /// A name the translation has as it sounds in English (Раша, Юнайтед
    /// Стейтс): the one run of capitalised words no name explains whose
    /// sound key is that of an English spelling of mention `mi`. `None` when
    /// there is none; an error when its case is unclear or there are several.
    /// `several`: only names of several words, in runs of several words.
    #[allow(clippy::too_many_arguments)]
    fn sounding(
        &self,
        r: &Renderings,
        source: &str,
        mentions: &[Mention],
        mi: usize,
        text: &str,
        lang: Lang,
        taken: &[Range<usize>],
        edits: &[(Range<usize>, String, usize, Origin)],
        several: bool,
    ) -> Option<Sounded> {
        let m = &mentions[mi];
        let e = &self.detector.entities[m.entity];
        if r.derived[mi] || e.kind == Kind::Person {
            return None;
        }
        // The listed spellings only: the source's may be a variant that
        // matched the entity loosely.
        let spellings: Vec<&str> =
            e.english.iter().map(String::as_str).filter(|s| !several || s.contains([' ', '-'])).collect();
        if spellings.is_empty() {
            return None;
        }
        let free = |range: &Range<usize>| {
            let w = text[range.clone()].to_lowercase();
            !taken.iter().chain(edits.iter().map(|e| &e.0)).any(|t| t.start < range.end && range.start < t.end)
                && !self.known().contains(&w)
                && !r.by_form.get(&w).is_some_and(|hs| hs.iter().any(|h| h.origin.right()))
                && !stem_form(r, &w)
        };
        let words: Vec<Range<usize>> = tokens(text)
            .into_iter()
            .filter(|t| text[t.clone()].starts_with(char::is_uppercase) && !text[t.clone()].is_ascii())
            .collect();
        let mut found: Vec<Range<usize>> = Vec::new();
        for i in 0..words.len() {
            for j in i..words.len().min(i + 3) {
                // Words of one run: one space or a hyphen between.
                if j > i && !matches!(&text[words[j - 1].end..words[j].start], " " | "-" | "\u{a0}") {
                    break;
                }
                let range = words[i].start..words[j].end;
                if several && j == i {
                    continue;
                }
                if !words[i..=j].iter().all(free) {
                    break;
                }
                if spellings.iter().any(|s| sounds::sounds_like(&text[range.clone()], s)) && !found.contains(&range) {
                    found.push(range);
                }
            }
        }
        let range = match found.len() {
            0 => return None,
            1 => found.remove(0),
            _ => return Some(Err((text[found[0].clone()].to_string(), "several words sound like it".into()))),
        };
        let hint = hint_for(source, mentions, mi, range.start as f64 / text.len() as f64);
        let ctx = Ctx { r, text, lang, hint, edits };
        Some(match self.whole_form(&ctx, mentions, mi, &range, true) {
            Ok(new) => Ok((range, new, mi, Origin::Transliteration)),
            Err(why) => Err((text[range].to_string(), why)),
        })
    }

    /// The ways an output word may render a name, or `None` when it cannot.
    fn classify(&self, r: &Renderings, text: &str, range: Range<usize>, lang: Lang) -> Option<Token> {
        let word = &text[range.clone()];
        // A lower-case word is not a name (минский), but it may go on one
        // (Еўрапейскі саюз); a part of a compound is left whole.
        if compound(text, &range) {
            return None;
        }
        if !word.starts_with(char::is_uppercase) {
            let hits: Vec<Hit> = r.by_form.get(&word.to_lowercase())?.iter().filter(|h| h.word > 0).copied().collect();
            return (!hits.is_empty()).then_some(Token { range, hits, possessive: false, lower: true });
        }
        let bare = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).filter(|b| b.is_ascii());
        let low = bare.unwrap_or(word).to_lowercase();
        if let Some(hits) = r.by_form.get(&low) {
            // A Latin word beside other capitalised Latin words is part of a
            // longer name the translation keeps ("Washington Capitals").
            if low.is_ascii() && latin_neighbour(text, &range, r) {
                return None;
            }
            return Some(Token { range, hits: hits.clone(), possessive: bare.is_some(), lower: false });
        }
        if low.is_ascii() || stem_form(r, &low) {
            return None;
        }
        // A word beside other capitalised words no name explains belongs to a
        // longer name («Эйр Кэнада»): it is not a misspelling of this one.
        let renders = |w: &str| {
            r.by_form.contains_key(w) || self.known().contains(w) || near_miss(w, r, self.known(), lang).is_some()
        };
        if cyrillic_neighbour(text, &range, renders) {
            return None;
        }
        let hits = near_miss(&low, r, self.known(), lang)?;
        Some(Token { range, hits, possessive: false, lower: false })
    }

    fn known(&self) -> &HashSet<String> {
        self.known.get_or_init(|| {
            let mut set = HashSet::new();
            for e in self.detector.entities.iter().filter(|e| e.derived.is_none()) {
                for lang in [Lang::Ru, Lang::Be] {
                    for form in std::iter::once(e.form(lang)).chain(e.alternatives(lang).iter().map(String::as_str)) {
                        let words: Vec<&str> = form.split(' ').collect();
                        for (k, w) in words.iter().enumerate() {
                            let role = Role {
                                gender: e.gender,
                                person: e.kind == Kind::Person,
                                surname: e.kind == Kind::Person && k + 1 == words.len() && k > 0,
                            };
                            set.extend(inflect::forms(w, lang, role).iter().map(|f| f.to_lowercase()));
                        }
                    }
                }
            }
            set
        })
    }

    /// Applies non-overlapping edits left to right.
    fn apply(
        &self,
        source: &str,
        text: &str,
        mentions: &[Mention],
        mut edits: Vec<(Range<usize>, String, usize, Origin)>,
        suspects: Vec<Suspect>,
    ) -> Fixed {
        edits.sort_by_key(|e| e.0.start);
        let mut out = String::with_capacity(text.len() + 16);
        let mut changes = Vec::new();
        let mut pos = 0;
        for (range, new, mi, why) in edits {
            if range.start < pos {
                continue;
            }
            out.push_str(&text[pos..range.start]);
            out.push_str(&new);
            pos = range.end;
            // A rendering found whole may already be the form (Нью-Йорк).
            if new == text[range.clone()] {
                continue;
            }
            let m = &mentions[mi];
            changes.push(Change {
                entity: self.detector.entities[m.entity].id.clone(),
                source: source[m.range.clone()].to_string(),
                model: text[range.clone()].to_string(),
                mova: new,
                why,
            });
        }
        out.push_str(&text[pos..]);
        Fixed { text: out, changes, suspects }
    }
}

/// A word on the stem of a right form with a case ending the paradigm may
/// not know (Индий, the genitive plural of Индия): right, left alone.
fn stem_form(r: &Renderings, low: &str) -> bool {
    r.stems.iter().flatten().any(|s| {
        s.chars().count() >= 4 && low.strip_prefix(s.as_str()).is_some_and(|rest| CASE_ENDINGS.contains(&rest))
    })
}

fn wholes_of(edits: &[(Range<usize>, String, usize, Origin)], mi: usize) -> bool {
    edits.iter().any(|e| e.2 == mi)
}

/// Groups name tokens into spans of consecutive words of one name: (mention,
/// [(token, word of the name)]).
fn spans(tokens: &[Token], text: &str) -> Vec<(usize, Vec<(usize, usize)>)> {
    let mut out: Vec<(usize, Vec<(usize, usize)>)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Every (mention, word) the span may still be, extended token by token.
        let mut open: Vec<(usize, Vec<usize>)> = dedup(tokens[i].hits.iter().map(|h| (h.mention, vec![h.word])));
        let mut j = i + 1;
        while j < tokens.len()
            && text[tokens[j - 1].range.end..tokens[j].range.start].chars().all(|c| c == ' ' || c == '\u{a0}')
            && tokens[j].range.start - tokens[j - 1].range.end <= 2
        {
            let next: Vec<(usize, Vec<usize>)> = open
                .iter()
                .filter_map(|(m, ws)| {
                    let last = *ws.last()?;
                    tokens[j].hits.iter().find(|h| h.mention == *m && h.word == last + 1).map(|h| {
                        let mut ws = ws.clone();
                        ws.push(h.word);
                        (*m, ws)
                    })
                })
                .collect();
            if next.is_empty() {
                break;
            }
            open = next;
            j += 1;
        }
        let (m, ws) = open.swap_remove(0);
        if !tokens[i].lower {
            out.push((m, (i..j).zip(ws).collect()));
        }
        i = j;
    }
    out
}

fn dedup(items: impl Iterator<Item = (usize, Vec<usize>)>) -> Vec<(usize, Vec<usize>)> {
    let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
    for it in items {
        if !out.contains(&it) {
            out.push(it);
        }
    }
    out
}

type Edit = (Range<usize>, String, Origin);

/// A word left alone and why.
type Unsure = (String, String);

/// A name found by its sound: the edit (range, new text, mention, why), or
/// the words left alone.
type Sounded = Result<(Range<usize>, String, usize, Origin), Unsure>;

/// What a decision about one span reads: the sentence's renderings, the
/// output text, its language, the English preposition's hint, and the edits
/// already decided (a name listed after an edited one takes its new case).
struct Ctx<'a> {
    r: &'a Renderings,
    text: &'a str,
    lang: Lang,
    hint: Option<Cases>,
    edits: &'a [(Range<usize>, String, usize, Origin)],
}

/// The English hint for mention `mi`, read at the occurrence of its name in
/// the source whose place (a fraction of the text) is nearest `at`: the
/// same name may stand after "in" in one sentence and "to" in the next.
fn hint_for(source: &str, mentions: &[Mention], mi: usize, at: f64) -> Option<Cases> {
    let m = &mentions[mi];
    let place = |o: &Mention| (o.range.start as f64 / source.len().max(1) as f64 - at).abs();
    let nearest = mentions
        .iter()
        .filter(|o| o.entity == m.entity && o.part == m.part)
        .min_by(|a, b| place(a).total_cmp(&place(b)))
        .unwrap_or(m);
    context::english_hint(source, nearest.range.clone())
}

/// The cases of the name form listed right before a name of mention
/// `mi`, if any: after a comma only between places (a person after a comma
/// may stand in apposition). A name before it that does not decline (США,
/// Гродно) passes on the case of the preposition before it ("из США или
/// Канады").
fn listed_case(ctx: &Ctx, mi: usize, before: &str) -> Option<Cases> {
    let r = ctx.r;
    let (w, comma) = context::listed_after(before)?;
    let at = w.as_ptr() as usize - before.as_ptr() as usize;
    let w = ctx.edits.iter().find(|e| e.0.start == at).map_or(w, |e| e.1.as_str());
    // Its surest reading, right or not: fixed or not, it has this case.
    let hits: Vec<&Hit> =
        r.by_form.get(&w.to_lowercase())?.iter().filter(|h| !comma || r.places[h.mention] && r.places[mi]).collect();
    let best = hits.iter().map(|h| h.origin).min()?;
    let set = hits.iter().filter(|h| h.origin == best).fold(0, |a, h| a | h.cases);
    // The preposition before it governs both ("к Тихановской и Веронике").
    let p = context::preposition_before(&before[..at], ctx.lang).filter(|p| p & NOM == 0);
    match p {
        Some(p) if set & p != 0 => Some(set & p),
        _ if set == cases::ALL => None,
        _ => (set != 0).then_some(set),
    }
}

/// The cases of a right name form listed right after a name ("в Кения и
/// Эфиопии"): names in one list share their case.
fn listed_next(ctx: &Ctx, after: &str) -> Option<Cases> {
    let rest = after.trim_start_matches(' ');
    let rest = [", ", "и ", "і ", "или ", "або ", "ці "].iter().find_map(|c| rest.strip_prefix(c))?;
    let w = rest.split(|c: char| !c.is_alphabetic()).next()?;
    // Read as it will be written when an edit was decided there.
    let at = w.as_ptr() as usize - ctx.text.as_ptr() as usize;
    let w = ctx.edits.iter().find(|e| e.0.start == at).map_or(w, |e| e.1.as_str());
    let set = ctx.r.by_form.get(&w.to_lowercase())?.iter().filter(|h| h.origin.right()).fold(0, |a, h| a | h.cases);
    (set != 0 && set != cases::ALL).then_some(set)
}

/// The one case to write over a wrong form whose own ending allows `set`,
/// between `before` and `after`, or why no one case can be chosen: the
/// words before it (a preposition, title, governing verb or agreeing
/// adjective: sure; a noun: a suggestion), the names listed with it, the
/// source's hint. A Latin leftover still open goes to the nominative.
fn narrow(
    ctx: &Ctx,
    mi: usize,
    before: &str,
    after: &str,
    mut set: Cases,
    unique: &dyn Fn(Cases) -> bool,
    latin: bool,
) -> Result<inflect::Case, String> {
    let cue = context::cue_before(before, ctx.lang, !ctx.r.places[mi] && ctx.r.persons[mi]);
    // A preposition or title whose cases the wrong word's form cannot have
    // still decides ("з Цихануская" → з Ціханоўскай).
    match cue {
        Some((p, true)) if set & p != 0 => set &= p,
        Some((p, true)) if p & NOM == 0 => set = p,
        _ => {}
    }
    match listed_case(ctx, mi, before) {
        Some(l) if set & l != 0 && !unique(set) => set &= l,
        Some(l) if set & l == 0 && l & NOM == 0 => set = l,
        _ => {}
    }
    for more in [listed_next(ctx, after), cue.filter(|c| !c.1).map(|c| c.0), ctx.hint] {
        if let Some(h) = more.filter(|h| !unique(set) && set & h != 0) {
            set &= h;
        }
    }
    if !unique(set) {
        // A Latin leftover is wrong in any case; after в/у/на a place is
        // far more often where something is than where it goes; elsewhere
        // the nominative is the dictionary form a reader recognises.
        let loc = cases::bit(inflect::Case::Loc);
        if latin
            && set & loc != 0
            && set & cases::bit(inflect::Case::Acc) != 0
            && ctx.r.places[mi]
            && context::preposition_before(before, ctx.lang).is_some_and(|p| p & loc != 0)
        {
            set = loc;
        } else if latin && set & NOM != 0 {
            set = NOM;
        } else {
            return Err(format!("case unclear ({})", cases::names(set)));
        }
    }
    Ok(cases::each(set).next().unwrap_or(inflect::Case::Nom))
}

/// What to write for one span of name words, or why it is left alone.
fn decide(ctx: &Ctx, mi: usize, toks: &[(&Token, usize)]) -> Result<Vec<Edit>, String> {
    let (r, text) = (ctx.r, ctx.text);
    // The surest reading of a word decides its cases: a form of the other
    // language's name before a transliteration that happens to decline alike.
    let hits = |t: &Token, w: usize| {
        let mine: Vec<Hit> = t.hits.iter().filter(|h| h.mention == mi && h.word == w).copied().collect();
        let best = mine.iter().map(|h| h.origin).min();
        mine.into_iter().filter(|h| Some(h.origin) == best).collect::<Vec<Hit>>()
    };
    let per: Vec<(Vec<Hit>, bool)> = toks
        .iter()
        .map(|(t, w)| {
            let hs = hits(t, *w);
            let right = hs.iter().any(|h| h.origin.right());
            (hs, right)
        })
        .collect();
    let before = &text[..toks[0].0.range.start];
    let targets = &r.targets[mi];
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    if per.iter().all(|(_, right)| *right) {
        return wrong_case(ctx, mi, toks, &per);
    }
    let mut set: Cases = per.iter().map(|(hs, _)| hs.iter().fold(0, |a, h| a | h.cases)).fold(cases::ALL, |a, b| a & b);
    if toks.last().is_some_and(|(t, _)| t.possessive) {
        set &= cases::bit(inflect::Case::Gen);
    }
    if set == 0 {
        return Err("the words of the name disagree in case".into());
    }
    // Undeclined Latin, transliterated or near forms say nothing of the case.
    let latin = per.iter().any(|(hs, _)| {
        hs.iter().any(|h| h.origin == Origin::Latin || h.origin >= Origin::Transliteration && h.cases == cases::ALL)
    });
    let unique = |set: Cases| {
        toks.iter().all(|(_, w)| cases::each(set).map(|c| &targets[*w][c as usize]).collect::<HashSet<_>>().len() == 1)
    };
    let after = &text[toks[toks.len() - 1].0.range.end..];
    let case = narrow(ctx, mi, before, after, set, &unique, latin)?;
    let mut out = Vec::new();
    for ((t, w), (hs, right)) in toks.iter().zip(&per) {
        if *right {
            continue;
        }
        let why = hs.iter().map(|h| h.origin).min().unwrap_or(Origin::NearMiss);
        let mut new = targets[*w][case as usize].clone();
        let old = &text[t.range.clone()];
        if old.chars().count() > 1 && old.chars().all(|c| !c.is_lowercase()) {
            new = new.to_uppercase();
        }
        if new != old {
            out.push((t.range.clone(), new, why));
        }
    }
    Ok(out)
}

/// A span of right forms after a preposition none of their cases fits
/// ("с Тихановская"): the preposition's case, when it has one form.
fn wrong_case(ctx: &Ctx, mi: usize, toks: &[(&Token, usize)], per: &[(Vec<Hit>, bool)]) -> Result<Vec<Edit>, String> {
    let (r, text, lang, hint) = (ctx.r, ctx.text, ctx.lang, ctx.hint);
    let before = &text[..toks[0].0.range.start];
    let right: Cases = per
        .iter()
        .map(|(hs, _)| hs.iter().filter(|h| h.origin.right()).fold(0, |a, h| a | h.cases))
        .fold(cases::ALL, |a, b| a & b);
    // No preposition: a name listed after another takes its case when its own
    // form cannot have it ("у Гродне, Брэсце і Гомель").
    let Some(mut p) =
        context::preposition_before(before, lang).or_else(|| listed_case(ctx, mi, before).filter(|l| l & right == 0))
    else {
        return Ok(Vec::new());
    };
    if right & p != 0 || p & NOM != 0 {
        return Ok(Vec::new());
    }
    let targets = &r.targets[mi];
    let unique = |set: Cases| {
        toks.iter().all(|(_, w)| cases::each(set).map(|c| &targets[*w][c as usize]).collect::<HashSet<_>>().len() == 1)
    };
    if let Some(h) = hint.filter(|h| !unique(p) && p & h != 0) {
        p &= h;
    }
    let mut out = Vec::new();
    for (t, w) in toks {
        let forms: HashSet<&String> = cases::each(p).map(|c| &targets[*w][c as usize]).collect();
        if forms.len() != 1 {
            return Err(format!(
                "a name form that does not fit the preposition before it; case unclear ({})",
                cases::names(p)
            ));
        }
        let new = (*forms.iter().next().expect("one form")).clone();
        if new != text[t.range.clone()] {
            out.push((t.range.clone(), new, Origin::Case));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
