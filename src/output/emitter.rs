//! What every emitter implements and shares: the `Emitter` interface, the hand-off of one
//! outcome to it, and the run's summary (counts and the worst documents).

use crate::analysis::DocReport;
use crate::engine::{Outcome, Record};
use crate::gate::{Tally, Verdict};
use crate::input::{InputError, Origin};
use serde::Serialize;
use std::collections::BTreeMap;

/// Rows of the summary table kept (the worst documents): the table is for reading, and its
/// memory must not grow with the input.
pub const SUMMARY_ROWS: usize = 50;

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
    /// A document's report; `record` is the JSONL record it came from, when it was kept;
    /// `text` is the document's text, when it was kept (`Settings::keep_text`, or the record's).
    fn document(&mut self, report: &DocReport, record: Option<&Record>, text: Option<&str>) -> std::io::Result<()>;
    fn error(&mut self, error: &InputError) -> std::io::Result<()>;
    fn skipped(&mut self, origin: &Origin, reason: &str) -> std::io::Result<()>;
    fn finish(&mut self, summary: &Summary) -> std::io::Result<()>;
}

/// Hands an outcome to an emitter.
pub fn emit(emitter: &mut dyn Emitter, outcome: &Outcome) -> std::io::Result<()> {
    match outcome {
        Outcome::Document { report, record, text, .. } => {
            let text = text.as_deref().or(record.as_ref().map(|r| r.text.as_str()));
            emitter.document(report, record.as_ref(), text)
        }
        Outcome::Error(e) => emitter.error(e),
        Outcome::Skipped { origin, reason } => emitter.skipped(origin, reason),
    }
}
