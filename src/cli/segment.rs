//! `mova segment`: layout, normalisation and segmentation alone, in bounded
//! memory: one sentence per line, a blank line between paragraphs.

use std::process::ExitCode;

use anyhow::Result;
use mova::layout;
use mova::sentences::{self, unit_sentences};

use super::args::SegmentArgs;
use super::io::{inputs, pieces, Sink};

pub fn run(a: SegmentArgs) -> Result<ExitCode> {
    let rules = a.normalize.rules();
    let mut sink = Sink::new(a.output.as_deref())?;
    let mut first_paragraph = true;
    for path in inputs(&a.inputs) {
        let mut continues = false;
        for piece in pieces(&path, a.normalize.lossy, sentences::safe_cut)? {
            let piece = piece?;
            let mut out = String::with_capacity(piece.text.len() + piece.text.len() / 8);
            for (i, unit) in layout::units(&piece.text).iter().enumerate() {
                if !(first_paragraph || i == 0 && continues) {
                    out.push('\n');
                }
                first_paragraph = false;
                let text = &piece.text[unit.range.clone()];
                for (range, sentence) in unit_sentences(text, rules) {
                    if a.offsets {
                        let start = piece.offset + unit.range.start + range.start;
                        out.push_str(&format!("{start}\t{}\t", start + range.len()));
                    }
                    out.push_str(&sentence);
                    out.push('\n');
                }
            }
            continues = piece.open_end;
            sink.write(&out)?;
        }
    }
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}
