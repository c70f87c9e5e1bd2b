//! `mova normalize`: the normalisation stage alone, in bounded memory, with
//! `--explain` reporting every change with its line and column.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use mova::normalize::{self, Change, Rule};

use super::args::NormalizeArgs;
use super::io::{display, inputs, pieces, Sink};

pub fn run(a: NormalizeArgs) -> Result<ExitCode> {
    let rules = a.normalize.rules();
    let mut sink = Sink::new(a.output.as_deref())?;
    let mut stderr = std::io::stderr().lock();
    for path in inputs(&a.inputs) {
        let name = display(&path);
        let mut cursor = Cursor::default();
        for piece in pieces(&path, a.normalize.lossy, normalize::safe_cut)? {
            let piece = piece?;
            let n = normalize::normalize(&piece.text, rules);
            if a.explain {
                for c in &n.changes {
                    let (line, col) = cursor.advance(&piece.text, piece.offset, c.original.start);
                    writeln!(stderr, "{}:{line}:{col}: {}", name.display(), describe(&piece.text, &n.text, c))?;
                }
            }
            cursor.finish_piece(&piece.text, piece.offset);
            sink.write(&n.text)?;
        }
    }
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// Line and column (1-based, in characters) of offsets given in increasing order.
#[derive(Default)]
struct Cursor {
    line: usize,
    col: usize,
    /// Input offset the line and column refer to.
    pos: usize,
}

impl Cursor {
    fn advance(&mut self, text: &str, base: usize, to: usize) -> (usize, usize) {
        let from = self.pos.saturating_sub(base);
        for c in text[from..to].chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 0;
            } else {
                self.col += 1;
            }
        }
        self.pos = base + to;
        (self.line + 1, self.col + 1)
    }

    fn finish_piece(&mut self, text: &str, base: usize) {
        self.advance(text, base, text.len());
    }
}

/// `rule: "before" → "after" (why)`, with invisible characters as code points.
fn describe(original: &str, normalized: &str, c: &Change) -> String {
    let (before, after) = (&original[c.original.clone()], &normalized[c.normalized.clone()]);
    let mut why = c.rule.why().to_string();
    if c.rule == Rule::MixedScript {
        // The letters look alike, so name them.
        for (x, y) in before.chars().zip(after.chars()).filter(|(x, y)| x != y) {
            why.push_str(&format!("; {x} U+{:04X} → {y} U+{:04X}", x as u32, y as u32));
        }
    }
    format!("{}: {} → {} ({why})", c.rule, show(before), show(after))
}

fn show(s: &str) -> String {
    if s.is_empty() {
        return "nothing".into();
    }
    if s.chars().all(|c| !c.is_whitespace() && !c.is_control() && !is_invisible(c)) {
        return if s.contains('"') { format!("'{s}'") } else { format!("\"{s}\"") };
    }
    s.chars()
        .map(|c| if c == ' ' { "\" \"".to_string() } else { format!("U+{:04X}", c as u32) })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{300}'..='\u{36F}')
}
