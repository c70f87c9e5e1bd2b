//! Inputs and outputs of the text commands: files or stdin in, stdout or an
//! atomically written file out.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use mova::error::shown;
use mova::input;
use mova::output::AtomicFile;
use mova::stream::{Cut, Pieces};
use mova::Error;

/// The inputs to read: the files given, or stdin.
pub fn inputs(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        paths.to_vec()
    }
}

/// The name of an input in messages.
pub fn display(path: &Path) -> PathBuf {
    if path.as_os_str() == "-" {
        PathBuf::from("<stdin>")
    } else {
        path.to_path_buf()
    }
}

/// Bounded-memory pieces of one input.
pub fn pieces(path: &Path, lossy: bool, cut: Cut) -> Result<Pieces<Box<dyn Read>>> {
    let reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        if path.is_dir() {
            let shown = mova::error::shown(path);
            anyhow::bail!("{shown}: is a directory; give the files in it (e.g. {shown}/*.txt)");
        }
        Box::new(File::open(path).map_err(|e| Error::io(path, e))?)
    };
    Ok(Pieces::new(reader, &display(path), lossy, cut))
}

/// Where a command writes: stdout, or a file renamed into place at the end.
pub enum Sink {
    Stdout(BufWriter<io::Stdout>),
    File(AtomicFile, PathBuf),
}

impl Sink {
    pub fn new(output: Option<&Path>) -> Result<Sink> {
        Ok(match output {
            Some(p) => Sink::File(AtomicFile::create(p)?, p.to_path_buf()),
            None => Sink::Stdout(BufWriter::with_capacity(1 << 16, io::stdout())),
        })
    }

    pub fn write(&mut self, s: &str) -> Result<()> {
        let r = match self {
            Sink::Stdout(w) => w.write_all(s.as_bytes()),
            Sink::File(f, _) => f.write_all(s.as_bytes()),
        };
        r.map_err(|e| self.error(e))
    }

    fn error(&self, e: io::Error) -> anyhow::Error {
        match self {
            Sink::Stdout(_) => Error::io("<stdout>", e).into(),
            Sink::File(_, p) => Error::io(p, e).into(),
        }
    }

    /// Flushes stdout, or commits the file.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => w.flush().map_err(|e| Error::io("<stdout>", e).into()),
            Sink::File(f, _) => Ok(f.commit()?),
        }
    }
}

/// One warning per entry passed over while walking the input directories;
/// files named like mova's outputs in one line.
pub fn warn_skipped(skipped: &[(PathBuf, input::Skip)]) {
    let named: Vec<&PathBuf> = skipped.iter().filter(|(_, w)| *w == input::Skip::OutputName).map(|(p, _)| p).collect();
    for (path, why) in skipped.iter().filter(|(_, w)| !matches!(w, input::Skip::OutputName | input::Skip::Excluded)) {
        eprintln!("mova: warning: {}: skipped: {why}", shown(path));
    }
    if let Some(first) = named.first() {
        let more = if named.len() > 1 { format!(" and {} more", named.len() - 1) } else { String::new() };
        eprintln!("mova: warning: {}{more}: skipped: {}", shown(first), input::Skip::OutputName);
    }
}
