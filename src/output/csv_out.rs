//! CSV: one row per input.

use super::emitter::{Emitter, Summary};
use crate::analysis::DocReport;
use crate::engine::Record;
use crate::input::{InputError, Origin};
use std::collections::BTreeMap;
use std::io::Write;

pub struct CsvEmitter<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
}

const HEADER: [&str; 15] = [
    "id",
    "source",
    "line",
    "status",
    "score",
    "translation",
    "boilerplate",
    "verdict",
    "language",
    "language_confidence",
    "bytes",
    "words",
    "findings",
    "rules",
    "reason",
];

impl<W: Write> CsvEmitter<W> {
    pub fn new(out: W) -> Self {
        CsvEmitter { out: csv::Writer::from_writer(out), header_written: false }
    }

    pub fn into_inner(self) -> std::io::Result<W> {
        self.out.into_inner().map_err(|e| e.into_error())
    }

    /// A row for an input that has no score: an error or a skipped file.
    fn unscored(&mut self, origin: &Origin, status: &str, reason: &str) -> std::io::Result<()> {
        let mut fields: [String; 15] = Default::default();
        fields[0] = origin.to_string();
        fields[1] = origin.source.clone();
        fields[2] = line(origin);
        fields[3] = status.to_string();
        fields[14] = reason.to_string();
        self.row(fields)
    }

    fn row(&mut self, fields: [String; 15]) -> std::io::Result<()> {
        if !self.header_written {
            self.out.write_record(HEADER)?;
            self.header_written = true;
        }
        self.out.write_record(&fields)?;
        Ok(())
    }
}

fn line(origin: &Origin) -> String {
    origin.line.map(|l| l.to_string()).unwrap_or_default()
}

impl<W: Write> Emitter for CsvEmitter<W> {
    fn document(&mut self, r: &DocReport, _record: Option<&Record>, _text: Option<&str>) -> std::io::Result<()> {
        let mut rules: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &r.findings {
            *rules.entry(f.rule).or_insert(0) += 1;
        }
        let rules = rules.iter().map(|(rule, n)| format!("{rule}:{n}")).collect::<Vec<_>>().join(";");
        self.row([
            r.id.clone(),
            r.origin.source.clone(),
            line(&r.origin),
            "analysed".into(),
            r.score.overall.to_string(),
            r.score.translation.to_string(),
            r.score.boilerplate.to_string(),
            r.verdict.as_str().into(),
            r.language.code.into(),
            format!("{:.3}", r.language.confidence),
            r.bytes.to_string(),
            r.words.to_string(),
            r.findings.len().to_string(),
            rules,
            String::new(),
        ])
    }

    fn error(&mut self, e: &InputError) -> std::io::Result<()> {
        self.unscored(&e.origin, "error", &e.reason)
    }

    fn skipped(&mut self, origin: &Origin, reason: &str) -> std::io::Result<()> {
        self.unscored(origin, "skipped", reason)
    }

    fn finish(&mut self, _summary: &Summary) -> std::io::Result<()> {
        if !self.header_written {
            self.out.write_record(HEADER)?;
            self.header_written = true;
        }
        self.out.flush()
    }
}
