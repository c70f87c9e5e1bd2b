//! The progress bar: on stderr, only when stderr is a terminal and not `--quiet`.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use mova::translate::Progress;

/// A bar over the run's articles, or nothing.
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    /// A bar over `total` articles (unknown for stdin) if stderr is a terminal
    /// and `quiet` is off.
    pub fn new(quiet: bool, total: Option<usize>) -> Bar {
        if quiet || !std::io::stderr().is_terminal() {
            return Bar { bar: None };
        }
        let bar = ProgressBar::with_draw_target(total.map(|t| t as u64), ProgressDrawTarget::stderr());
        let template = if total.is_some() {
            "mova: [{bar:30}] {pos}/{len} articles {per_sec} eta {eta}"
        } else {
            "mova: {pos} articles {per_sec}"
        };
        bar.set_style(
            ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        Bar { bar: Some(bar) }
    }
}

impl Progress for Bar {
    fn advance(&self, n: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
