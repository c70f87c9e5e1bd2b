//! `mova typography`: the output typography stage alone, on Russian or
//! Belarusian text, paragraph by paragraph.

use std::process::ExitCode;

use anyhow::Result;
use mova::{layout, typography};

use super::args::TypographyArgs;
use super::io::{inputs, pieces, Sink};

fn at_line_end(text: &str) -> Option<(usize, bool)> {
    text.rfind('\n').map(|p| (p + 1, false))
}

pub fn run(a: TypographyArgs) -> Result<ExitCode> {
    let settings = a.typography.settings();
    let mut sink = Sink::new(a.output.as_deref())?;
    for path in inputs(&a.inputs) {
        for piece in pieces(&path, false, at_line_end)? {
            let piece = piece?;
            let units = layout::units(&piece.text);
            let typeset: Vec<String> =
                units.iter().map(|u| typography::apply(&piece.text[u.range.clone()], a.lang, &settings)).collect();
            sink.write(&layout::rebuild(&piece.text, &units, &typeset))?;
        }
    }
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}
