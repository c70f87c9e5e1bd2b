//! The segmentation rules of `models/segment/rules.txt`, read once.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The word lists of the rules file, by section.
pub struct Rules {
    pub never_end: HashSet<&'static str>,
    pub before_number: HashSet<&'static str>,
    pub may_end: HashSet<&'static str>,
    pub starters: HashSet<&'static str>,
    pub credits: HashSet<&'static str>,
}

pub static RULES: LazyLock<Rules> = LazyLock::new(|| parse(include_str!("../../models/segment/rules.txt")));

fn parse(data: &'static str) -> Rules {
    let mut sections = crate::data::sections(data);
    let mut take = |name: &str| -> HashSet<&'static str> { sections.remove(name).unwrap_or_default().into_iter().collect() };
    Rules {
        never_end: take("never-end"),
        before_number: take("before-number"),
        may_end: take("may-end"),
        starters: take("starters"),
        credits: take("credits"),
    }
}
