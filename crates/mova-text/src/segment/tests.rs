use super::*;

fn split(t: &str) -> Vec<&str> {
    sentences(t).into_iter().map(|r| &t[r]).collect()
}

#[test]
fn splits_sentences() {
    assert_eq!(split("One two. Three four! Five? Six"), vec!["One two.", "Three four!", "Five?", "Six"]);
    assert_eq!(split("  Lead space.  Two spaces.  "), vec!["Lead space.", "Two spaces."]);
    assert_eq!(split("It rose 5%. 2021 was worse."), vec!["It rose 5%.", "2021 was worse."]);
}

#[test]
fn quotations() {
    assert_eq!(split("He said: \"Go.\" Then left."), vec!["He said: \"Go.\"", "Then left."]);
    assert_eq!(
        split("\"We won. They lost,\" he said. \"Now we rest.\""),
        vec!["\"We won.", "They lost,\" he said.", "\"Now we rest.\""]
    );
    assert_eq!(
        split("\"Why?\" he asked. \"Because!\" she said."),
        vec!["\"Why?\" he asked.", "\"Because!\" she said."]
    );
    assert_eq!(split("(See the map.) Then go."), vec!["(See the map.)", "Then go."]);
}

#[test]
fn titles_abbreviations_and_initials() {
    assert_eq!(
        split("Mr. Lukashenko met U.S. officials on Aug. 9. They spoke."),
        vec!["Mr. Lukashenko met U.S. officials on Aug. 9.", "They spoke."]
    );
    assert_eq!(
        split("John F. Kennedy and George W. Bush met J.K. Rowling."),
        vec!["John F. Kennedy and George W. Bush met J.K. Rowling."]
    );
    assert_eq!(
        split("Sanctions came from the U.S. The EU followed."),
        vec!["Sanctions came from the U.S.", "The EU followed."]
    );
    assert_eq!(
        split("Gen. Smith and Sen. Jones spoke at 9 a.m. Tuesday."),
        vec!["Gen. Smith and Sen. Jones spoke at 9 a.m. Tuesday."]
    );
    assert_eq!(
        split("It starts at 9 a.m. The doors open later."),
        vec!["It starts at 9 a.m.", "The doors open later."]
    );
    assert_eq!(
        split("Resolution No. 5 passed, i.e. the rule. Apples, pears, etc. The end."),
        vec!["Resolution No. 5 passed, i.e. the rule.", "Apples, pears, etc.", "The end."]
    );
    assert_eq!(
        split("It is pejorative to many non-U.S. Arctic peoples."),
        vec!["It is pejorative to many non-U.S. Arctic peoples."]
    );
    assert_eq!(
        split("He earned a Ph.D. in 1990 from St. Petersburg University."),
        vec!["He earned a Ph.D. in 1990 from St. Petersburg University."]
    );
}

#[test]
fn nothing_splits_inside_words() {
    assert_eq!(
        split("It cost $1.5 billion at 9:30, see example.com/a.b or mail a.b@c.org now."),
        vec!["It cost $1.5 billion at 9:30, see example.com/a.b or mail a.b@c.org now."]
    );
    assert_eq!(split("Visit www.gov.by. It works."), vec!["Visit www.gov.by.", "It works."]);
}

#[test]
fn ellipses() {
    assert_eq!(
        split("He paused... and went on. Then... Silence."),
        vec!["He paused... and went on.", "Then...", "Silence."]
    );
    assert_eq!(split("Wait … more text here."), vec!["Wait … more text here."]);
}

#[test]
fn datelines_and_credits() {
    assert_eq!(
        split("MINSK, Belarus (AP) — Police detained 30 people. Many were students."),
        vec!["MINSK, Belarus (AP) —", "Police detained 30 people.", "Many were students."]
    );
    assert_eq!(split("WASHINGTON — The talks ended."), vec!["WASHINGTON —", "The talks ended."]);
    assert_eq!(split("US — Belarus talks resume."), vec!["US — Belarus talks resume."]);
    assert_eq!(
        split("Protesters march in Minsk. (Dmitri Lovetsky/The Associated Press)"),
        vec!["Protesters march in Minsk. (Dmitri Lovetsky/The Associated Press)"]
    );
    assert_eq!(split("Hours are flexible. (Bremer, 1998)"), vec!["Hours are flexible. (Bremer, 1998)"]);
    assert_eq!(split("A rally in Grodno. Photo: Reuters"), vec!["A rally in Grodno. Photo: Reuters"]);
    assert_eq!(
        split("A rally. (Photo by AP) More text follows here."),
        vec!["A rally.", "(Photo by AP) More text follows here."]
    );
}

#[test]
fn list_numbers() {
    assert_eq!(split("1. Free all prisoners."), vec!["1. Free all prisoners."]);
}

#[test]
fn empty_and_blank() {
    assert!(sentences("").is_empty());
    assert!(sentences("   \n ").is_empty());
    assert_eq!(split("No end"), vec!["No end"]);
}
