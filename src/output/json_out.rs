//! JSON (the whole run as one document) and JSONL (one line per input: the stage format).

use super::emitter::{Emitter, Summary};
use crate::analysis::DocReport;
use crate::engine::Record;
use crate::input::{InputError, Origin};
use serde::Serialize;
use std::io::Write;

/// One input's record as the JSON report writes it among its `inputs`: a document's report, an
/// error or a skipped input, tagged by `type`.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum RecordRef<'a> {
    Document(&'a DocReport),
    Error(&'a InputError),
    Skipped {
        #[serde(flatten)]
        origin: &'a Origin,
        reason: &'a str,
    },
}

impl<'a> RecordRef<'a> {
    /// The record of one outcome (for callers that take one record at a time: the Python
    /// package).
    pub fn of(outcome: &'a crate::engine::Outcome) -> RecordRef<'a> {
        use crate::engine::Outcome;
        match outcome {
            Outcome::Document { report, .. } => RecordRef::Document(report),
            Outcome::Error(error) => RecordRef::Error(error),
            Outcome::Skipped { origin, reason } => RecordRef::Skipped { origin, reason },
        }
    }
}

fn write_record(out: &mut impl Write, record: &RecordRef<'_>) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(std::io::Error::from)
}

/// One line per input, in input order, each flushed as it is written: the stage of a pipeline
/// (Spark's `RDD.pipe`, Hadoop Streaming, GNU parallel) that reads JSONL and must get back one
/// line per line. A JSONL record keeps its own fields, text included, and gets the report
/// under the key [`STAGE_KEY`]; a document read from a file, an error or a skipped file is a
/// line holding only that key. The summary is not a line (it would break the one-to-one
/// correspondence); the command reports it on standard error.
pub struct JsonlEmitter<W: Write> {
    out: W,
    text_field: String,
}

/// The key under which a stage line holds mtaudit's report.
pub const STAGE_KEY: &str = "mtaudit";

/// A record's fields with its text restored and the report added. A field named like the
/// report key is replaced, so that a line annotated twice holds one report.
struct StageLine<'a> {
    record: Option<&'a Record>,
    text_field: &'a str,
    report: RecordRef<'a>,
}

impl Serialize for StageLine<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        if let Some(record) = self.record {
            for (key, value) in &record.fields {
                if key == STAGE_KEY {
                    continue;
                }
                if key == self.text_field {
                    map.serialize_entry(key, &record.text)?;
                } else {
                    map.serialize_entry(key, value)?;
                }
            }
        }
        map.serialize_entry(STAGE_KEY, &self.report)?;
        map.end()
    }
}

impl<W: Write> JsonlEmitter<W> {
    pub fn new(out: W, text_field: &str) -> Self {
        JsonlEmitter { out, text_field: text_field.to_string() }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    fn line(&mut self, record: Option<&Record>, report: RecordRef<'_>) -> std::io::Result<()> {
        let line = StageLine { record, text_field: &self.text_field, report };
        serde_json::to_writer(&mut self.out, &line).map_err(std::io::Error::from)?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

impl<W: Write> Emitter for JsonlEmitter<W> {
    fn document(&mut self, report: &DocReport, record: Option<&Record>, _text: Option<&str>) -> std::io::Result<()> {
        self.line(record, RecordRef::Document(report))
    }
    fn error(&mut self, error: &InputError) -> std::io::Result<()> {
        self.line(None, RecordRef::Error(error))
    }
    fn skipped(&mut self, origin: &Origin, reason: &str) -> std::io::Result<()> {
        self.line(None, RecordRef::Skipped { origin, reason })
    }
    fn finish(&mut self, _summary: &Summary) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// `{"inputs": [record, ...], "summary": {...}}`, streamed: records are written as they come.
pub struct JsonEmitter<W: Write> {
    out: W,
    first: bool,
}

impl<W: Write> JsonEmitter<W> {
    pub fn new(out: W) -> Self {
        JsonEmitter { out, first: true }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    fn item(&mut self, record: RecordRef<'_>) -> std::io::Result<()> {
        if self.first {
            self.out.write_all(b"{\"inputs\": [\n")?;
            self.first = false;
        } else {
            self.out.write_all(b",\n")?;
        }
        write_record(&mut self.out, &record)
    }
}

impl<W: Write> Emitter for JsonEmitter<W> {
    fn document(&mut self, report: &DocReport, _record: Option<&Record>, _text: Option<&str>) -> std::io::Result<()> {
        self.item(RecordRef::Document(report))
    }
    fn error(&mut self, error: &InputError) -> std::io::Result<()> {
        self.item(RecordRef::Error(error))
    }
    fn skipped(&mut self, origin: &Origin, reason: &str) -> std::io::Result<()> {
        self.item(RecordRef::Skipped { origin, reason })
    }
    fn finish(&mut self, summary: &Summary) -> std::io::Result<()> {
        if self.first {
            self.out.write_all(b"{\"inputs\": [")?;
        }
        self.out.write_all(b"\n],\n\"summary\": ")?;
        serde_json::to_writer(&mut self.out, summary).map_err(std::io::Error::from)?;
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}
