//! A stand-in engine: deterministic, in memory, no model files.
//!
//! In: sentences. Out: each word echoed, upper-cased or the words reversed
//! ([`Mode`]); a batch holding a chosen word fails, and every batch can take a
//! set time, so tests can drive the pipeline's ordering, deduplication, cache,
//! failure and interrupt paths exactly. A piece is a word; decoding joins pieces
//! with spaces. It records every source it was given ([`StandIn::seen`]).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use super::{Backend, Tokens};
use crate::cache::Cache;
use crate::error::Result;
use crate::lang::Lang;

/// What the stand-in does to each sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The words as they are.
    Echo,
    /// The words upper-cased.
    Upper,
    /// The words in reverse order.
    Reverse,
}

/// A deterministic engine in memory (see the module doc).
#[derive(Debug)]
pub struct StandIn {
    mode: Mode,
    path: PathBuf,
    replicas: usize,
    max_source_tokens: usize,
    delay: Duration,
    fail_on: Option<String>,
    forced_prefix: bool,
    batches: AtomicUsize,
    seen: Mutex<Vec<Vec<String>>>,
}

impl StandIn {
    /// A stand-in in `mode`: one replica, no delay, never failing.
    pub fn new(mode: Mode) -> StandIn {
        StandIn {
            mode,
            path: PathBuf::from(format!("stand-in:{mode:?}").to_lowercase()),
            replicas: 1,
            max_source_tokens: 500,
            delay: Duration::ZERO,
            fail_on: None,
            forced_prefix: false,
            batches: AtomicUsize::new(0),
            seen: Mutex::new(Vec::new()),
        }
    }

    /// Runs `n` batches at a time.
    pub fn replicas(mut self, n: usize) -> Self {
        self.replicas = n.max(1);
        self
    }

    /// Each batch takes `delay`.
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// A batch holding the piece `word` fails.
    pub fn failing_on(mut self, word: &str) -> Self {
        self.fail_on = Some(word.to_string());
        self
    }

    /// Sentences longer than `n` pieces are cut (or passed through).
    pub fn max_source_tokens(mut self, n: usize) -> Self {
        self.max_source_tokens = n.max(1);
        self
    }

    /// Forces a target token (`<ru>`, `<be>`) as NLLB models have, echoed first.
    pub fn forced_prefix(mut self) -> Self {
        self.forced_prefix = true;
        self
    }

    /// Batches translated so far.
    pub fn batches(&self) -> usize {
        self.batches.load(Ordering::SeqCst)
    }

    /// Every source given so far, as tokens, in the order batches ran.
    pub fn seen(&self) -> Vec<Vec<String>> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// What the stand-in makes of `text` (without tokens around it).
    pub fn expected(&self, text: &str) -> String {
        let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        self.apply(&words).join(" ")
    }

    fn apply(&self, pieces: &[String]) -> Vec<String> {
        match self.mode {
            Mode::Echo => pieces.to_vec(),
            Mode::Upper => pieces.iter().map(|p| p.to_uppercase()).collect(),
            Mode::Reverse => pieces.iter().rev().cloned().collect(),
        }
    }
}

impl Backend for StandIn {
    fn path(&self) -> &Path {
        &self.path
    }

    fn tokens(&self, lang: Lang) -> Result<Tokens> {
        let target_prefix = if self.forced_prefix { vec![format!("<{}>", lang.code())] } else { Vec::new() };
        Ok(Tokens { target_prefix, ..Tokens::default() })
    }

    fn encode(&self, text: &str) -> Result<Vec<String>> {
        Ok(text.split_whitespace().map(str::to_string).collect())
    }

    fn decode(&self, pieces: &[String]) -> Result<String> {
        Ok(pieces.join(" "))
    }

    fn translate_batch(
        &self,
        sources: &[Vec<String>],
        prefixes: Option<&[Vec<String>]>,
    ) -> std::result::Result<Vec<Vec<String>>, String> {
        self.batches.fetch_add(1, Ordering::SeqCst);
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).extend(sources.iter().cloned());
        if !self.delay.is_zero() {
            std::thread::sleep(self.delay);
        }
        if let Some(word) = &self.fail_on {
            if sources.iter().flatten().any(|p| p == word) {
                return Err(format!("stand-in failure on `{word}`"));
            }
        }
        Ok(sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut out = prefixes.and_then(|p| p.get(i)).cloned().unwrap_or_default();
                out.extend(self.apply(s));
                out
            })
            .collect())
    }

    fn replicas(&self) -> usize {
        self.replicas
    }

    fn max_source_tokens(&self) -> usize {
        self.max_source_tokens
    }

    fn fingerprint(&self, _cache: &Cache) -> Result<String> {
        Ok(self.path.display().to_string())
    }

    fn decoding(&self) -> String {
        "stand-in".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_and_failure() {
        let t = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let e = StandIn::new(Mode::Reverse);
        assert_eq!(e.translate_batch(&[t(&["a", "b"])], None).unwrap(), vec![t(&["b", "a"])]);
        assert_eq!(StandIn::new(Mode::Upper).expected("Minsk is"), "MINSK IS");
        let prefixed = StandIn::new(Mode::Echo).forced_prefix();
        assert_eq!(prefixed.tokens(Lang::Be).unwrap().target_prefix, t(&["<be>"]));
        assert_eq!(prefixed.translate_batch(&[t(&["x"])], Some(&[t(&["<be>"])])).unwrap(), vec![t(&["<be>", "x"])]);
        let failing = StandIn::new(Mode::Echo).failing_on("BOOM");
        assert_eq!(
            failing.translate_batch(&[t(&["a"]), t(&["BOOM"])], None).unwrap_err(),
            "stand-in failure on `BOOM`"
        );
        assert_eq!((failing.batches(), failing.seen().len()), (1, 2));
    }
}
