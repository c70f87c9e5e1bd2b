//! `mova translit`: romanize line by line (stdin or files to stdout), or back to
//! Cyrillic with `--reverse` (exact for reversible schemes, the likeliest
//! spelling otherwise) and `--candidates N`; `--list` shows the schemes.

use std::io::{BufRead, BufReader, Write};
use std::process::ExitCode;

use anyhow::{bail, Result};
use mova::translit::Registry;
use mova::Error;

use super::args::TranslitArgs;
use super::io::{display, inputs};

pub fn run(a: TranslitArgs) -> Result<ExitCode> {
    let reg = Registry::builtin()?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if a.list {
        writeln!(out, "lang\tid\tyear\treversible\tname (authority)")?;
        for s in reg.schemes() {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{} ({})",
                s.lang,
                s.id,
                s.year,
                if s.reversible { "yes" } else { "no" },
                s.name,
                s.authority
            )?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(lang) = a.lang else { bail!("give --lang ru|be (see mova translit --list)") };
    let (scheme, compiled) = match a.scheme.as_deref() {
        Some(id) => {
            let (s, c) = reg.get(lang, id)?;
            (Some(s), Some(c))
        }
        None => (None, None),
    };
    // Non-reversible schemes and --candidates go through the ranked search.
    let ranked = a.candidates.is_some() || a.reverse && compiled.is_some_and(|c| !c.reversible());
    let reverser = ranked.then(|| reg.reverser(lang));
    let mut stderr = std::io::stderr().lock();
    for path in inputs(&a.inputs) {
        let name = display(&path);
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(BufReader::new(std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?))
        };
        for (n, line) in reader.split(b'\n').enumerate() {
            let line = line.map_err(|e| Error::io(&name, e))?;
            let text = std::str::from_utf8(&line)
                .map_err(|e| Error::NotUtf8 { path: name.clone(), offset: e.valid_up_to() })?;
            let where_ = || format!("{}:{}", mova::error::shown(&name), n + 1);
            if let Some(r) = &reverser {
                let limit = a.candidates.map_or(1, usize::from);
                let found = r.candidates(text, limit, scheme.map(|s| s.id.as_str()));
                if found.is_empty() {
                    writeln!(
                        stderr,
                        "{}: no {} spelling found that a scheme writes as `{text}`",
                        where_(),
                        lang.name()
                    )?;
                }
                if a.candidates.is_none() {
                    writeln!(out, "{}", found.first().map_or(text, |c| c.text.as_str()))?;
                }
                for (rank, c) in found.iter().enumerate().filter(|_| a.candidates.is_some()) {
                    writeln!(out, "{text}\t{}\t{}\t{:.2}\t{}", rank + 1, c.text, c.score, c.schemes.join(","))?;
                }
            } else if let (Some(scheme), Some(compiled)) = (scheme, compiled) {
                if a.reverse {
                    writeln!(out, "{}", compiled.reverse(text).unwrap_or_default())?;
                    continue;
                }
                let t = compiled.forward(text);
                for (col, c) in &t.unknown {
                    writeln!(
                        stderr,
                        "{}:{}: `{c}` (U+{:04X}) is not a {} letter of scheme {}; left as it is",
                        where_(),
                        col + 1,
                        *c as u32,
                        scheme.lang.name(),
                        scheme.id
                    )?;
                }
                writeln!(out, "{}", t.text)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
