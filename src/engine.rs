//! The run: items in, outcomes out, in input order, analysed in parallel chunks.
//!
//! Items are pulled lazily and analysed a chunk at a time on a rayon pool; each chunk's
//! outcomes are handed to the sink in input order while the pool works on the next chunk.
//! Memory is bounded by a few chunks (a few hundred documents per thread, and at most
//! `CHUNK_BYTES` of text held by in-memory records each), whatever the number of inputs, and
//! the output does not depend on the number of threads.

use crate::analysis::{DocReport, Settings, analyze};
use crate::input::{InputError, Item, Origin, read_document};
use rayon::prelude::*;

/// Documents per thread in one chunk: enough that the pool seldom waits at a chunk's end for
/// its slowest document (with 8, two threads kept 1.76 cores busy; with 256, 1.95).
const DOCS_PER_THREAD: usize = 256;
/// Most bytes of in-memory text (JSONL records) in one chunk.
const CHUNK_BYTES: usize = 64 << 20;
/// How often a consumer waiting for input checks for an interruption.
const IDLE_CHECK: std::time::Duration = std::time::Duration::from_millis(100);
/// How long a chunk waits for its next item before it is analysed as it is.
const CHUNK_LINGER: std::time::Duration = std::time::Duration::from_millis(20);

/// A JSONL record kept to be written back: its fields (the text field holds a placeholder)
/// and its text.
#[derive(Debug)]
pub struct Record {
    pub fields: serde_json::Map<String, serde_json::Value>,
    pub text: String,
}

/// What became of one input.
#[derive(Debug)]
pub enum Outcome {
    /// `text`: the document's text when `Settings::keep_text` asks for it and no `record` holds it.
    Document {
        report: Box<DocReport>,
        record: Option<Record>,
        text: Option<String>,
        path: Option<std::path::PathBuf>,
    },
    Error(InputError),
    Skipped {
        origin: Origin,
        reason: String,
    },
}

/// Runs every item through analysis and hands each outcome to `sink`, in input order.
/// `progress` is called after each chunk with the documents and bytes done so far.
pub fn run(
    items: impl Iterator<Item = Item> + Send + 'static,
    settings: &Settings,
    threads: usize,
    mut progress: impl FnMut(u64, u64),
    mut sink: impl FnMut(Outcome) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let counts = std::cell::Cell::new((0u64, 0u64));
    map_ordered(
        items,
        threads,
        |item| process(item, settings),
        || {
            let (docs, bytes) = counts.get();
            progress(docs, bytes)
        },
        |outcome| {
            if let Outcome::Document { report, .. } = &outcome {
                let (docs, bytes) = counts.get();
                counts.set((docs + 1, bytes + report.bytes as u64));
            }
            sink(outcome)
        },
    )
}

/// Applies `work` to every item on a pool of `threads` and hands the results to `sink` in
/// input order; `after_chunk` runs after each chunk.
///
/// A reader thread pulls items into a channel that holds at most one chunk's worth, so the
/// next chunk is read while the pool works on the current one, and the current chunk's
/// results are written while the pool works on the next. A chunk is cut short when the next
/// item is slow to come (an interactive pipe, a stage fed line by line), and results wait no
/// longer than that for a slow chunk to fill: what has arrived is analysed and written
/// promptly rather than held back for more input. At most three chunks are held: one
/// queued, one analysed, one being written.
pub fn map_ordered<I: Held + Send + 'static, T: Send>(
    items: impl Iterator<Item = I> + Send + 'static,
    threads: usize,
    work: impl Fn(I) -> T + Sync,
    mut after_chunk: impl FnMut(),
    mut sink: impl FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use std::sync::mpsc::RecvTimeoutError;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads.max(1)).build().map_err(std::io::Error::other)?;
    let chunk_items = DOCS_PER_THREAD * threads.max(1);
    let queued = std::sync::Arc::new(ByteBudget::default());
    let (items_out, items_in) = std::sync::mpsc::sync_channel::<I>(chunk_items);
    // The reader is not joined: a run that stops (an interruption, a closed pipe) must not
    // wait for a read that may block for ever (an idle standard input). It ends when its next
    // send fails, or with the process.
    let reader_budget = queued.clone();
    std::thread::spawn(move || {
        for item in items {
            reader_budget.take(item.memory_bytes());
            if items_out.send(item).is_err() {
                return;
            }
        }
    });
    let queued = &*queued;
    // One chunk's results are handed to the sink while the pool analyses the next chunk, so
    // that writing (serialising reports, echoing records) does not leave the pool idle.
    let mut flush = |results: Vec<T>| -> std::io::Result<()> {
        for result in results {
            sink(result)?;
        }
        after_chunk();
        Ok(())
    };
    let mut pending: Option<Vec<T>> = None;
    {
        // However the consumer ends, a reader waiting for room is let go.
        let _closing = CloseOnDrop(queued);
        // The first item of a chunk is waited for (checking for an interruption now and then);
        // the rest only briefly.
        loop {
            // Results waiting to be written are written as soon as input pauses, not held back
            // until more arrives.
            let wait = if pending.is_some() { CHUNK_LINGER } else { IDLE_CHECK };
            let first = match items_in.recv_timeout(wait) {
                Ok(item) => item,
                Err(RecvTimeoutError::Timeout) => {
                    if let Some(results) = pending.take() {
                        flush(results)?;
                    }
                    if interrupted() {
                        return Err(std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted"));
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            };
            let mut held = first.memory_bytes();
            queued.give_back(held);
            let mut chunk = Vec::with_capacity(chunk_items);
            chunk.push(first);
            let gathering = std::time::Instant::now();
            while chunk.len() < chunk_items && held < CHUNK_BYTES {
                match items_in.recv_timeout(CHUNK_LINGER) {
                    Ok(item) => {
                        held += item.memory_bytes();
                        queued.give_back(item.memory_bytes());
                        chunk.push(item);
                    }
                    Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
                }
                // Input that trickles in fills a chunk slowly: the results before it are
                // written meanwhile rather than held back until it is full.
                if gathering.elapsed() >= CHUNK_LINGER
                    && let Some(results) = pending.take()
                {
                    flush(results)?;
                }
            }
            let mut results: Vec<T> = Vec::new();
            let mut written = Ok(());
            pool.in_place_scope(|scope| {
                scope.spawn(|_| results = chunk.into_par_iter().map(&work).collect());
                if let Some(previous) = pending.take() {
                    written = flush(previous);
                }
            });
            written?;
            if interrupted() {
                // What was analysed is written before the run stops, as when input pauses.
                flush(results)?;
                return Err(std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted"));
            }
            pending = Some(results);
        }
        if let Some(results) = pending.take() {
            flush(results)?;
        }
        Ok(())
    }
}

/// The bytes of text queued between the reader and the pool, kept under `CHUNK_BYTES` (one
/// item is always let through, however large, so that the run cannot stall).
#[derive(Default)]
struct ByteBudget {
    /// Bytes queued, and whether the consumer is gone.
    used: std::sync::Mutex<(usize, bool)>,
    freed: std::sync::Condvar,
}

impl ByteBudget {
    fn take(&self, bytes: usize) {
        let mut state = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while !state.1 && state.0 > 0 && state.0 + bytes > CHUNK_BYTES {
            state = self.freed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.0 += bytes;
    }

    fn give_back(&self, bytes: usize) {
        let mut state = self.used.lock().unwrap_or_else(|e| e.into_inner());
        state.0 = state.0.saturating_sub(bytes);
        self.freed.notify_one();
    }

    /// The consumer stopped: nothing waits for room any more (the reader's next send fails).
    fn close(&self) {
        self.used.lock().unwrap_or_else(|e| e.into_inner()).1 = true;
        self.freed.notify_all();
    }
}

struct CloseOnDrop<'a>(&'a ByteBudget);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Asks every run to stop after its current chunk (from a signal handler): the run returns an
/// `Interrupted` error, so that outputs being written are dropped, not left half written.
pub fn interrupt() {
    INTERRUPTED.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// Lets runs go on after an interruption was handled (a library caller that stops one batch
/// and goes on with the next).
pub fn clear_interrupt() {
    INTERRUPTED.store(false, std::sync::atomic::Ordering::SeqCst);
}

pub fn interrupted() -> bool {
    INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst)
}

/// What a queued item holds in memory, so that chunks stay bounded in bytes too.
pub trait Held {
    fn memory_bytes(&self) -> usize;
}

impl Held for Item {
    fn memory_bytes(&self) -> usize {
        Item::memory_bytes(self)
    }
}

/// An item with its position among the inputs.
impl Held for (usize, Item) {
    fn memory_bytes(&self) -> usize {
        self.1.memory_bytes()
    }
}

/// An item read into memory.
pub enum Loaded {
    Text {
        id: String,
        origin: Origin,
        text: String,
        record: Option<serde_json::Map<String, serde_json::Value>>,
        path: Option<std::path::PathBuf>,
    },
    Error(InputError),
    Skipped {
        origin: Origin,
        reason: String,
    },
}

/// Reads an item's text (a file is read here, in the worker), refusing more than `limit` bytes.
pub fn load(item: Item, limit: u64) -> Loaded {
    match item {
        Item::Error(e) => Loaded::Error(e),
        Item::Skipped { origin, reason } => Loaded::Skipped { origin, reason },
        Item::File { path, origin } => match read_document(&path, limit) {
            Ok(text) => Loaded::Text { id: origin.source.clone(), origin, text, record: None, path: Some(path) },
            Err(reason) => Loaded::Error(InputError { origin, reason }),
        },
        Item::Inline { id, origin, text, record } => Loaded::Text { id, origin, text, record, path: None },
    }
}

fn process(item: Item, settings: &Settings) -> Outcome {
    match load(item, settings.config.input.max_document_bytes) {
        Loaded::Text { id, origin, text, record, path } => guarded(id, origin, text, record, path, settings),
        Loaded::Error(e) => Outcome::Error(e),
        Loaded::Skipped { origin, reason } => Outcome::Skipped { origin, reason },
    }
}

/// The last line of defence: a document whose analysis fails is an error for that document,
/// and the run goes on.
fn guarded(
    id: String,
    origin: Origin,
    text: String,
    fields: Option<serde_json::Map<String, serde_json::Value>>,
    path: Option<std::path::PathBuf>,
    settings: &Settings,
) -> Outcome {
    let error_origin = origin.clone();
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyze(id, origin, text, settings))) {
        Ok((report, text)) => {
            let (record, text) = match fields {
                Some(fields) => (Some(Record { fields, text }), None),
                None => (None, settings.keep_text.then_some(text)),
            };
            Outcome::Document { report: Box::new(report), record, text, path }
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Outcome::Error(InputError {
                origin: error_origin,
                reason: format!("internal error while analysing: {what}"),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::finding::{Finding, Severity};
    use crate::input::{InputOptions, read_jsonl};
    use crate::resources::Resources;
    use crate::rule::{Detector, Family, RuleMeta};
    use crate::view::View;

    /// An item that claims to hold a lot of text.
    struct Large(usize);

    impl Held for Large {
        fn memory_bytes(&self) -> usize {
            40 << 20
        }
    }

    #[test]
    fn a_consumer_that_stops_early_lets_a_reader_waiting_for_room_go() {
        // The reader fills the byte budget and waits; the consumer's first write fails (a
        // closed pipe). The run must end with that error rather than wait for ever.
        let items = (0..1000).map(Large);
        let result =
            map_ordered(items, 1, |item| item.0, || {}, |_| Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe)));
        assert_eq!(result.unwrap_err().kind(), std::io::ErrorKind::BrokenPipe);
    }

    #[test]
    fn every_item_comes_out_once_in_order_under_a_tight_byte_budget() {
        let mut seen = Vec::new();
        map_ordered(
            (0..50).map(Large),
            2,
            |item| item.0,
            || {},
            |n| {
                seen.push(n);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, (0..50).collect::<Vec<_>>());
    }

    /// An item of a stream that arrives line by line.
    struct Small(usize);

    impl Held for Small {
        fn memory_bytes(&self) -> usize {
            1
        }
    }

    #[test]
    fn a_result_is_written_while_the_input_pauses() {
        // A stage fed line by line: the second item comes only once the first one's result has
        // been written (or after ten seconds, which fails the test), so a run that held results
        // back until more input came would be caught here.
        let (written_tx, written_rx) = std::sync::mpsc::channel::<usize>();
        let items = (0..2).map(move |n| {
            if n == 1 {
                let first = written_rx.recv_timeout(std::time::Duration::from_secs(10));
                assert_eq!(first, Ok(0), "the first result was held back");
            }
            Small(n)
        });
        let mut seen = Vec::new();
        map_ordered(
            items,
            2,
            |item| item.0,
            || {},
            |n| {
                seen.push(n);
                let _ = written_tx.send(n);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, vec![0, 1]);
    }

    #[test]
    fn results_are_written_while_trickling_input_fills_the_next_chunk() {
        // Items come every 2 ms, faster than a chunk is cut short, so the second chunk fills
        // slowly (256 items with one thread). The first chunk's results must be written while
        // it fills, not once it is full: the reader counts the items it had sent when the
        // first result came out.
        let (written_tx, written_rx) = std::sync::mpsc::channel::<usize>();
        let (seen_at_tx, seen_at_rx) = std::sync::mpsc::channel::<usize>();
        let chunk = DOCS_PER_THREAD;
        let items = (0..chunk * 3).map(move |n| {
            std::thread::sleep(std::time::Duration::from_millis(2));
            if written_rx.try_recv().is_ok() {
                let _ = seen_at_tx.send(n);
            }
            Small(n)
        });
        let mut seen = 0;
        map_ordered(
            items,
            1,
            |item| item.0,
            || {},
            |n| {
                seen += 1;
                if n == 0 {
                    let _ = written_tx.send(n);
                }
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, chunk * 3);
        let seen_at = seen_at_rx.recv().expect("the first result was written");
        assert!(seen_at < chunk + chunk / 2, "the first result waited for {seen_at} items");
    }

    /// A rule that fails on one document: the stand-in for a bug no test has found yet.
    struct FailsOnBoom;

    static META: RuleMeta = RuleMeta {
        id: "MT999",
        name: "fails-on-boom",
        family: Family::Boilerplate,
        default_severity: Severity::Info,
        default_weight: 1.0,
        fallback: false,
        summary: "Fails.",
        explanation: "",
    };

    impl Detector for FailsOnBoom {
        fn meta(&self) -> &'static RuleMeta {
            &META
        }

        fn check(&self, doc: &View, _: &Resources, _: &mut Vec<Finding>) {
            assert!(!doc.text.contains("boom"), "a rule failed");
        }
    }

    #[test]
    fn a_document_whose_analysis_fails_is_an_error_and_the_run_goes_on() {
        static FAILS: FailsOnBoom = FailsOnBoom;
        let mut settings = Settings::new(Config::default()).unwrap();
        settings.detectors.push(&FAILS);
        let jsonl = "{\"id\": \"a\", \"text\": \"Un texte tranquille.\"}\n{\"id\": \"b\", \"text\": \"boom\"}\n{\"id\": \"c\", \"text\": \"Encore un texte.\"}\n";
        let options = InputOptions {
            text_field: "text".into(),
            id_field: "id".into(),
            max_document_bytes: 1 << 20,
            text_extensions: vec![],
            jsonl_extensions: vec![],
            stdin_jsonl: false,
            keep_records: false,
            site_field: None,
            site_from_path: None,
        };
        let items = read_jsonl(Box::new(std::io::Cursor::new(jsonl.as_bytes().to_vec())), "t.jsonl".into(), options);
        let mut outcomes = Vec::new();
        // The failing rule's panic message is printed; the run goes on.
        run(
            items,
            &settings,
            2,
            |_, _| {},
            |o| {
                outcomes.push(o);
                Ok(())
            },
        )
        .unwrap();
        let summary: Vec<String> = outcomes
            .iter()
            .map(|o| match o {
                Outcome::Document { report, .. } => format!("document {}", report.id),
                Outcome::Error(e) => format!("error {}:{} {}", e.origin.source, e.origin.line.unwrap_or(0), e.reason),
                Outcome::Skipped { .. } => "skipped".into(),
            })
            .collect();
        assert_eq!(
            summary,
            ["document a", "error t.jsonl:2 internal error while analysing: a rule failed", "document c"]
        );
    }
}
