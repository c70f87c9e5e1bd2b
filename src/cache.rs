//! The translation cache: translations kept across runs in SQLite.
//!
//! In: (model fingerprint, target language, decoding options, normalised source
//! sentence) keys. Out: the model's translation of that sentence (before names
//! and typography, which are applied on every run), or nothing.
//!
//! One file (default `$XDG_CACHE_HOME/mova/translations.sqlite`) in WAL mode, so
//! two mova processes can read and write it at once; each finished batch is
//! committed, so an interrupted run loses nothing already translated. A file
//! SQLite cannot read is renamed aside (`….corrupt-<time>`) and a new one started;
//! an error while running turns the cache off for the rest of the run. Neither
//! stops a translation.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use sha2::{Digest, Sha256};

/// Schema version written to `PRAGMA user_version`.
const VERSION: i64 = 1;

/// What identifies a translation, apart from its source sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Scope {
    /// The model's fingerprint ([`crate::model::ModelDir::fingerprint`]).
    pub model: String,
    /// Target language code.
    pub lang: String,
    /// Everything else that changes the output: beam, length limits, tokens around
    /// the source, vocabulary restriction.
    pub options: String,
}

impl Scope {
    /// The 16-byte key of `source` in this scope.
    pub fn key(&self, source: &str) -> [u8; 16] {
        let mut h = Sha256::new();
        for part in [&self.model, &self.lang, &self.options] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        h.update(source.as_bytes());
        let d = h.finalize();
        let mut k = [0u8; 16];
        k.copy_from_slice(&d[..16]);
        k
    }
}

/// Where the cache lives when `--cache` is not given.
pub fn default_path() -> PathBuf {
    dirs::cache_dir().unwrap_or_else(std::env::temp_dir).join("mova").join("translations.sqlite")
}

/// A warning the user should see; the run goes on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// An open cache. Reads and writes go through one connection each (WAL lets
/// them overlap); after a failure the cache answers nothing and stores nothing.
pub struct Cache {
    path: PathBuf,
    reader: Mutex<Option<Connection>>,
    writer: Mutex<Option<Connection>>,
    warnings: Mutex<Vec<Warning>>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache").field("path", &self.path).finish()
    }
}

fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)?;
    c.busy_timeout(Duration::from_secs(30))?;
    // Reading the header and schema is what finds a file that is not a database.
    let mode: String = c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::ExecuteReturnedResults);
    }
    c.pragma_update(None, "synchronous", "NORMAL")?;
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > VERSION {
        return Err(rusqlite::Error::InvalidQuery);
    }
    c.execute_batch(
        "CREATE TABLE IF NOT EXISTS translations (key BLOB PRIMARY KEY, target TEXT NOT NULL, created INTEGER NOT NULL) WITHOUT ROWID;
         CREATE TABLE IF NOT EXISTS fingerprints (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, fingerprint TEXT NOT NULL);",
    )?;
    c.pragma_update(None, "user_version", VERSION)?;
    // One cheap read of the table proves its pages are readable.
    c.query_row("SELECT count(*) FROM (SELECT key FROM translations LIMIT 1)", [], |r| r.get::<_, i64>(0))?;
    Ok(c)
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

impl Cache {
    /// Opens (or creates) the cache at `path`. A file that is not a readable
    /// mova cache is renamed aside and a new one made; if even that fails the
    /// cache is off, with a warning.
    pub fn open(path: &Path) -> Cache {
        let cache = Cache { path: path.to_path_buf(), reader: Mutex::new(None), writer: Mutex::new(None), warnings: Mutex::new(Vec::new()) };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if let Err(e) = std::fs::create_dir_all(dir) {
                cache.warn(format!("{}: cannot create the cache directory ({e}); running without a cache (pass --cache PATH or --no-cache)", dir.display()));
                return cache;
            }
        }
        let pair = match Self::pair(path) {
            Ok(p) => Ok(p),
            Err(e) if path.exists() => {
                let aside = PathBuf::from(format!("{}.corrupt-{}", path.display(), now()));
                let moved = std::fs::rename(path, &aside);
                for ext in ["-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
                }
                match moved {
                    Ok(()) => {
                        cache.warn(format!("{}: not a readable cache ({e}); moved it to {} and started a new one", path.display(), aside.display()));
                        Self::pair(path)
                    }
                    Err(m) => Err(rusqlite::Error::ToSqlConversionFailure(Box::new(m))),
                }
            }
            Err(e) => Err(e),
        };
        match pair {
            Ok((r, w)) => {
                *cache.reader.lock().unwrap_or_else(|p| p.into_inner()) = Some(r);
                *cache.writer.lock().unwrap_or_else(|p| p.into_inner()) = Some(w);
            }
            Err(e) => cache.warn(format!("{}: cannot open the cache ({e}); running without it (pass --cache PATH or --no-cache)", path.display())),
        }
        cache
    }

    fn pair(path: &Path) -> rusqlite::Result<(Connection, Connection)> {
        let w = connect(path)?;
        let r = connect(path)?;
        Ok((r, w))
    }

    /// The cache file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the cache is answering.
    pub fn is_on(&self) -> bool {
        self.reader.lock().map(|c| c.is_some()).unwrap_or(false)
    }

    /// Warnings so far (each once), for the caller to print.
    pub fn take_warnings(&self) -> Vec<Warning> {
        std::mem::take(&mut *self.warnings.lock().unwrap_or_else(|p| p.into_inner()))
    }

    fn warn(&self, message: String) {
        let mut w = self.warnings.lock().unwrap_or_else(|p| p.into_inner());
        let w2 = Warning(message);
        if !w.contains(&w2) {
            w.push(w2);
        }
    }

    fn fail(&self, what: &str, e: rusqlite::Error) {
        self.warn(format!("{}: the cache failed while {what} ({e}); going on without it", self.path.display()));
        *self.reader.lock().unwrap_or_else(|p| p.into_inner()) = None;
        *self.writer.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// The cached translation of each of `sources` in `scope`.
    pub fn get_many(&self, scope: &Scope, sources: &[&str]) -> Vec<Option<String>> {
        let mut out = vec![None; sources.len()];
        let result = (|| -> rusqlite::Result<()> {
            let guard = self.reader.lock().unwrap_or_else(|p| p.into_inner());
            let Some(c) = guard.as_ref() else { return Ok(()) };
            let mut stmt = c.prepare_cached("SELECT target FROM translations WHERE key = ?1")?;
            for (slot, s) in out.iter_mut().zip(sources) {
                *slot = stmt.query_row([&scope.key(s)[..]], |r| r.get(0)).optional()?;
            }
            Ok(())
        })();
        if let Err(e) = result {
            self.fail("reading", e);
            return vec![None; sources.len()];
        }
        out
    }

    /// Stores `entries` (source, translation) in `scope`, in one transaction.
    pub fn put_many(&self, scope: &Scope, entries: &[(&str, &str)]) {
        if entries.is_empty() {
            return;
        }
        let result = (|| -> rusqlite::Result<()> {
            let mut guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
            let Some(c) = guard.as_mut() else { return Ok(()) };
            let tx = c.transaction()?;
            {
                let mut stmt = tx.prepare_cached("INSERT OR REPLACE INTO translations (key, target, created) VALUES (?1, ?2, ?3)")?;
                let t = now();
                for (s, target) in entries {
                    stmt.execute(params![&scope.key(s)[..], target, t])?;
                }
            }
            tx.commit()
        })();
        if let Err(e) = result {
            self.fail("writing", e);
        }
    }

    /// Number of cached translations.
    pub fn len(&self) -> usize {
        let guard = self.reader.lock().unwrap_or_else(|p| p.into_inner());
        guard.as_ref().and_then(|c| c.query_row("SELECT count(*) FROM translations", [], |r| r.get::<_, i64>(0)).ok()).unwrap_or(0) as usize
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The remembered fingerprint of the model at `dir` whose files have this
    /// `stamp` (names, sizes, modification times), computed by `compute` and
    /// stored when unknown: hashing a large model.bin takes seconds.
    pub fn fingerprint(&self, dir: &Path, stamp: &str, compute: impl FnOnce() -> std::io::Result<String>) -> std::io::Result<String> {
        let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()).display().to_string();
        {
            let guard = self.reader.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(c) = guard.as_ref() {
                let known: Option<String> = c
                    .query_row("SELECT fingerprint FROM fingerprints WHERE path = ?1 AND stamp = ?2", params![key, stamp], |r| r.get(0))
                    .optional()
                    .ok()
                    .flatten();
                if let Some(f) = known {
                    return Ok(f);
                }
            }
        }
        let f = compute()?;
        let guard = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(c) = guard.as_ref() {
            let _ = c.execute("INSERT OR REPLACE INTO fingerprints (path, stamp, fingerprint) VALUES (?1, ?2, ?3)", params![key, stamp, f]);
        }
        Ok(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(lang: &str) -> Scope {
        Scope { model: "m1".into(), lang: lang.into(), options: "beam=4".into() }
    }

    #[test]
    fn stores_and_reads_back_by_scope() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/c.sqlite");
        let c = Cache::open(&path);
        assert!(c.is_on() && c.take_warnings().is_empty());
        c.put_many(&scope("ru"), &[("Hello.", "Привет."), ("Bye.", "Пока.")]);
        assert_eq!(c.get_many(&scope("ru"), &["Hello.", "No.", "Bye."]), vec![Some("Привет.".into()), None, Some("Пока.".into())]);
        assert_eq!(c.get_many(&scope("be"), &["Hello."]), vec![None]);
        drop(c);
        let again = Cache::open(&path);
        assert_eq!(again.get_many(&scope("ru"), &["Hello."]), vec![Some("Привет.".into())]);
        assert_eq!(again.len(), 2);
    }

    #[test]
    fn a_corrupt_file_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.sqlite");
        std::fs::write(&path, vec![0x5a; 8192]).unwrap();
        let c = Cache::open(&path);
        assert!(c.is_on());
        let w = c.take_warnings();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].0.contains("moved it to"), "{}", w[0]);
        let aside: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().contains(".corrupt-")).collect();
        assert_eq!(aside.len(), 1);
        c.put_many(&scope("ru"), &[("a", "б")]);
        assert_eq!(c.get_many(&scope("ru"), &["a"]), vec![Some("б".into())]);
    }

    #[test]
    fn keys_separate_every_part() {
        let a = Scope { model: "m".into(), lang: "ru".into(), options: "o".into() };
        let b = Scope { model: "m".into(), lang: "ru".into(), options: "o2".into() };
        assert_ne!(a.key("x"), b.key("x"));
        assert_ne!(a.key("x"), a.key("x "));
        assert_eq!(a.key("x"), a.clone().key("x"));
    }

    #[test]
    fn fingerprints_are_remembered_by_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let c = Cache::open(&dir.path().join("c.sqlite"));
        assert_eq!(c.fingerprint(dir.path(), "s1", || Ok("one".into())).unwrap(), "one");
        assert_eq!(c.fingerprint(dir.path(), "s1", || Ok("two".into())).unwrap(), "one");
        assert_eq!(c.fingerprint(dir.path(), "s2", || Ok("three".into())).unwrap(), "three");
    }
}
