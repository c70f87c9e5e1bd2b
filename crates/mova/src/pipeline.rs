//! The streaming pipeline: articles in, translated articles out, in bounded memory.
//!
//! In: an iterator of [`Document`]s (a JSON Lines file may come in parts), the
//! [`Route`]s (each with its engine, any [`crate::engine::Backend`]), [`Settings`],
//! an optional [`Cache`]. Out: each document with its [`Translated`] versions,
//! handed to a sink in input order, and [`Stats`]. Run through
//! [`crate::translate::Translator`]; tested through the stand-in engine
//! (`pipeline/tests.rs`).
//!
//! Three stages run at once, joined by bounded channels:
//! 1. prepare (one thread, Rayon inside): group documents into chunks, normalise,
//!    segment, deduplicate; answer what it can from the run's memo and the cache;
//!    tokenise the rest and cut token-budgeted batches over all targets of an
//!    engine at once (Russian and Belarusian requests of a multilingual model
//!    share batches);
//! 2. work (one thread per engine replica): run batches, detokenise;
//! 3. collect (the caller's thread): store each finished batch in the cache,
//!    put names right, and when a chunk is complete, rebuild and typeset its
//!    units and give its documents to the sink.
//!
//! A sentence seen again while its first translation is still in flight waits
//! for it instead of being translated twice. Stopping (an error, or the stop
//! flag set by Ctrl-C) lets batches already running finish and be cached.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossbeam_channel::{bounded, Receiver, Sender};
use rayon::prelude::*;

use crate::batch;
use crate::cache::{Cache, Scope};
use crate::error::{Error, Result};
use crate::input::Document;
use crate::names::{Namer, Notes};
use crate::normalize::Rules;
use crate::plan::{self, Part, Plan, Translated};
use crate::route::Route;
use crate::stats::Stats;
use crate::typography::Typography;

/// Settings of the translation stage.
#[derive(Clone)]
pub struct Settings {
    /// Padded tokens per batch (count × longest source).
    pub max_batch_tokens: usize,
    /// Longest sentence, in tokens, given to the model whole; longer ones are cut
    /// at clause boundaries (never above the engine's own limit).
    pub max_sentence_tokens: usize,
    /// Normalisation rules for the model's input.
    pub normalize: Rules,
    /// Output typography; `None` leaves the model's text as it is.
    pub typography: Option<Typography>,
    /// Name post-editing; `None` leaves the model's names as they are.
    pub names: Option<Arc<Namer>>,
    /// Article bytes per chunk ([`CHUNK_BYTES`]).
    pub chunk_bytes: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_batch_tokens: default_max_batch_tokens(4),
            max_sentence_tokens: DEFAULT_MAX_SENTENCE_TOKENS,
            normalize: Rules::default(),
            typography: Some(Typography::default()),
            names: None,
            chunk_bytes: CHUNK_BYTES,
        }
    }
}

/// Decoder tokens (source tokens × beam) per batch by default. The engine's
/// working memory grows with them. Measured on the Transformer-base bench model
/// (README, Performance): 1280 keeps a 10,000-article run within model + 300 MB
/// on two replicas with room for the allocator's swings (1536 did not, always),
/// at 2–8% less speed than 2048.
pub const DEFAULT_BATCH_DECODER_TOKENS: usize = 1280;

/// Default padded source tokens per batch for `beam`: 1280 greedy, 640 at
/// beam 2, 320 at beam 4.
pub fn default_max_batch_tokens(beam: usize) -> usize {
    (DEFAULT_BATCH_DECODER_TOKENS / beam.max(1)).max(64)
}
/// Default longest sentence given whole, in tokens: translation quality falls
/// well before the 512–1024 positions models have.
pub const DEFAULT_MAX_SENTENCE_TOKENS: usize = 256;

/// Receives progress, e.g. to draw a bar; `()` receives nothing.
pub trait Progress: Sync {
    /// `n` more articles are done.
    fn advance(&self, _n: usize) {}
    /// The run is over.
    fn finish(&self) {}
}

impl Progress for () {}

/// Chunks are cut at this many bytes of article text: big enough for batches of
/// similar lengths and for repeats to meet, small enough to keep memory flat.
pub const CHUNK_BYTES: usize = 256 * 1024;

/// Translations stay in the run's memo this many chunks after last use.
const MEMO_CHUNKS: usize = 8;

/// Chunks prepared but not yet finished: prepare waits beyond this, so a run
/// answered from the memo or cache cannot read ahead of its writing.
const CHUNKS_IN_FLIGHT: usize = 3;

/// The work of one run.
pub(crate) struct Pipeline<'a> {
    pub routes: &'a [Route],
    pub settings: &'a Settings,
    pub cache: Option<&'a Cache>,
    /// Set from outside (Ctrl-C) to stop the run.
    pub interrupt: &'a AtomicBool,
    /// Set by the run itself when it fails, so that the other stages end.
    pub halt: AtomicBool,
    pub progress: &'a dyn Progress,
}

/// Where a sentence's translation into one route comes from.
#[derive(Clone)]
enum Slot {
    /// Known: the model's text (from the memo or cache), not yet name-fixed.
    Raw(String),
    /// Being translated in an earlier chunk.
    Wait,
    /// Being translated here: the parts done so far.
    Parts(Vec<Option<String>>),
    /// Final: the name-fixed text with its changes.
    Done(String, Notes),
}

struct Chunk {
    id: usize,
    first_doc: usize,
    docs: Vec<Document>,
    plan: Plan,
    /// [route][unique sentence]
    slots: Vec<Vec<Slot>>,
    fixer: Option<crate::names::Fixer>,
    /// Time spent finding the chunk's names (for the stats).
    finding: Duration,
    batches_left: usize,
    /// Translations found in the cache, and sentences cut into parts.
    cached: usize,
    cut: usize,
}

struct Job {
    chunk: usize,
    /// Number of the batch in the run, for error messages.
    batch: usize,
    /// (route, unique sentence, part) of each source.
    items: Vec<(usize, usize, usize)>,
    sources: Vec<Vec<String>>,
    prefixes: Option<Vec<Vec<String>>>,
}

enum Msg {
    Chunk(Box<Chunk>),
    Done {
        chunk: usize,
        items: Vec<(usize, usize, usize)>,
        texts: Vec<String>,
        source_tokens: usize,
        output_tokens: usize,
        secs: Duration,
    },
    Failed(Error),
    Prepared(Duration),
}

/// Translations of this run per route, by sentence: `None` while in flight,
/// with the last chunk that used it.
struct Memo {
    routes: Vec<HashMap<String, (Option<String>, usize)>>,
}

/// Why `hypothesis` cannot be used: it does not start with the forced `prefix`.
fn wrong_start(prefix: Option<&[String]>, hypothesis: &[String]) -> Option<String> {
    let want = prefix?;
    (!hypothesis.starts_with(want)).then(|| {
        let got = hypothesis.first().map_or("nothing", String::as_str);
        format!(
            "the output starts with {got} instead of the forced {}; translate with the full output vocabulary",
            want.join(" ")
        )
    })
}

/// Routes that share one engine (and so tokens, batches and the cache fingerprint).
struct Group {
    routes: Vec<usize>,
    /// Pieces per part: longer sentences are cut at clause boundaries.
    limit: usize,
    /// Pieces the engine takes whole (input and output within its limits).
    hard: usize,
}

/// (route, unique sentence, part): one source of a batch.
type Item = (usize, usize, usize);

/// The memo's lock; a thread that panicked holding it left it whole.
fn lock(memo: &Mutex<Memo>) -> std::sync::MutexGuard<'_, Memo> {
    memo.lock().unwrap_or_else(|p| p.into_inner())
}

impl Pipeline<'_> {
    /// Whether the run is to end: interrupted, or failed.
    fn stopped(&self) -> bool {
        self.interrupt.load(Ordering::Relaxed) || self.halt.load(Ordering::Relaxed)
    }

    fn groups(&self) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        for (r, route) in self.routes.iter().enumerate() {
            match groups.iter_mut().find(|g| self.routes[g.routes[0]].same_engine(route)) {
                Some(g) => g.routes.push(r),
                None => {
                    let overhead = route.source(&[]).len();
                    let hard = route.engine.max_source_tokens().saturating_sub(overhead).max(1);
                    let limit = self.settings.max_sentence_tokens.saturating_sub(overhead).clamp(1, hard);
                    groups.push(Group { routes: vec![r], limit, hard });
                }
            }
        }
        groups
    }

    /// The cache scope of each route: model fingerprint, language, and the
    /// options that change its output.
    fn scopes(&self, cache: &Cache) -> Result<Vec<Scope>> {
        let mut prints: Vec<(usize, String)> = Vec::new();
        self.routes
            .iter()
            .enumerate()
            .map(|(r, route)| {
                let print = match prints.iter().find(|(o, _)| self.routes[*o].same_engine(route)) {
                    Some((_, p)) => p.clone(),
                    None => {
                        let p = route.engine.fingerprint(cache)?;
                        prints.push((r, p.clone()));
                        p
                    }
                };
                let options = format!(
                    "{};cut={};src={}|{};prefix={}",
                    route.engine.decoding(),
                    self.settings.max_sentence_tokens,
                    route.source_prefix.join(" "),
                    route.source_suffix.join(" "),
                    route.target_prefix.join(" ")
                );
                Ok(Scope { model: print, lang: route.lang.code().to_string(), options })
            })
            .collect()
    }

    /// Runs `docs` through the pipeline; `sink` gets each document with its
    /// translations (one per route), in input order.
    pub(crate) fn run<I, S>(&self, docs: I, mut sink: S) -> Result<Stats>
    where
        I: Iterator<Item = Result<Document>> + Send,
        S: FnMut(Document, Vec<Translated>) -> Result<()>,
    {
        let t0 = Instant::now();
        let groups = self.groups();
        let scopes = match self.cache {
            Some(c) if c.is_on() => Some(self.scopes(c)?),
            _ => None,
        };
        let memo = Mutex::new(Memo { routes: vec![HashMap::new(); self.routes.len()] });
        let replicas: usize = groups.iter().map(|g| self.routes[g.routes[0]].engine.replicas()).sum();
        let (job_tx, job_rx) = bounded::<Job>(replicas * 2);
        let (msg_tx, msg_rx) = bounded::<Msg>(replicas * 4 + 4);
        let (slot_tx, slot_rx) = bounded::<()>(CHUNKS_IN_FLIGHT);
        let mut stats = Stats { targets: self.routes.len(), ..Stats::default() };
        let result = std::thread::scope(|scope| {
            {
                let msg_tx = msg_tx.clone();
                let (groups, scopes, memo) = (&groups, scopes.as_deref(), &memo);
                scope.spawn(move || self.prepare(docs, groups, scopes, memo, slot_tx, job_tx, msg_tx));
            }
            for _ in 0..replicas {
                let (job_rx, msg_tx) = (job_rx.clone(), msg_tx.clone());
                scope.spawn(move || self.work(job_rx, msg_tx));
            }
            drop((job_rx, msg_tx));
            let mut collect = Collect {
                chunks: BTreeMap::new(),
                next: 0,
                failure: None,
                busy: Duration::ZERO,
                scopes: scopes.as_deref(),
                memo: &memo,
                stats: &mut stats,
            };
            self.collect(&mut collect, msg_rx, slot_rx, &mut sink)
        });
        stats.wall = t0.elapsed();
        result.map(|()| stats)
    }

    /// Stage 1: chunks → memo/cache answers, and batches for the rest.
    #[allow(clippy::too_many_arguments)]
    fn prepare<I>(
        &self,
        docs: I,
        groups: &[Group],
        scopes: Option<&[Scope]>,
        memo: &Mutex<Memo>,
        slots: Sender<()>,
        jobs: Sender<Job>,
        msgs: Sender<Msg>,
    ) where
        I: Iterator<Item = Result<Document>>,
    {
        let (mut next_doc, mut id, mut batches) = (0, 0, 0);
        let mut pending: Vec<Document> = Vec::new();
        let mut bytes = 0;
        let mut docs = docs.peekable();
        while !self.stopped() {
            let doc = docs.next();
            let end = doc.is_none();
            match doc {
                Some(Ok(d)) => {
                    bytes += d.texts().iter().map(|t| t.text.len()).sum::<usize>();
                    pending.push(d);
                }
                Some(Err(e)) => {
                    let _ = msgs.send(Msg::Failed(e));
                    return;
                }
                None => {}
            }
            if pending.is_empty() || (!end && bytes < self.settings.chunk_bytes) {
                if end {
                    break;
                }
                continue;
            }
            // Wait for room: at most CHUNKS_IN_FLIGHT chunks prepared but unfinished.
            if slots.send(()).is_err() {
                return;
            }
            let t = Instant::now();
            let chunk_docs = std::mem::take(&mut pending);
            bytes = 0;
            let first_doc = next_doc;
            next_doc += chunk_docs.len();
            let (chunk, chunk_jobs) = match self.chunk(id, first_doc, chunk_docs, groups, scopes, memo) {
                Ok(c) => c,
                Err(e) => {
                    let _ = msgs.send(Msg::Failed(e));
                    return;
                }
            };
            let _ = msgs.send(Msg::Prepared(t.elapsed()));
            if msgs.send(Msg::Chunk(Box::new(chunk))).is_err() {
                return;
            }
            for mut job in chunk_jobs {
                job.batch = batches;
                batches += 1;
                if self.stopped() || jobs.send(job).is_err() {
                    return;
                }
            }
            id += 1;
            if end {
                break;
            }
        }
    }

    /// One chunk of documents planned, with the batches its unknown sentences need.
    fn chunk(
        &self,
        id: usize,
        first_doc: usize,
        docs: Vec<Document>,
        groups: &[Group],
        scopes: Option<&[Scope]>,
        memo: &Mutex<Memo>,
    ) -> Result<(Chunk, Vec<Job>)> {
        let plan = plan::plan(&docs, self.settings.normalize);
        let found = Instant::now();
        let fixer = self.settings.names.as_ref().map(|n| {
            let texts: Vec<&str> = docs.iter().flat_map(|d| d.texts()).map(|t| t.text.as_str()).collect();
            n.fixer(&texts)
        });
        let finding = found.elapsed();
        let mut chunk = Chunk {
            id,
            first_doc,
            docs,
            plan,
            slots: vec![Vec::new(); self.routes.len()],
            fixer,
            finding,
            batches_left: 0,
            cached: 0,
            cut: 0,
        };
        let mut jobs = Vec::new();
        for group in groups {
            let needed: Vec<Vec<usize>> =
                group.routes.iter().map(|&r| self.lookup(&mut chunk, r, scopes, memo)).collect();
            jobs.extend(self.jobs(&mut chunk, group, &needed, memo)?);
        }
        chunk.batches_left = jobs.len();
        Ok((chunk, jobs))
    }

    /// Fills route `r`'s slots of the chunk from the run's memo and the cache;
    /// returns the sentences still to translate (now marked in flight).
    fn lookup(&self, c: &mut Chunk, r: usize, scopes: Option<&[Scope]>, memo: &Mutex<Memo>) -> Vec<usize> {
        let unique = &c.plan.unique;
        let mut slots = vec![Slot::Wait; unique.len()];
        let mut unknown = Vec::new();
        {
            let mut m = lock(memo);
            for (u, s) in unique.iter().enumerate() {
                match m.routes[r].get_mut(s.as_str()) {
                    Some((value, last)) => {
                        *last = c.id;
                        slots[u] = value.clone().map_or(Slot::Wait, Slot::Raw);
                    }
                    None => unknown.push(u),
                }
            }
        }
        if let (Some(cache), Some(scopes)) = (self.cache, scopes) {
            let sources: Vec<&str> = unknown.iter().map(|&u| unique[u].as_str()).collect();
            let found = cache.get_many(&scopes[r], &sources);
            let mut m = lock(memo);
            let mut still = Vec::new();
            for (&u, hit) in unknown.iter().zip(found) {
                match hit {
                    Some(t) => {
                        m.routes[r].insert(unique[u].clone(), (Some(t.clone()), c.id));
                        slots[u] = Slot::Raw(t);
                        c.cached += 1;
                    }
                    None => still.push(u),
                }
            }
            unknown = still;
        }
        let mut m = lock(memo);
        for &u in &unknown {
            m.routes[r].insert(unique[u].clone(), (None, c.id));
        }
        c.slots[r] = slots;
        unknown
    }

    /// The batches of one engine group: each needed sentence tokenised once for
    /// all its routes, then sorted and cut by length ([`batch::plan`]).
    fn jobs(&self, c: &mut Chunk, group: &Group, needed: &[Vec<usize>], memo: &Mutex<Memo>) -> Result<Vec<Job>> {
        let mut wanted: Vec<usize> = needed.iter().flatten().copied().collect();
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let engine = &*self.routes[group.routes[0]].engine;
        let unique = &c.plan.unique;
        let encoded: Vec<Vec<Part>> = wanted
            .par_iter()
            .map(|&u| plan::parts(engine, &unique[u], group.limit, group.hard))
            .collect::<Result<_>>()?;
        c.cut += encoded.iter().filter(|p| p.len() > 1).count();
        let index: HashMap<usize, usize> = wanted.iter().enumerate().map(|(i, &u)| (u, i)).collect();
        let mut items: Vec<Item> = Vec::new();
        let mut sources = Vec::new();
        for (k, &r) in group.routes.iter().enumerate() {
            for &u in &needed[k] {
                let parts = &encoded[index[&u]];
                let done: Vec<Option<String>> =
                    parts.iter().map(|p| if let Part::Verbatim(t) = p { Some(t.clone()) } else { None }).collect();
                if done.iter().all(Option::is_some) {
                    // Nothing for the engine: known now, for later chunks too.
                    let text = done.iter().flatten().map(String::as_str).collect::<Vec<_>>().join(" ");
                    if let Some(entry) = lock(memo).routes[r].get_mut(unique[u].as_str()) {
                        entry.0 = Some(text.clone());
                    }
                    c.slots[r][u] = Slot::Raw(text);
                    continue;
                }
                c.slots[r][u] = Slot::Parts(done);
                for (p, part) in parts.iter().enumerate() {
                    if let Part::Pieces(pieces) = part {
                        items.push((r, u, p));
                        sources.push(self.routes[r].source(pieces));
                    }
                }
            }
        }
        let lengths: Vec<usize> = sources.iter().map(Vec::len).collect();
        let jobs = batch::plan(&lengths, self.settings.max_batch_tokens).into_iter().map(|members| {
            let its: Vec<Item> = members.iter().map(|&i| items[i]).collect();
            let prefixes = self.routes[its[0].0]
                .prefix()
                .map(|_| its.iter().map(|&(r, _, _)| self.routes[r].prefix().unwrap_or_default().to_vec()).collect());
            Job {
                chunk: c.id,
                batch: 0,
                items: its,
                sources: members.iter().map(|&i| std::mem::take(&mut sources[i])).collect(),
                prefixes,
            }
        });
        Ok(jobs.collect())
    }

    /// Stage 2: batches → detokenised text, one thread per replica.
    fn work(&self, jobs: Receiver<Job>, msgs: Sender<Msg>) {
        for job in jobs {
            if self.stopped() {
                continue;
            }
            let t = Instant::now();
            let msg = match self.translate(&job) {
                Ok((texts, output_tokens)) => Msg::Done {
                    chunk: job.chunk,
                    source_tokens: job.sources.iter().map(Vec::len).sum(),
                    output_tokens,
                    items: job.items,
                    texts,
                    secs: t.elapsed(),
                },
                Err(e) => Msg::Failed(e),
            };
            if msgs.send(msg).is_err() {
                return;
            }
        }
    }

    /// One batch through its engine: the text of each source, and output tokens.
    fn translate(&self, job: &Job) -> Result<(Vec<String>, usize)> {
        let route = |r: usize| &self.routes[r];
        let engine = &route(job.items[0].0).engine;
        let failed = |message: String| Error::Engine { path: engine.path().to_path_buf(), batch: job.batch, message };
        let hyps = engine.translate_batch(&job.sources, job.prefixes.as_deref()).map_err(failed)?;
        if hyps.len() != job.sources.len() {
            return Err(failed(format!("{} results for {} sentences", hyps.len(), job.sources.len())));
        }
        // A forced language token that comes back changed means the engine
        // decoded from another one (see vocab.rs): never write that output.
        if let Some(message) = job.items.iter().zip(&hyps).find_map(|(&(r, _, _), h)| wrong_start(route(r).prefix(), h))
        {
            return Err(failed(message));
        }
        let output_tokens = job.items.iter().zip(&hyps).map(|(&(r, _, _), h)| route(r).strip(h).len()).sum();
        let texts = job
            .items
            .iter()
            .zip(&hyps)
            .map(|(&(r, _, _), h)| engine.decode(route(r).strip(h)))
            .collect::<Result<Vec<_>>>()?;
        Ok((texts, output_tokens))
    }

    /// Stage 3: results → cache, names, finished chunks → sink, in order.
    fn collect<S>(&self, st: &mut Collect<'_>, msgs: Receiver<Msg>, slots: Receiver<()>, sink: &mut S) -> Result<()>
    where
        S: FnMut(Document, Vec<Translated>) -> Result<()>,
    {
        let mut slots = Some(slots);
        loop {
            match msgs.recv_timeout(Duration::from_millis(200)) {
                Ok(m) => self.receive(st, m),
                Err(crossbeam_channel::RecvTimeoutError::Timeout) => {}
                Err(crossbeam_channel::RecvTimeoutError::Disconnected) => break,
            }
            if st.failure.is_none() && self.interrupt.load(Ordering::Relaxed) {
                st.failure = Some(Error::Interrupted);
            }
            if st.failure.is_some() {
                // Unblock prepare so that it sees the stop and ends.
                slots = None;
                continue;
            }
            while st.chunks.get(&st.next).is_some_and(|c| c.batches_left == 0) {
                let c = st.chunks.remove(&st.next).expect("present");
                let t = Instant::now();
                if let Err(e) = self.finish(c, st.memo, st.stats, sink) {
                    self.halt.store(true, Ordering::Relaxed);
                    st.failure = Some(e);
                    break;
                }
                st.busy += t.elapsed();
                st.next += 1;
                if let Some(s) = &slots {
                    let _ = s.try_recv();
                }
            }
        }
        st.stats.assemble += st.busy.saturating_sub(st.stats.names);
        self.progress.finish();
        match st.failure.take() {
            Some(e) => Err(e),
            // Stopped while waiting: the other stages ended before a message came.
            None if !st.chunks.is_empty() && self.interrupt.load(Ordering::Relaxed) => Err(Error::Interrupted),
            None if !st.chunks.is_empty() => Err(Error::Internal("a chunk was left unfinished".into())),
            None => Ok(()),
        }
    }

    /// One message from prepare or a worker.
    fn receive(&self, st: &mut Collect<'_>, msg: Msg) {
        match msg {
            Msg::Prepared(t) => st.stats.prepare += t,
            Msg::Chunk(c) => {
                // Finding the chunk's names is the name stage's work, not preparing's.
                st.stats.prepare = st.stats.prepare.saturating_sub(c.finding);
                st.stats.names += c.finding;
                st.chunks.insert(c.id, *c);
            }
            Msg::Failed(e) => {
                self.halt.store(true, Ordering::Relaxed);
                st.failure.get_or_insert(e);
            }
            Msg::Done { chunk, items, texts, source_tokens, output_tokens, secs } => {
                st.stats.translate += secs;
                st.stats.batches += 1;
                st.stats.source_tokens += source_tokens;
                st.stats.output_tokens += output_tokens;
                let t = Instant::now();
                if let Some(c) = st.chunks.get_mut(&chunk) {
                    self.batch_done(c, items, texts, st.scopes, st.memo, st.stats);
                }
                st.busy += t.elapsed();
            }
        }
    }

    fn batch_done(
        &self,
        c: &mut Chunk,
        items: Vec<Item>,
        texts: Vec<String>,
        scopes: Option<&[Scope]>,
        memo: &Mutex<Memo>,
        stats: &mut Stats,
    ) {
        c.batches_left = c.batches_left.saturating_sub(1);
        let mut complete: Vec<(usize, usize)> = Vec::new();
        for ((r, u, p), text) in items.into_iter().zip(texts) {
            if let Slot::Parts(parts) = &mut c.slots[r][u] {
                if let Some(slot) = parts.get_mut(p) {
                    *slot = Some(text);
                }
                if parts.iter().all(Option::is_some) {
                    let joined = parts.iter().flatten().map(String::as_str).collect::<Vec<_>>().join(" ");
                    c.slots[r][u] = Slot::Raw(joined);
                    complete.push((r, u));
                }
            }
        }
        stats.translated += complete.len();
        {
            let mut m = lock(memo);
            for &(r, u) in &complete {
                if let (Some(entry), Slot::Raw(t)) = (m.routes[r].get_mut(c.plan.unique[u].as_str()), &c.slots[r][u]) {
                    entry.0 = Some(t.clone());
                }
            }
        }
        if let (Some(cache), Some(scopes)) = (self.cache, scopes) {
            for (r, scope) in scopes.iter().enumerate() {
                let entries: Vec<(&str, &str)> = complete
                    .iter()
                    .filter(|(cr, _)| *cr == r)
                    .filter_map(|&(_, u)| match &c.slots[r][u] {
                        Slot::Raw(t) => Some((c.plan.unique[u].as_str(), t.as_str())),
                        _ => None,
                    })
                    .collect();
                cache.put_many(scope, &entries);
            }
        }
        // Names now, while later batches run.
        let t = Instant::now();
        self.fix_names(c, &complete);
        stats.names += t.elapsed();
    }

    fn fix_names(&self, c: &mut Chunk, which: &[(usize, usize)]) {
        let fixed: Vec<((usize, usize), Slot)> = which
            .par_iter()
            .filter_map(|&(r, u)| match &c.slots[r][u] {
                Slot::Raw(t) => {
                    let (text, notes) = match &c.fixer {
                        Some(f) => {
                            let f = f.fix_all(&c.plan.unique[u], t, self.routes[r].lang);
                            (f.text, Notes { changes: f.changes, suspects: f.suspects })
                        }
                        None => (t.clone(), Notes::default()),
                    };
                    Some(((r, u), Slot::Done(text, notes)))
                }
                _ => None,
            })
            .collect();
        for ((r, u), s) in fixed {
            c.slots[r][u] = s;
        }
    }

    /// Sentences answered by an earlier chunk's batches, now finished, and the
    /// memo trimmed of what this chunk no longer needs.
    fn fill_waiting(&self, c: &mut Chunk, memo: &Mutex<Memo>) -> Result<()> {
        let mut m = lock(memo);
        for (r, slots) in c.slots.iter_mut().enumerate() {
            for (u, slot) in slots.iter_mut().enumerate() {
                if matches!(slot, Slot::Wait) {
                    match m.routes[r].get(c.plan.unique[u].as_str()) {
                        Some((Some(t), _)) => *slot = Slot::Raw(t.clone()),
                        _ => {
                            return Err(Error::Internal(format!(
                                "no translation for a repeated sentence: {}",
                                c.plan.unique[u]
                            )))
                        }
                    }
                }
            }
        }
        for map in &mut m.routes {
            map.retain(|_, (v, last)| v.is_none() || *last + MEMO_CHUNKS > c.id);
        }
        Ok(())
    }

    /// A chunk whose batches are all done: names, rebuilt documents → sink.
    fn finish<S>(&self, mut c: Chunk, memo: &Mutex<Memo>, stats: &mut Stats, sink: &mut S) -> Result<()>
    where
        S: FnMut(Document, Vec<Translated>) -> Result<()>,
    {
        self.fill_waiting(&mut c, memo)?;
        let raw: Vec<(usize, usize)> = c
            .slots
            .iter()
            .enumerate()
            .flat_map(|(r, s)| {
                s.iter().enumerate().filter(|(_, s)| matches!(s, Slot::Raw(_))).map(move |(u, _)| (r, u))
            })
            .collect();
        stats.reused += raw.len().saturating_sub(c.cached);
        stats.cached += c.cached;
        stats.cut += c.cut;
        let t = Instant::now();
        self.fix_names(&mut c, &raw);
        stats.names += t.elapsed();
        stats.sentences += c.plan.occurrences;
        stats.unique += c.plan.unique.len();
        let articles: usize = c.docs.iter().map(Document::articles).sum();
        stats.articles += articles;
        stats.renamed +=
            c.slots.iter().flatten().map(|s| if let Slot::Done(_, n) = s { n.changes.len() } else { 0 }).sum::<usize>();
        let typography = self.settings.typography.as_ref();
        let mut out: Vec<Vec<Translated>> = vec![Vec::new(); c.docs.len()];
        for (route, slots) in self.routes.iter().zip(&mut c.slots) {
            let (texts, notes): (Vec<String>, Vec<Notes>) = slots
                .iter_mut()
                .map(|s| match std::mem::replace(s, Slot::Wait) {
                    Slot::Done(text, notes) => (text, notes),
                    _ => (String::new(), Notes::default()),
                })
                .unzip();
            for t in plan::assemble(&c.docs, &c.plan, route.lang, &texts, &notes, typography) {
                let d = t.doc;
                out[d].push(Translated { doc: c.first_doc + d, ..t });
            }
        }
        for (doc, translated) in c.docs.into_iter().zip(out) {
            sink(doc, translated)?;
        }
        self.progress.advance(articles);
        Ok(())
    }
}

/// What the collecting stage keeps between messages.
struct Collect<'a> {
    /// Chunks prepared and not yet finished, by id.
    chunks: BTreeMap<usize, Chunk>,
    /// The next chunk to finish.
    next: usize,
    failure: Option<Error>,
    /// Time spent storing, naming and rebuilding.
    busy: Duration,
    scopes: Option<&'a [Scope]>,
    memo: &'a Mutex<Memo>,
    stats: &'a mut Stats,
}

#[cfg(test)]
mod tests;
