//! The name list: `models/names/gazetteer.tsv`, built in, and users' own files
//! in the same format (`--names-file`), whose entries override built-in ones
//! with the same id or the same English spelling.
//!
//! Format: `#` comment lines, then a header line and tab-separated rows:
//! `id kind gender english ru be be_tarask source`; `english` holds every
//! spelling separated by `|`; `ru` and `be` hold the form mova writes, then
//! other accepted forms (never replaced), `|` between; kind is person, place or org; gender m, f or
//! empty.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Entity, Gender, Kind};
use crate::error::{Error, Result};

const BUILTIN: &str = include_str!("../../../../models/names/gazetteer.tsv");
const COLUMNS: [&str; 8] = ["id", "kind", "gender", "english", "ru", "be", "be_tarask", "source"];

/// Every known entity.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
}

impl Gazetteer {
    /// The list shipped with mova.
    pub fn builtin() -> Gazetteer {
        parse(Path::new("models/names/gazetteer.tsv"), BUILTIN).expect("the built-in gazetteer is checked by the tests")
    }

    /// Reads a user's list.
    pub fn load(path: &Path) -> Result<Gazetteer> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        parse(path, &text)
    }

    /// The built-in list with the user's files on top, later files over earlier.
    pub fn builtin_with<P: AsRef<Path>>(files: &[P]) -> Result<Gazetteer> {
        files.iter().try_fold(Gazetteer::builtin(), |g, f| Ok(g.with(Gazetteer::load(f.as_ref())?)))
    }

    /// This list with `theirs` on top: an entry of theirs replaces one of ours
    /// with the same id or any same English spelling.
    pub fn with(mut self, theirs: Gazetteer) -> Gazetteer {
        let ids: HashSet<&str> = theirs.entities.iter().map(|e| e.id.as_str()).collect();
        let spellings: HashSet<String> =
            theirs.entities.iter().flat_map(|e| e.english.iter().map(|s| s.to_lowercase())).collect();
        self.entities.retain(|e| {
            !ids.contains(e.id.as_str()) && !e.english.iter().any(|s| spellings.contains(&s.to_lowercase()))
        });
        self.entities.extend(theirs.entities);
        self
    }
}

/// Parses a gazetteer file; errors name the line and what to fix.
pub fn parse(path: &Path, text: &str) -> Result<Gazetteer> {
    let bad = |line: usize, message: String| Error::Names { path: PathBuf::from(path), line, message };
    let mut entities = Vec::new();
    let mut header = false;
    let mut ids = HashSet::new();
    for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end_matches('\r'))) {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if !header {
            if f[..] != COLUMNS[..] {
                return Err(bad(n, format!("the header must be the columns {} separated by tabs", COLUMNS.join(", "))));
            }
            header = true;
            continue;
        }
        if f.len() != COLUMNS.len() {
            return Err(bad(
                n,
                format!("{} columns, want {} separated by tabs ({})", f.len(), COLUMNS.len(), COLUMNS.join(", ")),
            ));
        }
        let kind = match f[1] {
            "person" => Kind::Person,
            "place" => Kind::Place,
            "org" => Kind::Org,
            k => return Err(bad(n, format!("kind `{k}`: write person, place or org"))),
        };
        let gender = match f[2] {
            "m" => Gender::Male,
            "f" => Gender::Female,
            "" => Gender::Unknown,
            g => return Err(bad(n, format!("gender `{g}`: write m, f or leave it empty"))),
        };
        let english: Vec<String> =
            f[3].split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
        if f[0].is_empty() || english.is_empty() {
            return Err(bad(n, "an entry needs an id and at least one English spelling".into()));
        }
        if !ids.insert(f[0].to_string()) {
            return Err(bad(n, format!("id `{}` appears twice; ids must be unique", f[0])));
        }
        entities.push(Entity {
            id: f[0].into(),
            kind,
            gender,
            english,
            ru: first(f[4]),
            be: first(f[5]),
            ru_alt: rest(f[4]),
            be_alt: rest(f[5]),
            be_tarask: f[6].trim().into(),
            source: f[7].trim().into(),
            derived: None,
        });
    }
    if !header {
        return Err(bad(
            1,
            format!("no header line; the first line that is not a # comment must be: {}", COLUMNS.join("\t")),
        ));
    }
    Ok(Gazetteer { entities })
}

/// The form mova writes: the first of `a|b|…`.
fn first(field: &str) -> String {
    field.split('|').next().unwrap_or("").trim().to_string()
}

/// The other accepted forms of `a|b|…`.
fn rest(field: &str) -> Vec<String> {
    field.split('|').skip(1).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_parses_and_has_the_seed() {
        let g = Gazetteer::builtin();
        assert!(g.entities.len() >= 250);
        let t = g.entities.iter().find(|e| e.id == "by_tsikhanouskaya_sviatlana").unwrap();
        assert_eq!((t.kind, t.gender), (Kind::Person, Gender::Female));
        assert!(t.english.contains(&"Svetlana Tikhanovskaya".to_string()));
        assert_eq!(t.be, "Святлана Георгіеўна Ціханоўская");
    }

    #[test]
    fn bad_lines_are_reported() {
        let h = COLUMNS.join("\t");
        let e = parse(Path::new("my.tsv"), &format!("{h}\nx\tperson\tm\tX\n")).unwrap_err().to_string();
        assert_eq!(e, "my.tsv: line 2: 4 columns, want 8 separated by tabs (id, kind, gender, english, ru, be, be_tarask, source)");
        let e = parse(Path::new("my.tsv"), &format!("# c\n{h}\nx\tcity\t\tX\t\t\t\t\n")).unwrap_err().to_string();
        assert_eq!(e, "my.tsv: line 3: kind `city`: write person, place or org");
        assert!(parse(Path::new("my.tsv"), "id\tkind\n").unwrap_err().to_string().contains("line 1: the header"));
    }

    #[test]
    fn users_entries_override() {
        let h = COLUMNS.join("\t");
        let mine = parse(
            Path::new("mine.tsv"),
            &format!("{h}\nmy_luka\tperson\tm\tAlexander Lukashenko\tА. Лукашенко\tА. Лукашэнка\t\tme\n"),
        )
        .unwrap();
        let g = Gazetteer::builtin().with(mine);
        let hits: Vec<&Entity> =
            g.entities.iter().filter(|e| e.english.iter().any(|s| s == "Alexander Lukashenko")).collect();
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].ru, "А. Лукашенко");
    }
}
