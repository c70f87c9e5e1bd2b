use super::*;

fn norm(s: &str) -> String {
    normalize(s, Rules::default()).text
}

fn rules(changes: &Normalized) -> Vec<Rule> {
    changes.changes.iter().map(|c| c.rule).collect()
}

#[test]
fn plain_ascii_passes_through() {
    let n = normalize("Minsk, Aug. 9 (AP) - no change here.\n", Rules::default());
    assert_eq!(n.text, "Minsk, Aug. 9 (AP) — no change here.\n");
    let n = normalize("Plain text.\r\nSecond line.", Rules::default());
    assert!(n.changes.is_empty());
}

#[test]
fn invisible_and_spaces() {
    assert_eq!(norm("Lu\u{AD}ka\u{200B}shenko\u{FEFF} said\u{200F}"), "Lukashenko said");
    assert_eq!(norm("10\u{A0}km\tand\u{2009}5\u{202F}m"), "10 km and 5 m");
    assert_eq!(norm("a\u{7}b\u{1B}c"), "abc");
    assert_eq!(norm("one\u{2028}two"), "one\ntwo");
}

#[test]
fn entities() {
    assert_eq!(norm("AT&amp;T &nbsp;said &#8220;no&#8221; &#x2014; it&#146;s"), "AT&T  said \"no\" — it's");
    assert_eq!(norm("Tom &amp Jerry &bogus; & &#0; &#xD800;"), "Tom &amp Jerry &bogus; & &#0; &#xD800;");
    assert_eq!(norm("caf&eacute;"), "café");
}

#[test]
fn hyphenation() {
    assert_eq!(norm("the govern-\nment said"), "the government said");
    assert_eq!(norm("a self-\nimposed ban"), "a self-imposed ban");
    assert_eq!(norm("anti-\nLukashenko and COVID-\r\n19"), "anti-Lukashenko and COVID-19");
    assert_eq!(norm("long-term plans, a long-\nterm view"), "long-term plans, a long-term view");
    assert_eq!(norm("pro-\ntest, protest"), "protest, protest");
    assert_eq!(norm("gov\u{AD}\nernment"), "government");
    assert_eq!(norm("ends with -\nnext"), "ends with -\nnext");
}

#[test]
fn dashes_and_quotes() {
    assert_eq!(
        norm("Minsk - the capital -- and 2019–2020 \u{2013} twice"),
        "Minsk — the capital — and 2019–2020 — twice"
    );
    assert_eq!(norm("- list item\n  - nested"), "- list item\n  - nested");
    assert_eq!(norm("“Go,” he said. ‘Fine’ don’t «x»"), "\"Go,\" he said. 'Fine' don't \"x\"");
    assert_eq!(norm("COVID\u{2011}19 \u{2212}5"), "COVID-19 -5");
    assert_eq!(norm("--model and ---"), "--model and ---");
    // A dash sees its neighbours as the output has them (found by the
    // idempotence property: "a \u{AD}\n– " became "a – ", then "a — ").
    assert_eq!(norm("a \u{AD}\n\u{2013} "), "a \n\u{2013} ");
    assert_eq!(norm("a \u{200B}\u{2013}\u{200B} b"), "a — b");
    assert_eq!(norm("a \u{2010} b, x\u{2010}y"), "a — b, x-y");
}

#[test]
fn mixed_script() {
    // Latin M in a Cyrillic word; Cyrillic к and о in Latin words.
    assert_eq!(norm("Mінск"), "Мінск");
    assert_eq!(norm("Lukashenкo"), "Lukashenko");
    assert_eq!(norm("Tsikhanouskаya and Ціханоўская"), "Tsikhanouskaya and Ціханоўская");
    // Ties and letters without a look-alike stay.
    assert_eq!(norm("Mі Lukashenжo"), "Mі Lukashenжo");
}

#[test]
fn nfc_and_nfkc() {
    assert_eq!(norm("Cafe\u{301} Zu\u{308}rich"), "Café Zürich");
    assert_eq!(norm("Ў\u{306}"), "Ў\u{306}".chars().collect::<String>().nfc_string());
    let k = Rules::default().with(Rule::Nfkc, true);
    assert_eq!(normalize("ﬁve ２０２０", k).text, "five 2020");
    assert_eq!(norm("ﬁve"), "ﬁve");
}

trait NfcString {
    fn nfc_string(&self) -> String;
}
impl NfcString for String {
    fn nfc_string(&self) -> String {
        unicode_normalization::UnicodeNormalization::nfc(self.as_str()).collect()
    }
}

#[test]
fn rules_switch_off() {
    let off = Rules::default().with(Rule::Quotes, false).with(Rule::Spaces, false);
    assert_eq!(normalize("“a”\u{A0}b", off).text, "“a”\u{A0}b");
    assert_eq!(normalize("x\u{AD}y &amp;", Rules::NONE).text, "x\u{AD}y &amp;");
}

#[test]
fn changes_name_rules_and_map_back() {
    let src = "A\u{A0}“b”&amp;c-\nd";
    let n = normalize(src, Rules::default());
    assert_eq!(n.text, "A \"b\"&cd");
    assert_eq!(rules(&n), vec![Rule::Spaces, Rule::Quotes, Rule::Quotes, Rule::Entities, Rule::Hyphenation]);
    for c in n.changes.iter().filter(|c| !c.normalized.is_empty()) {
        assert_eq!(n.original_range(c.normalized.clone()), c.original, "{c:?}");
    }
    // "b" maps to "b"; the whole text maps to the whole source.
    let b = n.text.find('b').unwrap();
    assert_eq!(&src[n.original_range(b..b + 1)], "b");
    assert_eq!(n.original_range(0..n.text.len()), 0..src.len());
}

#[test]
fn removed_text_stays_outside_ranges() {
    let src = "One.\u{200B} Two.";
    let n = normalize(src, Rules::default());
    assert_eq!(n.text, "One. Two.");
    assert_eq!(&src[n.original_range(5..9)], "Two.");
    assert_eq!(&src[n.original_range(0..4)], "One.");
}
