//! `mova translit`: romanize line by line (stdin or files to stdout), or back to
//! Cyrillic with `--reverse`; `--list` shows the schemes.

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
            writeln!(out, "{}\t{}\t{}\t{}\t{} ({})", s.lang, s.id, s.year, if s.reversible { "yes" } else { "no" }, s.name, s.authority)?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(id), Some(lang)) = (a.scheme.as_deref(), a.lang) else { bail!("give --scheme ID and --lang ru|be (see mova translit --list)") };
    let (scheme, compiled) = reg.get(lang, id)?;
    if a.reverse && !compiled.reversible() {
        bail!("scheme `{id}` ({lang}) is not reversible: its Latin forms are ambiguous; reversible ones are marked in mova translit --list");
    }
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
            let text = std::str::from_utf8(&line).map_err(|e| Error::NotUtf8 { path: name.clone(), offset: e.valid_up_to() })?;
            if a.reverse {
                writeln!(out, "{}", compiled.reverse(text).unwrap_or_default())?;
            } else {
                let t = compiled.forward(text);
                for (col, c) in &t.unknown {
                    writeln!(stderr, "{}:{}:{}: `{c}` (U+{:04X}) is not a {} letter of scheme {}; left as it is", name.display(), n + 1, col + 1, *c as u32, scheme.lang.name(), scheme.id)?;
                }
                writeln!(out, "{}", t.text)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
