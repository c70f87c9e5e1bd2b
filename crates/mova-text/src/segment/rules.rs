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

pub static RULES: LazyLock<Rules> =
    LazyLock::new(|| parse(include_str!("../../../../models/segment/rules.txt")).unwrap_or_else(|e| panic!("{e}")));

fn parse(data: &'static str) -> crate::Result<Rules> {
    let mut file = crate::data::RuleFile::new("models/segment/rules.txt", data);
    let rules = Rules {
        never_end: file.take("never-end").into_iter().collect(),
        before_number: file.take("before-number").into_iter().collect(),
        may_end: file.take("may-end").into_iter().collect(),
        starters: file.take("starters").into_iter().collect(),
        credits: file.take("credits").into_iter().collect(),
    };
    file.finish()?;
    Ok(rules)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_rules_file_reads_whole() {
        let r = super::parse(include_str!("../../../../models/segment/rules.txt")).unwrap();
        assert!(r.never_end.contains("mr") && r.credits.len() > 2);
    }
}
