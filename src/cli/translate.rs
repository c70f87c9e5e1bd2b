//! `mova translate`: inputs → models → translation → outputs, in that order, so
//! that every check (inputs, models, targets, output names) fails before any
//! output is written.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};

use mova::cache::{self, Cache};
use mova::error::shown;
use mova::input::{self, Document, Source};
use mova::names::Namer;
use mova::shard::{self, Shard, Share};
use mova::stats::Stats;
use mova::translate::{Translated, Translator, TranslatorBuilder, Vocabulary};
use mova::{output, Error, Lang};

use super::args::{NamesMode, Switch, TranslateArgs};
use super::progress::Bar;

pub fn run(a: TranslateArgs) -> Result<ExitCode> {
    let langs = check_args(&a)?;
    let sharding = resolve_shard(&a)?;
    let shard = sharding.as_ref().map(|(s, _)| *s);
    let t_read = Instant::now();
    check_out(&a.out, &a.inputs)?;
    // Never read what this run writes: the output directory (when it lies inside
    // an input directory), --report and --stats.
    let exclude: Vec<PathBuf> =
        [Some(&a.out), a.report.as_ref(), a.stats.as_ref()].into_iter().flatten().cloned().collect();
    let found = input::find(&a.inputs, a.format, &exclude)?;
    super::io::warn_skipped(&found.skipped);
    let sources = found.sources;
    if sources.is_empty() {
        bail!("no .txt, .md or .jsonl files found in {}", show_paths(&a.inputs));
    }
    if let Some(s) = shard {
        s.check_sources(&sources)?;
        output::check_clashes(&sources.iter().map(|x| s.part_source(x)).collect::<Vec<_>>(), &a.out)?;
    } else {
        output::check_clashes(&sources, &a.out)?;
    }
    let mut builder = builder(&a, &langs)?;
    builder.check().map_err(explain)?;
    // Every input file is read through once before any work: a bad line in the
    // last file stops the run now, not after an hour of translation.
    // This shard's share of the articles, and where its number came from.
    let share = match &sharding {
        Some((s, from)) => Some((shard::check(&sources, a.normalize.lossy, *s)?, from.as_str())),
        None => None,
    };
    let articles = match share {
        Some((sh, _)) => sh.articles,
        None => input::check(&sources, a.normalize.lossy)?,
    };
    if let Some((sh, from)) = share.filter(|(sh, _)| sh.articles == 0) {
        return empty_shard(&a, sh, from);
    }
    let stdin = sources.iter().any(|s| s.once);
    let read = t_read.elapsed();
    // Where the results go must take them: found now, not after the translation.
    probe(&a.out, "--out", true)?;
    for (path, flag) in [(&a.stats, "--stats"), (&a.report, "--report")] {
        if let Some(p) = path {
            probe(p, flag, false)?;
        }
    }

    let namer = match a.names {
        NamesMode::Fix => Some(Arc::new(Namer::new(mova::names::Gazetteer::builtin_with(&a.names_file)?)?)),
        NamesMode::Off => None,
    };
    let t_load = Instant::now();
    if !a.no_cache {
        let c = Cache::open(&a.cache.clone().unwrap_or_else(cache::default_path));
        warn_cache(&c);
        builder = builder.cache(c);
    }
    let translator = builder.names(namer).build().map_err(explain)?;
    stop_on_interrupt(translator.stop_flag());
    for w in translator.warnings() {
        eprintln!("mova: warning: {w}");
    }
    let load = t_load.elapsed();

    let bar = Bar::new(a.quiet, (!stdin).then_some(articles));
    let (mut stats, files) = translate(&translator, &sources, shard, &a, &bar)?;
    stats.read = read;
    stats.load = load;
    if let Some(path) = &a.stats {
        output::write_atomic(path, &format!("{:#}\n", stats_json(&stats, share)))?;
    }
    if !a.quiet {
        if let Some((sh, from)) = share {
            eprintln!("mova: {sh} ({from})");
        }
        eprintln!("mova: {stats}; {}", vocabularies(&translator).join(", "));
        eprintln!("mova: wrote {files} files to {}", shown(&a.out));
    }
    Ok(ExitCode::SUCCESS)
}

/// The shard of this run, and where it came from: `--shard`, or the job
/// array's environment (with `--shards`).
fn resolve_shard(a: &TranslateArgs) -> Result<Option<(Shard, String)>> {
    let flag = match &a.shard {
        Some(v) => Some(v.parse::<Shard>().map_err(|e| anyhow::anyhow!("--shard {v}: {e}"))?),
        None => None,
    };
    Ok(Shard::resolve(flag, a.shards, &|name| std::env::var(name).ok())?)
}

/// The stats as JSON, with the shard's share when there is one.
fn stats_json(stats: &Stats, share: Option<(Share, &str)>) -> serde_json::Value {
    let mut json = stats.to_json();
    if let Some((sh, from)) = share {
        json["shard"] = sh.to_json(from);
    }
    json
}

/// A shard that owns no article: nothing to load or write (but `--stats`).
fn empty_shard(a: &TranslateArgs, share: Share, from: &str) -> Result<ExitCode> {
    if let Some(path) = &a.stats {
        probe(path, "--stats", false)?;
        output::write_atomic(path, &format!("{:#}\n", stats_json(&Stats::default(), Some((share, from)))))?;
    }
    if !a.quiet {
        eprintln!("mova: {share} ({from}): nothing to translate; no output written");
    }
    Ok(ExitCode::SUCCESS)
}

/// The flags' values checked on their own; the target languages.
fn check_args(a: &TranslateArgs) -> Result<Vec<Lang>> {
    if a.max_batch_tokens == Some(0) {
        bail!("--max-batch-tokens must be at least 1");
    }
    if a.max_sentence_tokens < 8 {
        bail!("--max-sentence-tokens must be at least 8");
    }
    let langs = Lang::parse_list(&a.to).map_err(|e| anyhow::anyhow!("--to: {e}"))?;
    if a.cache.is_none()
        && !a.no_cache
        && std::env::var_os("HOME").is_none()
        && std::env::var_os("XDG_CACHE_HOME").is_none()
    {
        eprintln!(
            "mova: warning: HOME is not set; the translation cache is {} (choose one with --cache FILE or MOVA_CACHE)",
            shown(&cache::default_path())
        );
    }
    Ok(langs)
}

/// The translator the flags describe, before its models are inspected.
fn builder(a: &TranslateArgs, langs: &[Lang]) -> Result<TranslatorBuilder> {
    let mut b = Translator::builder()
        .targets(langs)
        .family(a.family)
        .tokenizer(a.tokenizer.clone())
        .beam(a.beam.into())
        .threads(a.threads, a.replicas)
        .vocabulary(match (a.full_vocab, a.restrict_vocab) {
            (true, _) => Vocabulary::Full,
            (false, true) => Vocabulary::AlwaysRestricted,
            (false, false) => Vocabulary::Restricted,
        })
        .max_sentence_tokens(a.max_sentence_tokens)
        .normalize(a.normalize.rules())
        .typography((a.typography == Switch::On).then(|| a.typography_flags.settings()));
    if let Some(n) = a.max_batch_tokens {
        b = b.max_batch_tokens(n);
    }
    for (lang, dir) in assign_models(&a.models, langs)? {
        b = match lang {
            Some(l) => b.model_for(l, dir),
            None => b.model(dir),
        };
    }
    // Without a cache, restricted-vocabulary views go where the cache would be.
    if a.no_cache {
        b = b.work_dir(
            a.cache
                .clone()
                .unwrap_or_else(cache::default_path)
                .parent()
                .map_or_else(std::env::temp_dir, Path::to_path_buf),
        );
    }
    Ok(b)
}

/// A library error given the flags that fix it.
fn explain(e: Error) -> anyhow::Error {
    match e {
        Error::OneTargetModel { path } => anyhow::anyhow!(
            "{}: a bilingual model translates into one language; give one per language: --model ru=DIR --model be=DIR (or --family if detection is wrong)",
            shown(&path)
        ),
        Error::RestrictedVocabulary { path, problem } => anyhow::anyhow!(
            "{}: cannot prepare its restricted output vocabulary ({problem}); point --cache at a writable directory or pass --full-vocab",
            shown(&path)
        ),
        Error::UnsupportedTarget { path, family, lang, code, wanted } => anyhow::anyhow!(
            "{}: this {family} model has no {lang} target ({wanted}); use a model that covers {lang}, or pass --model {code}=DIR for a {lang} model",
            shown(&path)
        ),
        e => e.into(),
    }
}

fn warn_cache(c: &Cache) {
    for w in c.take_warnings() {
        let fix = if w.cache_off() { " (pass --cache FILE or --no-cache)" } else { "" };
        eprintln!("mova: warning: {w}{fix}");
    }
}

/// Runs the translation, writing outputs and the report; the stats and the
/// number of files written.
fn translate(
    translator: &Translator,
    sources: &[Source],
    shard: Option<Shard>,
    a: &TranslateArgs,
    bar: &Bar,
) -> Result<(Stats, usize)> {
    let mut outputs = output::Outputs::new(&a.out);
    let mut report = match &a.report {
        Some(p) => Some((p.clone(), output::AtomicFile::create(p)?)),
        None => None,
    };
    let mut write_time = Duration::ZERO;
    let docs = input::stream(sources, a.normalize.lossy);
    // A shard's documents keep only the articles it owns.
    let docs = docs.filter_map(move |d| match (d, shard) {
        (Ok(d), Some(s)) => s.keep(d).map(Ok),
        (d, _) => Some(d),
    });
    let result = translator.translate_with(
        docs,
        |doc, translated| {
            let t = Instant::now();
            outputs.write(&doc, &translated)?;
            if let Some((path, file)) = report.as_mut() {
                use std::io::Write;
                let lines =
                    report_lines(&doc, &translated).map_err(|e| Error::io(path.clone(), std::io::Error::other(e)))?;
                file.write_all(lines.as_bytes()).map_err(|e| Error::io(path.clone(), e))?;
            }
            write_time += t.elapsed();
            Ok(())
        },
        bar,
    );
    if let Some(c) = translator.cache() {
        warn_cache(c);
    }
    let mut stats = result?;
    let t_commit = Instant::now();
    let files = outputs.commit()?;
    if let Some((_, file)) = report {
        file.commit()?;
    }
    stats.write = write_time + t_commit.elapsed();
    Ok((stats, files))
}

/// The output vocabulary of each engine, for the summary.
fn vocabularies(translator: &Translator) -> Vec<String> {
    let routes = translator.routes();
    routes
        .iter()
        .enumerate()
        .filter(|(i, r)| routes.iter().position(|o| o.same_engine(r)) == Some(*i))
        .map(|(_, r)| match r.engine.restricted() {
            Some(v) if v.per_source => {
                format!("output vocabulary {} of {} (restricted, plus the source's own pieces)", v.candidates, v.full)
            }
            Some(v) => format!("output vocabulary {} of {} (restricted)", v.candidates, v.full),
            None => "output vocabulary full".to_string(),
        })
        .collect()
}

/// `stop` set by Ctrl-C (and SIGTERM, SIGHUP): the run stops after the batches
/// already running, keeping their translations in the cache; a second Ctrl-C
/// exits at once. Outputs are temporary files until the end, so neither leaves
/// a partial output.
fn stop_on_interrupt(stop: Arc<AtomicBool>) {
    let _ = ctrlc::set_handler(move || {
        if stop.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("\nmova: stopping after the batches now running (Ctrl-C again to quit at once)");
    });
}

/// The `--model` values as (language, directory): `LANG=DIR`, or a bare `DIR`
/// for every other language; each target must have one.
fn assign_models(specs: &[String], langs: &[Lang]) -> Result<Vec<(Option<Lang>, PathBuf)>> {
    if specs.is_empty() {
        bail!("no model given: pass --model DIR or an installed model's NAME (or set MOVA_MODEL); install one with `mova models get opus-mt-zle` (see `mova models`)");
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
    if let (Some(lang), None) = (langs.iter().find(|l| !by_lang.contains_key(l)), &bare) {
        bail!("no model for {} ({lang}): add --model {lang}=DIR", lang.name());
    }
    let mut out: Vec<(Option<Lang>, PathBuf)> =
        langs.iter().filter_map(|l| by_lang.remove(l).map(|p| (Some(*l), p))).collect();
    out.extend(bare.map(|p| (None, p)));
    Ok(out)
}

fn show_paths(paths: &[PathBuf]) -> String {
    paths.iter().map(|p| shown(p)).collect::<Vec<_>>().join(", ")
}

/// `--out` must be a directory (or not exist yet) and not an input directory:
/// outputs written among the inputs could replace them or be read back as
/// inputs. A directory inside an input directory is fine: walking skips it.
fn check_out(out: &Path, inputs: &[PathBuf]) -> Result<()> {
    let Ok(meta) = std::fs::metadata(out) else { return Ok(()) };
    if !meta.is_dir() {
        bail!(
            "--out {}: a file, not a directory; give a directory for the outputs (it is created if missing)",
            shown(out)
        );
    }
    for input in inputs.iter().filter(|i| i.is_dir()) {
        if input::same_file(input, out) {
            bail!("--out {} is the input directory {}: outputs would be written among the inputs; choose another --out (a directory inside it is fine: mova never reads it)", shown(out), shown(input));
        }
    }
    Ok(())
}

/// Fails now if `path` cannot be written (`dir`: as a directory of outputs):
/// a temporary file is made where the output will go and removed, and so are
/// the directories made for it, so that a run failing later leaves nothing.
fn probe(path: &Path, flag: &str, dir: bool) -> Result<()> {
    if !dir && path.is_dir() {
        bail!("{flag} {}: a directory; give a file name", shown(path));
    }
    let at = if dir { path } else { path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")) };
    let missing: Vec<&Path> =
        at.ancestors().take_while(|p| !p.as_os_str().is_empty() && std::fs::symlink_metadata(p).is_err()).collect();
    let prefix = format!(".mova-{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    let result = output::temp_file_in(at, &builder).map(drop);
    for d in missing {
        let _ = std::fs::remove_dir(d);
    }
    result.map_err(|e| anyhow::anyhow!("{flag} {}: cannot be written there ({e})", shown(path)))
}

/// The name changes of one document as JSON Lines: one line per article,
/// field and language (file, article, field, lang, changes: entity, source,
/// model, mova).
fn report_lines(doc: &Document, translated: &[Translated]) -> serde_json::Result<String> {
    let mut out = String::new();
    let file = doc.origin.display_path().display().to_string();
    let labels: Vec<(String, Option<String>)> = match &doc.content {
        input::Content::Text(_) => vec![(file.clone(), None)],
        input::Content::Jsonl(records) => records
            .iter()
            .flat_map(|r| {
                let id = r.label(r.index);
                r.texts.iter().map(move |(field, _)| (id.clone(), Some(field.clone())))
            })
            .collect(),
    };
    for t in translated {
        for (((article, field), changes), suspects) in labels.iter().zip(&t.changes).zip(&t.suspects) {
            let line = serde_json::json!({"file": file, "article": article, "field": field, "lang": t.lang.to_string(), "changes": changes, "suspects": suspects});
            out.push_str(&serde_json::to_string(&line)?);
            out.push('\n');
        }
    }
    Ok(out)
}
