//! What a cache file holds: entries per model and language, their times, and
//! the file's size; read-only (`mova cache stats`).
//!
//! In: a mova cache file (checked as [`super::merge::open`] does). Out:
//! [`CacheStats`]. Entries written before schema 2 have no model or language
//! recorded; they are counted as one group without them.

use std::path::{Path, PathBuf};

use super::has_scope_columns;
use crate::error::{Error, Result};

/// One (model, language) group of entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The model's fingerprint; `None` for entries of schema 1.
    pub model: Option<String>,
    /// Target language code; `None` for entries of schema 1.
    pub lang: Option<String>,
    pub translations: u64,
    /// When the oldest and the newest entry were written (Unix seconds).
    pub oldest: i64,
    pub newest: i64,
}

/// A cache file's contents in numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheStats {
    pub path: PathBuf,
    /// `PRAGMA user_version`.
    pub schema: i64,
    /// The file's size with its write-ahead log.
    pub bytes: u64,
    pub translations: u64,
    /// By model, then language.
    pub groups: Vec<Group>,
    /// Model directories whose fingerprint the cache remembers: (fingerprint, path).
    pub models: Vec<(String, String)>,
}

/// Counts what the cache at `path` holds.
pub fn stats(path: &Path) -> Result<CacheStats> {
    let c = super::merge::open(path)?;
    let fail =
        |e: rusqlite::Error| Error::CacheFile { path: path.to_path_buf(), problem: format!("cannot read it ({e})") };
    let schema: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(fail)?;
    let scope =
        if has_scope_columns(&c, "main").map_err(fail)? { "model, lang" } else { "NULL AS model, NULL AS lang" };
    let sql = format!("SELECT model, lang, count(*), min(created), max(created) FROM (SELECT {scope}, created FROM translations) GROUP BY model, lang ORDER BY model, lang");
    let mut stmt = c.prepare(&sql).map_err(fail)?;
    let groups: Vec<Group> = stmt
        .query_map([], |r| {
            Ok(Group {
                model: r.get(0)?,
                lang: r.get(1)?,
                translations: r.get::<_, i64>(2)? as u64,
                oldest: r.get(3)?,
                newest: r.get(4)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(fail)?;
    let mut stmt = c.prepare("SELECT fingerprint, path FROM fingerprints ORDER BY fingerprint, path").map_err(fail)?;
    let models = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).and_then(|rows| rows.collect()).map_err(fail)?;
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    Ok(CacheStats {
        path: path.to_path_buf(),
        schema,
        bytes: size(path) + size(Path::new(&wal)),
        translations: groups.iter().map(|g| g.translations).sum(),
        groups,
        models,
    })
}

/// Unix seconds as UTC `YYYY-MM-DD HH:MM:SS` (proleptic Gregorian calendar).
pub fn utc(secs: i64) -> String {
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}", rest / 3600, rest % 3600 / 60, rest % 60)
}

impl CacheStats {
    /// The numbers as one JSON object (`mova cache stats --json`).
    pub fn to_json(&self) -> serde_json::Value {
        let groups: Vec<serde_json::Value> =
            self.groups.iter().map(|g| serde_json::json!({"model": g.model, "lang": g.lang, "translations": g.translations, "oldest": utc(g.oldest), "newest": utc(g.newest)})).collect();
        let models: Vec<serde_json::Value> =
            self.models.iter().map(|(f, p)| serde_json::json!({"fingerprint": f, "path": p})).collect();
        serde_json::json!({
            "file": self.path.display().to_string(), "schema": self.schema, "bytes": self.bytes,
            "translations": self.translations, "groups": groups, "models": models,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::{Cache, Scope};

    #[test]
    fn counts_by_model_and_language() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("c.sqlite");
        let c = Cache::open(&path);
        let scope = |model: &str, lang: &str| Scope { model: model.into(), lang: lang.into(), options: String::new() };
        c.put_many(&scope("m1", "ru"), &[("a", "а"), ("b", "б")]);
        c.put_many(&scope("m1", "be"), &[("a", "а")]);
        c.put_many(&scope("m2", "ru"), &[("a", "а")]);
        c.fingerprint(Path::new("/models/x"), "stamp", || Ok("m1".into())).unwrap();
        drop(c);
        rusqlite::Connection::open(&path).unwrap().execute("UPDATE translations SET created = 86399", []).unwrap();
        let s = stats(&path).unwrap();
        assert_eq!((s.schema, s.translations), (2, 4));
        let rows: Vec<(String, String, u64)> =
            s.groups.iter().map(|g| (g.model.clone().unwrap(), g.lang.clone().unwrap(), g.translations)).collect();
        assert_eq!(rows, [("m1".into(), "be".into(), 1), ("m1".into(), "ru".into(), 2), ("m2".into(), "ru".into(), 1)]);
        assert_eq!(s.models, [("m1".to_string(), "/models/x".to_string())]);
        assert_eq!(s.to_json()["groups"][0]["newest"], "1970-01-01 23:59:59");
        assert!(s.bytes > 0);
    }

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00:00");
        assert_eq!(utc(1_779_278_400), "2026-05-20 12:00:00");
        assert_eq!(utc(-1), "1969-12-31 23:59:59");
    }
}
