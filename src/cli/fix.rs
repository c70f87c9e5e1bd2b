//! `mova fix`: names put right in translations made anywhere.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};
use mova::input;
use mova::names::Namer;
use mova::output::AtomicFile;
use mova::postedit::{self, FixedDoc, Place};
use serde_json::json;

use super::args::FixArgs;
use super::io::Sink;

/// A source file and its translation; `rel` is the output's path under `-o`.
struct Pair {
    source: PathBuf,
    translation: PathBuf,
    rel: PathBuf,
    jsonl: bool,
}

pub fn run(a: FixArgs) -> Result<ExitCode> {
    let pairs = pairs(&a)?;
    let texts: Vec<(String, String)> =
        pairs.iter().map(|p| Ok((read(&p.source)?, read(&p.translation)?))).collect::<Result<_>>()?;
    let sources: Vec<String> =
        pairs.iter().zip(&texts).flat_map(|(p, (s, _))| postedit::source_texts(s, p.jsonl)).collect();
    let namer = Namer::new(mova::names::Gazetteer::builtin_with(&a.names_file)?)?;
    let fixer = namer.fixer(&sources.iter().map(String::as_str).collect::<Vec<_>>());
    let mut fixed = Vec::with_capacity(pairs.len());
    for (p, (s, t)) in pairs.iter().zip(&texts) {
        let doc =
            if p.jsonl { postedit::fix_jsonl(&fixer, s, t, a.lang) } else { postedit::fix_text(&fixer, s, t, a.lang) };
        let doc = doc.map_err(|e| anyhow::anyhow!("{} and {}: {e}", p.source.display(), p.translation.display()))?;
        fixed.push(doc);
    }
    if let Some(path) = &a.report {
        write_report(path, &pairs, &fixed)?;
    }
    if a.check {
        let mut problems = 0;
        for (p, doc) in pairs.iter().zip(&fixed) {
            for (place, c) in &doc.changes {
                problems += 1;
                println!(
                    "{}:{}: source \"{}\": found \"{}\", expected \"{}\"",
                    p.translation.display(),
                    where_(place),
                    c.source,
                    c.model,
                    c.mova
                );
            }
        }
        return Ok(if problems > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS });
    }
    write_outputs(&a, &pairs, &fixed)?;
    let changes: usize = fixed.iter().map(|d| d.changes.len()).sum();
    let suspects: usize = fixed.iter().map(|d| d.suspects.len()).sum();
    eprintln!(
        "mova fix: {changes} name(s) changed, {suspects} left alone as unsure{}",
        if a.report.is_some() { " (see the report)" } else { "" }
    );
    Ok(ExitCode::SUCCESS)
}

/// "3" for paragraph 3 of a text; "#id/title:1" in JSON Lines.
fn where_(p: &Place) -> String {
    match (&p.id, &p.field) {
        (Some(id), Some(f)) => format!("#{id}/{f}:{}", p.paragraph),
        _ => p.paragraph.to_string(),
    }
}

fn read(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| mova::Error::io(path, e))?;
    Ok(input::decode(path, bytes, false)?)
}

fn is_jsonl(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "jsonl")
}

/// The file pairs: two files, or every source file of a directory with
/// `x.LANG.ext` at the same place in the translation directory.
fn pairs(a: &FixArgs) -> Result<Vec<Pair>> {
    let (s, t) = (&a.source, &a.translation);
    for p in [s, t] {
        if !p.exists() {
            bail!("{}: no such file or directory", p.display());
        }
    }
    match (s.is_dir(), t.is_dir()) {
        (false, false) => {
            let rel = PathBuf::from(t.file_name().unwrap_or_default());
            Ok(vec![Pair { source: s.clone(), translation: t.clone(), rel, jsonl: is_jsonl(s) }])
        }
        (true, true) => {
            let mut out = Vec::new();
            for f in walk(s)? {
                let rel = f.strip_prefix(s).unwrap_or(&f).to_path_buf();
                let stem = rel.file_stem().unwrap_or_default().to_string_lossy();
                let ext = rel.extension().unwrap_or_default().to_string_lossy();
                let name = format!("{stem}.{}.{ext}", a.lang.code());
                let rel = rel.with_file_name(name);
                let translation = t.join(&rel);
                if !translation.is_file() {
                    bail!("{}: no translation of {} (want {})", t.display(), f.display(), translation.display());
                }
                out.push(Pair { jsonl: is_jsonl(&f), source: f, translation, rel });
            }
            if out.is_empty() {
                bail!("{}: no .txt, .md or .jsonl files", s.display());
            }
            Ok(out)
        }
        _ => bail!("{} and {}: give two files or two directories", s.display(), t.display()),
    }
}

/// Source files under `dir` in name order: .txt, .md, .jsonl; hidden entries
/// and files named like translations (x.ru.txt) skipped.
fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut entries: Vec<_> =
        std::fs::read_dir(dir).map_err(|e| mova::Error::io(dir, e))?.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let kind = e.file_type().map_err(|err| mova::Error::io(e.path(), err))?;
        if name.starts_with('.') {
            continue;
        }
        if kind.is_dir() {
            out.extend(walk(&e.path())?);
        } else if kind.is_file()
            && [".txt", ".md", ".jsonl"].iter().any(|x| name.ends_with(x))
            && !translated_name(&name)
        {
            out.push(e.path());
        }
    }
    Ok(out)
}

fn translated_name(name: &str) -> bool {
    let stem = Path::new(name).file_stem().unwrap_or_default().to_string_lossy();
    stem.ends_with(".ru") || stem.ends_with(".be")
}

fn write_outputs(a: &FixArgs, pairs: &[Pair], fixed: &[FixedDoc]) -> Result<()> {
    if !a.source.is_dir() {
        let mut sink = Sink::new(a.output.as_deref())?;
        sink.write(&fixed[0].text)?;
        return sink.finish();
    }
    let Some(out) = &a.output else {
        bail!("{}: directory pairs need -o DIR for the fixed translations", a.translation.display())
    };
    if out.exists() && !out.is_dir() {
        bail!("{}: is a file; -o must be a directory for directory pairs", out.display());
    }
    // Every file is written before any is renamed into place.
    let mut files = Vec::with_capacity(pairs.len());
    for (p, doc) in pairs.iter().zip(fixed) {
        let path = out.join(&p.rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| mova::Error::io(dir, e))?;
        }
        let mut f = AtomicFile::create(&path)?;
        std::io::Write::write_all(&mut f, doc.text.as_bytes()).map_err(|e| mova::Error::io(&path, e))?;
        files.push(f.close()?);
    }
    for f in files {
        f.persist()?;
    }
    Ok(())
}

fn write_report(path: &Path, pairs: &[Pair], fixed: &[FixedDoc]) -> Result<()> {
    let mut text = String::new();
    for (p, doc) in pairs.iter().zip(fixed) {
        let file = p.translation.display().to_string();
        for (place, c) in &doc.changes {
            let line = json!({"file": file, "place": place, "kind": "change", "entity": c.entity, "source": c.source, "found": c.model, "wrote": c.mova, "why": c.why});
            text.push_str(&line.to_string());
            text.push('\n');
        }
        for (place, s) in &doc.suspects {
            let line = json!({"file": file, "place": place, "kind": "suspect", "entity": s.entity, "source": s.source, "found": s.word, "why": s.why});
            text.push_str(&line.to_string());
            text.push('\n');
        }
    }
    let mut f = AtomicFile::create(path)?;
    std::io::Write::write_all(&mut f, text.as_bytes()).map_err(|e| mova::Error::io(path, e))?;
    Ok(f.commit()?)
}
