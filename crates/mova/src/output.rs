//! Outputs: one file per input and target language, written atomically.
//!
//! In: a [`Document`] and its [`Translated`] units. Out: `<stem>.<lang>.<ext>` under
//! the output directory (subdirectories of a directory input are mirrored). Text
//! outputs keep the input's layout byte for byte outside the translated units;
//! JSON Lines outputs keep every record's fields and order, with the text fields
//! translated and `lang` set. Each file is written to a temporary file beside it
//! and renamed, so an interrupted run never leaves a half-written output.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::{Error, Result};
use crate::input::{Content, Document, Origin, Source};
use crate::lang::Lang;
use crate::layout;
use crate::plan::Translated;

/// Where the output of `stem` (with extension `ext`) into `lang` goes.
pub fn path_for(out_dir: &Path, stem: &Path, ext: &str, lang: Lang) -> PathBuf {
    let name = stem.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let parent = stem.parent().unwrap_or(Path::new(""));
    out_dir.join(parent).join(format!("{name}.{}.{ext}", lang.code()))
}

/// Fails if two sources would write the same output file, if two differ only
/// in their extension (`x.txt` and `x.md`: outputs told apart only by it), or
/// if an output would replace one of the inputs.
pub fn check_clashes(sources: &[Source], out_dir: &Path) -> Result<()> {
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::new();
    let mut stems: HashMap<&Path, PathBuf> = HashMap::new();
    for s in sources {
        let output = path_for(out_dir, &s.stem, s.ext, Lang::Ru);
        let me = s.origin.display_path();
        if let Some(first) = seen.insert(output.clone(), me.clone()) {
            return Err(Error::OutputClash { first, second: me, output });
        }
        if let Some(first) = stems.insert(&s.stem, me.clone()) {
            let output = path_for(out_dir, &s.stem, "*", Lang::Ru);
            return Err(Error::SameStem { first, second: me, output });
        }
    }
    let inputs: Vec<(&Path, fs::Metadata)> = sources
        .iter()
        .filter_map(|s| match &s.origin {
            Origin::File(p) => fs::metadata(p).ok().map(|m| (p.as_path(), m)),
            Origin::Stdin => None,
        })
        .collect();
    for s in sources {
        for lang in Lang::ALL {
            let Ok(out) = fs::metadata(path_for(out_dir, &s.stem, s.ext, lang)) else { continue };
            if let Some((input, _)) = inputs.iter().find(|(_, m)| same_file(m, &out)) {
                return Err(Error::OutputIsInput { input: input.to_path_buf(), by: s.origin.display_path() });
            }
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

/// The text of `doc` translated as `t`.
pub fn render(doc: &Document, t: &Translated) -> Result<String> {
    match &doc.content {
        Content::Text(text) => {
            let units = t.texts.first().map_or(&[][..], Vec::as_slice);
            Ok(layout::rebuild(&text.text, &text.units, units))
        }
        Content::Jsonl(records) => {
            let mut out = String::new();
            let mut next = t.texts.iter();
            for record in records {
                let mut fields = record.fields.clone();
                for (key, text) in &record.texts {
                    let units = next.next().map_or(&[][..], Vec::as_slice);
                    fields.insert(key.clone(), Value::String(layout::rebuild(&text.text, &text.units, units)));
                }
                fields.insert("lang".into(), Value::String(t.lang.code().into()));
                let line = serde_json::to_string(&Value::Object(fields))
                    .map_err(|e| Error::io(doc.origin.display_path(), std::io::Error::other(e)))?;
                out.push_str(&line);
                out.push('\n');
            }
            Ok(out)
        }
    }
}

/// Temporary outputs are `.mova-<pid>-<random>.tmp`: the pid tells a later run
/// whether the writer is gone (killed) and the file can be removed.
const TMP_PREFIX: &str = ".mova-";

/// Removes temporary outputs under `dir` left by mova processes that no longer
/// run (a run killed with SIGKILL cannot clean up after itself). Returns how
/// many were removed.
pub fn sweep(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else { return 0 };
    let mut removed = 0;
    for e in entries.flatten() {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().is_ok_and(|t| t.is_dir()) && !name.starts_with('.') {
            removed += sweep(&path);
            continue;
        }
        let Some(pid) =
            name.strip_prefix(TMP_PREFIX).and_then(|r| r.split('-').next()).and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if name.ends_with(".tmp")
            && pid != std::process::id()
            && !Path::new(&format!("/proc/{pid}")).exists()
            && fs::remove_file(&path).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

/// A file written through a temporary file beside it and renamed into place by
/// [`AtomicFile::commit`]; dropped before that, it leaves nothing behind.
pub struct AtomicFile {
    path: PathBuf,
    tmp: std::io::BufWriter<tempfile::NamedTempFile>,
}

/// A temporary file made by `builder` in `dir`, which is created when missing.
/// Another mova writing the same tree (a shard of the same run) may remove an
/// empty directory it made for its own check between the two steps: then this
/// tries again.
pub fn temp_file_in(dir: &Path, builder: &tempfile::Builder) -> std::io::Result<tempfile::NamedTempFile> {
    let try_once = || fs::create_dir_all(dir).and_then(|()| builder.tempfile_in(dir));
    let mut tmp = try_once();
    for _ in 0..5 {
        match &tmp {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => tmp = try_once(),
            _ => break,
        }
    }
    tmp
}

impl AtomicFile {
    /// Starts writing `path` (its directory is created).
    pub fn create(path: &Path) -> Result<AtomicFile> {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let prefix = format!("{TMP_PREFIX}{}-", std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // The mode any new file gets (0666 less the umask), not tempfile's 0600.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let tmp = temp_file_in(dir, &builder).map_err(|e| Error::io(dir, e))?;
        Ok(AtomicFile { path: path.to_path_buf(), tmp: std::io::BufWriter::with_capacity(1 << 16, tmp) })
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        let tmp = self.tmp.into_inner().map_err(|e| Error::io(&path, e.into_error()))?;
        tmp.as_file().sync_all().map_err(|e| Error::io(&path, e))?;
        tmp.persist(&path).map_err(|e| Error::io(&path, e.error))?;
        Ok(())
    }
}

impl AtomicFile {
    /// Flushes, syncs and closes the file, leaving it to be renamed into place
    /// by [`Closed::persist`] (or removed if that never happens).
    pub fn close(self) -> Result<Closed> {
        let path = self.path;
        let tmp = self.tmp.into_inner().map_err(|e| Error::io(&path, e.into_error()))?;
        tmp.as_file().sync_all().map_err(|e| Error::io(&path, e))?;
        Ok(Closed { path, tmp: tmp.into_temp_path() })
    }
}

/// A finished temporary file, not yet in place; dropped, it is removed.
pub struct Closed {
    path: PathBuf,
    tmp: tempfile::TempPath,
}

impl Closed {
    /// Renames the file into place.
    pub fn persist(self) -> Result<()> {
        let path = self.path;
        self.tmp.persist(&path).map_err(|e| Error::io(&path, e.error))
    }
}

/// The outputs of a streaming run: each input's translations are appended to
/// temporary files as its articles come, and every file is renamed into place
/// only by [`Outputs::commit`], after the whole run succeeded. Dropped before
/// that (an error, Ctrl-C), nothing is left behind.
pub struct Outputs {
    dir: PathBuf,
    /// The files of the input being written: (output path, file).
    open: Vec<(PathBuf, AtomicFile)>,
    closed: Vec<Closed>,
    /// Every output path started, so that no two inputs ever share a file.
    started: std::collections::HashSet<PathBuf>,
}

impl Outputs {
    /// Outputs under `dir`; temporaries of killed runs there are removed.
    pub fn new(dir: &Path) -> Outputs {
        if cfg!(target_os = "linux") {
            sweep(dir);
        }
        Outputs { dir: dir.to_path_buf(), open: Vec::new(), closed: Vec::new(), started: Default::default() }
    }

    /// Appends `doc`'s translations (one per language) to its output files.
    pub fn write(&mut self, doc: &Document, translated: &[Translated]) -> Result<()> {
        let paths: Vec<PathBuf> = translated.iter().map(|t| path_for(&self.dir, &doc.stem, doc.ext, t.lang)).collect();
        // Parts of one input come one after another; another input closes its files.
        if self.open.iter().any(|(p, _)| !paths.contains(p)) {
            self.close_open()?;
        }
        for (t, path) in translated.iter().zip(paths) {
            let i = match self.open.iter().position(|(p, _)| *p == path) {
                Some(i) => i,
                None => {
                    if !self.started.insert(path.clone()) {
                        return Err(Error::Internal(format!("two inputs would write {}", path.display())));
                    }
                    self.open.push((path.clone(), AtomicFile::create(&path)?));
                    self.open.len() - 1
                }
            };
            self.open[i].1.write_all(render(doc, t)?.as_bytes()).map_err(|e| Error::io(&path, e))?;
        }
        Ok(())
    }

    fn close_open(&mut self) -> Result<()> {
        for (_, f) in self.open.drain(..) {
            self.closed.push(f.close()?);
        }
        Ok(())
    }

    /// Renames every output into place; returns how many.
    pub fn commit(mut self) -> Result<usize> {
        self.close_open()?;
        let n = self.closed.len();
        for c in self.closed {
            c.persist()?;
        }
        Ok(n)
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tmp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
}

/// Writes `contents` to `path` through a temporary file in the same directory.
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(contents.as_bytes()).map_err(|e| Error::io(path, e))?;
    f.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_mirror_subdirectories() {
        let p = path_for(Path::new("out"), Path::new("news/a"), "txt", Lang::Be);
        assert_eq!(p, Path::new("out/news/a.be.txt"));
        assert_eq!(path_for(Path::new("o"), Path::new("x"), "jsonl", Lang::Ru), Path::new("o/x.ru.jsonl"));
    }

    #[test]
    fn sweep_removes_temporaries_of_dead_processes_only() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        let dead = dir.path().join("sub/.mova-4294967-abc.tmp");
        fs::write(&dead, "x").unwrap();
        let mine = AtomicFile::create(&dir.path().join("a.ru.txt")).unwrap();
        fs::write(dir.path().join(".mova-notes.tmp"), "x").unwrap();
        assert_eq!(sweep(dir.path()), 1);
        assert!(!dead.exists());
        assert!(dir.path().join(".mova-notes.tmp").exists());
        mine.commit().unwrap();
        assert!(dir.path().join("a.ru.txt").exists());
    }

    fn doc(path: &str, ext: &'static str, text: &str) -> Document {
        let origin = crate::input::Origin::File(PathBuf::from(path));
        Document {
            origin,
            stem: PathBuf::from("x"),
            ext,
            content: Content::Text(crate::input::Text::new(text.into())),
            first_record: 0,
        }
    }

    #[test]
    fn inputs_sharing_a_stem_never_share_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut outputs = Outputs::new(dir.path());
        for (ext, text) in [("txt", "One.\n"), ("md", "# Two\n")] {
            let t = Translated {
                lang: Lang::Ru,
                doc: 0,
                texts: vec![vec![text.trim_start_matches("# ").trim_end().into()]],
                changes: vec![vec![]],
                suspects: vec![vec![]],
            };
            outputs.write(&doc(&format!("x.{ext}"), ext, text), &[t]).unwrap();
        }
        assert_eq!(outputs.commit().unwrap(), 2);
        assert_eq!(fs::read_to_string(dir.path().join("x.ru.txt")).unwrap(), "One.\n");
        assert_eq!(fs::read_to_string(dir.path().join("x.ru.md")).unwrap(), "# Two\n");
        let source = |p: &str, ext| crate::input::Source {
            origin: crate::input::Origin::File(p.into()),
            stem: "x".into(),
            format: crate::input::Format::Txt,
            ext,
            once: false,
        };
        let e = check_clashes(&[source("a/x.txt", "txt"), source("a/x.md", "md")], Path::new("o")).unwrap_err();
        assert!(matches!(e, Error::SameStem { .. }), "{e}");
    }

    #[test]
    fn atomic_write_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/a.ru.txt");
        write_atomic(&p, "hello").unwrap();
        write_atomic(&p, "again").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "again");
        let names: Vec<_> = fs::read_dir(dir.path().join("sub")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec!["a.ru.txt"]);
    }
}
