//! The translation cache: translations kept across runs in SQLite.
//!
//! In: (model fingerprint, target language, decoding options, normalised source
//! sentence) keys. Out: the model's translation of that sentence (before names
//! and typography, which are applied on every run), or nothing.
//!
//! One file (default `$XDG_CACHE_HOME/mova/translations.sqlite`) in WAL mode, so
//! two mova processes can read and write it at once; each finished batch is
//! committed, so an interrupted run loses nothing already translated. Each
//! entry keeps its model fingerprint, language and time, so caches can be
//! counted ([`stats`]) and merged, newest entry first ([`merge`]).
//!
//! WAL works only among processes of one host: its index is shared memory (the
//! `-shm` file, mapped). Several machines sharing one cache on a network file
//! system (NFS, CIFS, Lustre, GPFS, CephFS) can corrupt it or fail to lock it;
//! mova warns when the cache lies on one ([`network_fs`]). Give each machine
//! or job its own cache on local disk and merge them afterwards.
//!
//! The cache path is never harmed: only a regular file that is recognisably a
//! damaged mova cache (SQLite, with mova's table in its first page, but
//! unreadable) is renamed aside (`….corrupt-<time>`) and a new one started.
//! Anything else mova cannot use — a directory, a device such as `/dev/null`,
//! a FIFO, a file that is not SQLite, another program's database, a newer
//! mova's cache, a cache locked by another process — is left as it is and the
//! run goes on without a cache; a read-only cache is read but not written. An
//! error while running turns the cache off for the rest of the run. None of
//! these stops a translation; each is one warning.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use sha2::{Digest, Sha256};

pub mod merge;
pub mod stats;

/// Schema version written to `PRAGMA user_version`. 2 added each entry's
/// `model` and `lang` (empty in entries written before).
const VERSION: i64 = 2;

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

impl Warning {
    /// Whether the run goes on without a cache.
    pub fn cache_off(&self) -> bool {
        self.0.ends_with(WITHOUT)
    }
}

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

/// How long opening waits for another process's lock on the cache.
const WAIT: Duration = Duration::from_secs(30);

/// The first bytes of every SQLite database file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// What mova's table looks like in the schema (page 1) of its cache.
const OUR_SCHEMA: &[u8] = b"CREATE TABLE translations (key BLOB PRIMARY KEY";

const CREATE: &str = "CREATE TABLE IF NOT EXISTS translations (key BLOB PRIMARY KEY, target TEXT NOT NULL, created INTEGER NOT NULL, model TEXT, lang TEXT) WITHOUT ROWID;
     CREATE TABLE IF NOT EXISTS fingerprints (path TEXT PRIMARY KEY, stamp TEXT NOT NULL, fingerprint TEXT NOT NULL);";

/// Whether the `translations` table of `schema` (`main`, or an attached
/// database) has the `model` and `lang` columns of schema 2.
fn has_scope_columns(c: &Connection, schema: &str) -> rusqlite::Result<bool> {
    let sql =
        format!("SELECT count(*) FROM pragma_table_info('translations', '{schema}') WHERE name IN ('model', 'lang')");
    Ok(c.query_row(&sql, [], |r| r.get::<_, i64>(0))? == 2)
}

/// Brings a schema 1 cache to schema 2 (its old entries keep NULL model and
/// language), in one immediate transaction, so two processes opening it at once
/// add the columns once.
fn migrate(c: &mut Connection) -> rusqlite::Result<()> {
    if has_scope_columns(c, "main")? {
        return Ok(());
    }
    let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if !has_scope_columns(&tx, "main")? {
        tx.execute_batch(
            "ALTER TABLE translations ADD COLUMN model TEXT; ALTER TABLE translations ADD COLUMN lang TEXT;",
        )?;
    }
    tx.commit()
}

fn connect(path: &Path, wait: Duration) -> rusqlite::Result<Connection> {
    let mut c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)?;
    c.busy_timeout(wait)?;
    let mode: String = c.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_READONLY),
            Some(format!("journal mode stays {mode}")),
        ));
    }
    c.pragma_update(None, "synchronous", "NORMAL")?;
    c.execute_batch(CREATE)?;
    migrate(&mut c)?;
    c.pragma_update(None, "user_version", VERSION)?;
    // One cheap read of the table proves its pages are readable.
    c.query_row("SELECT count(*) FROM (SELECT key FROM translations LIMIT 1)", [], |r| r.get::<_, i64>(0))?;
    Ok(c)
}

/// A reader of a cache mova may not write (a read-only file or directory).
fn connect_read_only(path: &Path, wait: Duration) -> rusqlite::Result<Connection> {
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    c.busy_timeout(wait)?;
    c.query_row("SELECT count(*) FROM (SELECT key FROM translations LIMIT 1)", [], |r| r.get::<_, i64>(0))?;
    Ok(c)
}

/// What an existing SQLite file at the cache path is, read without writing.
enum Found {
    /// mova's cache (or an empty database).
    Ours,
    /// Another program's database: its first tables.
    Foreign(String),
    /// A cache of a newer mova.
    Newer(i64),
}

fn inspect(path: &Path, wait: Duration) -> rusqlite::Result<Found> {
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    c.busy_timeout(wait)?;
    let mut stmt = c.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
    let tables: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let version: i64 = c.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(if !tables.is_empty() && !tables.iter().any(|t| t == "translations") {
        Found::Foreign(tables.iter().take(3).cloned().collect::<Vec<_>>().join(", "))
    } else if version > VERSION {
        Found::Newer(version)
    } else {
        Found::Ours
    })
}

/// What went wrong opening a cache, and so what mova may do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trouble {
    /// Another process holds a lock: wait next time, never move it.
    Busy,
    /// Cannot be written (permissions, a read-only file system): read it only.
    ReadOnly,
    /// SQLite calls the file damaged or not a database.
    Damaged,
    /// Anything else (disk full, I/O error): go on without a cache.
    Other,
}

fn trouble(e: &rusqlite::Error) -> Trouble {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => Trouble::Busy,
        Some(C::ReadOnly | C::PermissionDenied | C::CannotOpen) => Trouble::ReadOnly,
        Some(C::DatabaseCorrupt | C::NotADatabase) => Trouble::Damaged,
        _ => Trouble::Other,
    }
}

/// What a non-regular file is, for messages.
fn kind(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Whether the regular file at `path` is mova's cache, damaged: SQLite's header
/// and mova's table in the schema page (at most 64 KiB in).
fn damaged_ours(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(65536).read_to_end(&mut head));
    read.is_ok() && head.starts_with(SQLITE_HEADER) && head.windows(OUR_SCHEMA.len()).any(|w| w == OUR_SCHEMA)
}

/// The kind of network file system `path` (or, when it does not exist yet,
/// its directory) lies on, if it is one: SQLite's WAL is unsafe there.
#[cfg(target_os = "linux")]
pub fn network_fs(path: &Path) -> Option<&'static str> {
    use std::os::unix::ffi::OsStrExt;
    let at = path.ancestors().find(|p| !p.as_os_str().is_empty() && p.exists()).unwrap_or(Path::new("."));
    let c = std::ffi::CString::new(at.as_os_str().as_bytes()).ok()?;
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a NUL-terminated path and `st` a statfs to fill.
    if unsafe { libc::statfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    // Magic numbers from statfs(2) and the file systems' sources.
    match st.f_type as u32 {
        0x6969 => Some("NFS"),
        0xFF53_4D42 | 0xFE53_4D42 | 0x517B => Some("CIFS/SMB"),
        0x0BD0_0BD0 => Some("Lustre"),
        0x4750_4653 => Some("GPFS"),
        0x00C3_6400 => Some("CephFS"),
        0x1983_0326 => Some("BeeGFS"),
        0x5346_414F => Some("AFS"),
        0x0102_1997 => Some("9P"),
        _ => None,
    }
}

/// Not detected elsewhere.
#[cfg(not(target_os = "linux"))]
pub fn network_fs(_: &Path) -> Option<&'static str> {
    None
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

const WITHOUT: &str = "running without a cache";

impl Cache {
    /// Opens (or creates) the cache at `path`, never harming what is there (see
    /// the module doc); what cannot be used is a warning and no cache.
    pub fn open(path: &Path) -> Cache {
        Self::open_waiting(path, WAIT)
    }

    /// [`Cache::pair`], tried again while another process holds a lock SQLite
    /// reports at once, without its busy handler (two processes making the
    /// same new cache switch it to WAL together), until `wait` has passed.
    fn pair_waiting(path: &Path, wait: Duration) -> rusqlite::Result<(Connection, Connection)> {
        let start = std::time::Instant::now();
        loop {
            match Self::pair(path, wait) {
                Err(e) if trouble(&e) == Trouble::Busy && start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(50))
                }
                other => return other,
            }
        }
    }

    fn open_waiting(path: &Path, wait: Duration) -> Cache {
        let cache = Cache {
            path: path.to_path_buf(),
            reader: Mutex::new(None),
            writer: Mutex::new(None),
            warnings: Mutex::new(Vec::new()),
        };
        let shown = crate::error::shown(path);
        match std::fs::metadata(path) {
            Ok(m) if !m.is_file() => {
                cache.warn(format!("{shown}: {}, not a cache file; {WITHOUT}", kind(m.file_type())));
                return cache;
            }
            Ok(m) => {
                if m.len() > 0 && !Self::sqlite(path) {
                    cache.warn(format!("{shown}: not an SQLite file, so not a mova cache; left as it is; {WITHOUT}"));
                    return cache;
                }
                match inspect(path, wait) {
                    Ok(Found::Ours) => {}
                    Ok(Found::Foreign(tables)) => {
                        cache.warn(format!("{shown}: another program's SQLite database (tables {tables}), not a mova cache; left as it is; {WITHOUT}"));
                        return cache;
                    }
                    Ok(Found::Newer(v)) => {
                        cache
                            .warn(format!("{shown}: the cache of a newer mova (schema {v}); left as it is; {WITHOUT}"));
                        return cache;
                    }
                    Err(e) if trouble(&e) == Trouble::Busy => {
                        cache.warn(format!("{shown}: the cache is locked by another process (waited {} s; {e}); left as it is; {WITHOUT}", wait.as_secs()));
                        return cache;
                    }
                    // Damaged or read-only: opening for writing says which.
                    Err(_) => {}
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && std::fs::symlink_metadata(path).is_err() => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    if let Err(e) = std::fs::create_dir_all(dir) {
                        cache.warn(format!(
                            "{}: cannot create the cache directory ({e}); {WITHOUT}",
                            crate::error::shown(dir)
                        ));
                        return cache;
                    }
                }
            }
            Err(e) => {
                cache.warn(format!("{shown}: cannot use it as the cache ({e}); {WITHOUT}"));
                return cache;
            }
        }
        let pair = match Self::pair_waiting(path, wait) {
            Err(e) if trouble(&e) == Trouble::Damaged && Self::set_aside(&cache, path, &e) => {
                Self::pair_waiting(path, wait)
            }
            other => other,
        };
        match pair {
            Ok((r, w)) => {
                if let Some(fs) = network_fs(path) {
                    cache.warn(format!("{shown}: on a network file system ({fs}); SQLite's WAL needs the processes sharing a cache on one host, so jobs on several machines sharing it can corrupt it: give each machine its own cache on local disk (--cache) and join them with `mova cache merge`"));
                }
                *cache.reader.lock().unwrap_or_else(|p| p.into_inner()) = Some(r);
                *cache.writer.lock().unwrap_or_else(|p| p.into_inner()) = Some(w);
            }
            Err(e) => match trouble(&e) {
                Trouble::Busy => cache.warn(format!("{shown}: the cache is locked by another process (waited {} s; {e}); left as it is; {WITHOUT}", wait.as_secs())),
                Trouble::ReadOnly => match connect_read_only(path, wait) {
                    Ok(r) => {
                        cache.warn(format!("{shown}: the cache cannot be written ({e}); reading its translations, storing no new ones"));
                        *cache.reader.lock().unwrap_or_else(|p| p.into_inner()) = Some(r);
                    }
                    Err(e2) => cache.warn(format!("{shown}: cannot open the cache ({e}; read-only: {e2}); left as it is; {WITHOUT}")),
                },
                Trouble::Damaged => cache.warn(format!("{shown}: an SQLite file mova cannot read ({e}), not recognisably its cache; left as it is; {WITHOUT}")),
                Trouble::Other => cache.warn(format!("{shown}: cannot open the cache ({e}); left as it is; {WITHOUT}")),
            },
        }
        cache
    }

    /// Whether the file at `path` starts as an SQLite database does.
    fn sqlite(path: &Path) -> bool {
        use std::io::Read;
        let mut head = [0u8; 16];
        std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && &head == SQLITE_HEADER
    }

    /// Renames a damaged mova cache (a regular file, not a link) and its WAL
    /// files aside; whether the path is free for a new one.
    fn set_aside(&self, path: &Path, e: &rusqlite::Error) -> bool {
        let regular = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file());
        if !regular || !damaged_ours(path) {
            return false;
        }
        let with = |p: &Path, tail: &str| {
            let mut s = p.as_os_str().to_owned();
            s.push(tail);
            PathBuf::from(s)
        };
        let aside = with(path, &format!(".corrupt-{}", now()));
        match std::fs::rename(path, &aside) {
            Ok(()) => {
                for ext in ["-wal", "-shm"] {
                    let _ = std::fs::rename(with(path, ext), with(&aside, ext));
                }
                self.warn(format!(
                    "{}: not a readable cache ({e}); moved it to {} and started a new one",
                    crate::error::shown(path),
                    crate::error::shown(&aside)
                ));
                true
            }
            // Another mova process moved it first.
            Err(m) if m.kind() == std::io::ErrorKind::NotFound => true,
            Err(_) => false,
        }
    }

    fn pair(path: &Path, wait: Duration) -> rusqlite::Result<(Connection, Connection)> {
        let w = connect(path, wait)?;
        let r = connect(path, wait)?;
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
        self.warn(format!(
            "{}: the cache failed while {what} ({e}); going on without it",
            crate::error::shown(&self.path)
        ));
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
                let mut stmt = tx.prepare_cached("INSERT OR REPLACE INTO translations (key, target, created, model, lang) VALUES (?1, ?2, ?3, ?4, ?5)")?;
                let t = now();
                for (s, target) in entries {
                    stmt.execute(params![&scope.key(s)[..], target, t, scope.model, scope.lang])?;
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
        guard
            .as_ref()
            .and_then(|c| c.query_row("SELECT count(*) FROM translations", [], |r| r.get::<_, i64>(0)).ok())
            .unwrap_or(0) as usize
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The remembered fingerprint of the model at `dir` whose files have this
    /// `stamp` (names, sizes, modification times), computed by `compute` and
    /// stored when unknown: hashing a large model.bin takes seconds.
    pub fn fingerprint(
        &self,
        dir: &Path,
        stamp: &str,
        compute: impl FnOnce() -> std::io::Result<String>,
    ) -> std::io::Result<String> {
        let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()).display().to_string();
        {
            let guard = self.reader.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(c) = guard.as_ref() {
                let known: Option<String> = c
                    .query_row(
                        "SELECT fingerprint FROM fingerprints WHERE path = ?1 AND stamp = ?2",
                        params![key, stamp],
                        |r| r.get(0),
                    )
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
            let _ = c.execute(
                "INSERT OR REPLACE INTO fingerprints (path, stamp, fingerprint) VALUES (?1, ?2, ?3)",
                params![key, stamp, f],
            );
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
        assert_eq!(
            c.get_many(&scope("ru"), &["Hello.", "No.", "Bye."]),
            vec![Some("Привет.".into()), None, Some("Пока.".into())]
        );
        assert_eq!(c.get_many(&scope("be"), &["Hello."]), vec![None]);
        drop(c);
        let again = Cache::open(&path);
        assert_eq!(again.get_many(&scope("ru"), &["Hello."]), vec![Some("Привет.".into())]);
        assert_eq!(again.len(), 2);
    }

    /// Every file in `dir` whose name contains `part`.
    fn named(dir: &Path, part: &str) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(part))
            .collect();
        v.sort();
        v
    }

    /// A mova cache with one translation whose table pages are then overwritten.
    fn damaged_cache(path: &Path) {
        let c = Cache::open(path);
        c.put_many(&scope("ru"), &[("a", "б")]);
        drop(c);
        let mut bytes = std::fs::read(path).unwrap();
        assert!(bytes.len() >= 8192 && damaged_ours(path));
        bytes[4096..8192].fill(0x5a);
        std::fs::write(path, bytes).unwrap();
    }

    #[test]
    fn a_damaged_cache_is_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.sqlite");
        damaged_cache(&path);
        let c = Cache::open(&path);
        assert!(c.is_on());
        let w = c.take_warnings();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].0.contains("not a readable cache") && w[0].0.contains("moved it to"), "{}", w[0]);
        assert_eq!(named(dir.path(), ".corrupt-").len(), 1);
        c.put_many(&scope("ru"), &[("a", "б")]);
        assert_eq!(c.get_many(&scope("ru"), &["a"]), vec![Some("б".into())]);
    }

    /// Opens `path` as the cache: it must be off, with one warning containing
    /// `says`, and the path and its directory must be as they were.
    fn left_alone(path: &Path, says: &str) {
        let dir = path.parent().unwrap();
        let before = named(dir, "");
        let read = || std::fs::metadata(path).unwrap().is_file().then(|| std::fs::read(path).unwrap());
        let bytes = read();
        let c = Cache::open_waiting(path, Duration::from_millis(200));
        assert!(!c.is_on());
        let w = c.take_warnings();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].0.contains(says) && w[0].0.contains("running without a cache"), "{}", w[0]);
        assert_eq!(named(dir, ""), before);
        assert_eq!(read(), bytes);
        c.put_many(&scope("ru"), &[("a", "б")]);
        assert_eq!(named(dir, ""), before);
    }

    #[test]
    fn what_is_not_a_mova_cache_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "my notes, not a database\n".repeat(200)).unwrap();
        left_alone(&text, "not an SQLite file, so not a mova cache; left as it is");
        let garbage = dir.path().join("g.sqlite");
        std::fs::write(&garbage, vec![0x5a; 8192]).unwrap();
        left_alone(&garbage, "not an SQLite file");
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        left_alone(&sub, "a directory, not a cache file");
        let theirs = dir.path().join("theirs.db");
        Connection::open(&theirs)
            .unwrap()
            .execute_batch("CREATE TABLE accounts (id INTEGER); INSERT INTO accounts VALUES (1);")
            .unwrap();
        left_alone(&theirs, "another program's SQLite database (tables accounts), not a mova cache");
        let newer = dir.path().join("newer.sqlite");
        Connection::open(&newer).unwrap().execute_batch(&format!("{CREATE} PRAGMA user_version = 7;")).unwrap();
        left_alone(&newer, "the cache of a newer mova (schema 7)");
        // A damaged SQLite file without mova's schema: maybe someone else's.
        let unknown = dir.path().join("unknown.sqlite");
        let mut bytes = SQLITE_HEADER.to_vec();
        bytes.resize(8192, 0x5a);
        std::fs::write(&unknown, bytes).unwrap();
        left_alone(&unknown, "not recognisably its cache");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_mean_no_cache() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        left_alone(&fifo, "a FIFO, not a cache file");
        // The real /dev/null only through the file-type check: opening it as the
        // cache must not be tried.
        let null = std::fs::metadata("/dev/null").unwrap();
        assert_eq!(kind(null.file_type()), "a device");
        assert!(!null.is_file());
    }

    #[test]
    fn a_locked_cache_is_skipped_not_moved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.sqlite");
        drop(Cache::open(&path));
        let holder = Connection::open(&path).unwrap();
        holder
            .execute_batch(
                "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; INSERT INTO fingerprints VALUES ('p', 's', 'f');",
            )
            .unwrap();
        left_alone(&path, "locked by another process");
        drop(holder);
        assert!(Cache::open(&path).is_on());
    }

    #[test]
    fn troubles_are_told_apart() {
        let err = |code| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
        assert_eq!(trouble(&err(rusqlite::ffi::SQLITE_BUSY)), Trouble::Busy);
        assert_eq!(trouble(&err(rusqlite::ffi::SQLITE_READONLY)), Trouble::ReadOnly);
        assert_eq!(trouble(&err(rusqlite::ffi::SQLITE_CORRUPT)), Trouble::Damaged);
        assert_eq!(trouble(&err(rusqlite::ffi::SQLITE_NOTADB)), Trouble::Damaged);
        assert_eq!(trouble(&err(rusqlite::ffi::SQLITE_FULL)), Trouble::Other);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_cache_is_read_not_written() {
        use std::os::unix::fs::PermissionsExt;
        if unsafe { libc::geteuid() } == 0 {
            return; // root writes read-only files
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.sqlite");
        let c = Cache::open(&path);
        c.put_many(&scope("ru"), &[("a", "б")]);
        drop(c);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let c = Cache::open(&path);
        assert_eq!(c.get_many(&scope("ru"), &["a"]), vec![Some("б".into())]);
        assert!(c.take_warnings()[0].0.contains("storing no new ones"));
        assert!(named(dir.path(), ".corrupt-").is_empty());
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
