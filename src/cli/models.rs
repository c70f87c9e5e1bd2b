//! `mova models`: the installed models; `mova models get NAME`: install one.

use std::cell::RefCell;
use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use mova::error::shown;
use mova::models::{self, download, install, manifest};

#[derive(Debug, Args)]
pub struct ModelsArgs {
    #[command(subcommand)]
    pub action: Option<ModelsAction>,

    /// List as JSON Lines.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ModelsAction {
    /// Download and convert a model by name into $MOVA_MODELS (see `mova models`).
    Get(GetArgs),
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// The model's name (opus-mt-zle, nllb-600m, nllb-1.3b, m2m-418m).
    pub name: String,

    /// Fetch the files from this URL instead (same file names); for Hugging
    /// Face models it is the HF_ENDPOINT of a Hub mirror.
    #[arg(long, env = "MOVA_MODEL_MIRROR", value_name = "URL")]
    pub mirror: Option<String>,

    /// Weights' type after conversion: int8 (CPU), int8_float16 (GPU), float16, float32, ...
    #[arg(long, default_value = "int8", value_name = "Q")]
    pub quantization: String,

    /// The Python that makes the converter's virtual environment.
    #[arg(long, default_value = "python3", value_name = "PY")]
    pub python: String,

    /// Print the steps (downloads, converter commands), do nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Install again over an installed model (replaced only once the new one is whole).
    #[arg(long)]
    pub force: bool,

    /// No progress bar and no step lines (warnings and errors still show).
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

pub fn run(a: ModelsArgs) -> Result<ExitCode> {
    match a.action {
        Some(ModelsAction::Get(g)) => get(g),
        None => list(a.json),
    }
}

fn list(json: bool) -> Result<ExitCode> {
    let dir = models::models_dir();
    let (installed, unfinished) = models::installed(&dir)?;
    if json {
        for m in &installed {
            println!("{}", serde_json::to_string(m)?);
        }
        return Ok(ExitCode::SUCCESS);
    }
    println!("models in {}:", shown(&dir));
    if installed.is_empty() {
        println!("  (none)");
    } else {
        let rows: Vec<[String; 7]> = installed
            .iter()
            .map(|m| {
                [
                    m.name.clone(),
                    m.family.clone(),
                    m.targets.join(","),
                    m.quantization.clone(),
                    models::human_bytes(m.bytes),
                    m.source.clone(),
                    m.licence.clone(),
                ]
            })
            .collect();
        let head = ["name", "family", "targets", "quantization", "size", "source", "licence"].map(String::from);
        let widths: Vec<usize> =
            (0..7).map(|i| rows.iter().chain([&head]).map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
        for r in [&head].into_iter().chain(&rows) {
            let cells: Vec<String> = r
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (c, w))| if i == 6 { c.clone() } else { format!("{c:<w$}") })
                .collect();
            println!("  {}", cells.join("  "));
        }
    }
    for u in &unfinished {
        println!(
            "unfinished: {} ({} so far, {}): `{}` resumes it",
            u.name,
            models::human_bytes(u.bytes),
            shown(&u.path),
            models::install_command(&u.name)
        );
    }
    let missing: Vec<_> =
        manifest::all()?.into_iter().filter(|m| !installed.iter().any(|i| i.name == m.name)).collect();
    if !missing.is_empty() {
        println!("not installed (`mova models get NAME`):");
        for m in missing {
            let n = &m.needs;
            println!(
                "  {:<12} {} — {}; download ~{} MB, model ~{} MB, RAM ~{} MB{}",
                m.name,
                m.title,
                m.licence,
                n.download_mb,
                n.model_mb,
                n.ram_mb,
                if m.recommended { " (recommended)" } else { "" }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn get(g: GetArgs) -> Result<ExitCode> {
    let m = manifest::find(&g.name)?;
    let o = install::Options {
        dir: models::models_dir(),
        mirror: g.mirror.filter(|m| !m.is_empty()),
        quantization: g.quantization,
        python: g.python,
        venv: install::default_venv(),
        dry_run: g.dry_run,
        force: g.force,
    };
    let bar = Bar { bar: RefCell::new(None), quiet: g.quiet || !std::io::stderr().is_terminal() };
    let mut say = |line: &str| {
        if g.dry_run {
            println!("{line}");
        } else if !g.quiet || line.starts_with("mova:") {
            eprintln!("{}", if line.starts_with("mova:") { line.to_string() } else { format!("mova: {line}") });
        }
    };
    let done = install::install(&m, &o, &bar, &mut say)?;
    if g.dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "mova: installed {} in {:.1} s: {} ({}); translate with: mova translate ARTICLES --model {}",
        m.name,
        done.seconds,
        shown(&done.path),
        models::human_bytes(models::dir_size(&done.path)),
        m.name
    );
    Ok(ExitCode::SUCCESS)
}

/// A download bar on a terminal; retries are always told.
struct Bar {
    bar: RefCell<Option<ProgressBar>>,
    quiet: bool,
}

impl download::Progress for Bar {
    fn start(&self, file: &str, total: Option<u64>, done: u64) {
        if self.quiet {
            return;
        }
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::stderr());
        let style =
            ProgressStyle::with_template("mova: {msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style.progress_chars("=> "));
        bar.set_message(file.to_string());
        bar.set_position(done);
        *self.bar.borrow_mut() = Some(bar);
    }

    fn advance(&self, bytes: u64) {
        if let Some(bar) = self.bar.borrow().as_ref() {
            bar.inc(bytes);
        }
    }

    fn retry(&self, done: u64, why: &str) {
        if let Some(bar) = self.bar.borrow_mut().take() {
            bar.abandon();
        }
        eprintln!("mova: download interrupted at {done} bytes ({why}); resuming");
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.borrow_mut().take() {
            bar.finish_and_clear();
        }
    }
}
