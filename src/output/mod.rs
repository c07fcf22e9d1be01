//! Emitters: one per format, each writing outcomes as they arrive, then the summary.
//! The library never prints; emitters write to the writer they are given.

pub mod attributes;
mod csv_out;
pub mod diff_report;
mod json_out;
mod text_out;

pub use csv_out::CsvEmitter;
pub use json_out::{JsonEmitter, JsonlEmitter};
pub use text_out::TextEmitter;

use crate::analysis::DocReport;
use crate::engine::{Outcome, Record};
use crate::gate::{Tally, Verdict};
use crate::input::{InputError, Origin};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Rows of the summary table kept (the worst documents): the table is for reading, and its
/// memory must not grow with the input.
pub const SUMMARY_ROWS: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Snippets with the evidence underlined, then a summary table.
    Text,
    /// The whole run as one JSON document.
    Json,
    /// One line per input, in input order: a JSONL record's own fields (its text included)
    /// with the report added under `mtaudit`; an error or a skipped file is a line too. The
    /// summary goes to standard error. Standard input is read as JSONL.
    Jsonl,
    /// One row per document.
    Csv,
}

/// One row of the summary table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    pub score: f64,
    pub translation: f64,
    pub boilerplate: f64,
    pub findings: usize,
    pub verdict: Verdict,
    #[serde(skip)]
    seq: u64,
}

/// What a run amounted to. Every input is counted exactly once.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    pub threshold: f64,
    #[serde(flatten)]
    pub tally: Tally,
    /// Inputs read: accepted + rejected + errored.
    pub read: u64,
    pub skipped: u64,
    pub skipped_reasons: BTreeMap<String, u64>,
    pub bytes: u64,
    pub findings_by_rule: BTreeMap<&'static str, u64>,
    /// The worst documents, lowest score first.
    pub worst: Vec<Row>,
    /// Documents not shown in `worst`.
    pub not_shown: u64,
}

impl Summary {
    pub fn new(threshold: f64) -> Self {
        Summary { threshold, ..Summary::default() }
    }

    pub fn observe(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Document { report, .. } => {
                match report.verdict {
                    Verdict::Accept => self.tally.accepted += 1,
                    Verdict::Reject => self.tally.rejected += 1,
                }
                self.bytes += report.bytes as u64;
                for f in &report.findings {
                    *self.findings_by_rule.entry(f.rule).or_insert(0) += 1;
                }
                self.worst.push(Row {
                    id: report.id.clone(),
                    score: report.score.overall,
                    translation: report.score.translation,
                    boilerplate: report.score.boilerplate,
                    findings: report.findings.len(),
                    verdict: report.verdict,
                    seq: self.tally.read(),
                });
                if self.worst.len() >= 2 * SUMMARY_ROWS {
                    self.trim();
                }
            }
            Outcome::Error(_) => self.tally.errored += 1,
            Outcome::Skipped { reason, .. } => {
                self.skipped += 1;
                *self.skipped_reasons.entry(reason.clone()).or_insert(0) += 1;
            }
        }
        self.read = self.tally.read();
    }

    fn trim(&mut self) {
        self.worst.sort_by(|a, b| a.score.total_cmp(&b.score).then(a.seq.cmp(&b.seq)));
        if self.worst.len() > SUMMARY_ROWS {
            self.not_shown += (self.worst.len() - SUMMARY_ROWS) as u64;
            self.worst.truncate(SUMMARY_ROWS);
        }
    }

    /// Call once at the end: sorts the table.
    pub fn finish(&mut self) {
        self.trim();
    }
}

/// Writes one run in one format.
pub trait Emitter {
    /// A document's report; `record` is the JSONL record it came from, when it was kept.
    fn document(&mut self, report: &DocReport, record: Option<&Record>) -> std::io::Result<()>;
    fn error(&mut self, error: &InputError) -> std::io::Result<()>;
    fn skipped(&mut self, origin: &Origin, reason: &str) -> std::io::Result<()>;
    fn finish(&mut self, summary: &Summary) -> std::io::Result<()>;
}

/// Hands an outcome to an emitter.
pub fn emit(emitter: &mut dyn Emitter, outcome: &Outcome) -> std::io::Result<()> {
    match outcome {
        Outcome::Document { report, record, .. } => emitter.document(report, record.as_ref()),
        Outcome::Error(e) => emitter.error(e),
        Outcome::Skipped { origin, reason } => emitter.skipped(origin, reason),
    }
}

/// A file written under a temporary name in its directory and renamed over the target when
/// complete, so that readers see the previous file or the whole new one, never a part.
pub struct AtomicFile {
    target: PathBuf,
    temp: tempfile::NamedTempFile,
}

impl AtomicFile {
    pub fn create(target: &Path) -> std::io::Result<AtomicFile> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        // Readable by others, as a file created in place would be (a temporary file is 0600).
        let mut builder = tempfile::Builder::new();
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        let temp = builder.prefix(".mtaudit-").suffix(".tmp").tempfile_in(dir)?;
        Ok(AtomicFile { target: target.to_path_buf(), temp })
    }

    /// Flushes, syncs and renames over the target.
    pub fn commit(mut self) -> std::io::Result<()> {
        self.temp.flush()?;
        self.temp.as_file().sync_all()?;
        self.temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.temp.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.temp.flush()
    }
}

/// Where a report goes: standard output, or a file committed (renamed into place) once the
/// emitter is done with it.
pub enum Target {
    Stdout(std::io::Stdout),
    File(AtomicFile),
}

impl Target {
    pub fn open(path: Option<&Path>) -> std::io::Result<Target> {
        Ok(match path {
            Some(p) => Target::File(AtomicFile::create(p)?),
            None => Target::Stdout(std::io::stdout()),
        })
    }

    pub fn commit(self) -> std::io::Result<()> {
        match self {
            Target::File(f) => f.commit(),
            Target::Stdout(mut s) => s.flush(),
        }
    }
}

impl Write for Target {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Target::Stdout(s) => s.write(buf),
            Target::File(f) => f.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Target::Stdout(s) => s.flush(),
            Target::File(f) => f.flush(),
        }
    }
}
