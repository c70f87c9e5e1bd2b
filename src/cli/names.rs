//! `mova names`: the name-variant table of the names in articles.

use std::process::ExitCode;

use anyhow::{bail, Result};
use mova::input::{self, Content, Document};
use mova::names::{self, table, Gazetteer};
use mova::translit::Registry;

use super::args::{NamesArgs, TableFormat};
use super::io::Sink;

/// (label, text) per article: the file, or file#id for JSON Lines records.
pub fn articles(docs: &[Document]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for d in docs {
        let path = d.origin.display_path().display().to_string();
        match &d.content {
            Content::Text(t) => out.push((path, t.text.clone())),
            Content::Jsonl(records) => {
                for (i, r) in records.iter().enumerate() {
                    let id = r.label(i);
                    let text = r.texts.iter().map(|(_, t)| t.text.as_str()).collect::<Vec<_>>().join("\n\n");
                    out.push((format!("{path}#{id}"), text));
                }
            }
        }
    }
    out
}

pub fn run(a: NamesArgs) -> Result<ExitCode> {
    let registry = Registry::builtin()?;
    let schemes = table::parse_schemes(&a.schemes, &registry).map_err(|e| anyhow::anyhow!("--schemes: {e}"))?;
    let found = input::find(&a.inputs, a.input_format, &[])?;
    super::io::warn_skipped(&found.skipped);
    let sources = found.sources;
    if sources.is_empty() {
        bail!("no .txt, .md or .jsonl files found in the inputs");
    }
    let docs: Vec<Document> = sources.iter().map(|s| input::read(s, false)).collect::<Result<_, _>>()?;
    let articles = articles(&docs);
    let texts: Vec<&str> = articles.iter().map(|(_, t)| t.as_str()).collect();
    let detector = names::prepare(Gazetteer::builtin_with(&a.names_file)?, &texts, &registry);
    for (spelling, ids) in &detector.ambiguous {
        eprintln!("mova: names: `{spelling}` is as close to {} as to each other; not merged, derived as its own entry (list it in a --names-file to choose)", ids.join(", "));
    }
    let rows = table::rows(&detector, &articles, &schemes, &registry);
    let format = match a.format {
        TableFormat::Tsv => table::Format::Tsv,
        TableFormat::Csv => table::Format::Csv,
        TableFormat::Json => table::Format::Json,
        TableFormat::Md => table::Format::Md,
    };
    let mut sink = Sink::new(a.output.as_deref())?;
    sink.write(&table::render(&rows, &schemes, format))?;
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}
