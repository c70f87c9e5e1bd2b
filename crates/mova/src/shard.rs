//! Shards: which articles of a run are this process's, when N processes (a
//! Slurm job array, a Kubernetes Indexed Job, N shells) share one run with no
//! coordinator.
//!
//! In: the shard `K/N` (from `--shard`, or from the scheduler's environment:
//! [`Shard::resolve`]) and the articles. Out: whether shard K translates an
//! article ([`Shard::keep`]), and the output names that keep N processes
//! writing one `--out` tree from ever sharing a file ([`Shard::part_stem`]).
//!
//! The split is by a stable hash, never by file order or absolute path: an
//! article belongs to shard `u64(first 8 bytes of SHA-256(key)) mod N`, where
//! the key is, for a `.txt` or `.md` article, its output stem: its path relative
//! to the input named on the command line, `/`-separated, without extension
//! (`kolesnikova-trial`, `world/minsk`); for a JSON Lines record, that stem, `#`
//! and the record's `id` field (a string as it is, anything else as JSON), or
//! its number in the file counting from 1 when it has no `id` (`articles#a1`,
//! `articles#3`). A text article's output is its own file. A JSON Lines file is
//! split by record, so one large file is spread over all shards; with N > 1
//! each shard writes the records it owns, in input order, to a part of its own,
//! `<stem>.shard-K-of-N.<lang>.jsonl` (none when it owns none of them).

use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::input::{self, Content, Document, Origin, Source};

/// Shard `index` of `count` (0 ≤ index < count).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// `K/N`, e.g. `0/4`.
    fn from_str(s: &str) -> std::result::Result<Shard, String> {
        let (k, n) = s.split_once('/').ok_or("not K/N; write e.g. 0/4 for the first of 4 shards")?;
        let number = |v: &str, what: &str| {
            v.trim().parse::<u64>().map_err(|_| format!("{what} `{v}` is not a whole number; write e.g. 0/4"))
        };
        Shard::new(number(k, "K")?, number(n, "N")?)
    }
}

/// An environment: a variable's value, if set.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

impl Shard {
    /// Shard `index` of `count`, checked.
    pub fn new(index: u64, count: u64) -> std::result::Result<Shard, String> {
        if count == 0 {
            return Err("N must be at least 1".into());
        }
        if index >= count {
            return Err(format!("K must be below N (shards are numbered 0 to {})", count - 1));
        }
        Ok(Shard { index, count })
    }

    /// The shard of this process and where it came from (`--shard`,
    /// `SLURM_ARRAY_TASK_ID=…`, `JOB_COMPLETION_INDEX=…`), or `None`: no shard.
    /// An explicit `flag` wins over the environment; `shards` (`--shards N`)
    /// gives N where the environment gives only K (Kubernetes) and overrides
    /// Slurm's task count.
    pub fn resolve(flag: Option<Shard>, shards: Option<u64>, env: Env) -> Result<Option<(Shard, String)>> {
        if let Some(s) = flag {
            return Ok(Some((s, format!("--shard {s}"))));
        }
        let (slurm, k8s) = (env("SLURM_ARRAY_TASK_ID"), env("JOB_COMPLETION_INDEX"));
        if slurm.is_some() && k8s.is_some() {
            return Err(usage("both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set, so which shard this is is unclear; pass --shard K/N"));
        }
        if let Some(id) = slurm {
            return Self::slurm(&id, shards, env).map(Some);
        }
        if let Some(index) = k8s {
            let index = env_number("JOB_COMPLETION_INDEX", &index)?;
            let Some(n) = shards else {
                return Err(usage(&format!(
                    "JOB_COMPLETION_INDEX={index} is set (a Kubernetes Indexed Job) but --shards is not; pass --shards N with the Job's completions (or --shard 0/1 to translate everything)"
                )));
            };
            let s = Shard::new(index, n).map_err(|e| {
                usage(&format!(
                    "JOB_COMPLETION_INDEX={index} with --shards {n}: {e}; set --shards to the Job's completions"
                ))
            })?;
            return Ok(Some((s, format!("JOB_COMPLETION_INDEX={index}, --shards {n}"))));
        }
        match shards {
            Some(n) => Err(usage(&format!(
                "--shards {n}: which shard this is is unknown; pass --shard K/{n}, or run as a Slurm array task (SLURM_ARRAY_TASK_ID) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX)"
            ))),
            None => Ok(None),
        }
    }

    /// K and N of a Slurm array task: K = (ID − MIN) / STEP, N = the task count
    /// (or `--shards`), so `--array=1-4` and `--array=0-30:2` work too.
    fn slurm(id: &str, shards: Option<u64>, env: Env) -> Result<(Shard, String)> {
        let get = |name: &str| env(name).map(|v| env_number(name, &v)).transpose();
        let id = env_number("SLURM_ARRAY_TASK_ID", id)?;
        let min = get("SLURM_ARRAY_TASK_MIN")?.unwrap_or(0);
        let step = get("SLURM_ARRAY_TASK_STEP")?.unwrap_or(1).max(1);
        let count = match (shards, get("SLURM_ARRAY_TASK_COUNT")?, get("SLURM_ARRAY_TASK_MAX")?) {
            (Some(n), _, _) => n,
            (None, Some(n), _) => n,
            (None, None, Some(max)) if max >= min => (max - min) / step + 1,
            _ => {
                return Err(usage(&format!(
                    "SLURM_ARRAY_TASK_ID={id} is set but not SLURM_ARRAY_TASK_COUNT; pass --shards N or --shard K/N"
                )))
            }
        };
        let k = id.checked_sub(min).filter(|o| o % step == 0).map(|o| o / step);
        let shard = k.and_then(|k| Shard::new(k, count).ok());
        let from = format!(
            "SLURM_ARRAY_TASK_ID={id} of {count}{}",
            if min != 0 || step != 1 { format!(", from {min} in steps of {step}") } else { String::new() }
        );
        match shard {
            Some(s) => Ok((s, from)),
            None => Err(usage(&format!(
                "{from}: task {id} is not one of the shards 0 to {}; submit a contiguous array (sbatch --array=0-{}) or pass --shard K/N",
                count.saturating_sub(1),
                count.saturating_sub(1)
            ))),
        }
    }

    /// Whether this shard translates the article with `key` ([`text_key`],
    /// [`record_key`]).
    pub fn owns(&self, key: &str) -> bool {
        let d = Sha256::digest(key.as_bytes());
        let h = u64::from_be_bytes(d[..8].try_into().unwrap_or_default());
        h % self.count == self.index
    }

    /// Refuses inputs that cannot be split: stdin and pipes are read once, and
    /// every shard would read a different stream of its own.
    pub fn check_sources(&self, sources: &[Source]) -> Result<()> {
        if self.count == 1 {
            return Ok(());
        }
        match sources.iter().find(|s| s.once) {
            Some(Source { origin: Origin::Stdin, .. }) => {
                Err(usage(&format!("--shard {self}: stdin (-) cannot be split between shards (each shard would read a stdin of its own); give files or directories")))
            }
            Some(s) => Err(usage(&format!("{}: a pipe is read once and cannot be split between shards; give files or directories (or --shard 0/1)", crate::error::shown(&s.origin.display_path())))),
            None => Ok(()),
        }
    }

    /// The output stem of this shard's part of a JSON Lines input (`jsonl`):
    /// `articles` → `articles.shard-2-of-4` (K padded to N's width); text
    /// inputs, and every input when N is 1, keep their stem.
    pub fn part_stem(&self, stem: &Path, jsonl: bool) -> PathBuf {
        if self.count == 1 || !jsonl {
            return stem.to_path_buf();
        }
        let width = (self.count - 1).to_string().len();
        let name = stem.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        stem.with_file_name(format!("{name}.shard-{:0width$}-of-{}", self.index, self.count))
    }

    /// `source` as this shard writes it ([`Shard::part_stem`]).
    pub fn part_source(&self, source: &Source) -> Source {
        Source { stem: self.part_stem(&source.stem, source.format == input::Format::Jsonl), ..source.clone() }
    }

    /// `doc` (as read) with only the articles this shard owns — a JSON Lines
    /// part keeps its owned records, in order, and gets its part's stem — or
    /// `None` when it owns none.
    pub fn keep(&self, mut doc: Document) -> Option<Document> {
        let stem = text_key(&doc.stem);
        match &mut doc.content {
            Content::Text(_) => self.owns(&stem).then_some(doc),
            Content::Jsonl(records) => {
                records.retain(|r| self.owns(&record_key(&stem, &r.label(r.index))));
                doc.stem = self.part_stem(&doc.stem, true);
                (!records.is_empty()).then_some(doc)
            }
        }
    }
}

/// The key of a text article: its output stem, `/`-separated.
pub fn text_key(stem: &Path) -> String {
    let parts: Vec<String> = stem
        .components()
        .filter_map(|c| match c {
            Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// The key of a JSON Lines record: its file's key, `#`, and its label (its
/// `id`, else its number from 1).
pub fn record_key(file_key: &str, label: &str) -> String {
    format!("{file_key}#{label}")
}

/// How many articles this shard translates, of how many in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub shard: Shard,
    pub articles: usize,
    pub of: usize,
}

impl Share {
    /// `{"index": K, "count": N, "articles": X, "of": Y, "from": …}`.
    pub fn to_json(&self, from: &str) -> serde_json::Value {
        serde_json::json!({"index": self.shard.index, "count": self.shard.count, "articles": self.articles, "of": self.of, "from": from})
    }
}

impl std::fmt::Display for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "shard {}: {} of {} articles", self.shard, self.articles, self.of)
    }
}

/// Reads every input through (as [`input::check`] does, so a bad line anywhere
/// stops every shard before any work) and counts this shard's articles and all.
pub fn check(sources: &[Source], lossy: bool, shard: Shard) -> Result<Share> {
    let (mut articles, mut of) = (0, 0);
    for doc in input::read_through(sources, lossy) {
        let doc = doc?;
        of += doc.articles();
        articles += shard.keep(doc).map_or(0, |d| d.articles());
    }
    Ok(Share { shard, articles, of })
}

fn env_number(name: &str, value: &str) -> Result<u64> {
    value.trim().parse().map_err(|_| usage(&format!("{name}={value}: not a whole number")))
}

fn usage(message: &str) -> Error {
    Error::Usage(message.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    }

    fn resolve(
        flag: Option<&str>,
        shards: Option<u64>,
        vars: &[(&str, &str)],
    ) -> std::result::Result<Option<(String, String)>, String> {
        let flag = flag.map(|f| f.parse::<Shard>().unwrap());
        Shard::resolve(flag, shards, &env(vars))
            .map(|o| o.map(|(s, from)| (s.to_string(), from)))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn parses_k_of_n() {
        assert_eq!("3/4".parse::<Shard>(), Ok(Shard { index: 3, count: 4 }));
        assert_eq!("0/1".parse::<Shard>(), Ok(Shard { index: 0, count: 1 }));
        assert_eq!("4/4".parse::<Shard>().unwrap_err(), "K must be below N (shards are numbered 0 to 3)");
        assert_eq!("0/0".parse::<Shard>().unwrap_err(), "N must be at least 1");
        assert_eq!("3".parse::<Shard>().unwrap_err(), "not K/N; write e.g. 0/4 for the first of 4 shards");
        assert_eq!("a/4".parse::<Shard>().unwrap_err(), "K `a` is not a whole number; write e.g. 0/4");
        assert_eq!("-1/4".parse::<Shard>().unwrap_err(), "K `-1` is not a whole number; write e.g. 0/4");
    }

    #[test]
    fn slurm_arrays_give_k_and_n() {
        let plain = [("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "0")];
        assert_eq!(resolve(None, None, &plain), Ok(Some(("2/4".into(), "SLURM_ARRAY_TASK_ID=2 of 4".into()))));
        // --array=1-4: K = ID - MIN.
        let from_one = [("SLURM_ARRAY_TASK_ID", "4"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "1")];
        assert_eq!(resolve(None, None, &from_one).unwrap().unwrap().0, "3/4");
        // --array=0-6:2: IDs 0, 2, 4, 6.
        let steps = [
            ("SLURM_ARRAY_TASK_ID", "6"),
            ("SLURM_ARRAY_TASK_COUNT", "4"),
            ("SLURM_ARRAY_TASK_MIN", "0"),
            ("SLURM_ARRAY_TASK_STEP", "2"),
        ];
        assert_eq!(
            resolve(None, None, &steps),
            Ok(Some(("3/4".into(), "SLURM_ARRAY_TASK_ID=6 of 4, from 0 in steps of 2".into())))
        );
        // Without the count (old Slurm): from MIN, MAX and STEP.
        let no_count = [("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MAX", "7"), ("SLURM_ARRAY_TASK_MIN", "0")];
        assert_eq!(resolve(None, None, &no_count).unwrap().unwrap().0, "3/8");
        // An explicit flag wins; --shards overrides the count.
        assert_eq!(resolve(Some("1/2"), None, &plain).unwrap().unwrap(), ("1/2".into(), "--shard 1/2".into()));
        assert_eq!(resolve(None, Some(3), &plain).unwrap().unwrap().0, "2/3");
    }

    #[test]
    fn slurm_tasks_outside_the_shards_are_refused() {
        let list = [("SLURM_ARRAY_TASK_ID", "5"), ("SLURM_ARRAY_TASK_COUNT", "4"), ("SLURM_ARRAY_TASK_MIN", "0")];
        assert_eq!(resolve(None, None, &list).unwrap_err(), "SLURM_ARRAY_TASK_ID=5 of 4: task 5 is not one of the shards 0 to 3; submit a contiguous array (sbatch --array=0-3) or pass --shard K/N");
        let bad = [("SLURM_ARRAY_TASK_ID", "x")];
        assert_eq!(resolve(None, None, &bad).unwrap_err(), "SLURM_ARRAY_TASK_ID=x: not a whole number");
        let alone = [("SLURM_ARRAY_TASK_ID", "1")];
        assert_eq!(
            resolve(None, None, &alone).unwrap_err(),
            "SLURM_ARRAY_TASK_ID=1 is set but not SLURM_ARRAY_TASK_COUNT; pass --shards N or --shard K/N"
        );
    }

    #[test]
    fn kubernetes_needs_shards() {
        let k8s = [("JOB_COMPLETION_INDEX", "3")];
        assert_eq!(resolve(None, Some(4), &k8s), Ok(Some(("3/4".into(), "JOB_COMPLETION_INDEX=3, --shards 4".into()))));
        assert_eq!(
            resolve(None, None, &k8s).unwrap_err(),
            "JOB_COMPLETION_INDEX=3 is set (a Kubernetes Indexed Job) but --shards is not; pass --shards N with the Job's completions (or --shard 0/1 to translate everything)"
        );
        assert_eq!(resolve(None, Some(3), &k8s).unwrap_err(), "JOB_COMPLETION_INDEX=3 with --shards 3: K must be below N (shards are numbered 0 to 2); set --shards to the Job's completions");
        assert_eq!(resolve(None, None, &[]), Ok(None));
        assert!(resolve(None, Some(4), &[])
            .unwrap_err()
            .starts_with("--shards 4: which shard this is is unknown; pass --shard K/4"));
        let both = [("JOB_COMPLETION_INDEX", "3"), ("SLURM_ARRAY_TASK_ID", "1")];
        assert!(resolve(None, Some(4), &both)
            .unwrap_err()
            .starts_with("both SLURM_ARRAY_TASK_ID and JOB_COMPLETION_INDEX are set"));
    }

    #[test]
    fn every_key_has_exactly_one_shard_and_the_split_is_even() {
        let keys: Vec<String> = (0..4000).map(|i| record_key("news/articles", &format!("a{i}"))).collect();
        for n in 1..=5 {
            let shards: Vec<Shard> = (0..n).map(|k| Shard::new(k, n).unwrap()).collect();
            let mut sizes = vec![0usize; n as usize];
            for key in &keys {
                let owners: Vec<&Shard> = shards.iter().filter(|s| s.owns(key)).collect();
                assert_eq!(owners.len(), 1, "{key}");
                sizes[owners[0].index as usize] += 1;
            }
            let even = keys.len() / n as usize;
            assert!(sizes.iter().all(|s| s.abs_diff(even) < even / 10), "{n}: {sizes:?}");
        }
    }

    #[test]
    fn keys_are_relative_and_fixed() {
        assert_eq!(text_key(Path::new("world/minsk")), "world/minsk");
        assert_eq!(text_key(Path::new("./a")), "a");
        // The hash is fixed: the same article goes to the same shard on every machine and release
        // (as `int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % 4` in Python).
        let four: Vec<u64> = ["kolesnikova-trial", "grodno-border", "minsk-protests-2020", "articles#1"]
            .iter()
            .map(|k| (0..4).find(|&i| Shard { index: i, count: 4 }.owns(k)).unwrap())
            .collect();
        assert_eq!(four, [1, 3, 1, 3]);
    }

    #[test]
    fn part_names_pad_k() {
        let s = Shard { index: 3, count: 16 };
        assert_eq!(s.part_stem(Path::new("news/articles"), true), Path::new("news/articles.shard-03-of-16"));
        assert_eq!(s.part_stem(Path::new("news/a"), false), Path::new("news/a"));
        assert_eq!(Shard { index: 0, count: 1 }.part_stem(Path::new("a"), true), Path::new("a"));
        assert_eq!(Shard { index: 1, count: 2 }.part_stem(Path::new("a"), true), Path::new("a.shard-1-of-2"));
    }
}
