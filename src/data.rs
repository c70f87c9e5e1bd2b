//! Reading mova's rule files under `models/`: `[section]` headers, words separated
//! by spaces or lines, `#` comments.

use std::collections::HashMap;

/// The words of each section of `text` (words before any header go under "").
pub fn sections(text: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut current = "";
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => current = name,
            None => out.entry(current).or_default().extend(line.split_whitespace()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn sections_and_comments() {
        let s = super::sections("# head\nfree\n[a]\nx y # note\n\n[b]\nz\n[a]\nw\n");
        assert_eq!(s[""], vec!["free"]);
        assert_eq!(s["a"], vec!["x", "y", "w"]);
        assert_eq!(s["b"], vec!["z"]);
    }
}
