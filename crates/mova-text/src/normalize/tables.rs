//! The data of the normalisation rules, read once from `models/normalize/`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    // Comments are "# ..." lines; "#128" rows are data.
    data.lines().filter(|l| !l.trim().is_empty() && !l.starts_with("# ") && *l != "#").map(|l| l.split('\t').collect())
}

fn code_points(s: &str) -> Option<String> {
    s.split_whitespace()
        .map(|cp| u32::from_str_radix(cp.strip_prefix("U+")?, 16).ok().and_then(char::from_u32))
        .collect()
}

/// Named character references (`amp` → `&`).
pub static ENTITIES: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    rows(include_str!("../../../../models/normalize/entities.tsv"))
        .filter(|r| r.len() == 2 && !r[0].starts_with('#'))
        .filter_map(|r| Some((r[0], code_points(r[1])?)))
        .collect()
});

/// Numeric references 128–159, which HTML reads as Windows-1252.
pub static CP1252: LazyLock<HashMap<u32, char>> = LazyLock::new(|| {
    rows(include_str!("../../../../models/normalize/entities.tsv"))
        .filter(|r| r.len() == 2)
        .filter_map(|r| Some((r[0].strip_prefix('#')?.parse().ok()?, code_points(r[1])?.chars().next()?)))
        .collect()
});

/// Look-alike letters: (Cyrillic → Latin, Latin → Cyrillic).
pub static CONFUSABLES: LazyLock<(HashMap<char, char>, HashMap<char, char>)> = LazyLock::new(|| {
    let mut to_latin = HashMap::new();
    let mut to_cyrillic = HashMap::new();
    for r in rows(include_str!("../../../../models/normalize/confusables.tsv")) {
        let (Some(lat), Some(cyr)) = (r[0].chars().next(), r.get(1).and_then(|c| c.chars().next())) else { continue };
        let dir = r.get(2).copied().unwrap_or("both");
        if dir != "to-cyrillic" {
            to_latin.insert(cyr, lat);
        }
        if dir != "to-latin" {
            to_cyrillic.insert(lat, cyr);
        }
    }
    (to_latin, to_cyrillic)
});

/// Word beginnings that keep a hyphen at a line break.
pub static HYPHEN_KEEP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../../../models/normalize/hyphen_keep.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});
