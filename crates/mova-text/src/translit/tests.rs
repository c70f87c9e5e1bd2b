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
    assert_eq!(
        fwd(Lang::Ru, "bgn-pcgn", "Елизово Чапаевск Мейеровка Белкино Воробьёво Озёрный"),
        "Yelizovo Chapayevsk Meyyerovka Belkino Vorob’yëvo Ozërnyy"
    );
    assert_eq!(
        fwd(Lang::Ru, "bgn-pcgn", "Тыайа Суык-Су Улан-Удэ Вяртсиля Ташчишма Руэм"),
        "Ty·ay·a Su·yk-Su Ulan-Ud·e Vyart·silya Tash·chishma Ruem"
    );
}

#[test]
fn every_scheme_of_the_issue_exists() {
    let r = reg();
    let ru = "iso9 gost-b bgn-pcgn alalc icao scholarly wikipedia ungegn-1987 gost-16876 mosmetro press";
    let be = "national-2007 national-2000 national-2023 bgn-pcgn alalc iso9 gost-b icao lacinka press";
    for (lang, ids) in [(Lang::Ru, ru), (Lang::Be, be)] {
        for id in ids.split(' ') {
            assert!(r.get(lang, id).is_ok(), "{lang} {id}");
        }
    }
}

#[test]
fn press_spellings() {
    assert_eq!(
        fwd(Lang::Ru, "press", "Светлана Тихановская, Лукашенко, Алексей Навальный, Сергей Шойгу, Юлия, Мария, Дмитрий Песков, Николай, Илья Ильин, Евгений Пригожин"),
        "Svetlana Tikhanovskaya, Lukashenko, Aleksei Navalny, Sergei Shoigu, Yulia, Maria, Dmitry Peskov, Nikolai, Ilya Ilyin, Yevgeny Prigozhin"
    );
    assert_eq!(
        fwd(Lang::Be, "press", "Святлана Ціханоўская, Аляксандр Лукашэнка, Віктар Бабарыка, Сяргей, Алесь Бяляцкі, Юрый Караеў, Дар'я, Сцяпан Пуціла, Мікалай, Валерый Цапкала, Зянон Пазняк"),
        "Sviatlana Tsikhanouskaya, Aliaksandr Lukashenka, Viktar Babaryka, Siarhei, Ales Bialiatski, Yury Karayeu, Darya, Stsiapan Putsila, Mikalai, Valery Tsapkala, Zianon Pazniak"
    );
    assert_eq!(fwd(Lang::Be, "press", "ЦІХАНОЎСКАЯ Магілёў"), "TSIKHANOUSKAYA Mahilyou");
    assert_eq!(fwd(Lang::Be, "bgn-pcgn", "Магілёў Барысаў"), "Mahilyow Barysaw");
}

#[test]
fn context_rules_of_each_scheme() {
    // GOST B: ц is c before the Latin letters i e y j, cz elsewhere.
    assert_eq!(fwd(Lang::Ru, "gost-b", "Цюрих Цех Цирк ЦАРЬ Щука объект"), "Cyurix Cex Cirk CZAR` Shhuka ob``ekt");
    assert_eq!(fwd(Lang::Be, "gost-b", "цудоўная крыніцы вераб'я"), "czudou`naya kry`nicy` verab'ya");
    // Moscow Metro: тц, ь before a vowel, -ий.
    assert_eq!(
        fwd(Lang::Ru, "mosmetro", "Битцевский, Воробьёвы горы, Марьина Роща, Площадь Ильича"),
        "Bitsevsky, Vorobyovy gory, Maryina Roscha, Ploschad Ilyicha"
    );
    assert_eq!(fwd(Lang::Ru, "ungegn-1987", "Щучье Язъяван"), "Ščučʹe Jazʺjavan");
    assert_eq!(fwd(Lang::Ru, "gost-16876", "Щучье Язъяван"), "Ŝučʹe Âzʺâvan");
    assert_eq!(
        fwd(Lang::Be, "national-2000", "Гомель Магілёў Ельск Раз'езд 'цытата'"),
        "Homiel' Mahilioú Jel'sk Razjezd 'cytata'"
    );
    assert_eq!(
        fwd(Lang::Be, "national-2023", "Вераб'ёвічы Улукаўе Шчучыншчына Жажэлка"),
        "Vierabjovichy Ulukawje Shchuchynshchyna Zhazhelka"
    );
    // Łacinka: ł / l, ль, soft consonants, ji after a vowel or apostrophe.
    assert_eq!(
        fwd(Lang::Be, "lacinka", "Жыве Беларусь. Лось прыплыў, пляская. Руль. Мар'інай, Украіна, 'з'явіўся', зьявіўся"),
        "Žyvie Biełaruś. Łoś prypłyŭ, plaskaja. Rul. Marjinaj, Ukrajina, 'zjaviŭsia', źjaviŭsia"
    );
}

#[test]
fn gost_b_round_trips() {
    let r = reg();
    for (lang, text) in [(Lang::Ru, "Цюрих, ЦАРЬ, щука, объект, Эхо"), (Lang::Be, "Цудоўная крыніца, вераб'я, ЦЁМНЫ")]
    {
        let (_, c) = r.get(lang, "gost-b").unwrap();
        assert_eq!(c.reverse(&c.forward(text).text).as_deref(), Some(text));
    }
}

#[test]
fn press_spellings_go_back_to_each_language() {
    let r = reg();
    let best = |lang, text: &str| {
        r.reverser(lang).candidates(text, 1, None).first().map(|c| c.text.clone()).unwrap_or_default()
    };
    assert_eq!(best(Lang::Be, "Tsikhanouskaya"), "Ціханоўская");
    assert_eq!(best(Lang::Ru, "Tikhanovskaya"), "Тихановская");
    assert_eq!(best(Lang::Be, "Lukashenka"), "Лукашэнка");
    assert_eq!(best(Lang::Ru, "Lukashenko"), "Лукашенко");
    assert_eq!(best(Lang::Be, "Ales Bialiatski"), "Алесь Бяляцкі");
    assert_eq!(best(Lang::Ru, "Yevgeny Prigozhin"), "Евгений Пригожин");
    assert_eq!(best(Lang::Be, "Mahilyow"), "Магілёў");
    // Every candidate romanizes back to the input by the schemes it names.
    let rev = r.reverser(Lang::Be);
    for c in rev.candidates("Sviatlana Tsikhanouskaya", 5, None) {
        let Some((_, s)) = r.get(Lang::Be, &c.schemes[0]).ok() else {
            assert!(c.schemes[0].contains('+'), "{c:?}");
            continue;
        };
        assert_eq!(s.forward(&c.text).text, "Sviatlana Tsikhanouskaya", "{c:?}");
    }
    assert!(rev.candidates("qqq", 3, None).is_empty());
    assert!(rev.candidates("Tsikhanouskaya", 3, Some("press")).iter().all(|c| c.schemes == ["press"]));
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
    for s in ["Съешь же ещё этих мягких французских булок", "ВЕСЬ ОБЪЕКТ", "Щёлково, Юрьев-Польский"]
    {
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
