//! The name post-edit on real human text and on realistic model errors.
//!
//! - FLORES-200 dev: the Russian and Belarusian human references taken as
//!   translations of the English must come out unchanged but for the few
//!   listed edits (each one right, see the README's "Names you can trust").
//! - The example articles' human translations (`tests/data/names/articles/`)
//!   must come out unchanged.
//! - The error set (`tests/data/names/errors.tsv`): those sentences with one
//!   model-style name error injected; the share that comes back to the human
//!   text is reported per kind and may not fall, and no correct sentence may
//!   change.
//! - A property: whatever the translation, lower-case words and the text
//!   between words come out as they were, and fixing twice changes nothing
//!   more.

use std::collections::BTreeMap;
use std::path::Path;

use mova_text::names::{Fixer, Gazetteer, Namer};
use mova_text::postedit;
use mova_text::Lang;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join(path)).unwrap()
}

fn fixer_for(texts: &[&str]) -> Fixer {
    Namer::new(Gazetteer::builtin()).unwrap().fixer(texts)
}

/// The FLORES lines (1-based) the post-edit changes, with the change.
fn flores_edits(lang: Lang) -> Vec<(usize, String, String)> {
    let en = read("tests/data/flores/flores-dev.en");
    let tr = read(&format!("tests/data/flores/flores-dev.{}", lang.code()));
    let en: Vec<&str> = en.lines().collect();
    let fixer = fixer_for(&en);
    let mut out = Vec::new();
    for (i, (s, t)) in en.iter().zip(tr.lines()).enumerate() {
        for c in fixer.fix_all(s, t, lang).changes {
            out.push((i + 1, c.model, c.mova));
        }
    }
    out
}

fn show(edits: &[(usize, String, String)]) -> Vec<String> {
    edits.iter().map(|(l, a, b)| format!("{l}: {a} → {b}")).collect()
}

#[test]
fn flores_russian_references_come_out_unchanged() {
    let edits = flores_edits(Lang::Ru);
    assert!(edits.len() <= 3, "{:#?}", show(&edits));
    assert_eq!(show(&edits), Vec::<String>::new());
}

#[test]
fn flores_belarusian_references_come_out_unchanged() {
    let edits = flores_edits(Lang::Be);
    assert!(edits.len() <= 3, "{:#?}", show(&edits));
    // The one edit is right: the reference writes the Russian США for "the
    // U.S." where Belarusian has ЗША.
    assert_eq!(show(&edits), ["996: США → ЗША"]);
}

#[test]
fn article_translations_come_out_unchanged() {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("examples/articles");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&path).unwrap();
        let fixer = fixer_for(&[&src]);
        for lang in Lang::ALL {
            let tr = read(&format!("tests/data/names/articles/{stem}.{}.txt", lang.code()));
            let f = postedit::fix_text(&fixer, &src, &tr, lang).unwrap();
            let changes: Vec<String> = f
                .changes
                .iter()
                .map(|(p, c)| format!("{stem}.{}:{}: {} → {}", lang.code(), p.paragraph, c.model, c.mova))
                .collect();
            assert_eq!(changes, Vec::<String>::new());
            assert_eq!(f.text, tr);
            n += 1;
        }
    }
    assert_eq!(n, 6);
}

/// One row of the error set.
struct Row {
    id: String,
    lang: Lang,
    kind: String,
    source: String,
    translation: String,
    expected: String,
}

fn error_set() -> Vec<Row> {
    read("tests/data/names/errors.tsv")
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row {
                id: f[0].into(),
                lang: f[1].parse().unwrap(),
                kind: f[2].into(),
                source: f[4].into(),
                translation: f[5].into(),
                expected: f[6].into(),
            }
        })
        .collect()
}

#[test]
fn injected_errors_are_fixed_and_correct_sentences_kept() {
    let rows = error_set();
    let sources: Vec<&str> = rows.iter().map(|r| r.source.as_str()).collect();
    let fixer = fixer_for(&sources);
    // kind → (fixed, total)
    let mut by_kind: BTreeMap<(String, &str), (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut harmed = Vec::new();
    for r in &rows {
        let all = fixer.fix_all(&r.source, &r.translation, r.lang);
        let got = all.text;
        let slot = by_kind.entry((r.kind.clone(), r.lang.code())).or_default();
        slot.1 += 1;
        if got == r.expected {
            slot.0 += 1;
        } else {
            let why: Vec<String> =
                all.suspects.iter().map(|s| format!("{} {:?}: {}", s.entity, s.word, s.why)).collect();
            misses.push(format!(
                "{} [{}] {}\n    got:  {got}\n    want: {}\n    left: {}",
                r.id,
                r.kind,
                r.translation,
                r.expected,
                why.join("; ")
            ));
        }
        let kept = fixer.fix_all(&r.source, &r.expected, r.lang).text;
        if kept != r.expected {
            harmed.push(format!("{}: {}\n    became: {kept}", r.id, r.expected));
        }
    }
    let (fixed, total) = by_kind.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    for ((kind, lang), (f, t)) in &by_kind {
        println!("{kind:16} {lang}: {f}/{t}");
    }
    println!("all: {fixed}/{total} = {:.1}%", 100.0 * fixed as f64 / total as f64);
    let listing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("names_fix_misses.txt");
    std::fs::write(&listing, misses.join("\n")).unwrap();
    println!("misses: {}", listing.display());
    assert!(harmed.is_empty(), "correct sentences changed:\n{}", harmed.join("\n"));
    // Issue 14 asks for 95% (423 of 444, 95.3%, on 2026-12-02). The misses
    // are listed in the file printed above: cases no word of the sentence
    // tells, and misspellings beyond a confusable letter.
    assert!(fixed * 100 >= total * 95, "{fixed}/{total} fixed; misses:\n{}", misses.join("\n"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const SOURCE: &str = "Lukashenko met Tsikhanouskaya and Kolesnikova in Minsk and Vilnius.";

    fn word() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "Лукашенко",
            "Лукашэнка",
            "Lukashenko",
            "Тихановской",
            "Ціханоўскай",
            "Цихануская",
            "Калесьнікава",
            "Колесниковой",
            "Минске",
            "Мінску",
            "Вильнюс",
            "Вільні",
            "с",
            "у",
            "в",
            "з",
            "сустрэўся",
            "встретился",
            "мінскім",
            "минский",
            "и",
            "і",
            ",",
            ".",
            "«",
            "»",
            "—",
            "Президент",
            "прэзідэнта",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        /// Whatever the translation: lower-case words and everything between
        /// words come out as they were, and fixing twice changes nothing more.
        #[test]
        fn only_capitalised_words_change_and_fixing_is_idempotent(words in prop::collection::vec(word(), 1..14), lang in prop::sample::select(vec![Lang::Ru, Lang::Be])) {
            let fixer = Fixer::new(mova_text::names::Detector::new(Gazetteer::builtin()));
            let text = words.join(" ");
            let once = fixer.fix_all(SOURCE, &text, lang);
            let lower = |t: &str| t.split(' ').map(|w| if w.starts_with(char::is_uppercase) { "_".to_string() } else { w.to_string() }).collect::<Vec<_>>();
            prop_assert_eq!(once.text.split(' ').count(), text.split(' ').count());
            prop_assert_eq!(lower(&once.text), lower(&text));
            let twice = fixer.fix_all(SOURCE, &once.text, lang);
            prop_assert_eq!(&twice.text, &once.text);
        }
    }
}
