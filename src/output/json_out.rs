//! JSON (the whole run as one document) and JSONL (one tagged record per line).

use super::{Emitter, Summary};
use crate::analysis::DocReport;
use crate::input::{InputError, Origin};
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum RecordRef<'a> {
    Document(&'a DocReport),
    Error(&'a InputError),
    Skipped {
        #[serde(flatten)]
        origin: &'a Origin,
        reason: &'a str,
    },
    Summary(&'a Summary),
}

fn write_record(out: &mut impl Write, record: &RecordRef<'_>) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(std::io::Error::from)
}

/// One record per line, flushed as it goes.
pub struct JsonlEmitter<W: Write> {
    out: W,
}

impl<W: Write> JsonlEmitter<W> {
    pub fn new(out: W) -> Self {
        JsonlEmitter { out }
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    fn line(&mut self, record: RecordRef<'_>) -> std::io::Result<()> {
        write_record(&mut self.out, &record)?;
        self.out.write_all(b"\n")
    }
}

impl<W: Write> Emitter for JsonlEmitter<W> {
    fn document(&mut self, report: &DocReport) -> std::io::Result<()> {
        self.line(RecordRef::Document(report))
    }
    fn error(&mut self, error: &InputError) -> std::io::Result<()> {
        self.line(RecordRef::Error(error))
    }
    fn skipped(&mut self, origin: &Origin, reason: &str) -> std::io::Result<()> {
        self.line(RecordRef::Skipped { origin, reason })
    }
    fn finish(&mut self, summary: &Summary) -> std::io::Result<()> {
        self.line(RecordRef::Summary(summary))?;
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
    fn document(&mut self, report: &DocReport) -> std::io::Result<()> {
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
