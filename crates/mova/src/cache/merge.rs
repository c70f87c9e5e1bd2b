//! Merging caches: the caches of N shards (or machines) → one.
//!
//! In: mova cache files, each opened read-only and checked first ([`open`]:
//! SQLite, mova's table, a schema this mova knows); anything else is refused,
//! naming the file, before anything is written. Out: the output cache, holding
//! every key of every input — and of the output itself when it exists, so
//! merging into a cache adds to it — each with its newest translation (by the
//! time it was written; on a tie, the greater text, so the result does not
//! depend on the order of the inputs). Merging again changes nothing.
//!
//! The merge is built in a temporary directory beside the output, written out
//! compacted in key order (`VACUUM INTO`: the same entries always give the same
//! bytes), synced, and renamed over the output: a failed or interrupted merge
//! leaves the output as it was. Merge into a cache no mova is using: one in use
//! is refused.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{has_scope_columns, CREATE, VERSION};
use crate::error::{Error, Result};

/// What a merge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// Caches read (the output among them when it existed).
    pub caches: usize,
    /// Entries read from them, in all.
    pub read: u64,
    /// Entries in the output.
    pub entries: u64,
}

fn refuse(path: &Path, problem: impl Into<String>) -> Error {
    Error::CacheFile { path: path.to_path_buf(), problem: problem.into() }
}

/// Opens `path` read-only if it is a mova cache this mova can read; otherwise
/// the error says what it is instead.
pub fn open(path: &Path) -> Result<Connection> {
    let meta = std::fs::metadata(path).map_err(|e| refuse(path, format!("cannot read it ({e})")))?;
    if !meta.is_file() {
        return Err(refuse(path, format!("{}, not a mova cache", super::kind(meta.file_type()))));
    }
    if meta.len() == 0 || !super::Cache::sqlite(path) {
        return Err(refuse(path, "not an SQLite file, so not a mova cache"));
    }
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| refuse(path, format!("cannot open it ({e})")))?;
    c.busy_timeout(Duration::from_secs(30)).map_err(|e| refuse(path, e.to_string()))?;
    let unreadable = |e: rusqlite::Error| refuse(path, format!("an SQLite file mova cannot read ({e})"));
    let mut stmt =
        c.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map_err(unreadable)?;
    let tables: Vec<String> = stmt.query_map([], |r| r.get(0)).and_then(|rows| rows.collect()).map_err(unreadable)?;
    drop(stmt);
    if !tables.iter().any(|t| t == "translations") {
        let what = if tables.is_empty() {
            "an empty SQLite database".to_string()
        } else {
            format!(
                "another program's SQLite database (tables {})",
                tables.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
            )
        };
        return Err(refuse(path, format!("{what}, not a mova cache")));
    }
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(unreadable)?;
    if version > VERSION {
        return Err(refuse(path, format!("the cache of a newer mova (schema {version}); use that mova")));
    }
    c.query_row("SELECT count(*) FROM translations", [], |r| r.get::<_, i64>(0)).map_err(unreadable)?;
    Ok(c)
}

/// Merges `inputs` (and `output`, when it exists) into `output`; see the module doc.
pub fn merge(inputs: &[PathBuf], output: &Path) -> Result<Merged> {
    let mut all: Vec<PathBuf> = Vec::new();
    if std::fs::symlink_metadata(output).is_ok() {
        all.push(output.to_path_buf());
    }
    for p in inputs {
        if !all.iter().any(|q| crate::input::same_file(p, q)) {
            all.push(p.clone());
        }
    }
    // Every input checked before anything is written.
    for p in &all {
        drop(open(p)?);
    }
    let dir = output.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let work = tempfile::Builder::new().prefix(".mova-merge-").tempdir_in(dir).map_err(|e| Error::io(dir, e))?;
    let merged = work.path().join("merged.sqlite");
    let (read, entries) = build(&all, &work.path().join("scratch.sqlite"), &merged)
        .map_err(|e| refuse(output, format!("cannot write the merge ({e})")))?;
    std::fs::File::open(&merged).and_then(|f| f.sync_all()).map_err(|e| Error::io(&merged, e))?;
    if all.first().is_some_and(|p| p == output) {
        idle(output)?;
    }
    std::fs::rename(&merged, output).map_err(|e| Error::io(output, e))?;
    #[cfg(unix)]
    let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    Ok(Merged { caches: all.len(), read, entries })
}

/// Fills a scratch database from every cache in `all`, then writes it compacted
/// to `merged`; (entries read, entries merged).
fn build(all: &[PathBuf], scratch: &Path, merged: &Path) -> rusqlite::Result<(u64, u64)> {
    let c = Connection::open_with_flags(
        scratch,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_URI,
    )?;
    c.busy_timeout(Duration::from_secs(30))?;
    c.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
    c.execute_batch(CREATE)?;
    c.pragma_update(None, "user_version", VERSION)?;
    let mut read = 0;
    for p in all {
        c.execute("ATTACH DATABASE ?1 AS src", [uri(p)])?;
        read += copy(&c)?;
        c.execute_batch("DETACH DATABASE src")?;
    }
    let entries: i64 = c.query_row("SELECT count(*) FROM translations", [], |r| r.get(0))?;
    // `merged` is an absolute path of our own temporary directory, not a URI.
    let target = std::path::absolute(merged).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    c.execute("VACUUM INTO ?1", [target.to_string_lossy()])?;
    Ok((read, entries as u64))
}

/// Copies the attached `src` into `main`, newest entry per key; entries read.
fn copy(c: &Connection) -> rusqlite::Result<u64> {
    let scope = if has_scope_columns(c, "src")? { "model, lang" } else { "NULL, NULL" };
    let n: i64 = c.query_row("SELECT count(*) FROM src.translations", [], |r| r.get(0))?;
    // Every SET reads the row as it was: the target of the newer entry (on a
    // tie, the greater text), the later time; model and language are the same
    // for one key, kept from whichever entry has them.
    c.execute(
        &format!(
            "INSERT INTO main.translations (key, target, created, model, lang)
             SELECT key, target, created, {scope} FROM src.translations WHERE true
             ON CONFLICT (key) DO UPDATE SET
               target = CASE WHEN excluded.created > created OR (excluded.created = created AND excluded.target > target) THEN excluded.target ELSE target END,
               created = max(created, excluded.created),
               model = coalesce(model, excluded.model),
               lang = coalesce(lang, excluded.lang)"
        ),
        [],
    )?;
    c.execute("INSERT OR IGNORE INTO main.fingerprints (path, stamp, fingerprint) SELECT path, stamp, fingerprint FROM src.fingerprints", [])?;
    Ok(n as u64)
}

/// A read-only URI for `path` (`file:/abs/path?mode=ro`, percent-encoded).
fn uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = String::from("file:");
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(abs.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = abs.to_string_lossy().replace('\\', "/").into_bytes();
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/._-~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push_str("?mode=ro");
    out
}

/// Makes sure no process is using the existing `output` and that everything it
/// holds is in the file itself (its WAL checkpointed and gone), so renaming the
/// merge over it loses nothing and leaves no stale log beside it.
fn idle(output: &Path) -> Result<()> {
    let in_use = || {
        refuse(
            output,
            "in use by another process (a mova run?); merge into a new file (-o NEW) or when it has finished",
        )
    };
    let c = Connection::open_with_flags(output, OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(|e| refuse(output, format!("cannot write it ({e})")))?;
    let busy: i64 = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0)).map_err(|_| in_use())?;
    drop(c);
    let mut wal = output.as_os_str().to_owned();
    wal.push("-wal");
    if busy != 0 || std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0) {
        return Err(in_use());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::{Cache, Scope};

    fn scope(lang: &str) -> Scope {
        Scope { model: "m1".into(), lang: lang.into(), options: "beam=4".into() }
    }

    /// A cache at `path` with `entries` written at `time`.
    fn cache(path: &Path, lang: &str, entries: &[(&str, &str)], time: i64) {
        let c = Cache::open(path);
        c.put_many(&scope(lang), entries);
        drop(c);
        Connection::open(path).unwrap().execute("UPDATE translations SET created = ?1", [time]).unwrap();
    }

    fn read(path: &Path, lang: &str, source: &str) -> Option<String> {
        let c = Cache::open(path);
        c.get_many(&scope(lang), &[source]).pop().unwrap()
    }

    #[test]
    fn newest_wins_whatever_the_order_and_merging_again_changes_nothing() {
        let t = tempfile::tempdir().unwrap();
        let (a, b) = (t.path().join("a.sqlite"), t.path().join("b.sqlite"));
        cache(&a, "ru", &[("One.", "Один (старый)."), ("Two.", "Два.")], 100);
        cache(&b, "ru", &[("One.", "Один."), ("Three.", "Три.")], 200);
        let (ab, ba) = (t.path().join("ab.sqlite"), t.path().join("out/ba.sqlite"));
        let m = merge(&[a.clone(), b.clone()], &ab).unwrap();
        assert_eq!(m, Merged { caches: 2, read: 4, entries: 3 });
        merge(&[b.clone(), a.clone()], &ba).unwrap();
        let bytes = std::fs::read(&ab).unwrap();
        assert_eq!(std::fs::read(&ba).unwrap(), bytes);
        assert_eq!(read(&ab, "ru", "One."), Some("Один.".into()));
        assert_eq!(read(&ab, "ru", "Two."), Some("Два.".into()));
        // Merging again, into a cache that exists, gives the same file byte for byte.
        let again = t.path().join("again.sqlite");
        merge(&[a.clone(), b.clone()], &again).unwrap();
        merge(&[a.clone(), b.clone()], &again).unwrap();
        assert_eq!(std::fs::read(&again).unwrap(), bytes);
        let names: Vec<_> = std::fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn merging_into_an_input_adds_to_it() {
        let t = tempfile::tempdir().unwrap();
        let (a, b) = (t.path().join("a.sqlite"), t.path().join("b.sqlite"));
        cache(&a, "ru", &[("One.", "Один.")], 100);
        cache(&b, "be", &[("One.", "Адзін.")], 100);
        assert_eq!(merge(std::slice::from_ref(&b), &a).unwrap(), Merged { caches: 2, read: 2, entries: 2 });
        assert_eq!(read(&a, "be", "One."), Some("Адзін.".into()));
        assert_eq!(merge(&[a.clone(), b.clone()], &a).unwrap().entries, 2);
    }

    #[test]
    fn schema_1_caches_are_migrated_and_merged() {
        let t = tempfile::tempdir().unwrap();
        let old = t.path().join("old.sqlite");
        let c = Connection::open(&old).unwrap();
        c.execute_batch(
            "CREATE TABLE translations (key BLOB PRIMARY KEY, target TEXT NOT NULL, created INTEGER NOT NULL) WITHOUT ROWID;
             CREATE TABLE fingerprints (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, fingerprint TEXT NOT NULL);
             PRAGMA user_version = 1;",
        )
        .unwrap();
        c.execute("INSERT INTO translations VALUES (?1, 'Один.', 5)", [&scope("ru").key("One.")[..]]).unwrap();
        drop(c);
        let out = t.path().join("out.sqlite");
        assert_eq!(merge(std::slice::from_ref(&old), &out).unwrap().entries, 1);
        assert_eq!(read(&out, "ru", "One."), Some("Один.".into()));
        // Opened by mova, the old cache gains the columns and keeps its entry.
        assert_eq!(read(&old, "ru", "One."), Some("Один.".into()));
        let c = Connection::open(&old).unwrap();
        assert!(has_scope_columns(&c, "main").unwrap());
        assert_eq!(c.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)).unwrap(), 2);
    }

    #[test]
    fn what_is_not_a_mova_cache_is_refused_and_nothing_is_written() {
        let t = tempfile::tempdir().unwrap();
        let good = t.path().join("good.sqlite");
        cache(&good, "ru", &[("One.", "Один.")], 1);
        let text = t.path().join("notes.txt");
        std::fs::write(&text, "not a database").unwrap();
        let theirs = t.path().join("theirs.db");
        Connection::open(&theirs).unwrap().execute_batch("CREATE TABLE accounts (id INTEGER);").unwrap();
        let newer = t.path().join("newer.sqlite");
        Connection::open(&newer).unwrap().execute_batch(&format!("{CREATE} PRAGMA user_version = 9;")).unwrap();
        let out = t.path().join("out.sqlite");
        let error = |p: &Path| {
            merge(&[good.clone(), p.to_path_buf()], &out)
                .unwrap_err()
                .to_string()
                .replace(&t.path().display().to_string(), "T")
        };
        assert_eq!(error(&text), "T/notes.txt: not an SQLite file, so not a mova cache");
        assert_eq!(
            error(&theirs),
            "T/theirs.db: another program's SQLite database (tables accounts), not a mova cache"
        );
        assert_eq!(error(&newer), "T/newer.sqlite: the cache of a newer mova (schema 9); use that mova");
        assert_eq!(error(t.path()), "T: a directory, not a mova cache");
        assert!(error(&t.path().join("gone.sqlite")).starts_with("T/gone.sqlite: cannot read it (No such file"));
        assert!(!out.exists());
        // An output that is not a mova cache is never replaced.
        assert_eq!(
            merge(std::slice::from_ref(&good), &text)
                .unwrap_err()
                .to_string()
                .replace(&t.path().display().to_string(), "T"),
            "T/notes.txt: not an SQLite file, so not a mova cache"
        );
        assert_eq!(std::fs::read_to_string(&text).unwrap(), "not a database");
    }

    #[test]
    fn uris_escape_what_sqlite_would_read() {
        assert_eq!(uri(Path::new("/a b/c?d#e%.sqlite")), "file:/a%20b/c%3Fd%23e%25.sqlite?mode=ro");
    }
}
