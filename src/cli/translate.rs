//! `mova translate`: inputs → models → translation → outputs, in that order, so
//! that every check (inputs, models, targets, output names) fails before any
//! output is written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Result};
use mova::engine::{Engine, EngineOptions};
use mova::input::{self, Document};
use mova::model::ModelDir;
use mova::route::Route;
use mova::translate::{self, Settings};
use mova::names::{self, Fixer};
use mova::translate::Translated;
use mova::translit::Registry;
use mova::{output, Error, Lang};

use super::args::{NamesMode, Switch, TranslateArgs};
use super::progress::Bar;

pub fn run(a: TranslateArgs) -> Result<ExitCode> {
    if a.max_batch_tokens == 0 {
        bail!("--max-batch-tokens must be at least 1");
    }
    if a.max_sentence_tokens < 8 {
        bail!("--max-sentence-tokens must be at least 8");
    }
    let langs = Lang::parse_list(&a.to)?;
    let t_read = Instant::now();
    let sources = input::discover(&a.inputs, a.format)?;
    if sources.is_empty() {
        bail!("no .txt, .md or .jsonl files found in {}", show_paths(&a.inputs));
    }
    output::check_clashes(&sources, &a.out)?;
    let assignments = assign_models(&a.models, &langs)?;
    let mut dirs: HashMap<PathBuf, ModelDir> = HashMap::new();
    for (lang, path, explicit) in &assignments {
        if !dirs.contains_key(path) {
            dirs.insert(path.clone(), ModelDir::inspect(path, a.family, a.tokenizer.as_deref())?);
        }
        let dir = &dirs[path];
        dir.check_target(*lang)?;
        let shared = assignments.iter().filter(|(_, p, e)| p == path && !e).count();
        if !explicit && shared > 1 && !dir.family.is_multilingual() {
            bail!(
                "{}: a bilingual model translates into one language; give one per language: --model ru=DIR --model be=DIR (or --family if detection is wrong)",
                path.display()
            );
        }
    }
    let docs: Vec<Document> = sources.iter().map(|s| input::read(s, a.normalize.lossy)).collect::<Result<_, Error>>()?;
    let read = t_read.elapsed();

    let t_load = Instant::now();
    let options = EngineOptions { beam: a.beam.into(), threads: a.threads, ..EngineOptions::default() };
    let mut engines: HashMap<PathBuf, Arc<Engine>> = HashMap::new();
    let mut routes = Vec::new();
    for (lang, path, _) in &assignments {
        let engine = match engines.get(path) {
            Some(e) => e.clone(),
            None => {
                let dir = dirs.remove(path).ok_or_else(|| anyhow::anyhow!("model {} inspected twice", path.display()))?;
                let e = Arc::new(Engine::load(dir, options.clone())?);
                engines.insert(path.clone(), e.clone());
                e
            }
        };
        routes.push(Route::new(*lang, engine)?);
    }
    let load = t_load.elapsed();

    let t_names = Instant::now();
    let fixer = if a.names == NamesMode::Fix {
        let registry = Registry::builtin()?;
        let articles = super::names::articles(&docs);
        let texts: Vec<&str> = articles.iter().map(|(_, t)| t.as_str()).collect();
        Some(Arc::new(Fixer::new(names::prepare(super::names::gazetteer(&a.names_file)?, &texts, &registry))))
    } else {
        None
    };
    let names_setup = t_names.elapsed();

    let bar = Bar::new(a.quiet);
    let settings = Settings {
        max_batch_tokens: a.max_batch_tokens,
        max_sentence_tokens: a.max_sentence_tokens,
        normalize: a.normalize.rules(),
        typography: (a.typography == Switch::On).then(|| a.typography_flags.settings()),
        names: fixer,
    };
    let (translated, mut stats) = translate::run(&docs, &routes, &settings, &bar)?;
    stats.read = read;
    stats.load = load;
    stats.names += names_setup;

    let t_write = Instant::now();
    for t in &translated {
        let doc = &docs[t.doc];
        let text = output::render(doc, t)?;
        output::write_atomic(&output::path_for(&a.out, &doc.stem, doc.ext, t.lang), &text)?;
    }
    if let Some(path) = &a.report {
        output::write_atomic(path, &report(&docs, &translated)?)?;
    }
    stats.write = t_write.elapsed();
    if !a.quiet {
        eprintln!("mova: {stats}");
        eprintln!("mova: wrote {} files to {}", translated.len(), a.out.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Which model directory serves each target: `LANG=DIR` entries first, then a bare
/// `DIR`; the flag says whether the language was named explicitly.
fn assign_models(specs: &[String], langs: &[Lang]) -> Result<Vec<(Lang, PathBuf, bool)>> {
    if specs.is_empty() {
        bail!("no model given: pass --model DIR (or set MOVA_MODEL); get one with scripts/get-model, see README");
    }
    let mut by_lang: HashMap<Lang, PathBuf> = HashMap::new();
    let mut bare: Option<PathBuf> = None;
    for spec in specs {
        match spec.split_once('=') {
            Some((l, dir)) if l.parse::<Lang>().is_ok() => {
                let lang: Lang = l.parse()?;
                if by_lang.insert(lang, PathBuf::from(dir)).is_some() {
                    bail!("--model {lang}=… is given twice; keep one");
                }
            }
            _ => {
                if bare.replace(PathBuf::from(spec)).is_some() {
                    bail!("--model DIR is given twice; for one model per language write --model ru=DIR --model be=DIR");
                }
            }
        }
    }
    langs
        .iter()
        .map(|&lang| match (by_lang.get(&lang), bare.as_ref()) {
            (Some(p), _) => Ok((lang, p.clone(), true)),
            (None, Some(p)) => Ok((lang, p.clone(), false)),
            (None, None) => bail!("no model for {} ({lang}): add --model {lang}=DIR", lang.name()),
        })
        .collect()
}

fn show_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| Path::new(p).display().to_string()).collect::<Vec<_>>().join(", ")
}

/// The name changes as JSON Lines: one line per article and language (file,
/// article, field, lang, changes: entity, source, model, mova).
fn report(docs: &[Document], translated: &[Translated]) -> Result<String> {
    let mut out = String::new();
    for t in translated {
        let doc = &docs[t.doc];
        let file = doc.origin.display_path().display().to_string();
        let labels: Vec<(String, Option<String>)> = match &doc.content {
            input::Content::Text(_) => vec![(file.clone(), None)],
            input::Content::Jsonl(records) => records
                .iter()
                .enumerate()
                .flat_map(|(i, r)| {
                    let id = r.label(i);
                    r.texts.iter().map(move |(field, _)| (id.clone(), Some(field.clone())))
                })
                .collect(),
        };
        for ((article, field), changes) in labels.iter().zip(&t.changes) {
            let line = serde_json::json!({"file": file, "article": article, "field": field, "lang": t.lang.to_string(), "changes": changes});
            out.push_str(&serde_json::to_string(&line)?);
            out.push('\n');
        }
    }
    Ok(out)
}
