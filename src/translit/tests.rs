use super::*;

fn reg() -> Registry {
    Registry::builtin().unwrap()
}

fn fwd(lang: Lang, id: &str, s: &str) -> String {
    let r = reg();
    r.get(lang, id).unwrap().1.forward(s).text
}

#[test]
fn every_builtin_scheme_loads() {
    let r = reg();
    assert!(r.schemes().count() >= 3);
}

#[test]
fn capitals_follow_the_source() {
    assert_eq!(fwd(Lang::Ru, "bgn-pcgn", "Щука ЩУКА щука Щ"), "Shchuka SHCHUKA shchuka Shch");
    assert_eq!(fwd(Lang::Ru, "bgn-pcgn", "ЦИК России, ЁЖ, Ёж, ЕЛЬЦИН"), "TSIK Rossii, YËZH, Yëzh, YEL’TSIN");
    assert_eq!(fwd(Lang::Ru, "iso9", "ОБЪЕКТ Объект"), "OBʺEKT Obʺekt");
}

#[test]
fn context_rules() {
    assert_eq!(fwd(Lang::Ru, "bgn-pcgn", "Елизово Чапаевск Мейеровка Белкино Воробьёво Озёрный"), "Yelizovo Chapayevsk Meyyerovka Belkino Vorob’yëvo Ozërnyy");
    assert_eq!(fwd(Lang::Ru, "bgn-pcgn", "Тыайа Суык-Су Улан-Удэ Вяртсиля Ташчишма Руэм"), "Ty·ay·a Su·yk-Su Ulan-Ud·e Vyart·silya Tash·chishma Ruem");
}

#[test]
fn other_text_passes_and_unknown_letters_are_reported() {
    let r = reg();
    let (_, c) = r.get(Lang::Ru, "bgn-pcgn").unwrap();
    let t = c.forward("Київ 2022, Kyiv!");
    assert_eq!(t.text, "Kiїv 2022, Kyiv!");
    assert_eq!(t.unknown, vec![(2, 'ї')]);
}

#[test]
fn iso9_round_trips() {
    let r = reg();
    let (_, c) = r.get(Lang::Ru, "iso9").unwrap();
    for s in ["Съешь же ещё этих мягких французских булок", "ВЕСЬ ОБЪЕКТ", "Щёлково, Юрьев-Польский"] {
        let latin = c.forward(s).text;
        assert_eq!(c.reverse(&latin).unwrap(), s, "{latin}");
    }
    assert!(r.get(Lang::Ru, "bgn-pcgn").unwrap().1.reverse("x").is_none());
}

#[test]
fn bad_scheme_files_are_reported_with_the_line() {
    let p = std::path::Path::new("x.scheme");
    let head = "id = x\nlang = ru\nname = X\nauthority = A\nyear = 1\nreversible = no\n";
    let e = scheme::parse(p, &format!("{head}[letters]\nа a\n[context]\nе ye sometimes\n")).unwrap_err();
    assert_eq!(e.to_string(), "x.scheme: line 10: unknown condition `sometimes`; use initial, final, after=, before=, not-after=, not-before=");
    let e = scheme::parse(p, &format!("{head}[letters]\nА a\n")).unwrap_err();
    assert!(e.to_string().contains("line 8: write the source `А` in lower case"), "{e}");
    let e = scheme::parse(p, "lang = ru\n[letters]\nа a\n").unwrap_err();
    assert!(e.to_string().contains("missing `reversible = …`"), "{e}");
    let e = scheme::parse(p, &format!("{head}[letters]\nа a\n[context]\nе ye after=$nope\n")).unwrap_err();
    assert!(e.to_string().contains("unknown set `$nope`"), "{e}");
}
