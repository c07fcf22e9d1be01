//! Attribute files in the layout of dolma (`documents/…/x.jsonl.gz` beside
//! `attributes/<name>/…/x.jsonl.gz`): one line per line of the input file, in the same order,
//! with the document's id and mtaudit's scores and finding spans, so that dolma's mixer (and
//! any tool that joins by line and id) can filter on them without custom code.
//!
//! A line is `{"id": …, "attributes": {"<name>__mtaudit__score": [[0, n, 72.5]], …}}`. Spans
//! are `[start, end, value]` in characters (Unicode scalar values, as Python indexes strings),
//! end exclusive; `n` is the document's length. Document-level attributes: `score`,
//! `translation`, `boilerplate` (0–100) and `reject` (1 if the verdict is reject, else 0).
//! Span attributes, one per rule that fired: `<name>__mtaudit__MT101`, valued by the points
//! the finding took off the score. A line that is not a document (invalid JSON, no text, a
//! blank line) gets `{"id": null, "attributes": {}}`, so that the lines stay aligned.

use super::AtomicFile;
use crate::analysis::DocReport;
use crate::engine::{Outcome, Record};
use crate::gate::Verdict;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

/// Writes one attribute file per input file, each complete before it is renamed into place.
pub struct AttributeWriter {
    dir: PathBuf,
    prefix: String,
    id_field: String,
    /// The inputs as given, to name each file by its path under the input it was found in.
    roots: Vec<PathBuf>,
    current: Option<(String, AttributeFile)>,
    /// The attribute files opened, so that two inputs never write one.
    targets: std::collections::BTreeSet<PathBuf>,
    /// Attribute files written.
    pub files: u64,
}

enum AttributeFile {
    Plain(std::io::BufWriter<AtomicFile>),
    Gzip(flate2::write::GzEncoder<std::io::BufWriter<AtomicFile>>),
    /// zstd frames are written whole: the lines are held until the file is complete.
    Zstd(Vec<u8>, AtomicFile),
}

impl Write for AttributeFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            AttributeFile::Plain(w) => w.write(buf),
            AttributeFile::Gzip(w) => w.write(buf),
            AttributeFile::Zstd(held, _) => held.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            AttributeFile::Plain(w) => w.flush(),
            AttributeFile::Gzip(w) => w.flush(),
            AttributeFile::Zstd(..) => Ok(()),
        }
    }
}

impl AttributeFile {
    fn create(target: &Path) -> std::io::Result<AttributeFile> {
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let file = AtomicFile::create(target)?;
        let name = target.to_string_lossy();
        Ok(if name.ends_with(".gz") {
            AttributeFile::Gzip(flate2::write::GzEncoder::new(
                std::io::BufWriter::new(file),
                flate2::Compression::fast(),
            ))
        } else if name.ends_with(".zst") {
            AttributeFile::Zstd(Vec::new(), file)
        } else {
            AttributeFile::Plain(std::io::BufWriter::new(file))
        })
    }

    fn commit(self) -> std::io::Result<()> {
        match self {
            AttributeFile::Plain(w) => w.into_inner().map_err(|e| e.into_error())?.commit(),
            AttributeFile::Gzip(w) => w.finish()?.into_inner().map_err(|e| e.into_error())?.commit(),
            AttributeFile::Zstd(held, mut file) => {
                // Compressed in memory: the streaming encoder cannot report a failed write.
                let compressed =
                    ruzstd::encoding::compress_to_vec(&held[..], ruzstd::encoding::CompressionLevel::Fastest);
                file.write_all(&compressed)?;
                file.commit()
            }
        }
    }
}

impl AttributeWriter {
    /// Attribute files go under `dir`, named `name__mtaudit__…`; `inputs` are the inputs as
    /// given on the command line.
    pub fn new(dir: &Path, name: &str, id_field: &str, inputs: &[String]) -> AttributeWriter {
        AttributeWriter {
            dir: dir.to_path_buf(),
            prefix: format!("{name}__mtaudit__"),
            id_field: id_field.to_string(),
            roots: inputs.iter().map(PathBuf::from).collect(),
            current: None,
            targets: Default::default(),
            files: 0,
        }
    }

    /// The attribute file of an input file: its path under the input it was found in (its
    /// name, for a file given as such), under the attribute directory.
    fn target(&self, source: &str) -> PathBuf {
        let source_path = Path::new(source);
        let relative = self
            .roots
            .iter()
            .filter(|root| root.as_path() != source_path)
            .find_map(|root| source_path.strip_prefix(root).ok())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| source_path.file_name().map(PathBuf::from).unwrap_or_else(|| "stdin.jsonl".into()));
        let relative: PathBuf = relative.components().filter(|c| matches!(c, Component::Normal(_))).collect();
        let relative =
            if relative.as_os_str().is_empty() || source == "-" { PathBuf::from("stdin.jsonl") } else { relative };
        self.dir.join(relative)
    }

    /// Adds the line of one outcome. Outcomes come in input order, so a file's lines are
    /// contiguous; the previous file is complete when another begins.
    pub fn outcome(&mut self, outcome: &Outcome) -> std::io::Result<()> {
        let (source, line) = match outcome {
            // Attributes describe JSONL records; a text file has none.
            Outcome::Document { record: None, .. } => return Ok(()),
            Outcome::Document { report, record: Some(record), .. } => {
                (&report.origin.source, self.document_line(report, record))
            }
            Outcome::Error(e) if e.origin.line.is_some() => (&e.origin.source, not_a_document()),
            Outcome::Skipped { origin, .. } if origin.line.is_some() => (&origin.source, not_a_document()),
            Outcome::Error(_) | Outcome::Skipped { .. } => return Ok(()),
        };
        if self.current.as_ref().is_none_or(|(current, _)| current != source) {
            self.finish_file()?;
            let target = self.target(source);
            if !self.targets.insert(target.clone()) {
                return Err(std::io::Error::other(format!(
                    "{source}: its attribute file {} was already written for another input",
                    target.display()
                )));
            }
            let file = AttributeFile::create(&target)?;
            self.current = Some((source.clone(), file));
        }
        // A file that could not be read to its end has no complete attribute file: its lines
        // would no longer match the input's. The temporary file is dropped.
        if let Outcome::Error(e) = outcome
            && e.reason.starts_with(READ_FAILED)
        {
            self.current = None;
            return Ok(());
        }
        let (_, file) = self.current.as_mut().expect("opened above");
        serde_json::to_writer(&mut *file, &line).map_err(std::io::Error::from)?;
        file.write_all(b"\n")
    }

    fn finish_file(&mut self) -> std::io::Result<()> {
        if let Some((_, file)) = self.current.take() {
            file.commit()?;
            self.files += 1;
        }
        Ok(())
    }

    /// Completes the last file.
    pub fn finish(mut self) -> std::io::Result<u64> {
        self.finish_file()?;
        Ok(self.files)
    }

    fn document_line(&self, report: &DocReport, record: &Record) -> serde_json::Value {
        let text = &record.text;
        let chars = text.chars().count();
        let whole = |value: f64| serde_json::json!([[0, chars, value]]);
        let mut attributes = serde_json::Map::new();
        let mut put = |key: &str, value: serde_json::Value| attributes.insert(format!("{}{key}", self.prefix), value);
        put("score", whole(report.score.overall));
        put("translation", whole(report.score.translation));
        put("boilerplate", whole(report.score.boilerplate));
        put("reject", whole(if report.verdict == Verdict::Reject { 1.0 } else { 0.0 }));
        let offsets = CharOffsets::new(text, report.findings.iter().flat_map(|f| [f.start, f.end]));
        let mut spans: BTreeMap<&str, Vec<serde_json::Value>> = BTreeMap::new();
        for f in &report.findings {
            spans.entry(f.rule).or_default().push(serde_json::json!([
                offsets.of(f.start),
                offsets.of(f.end),
                f.contribution.points
            ]));
        }
        for (rule, list) in spans {
            put(rule, serde_json::Value::Array(list));
        }
        let id = record.fields.get(&self.id_field).cloned().unwrap_or_else(|| report.id.clone().into());
        serde_json::json!({"id": id, "attributes": attributes})
    }
}

/// How the readers word an input that failed partway (`crate::input`).
const READ_FAILED: &str = "read failed";

fn not_a_document() -> serde_json::Value {
    serde_json::json!({"id": null, "attributes": {}})
}

/// Byte offsets turned into character offsets in one pass over the text.
struct CharOffsets {
    table: Vec<(usize, usize)>,
}

impl CharOffsets {
    fn new(text: &str, bytes: impl Iterator<Item = usize>) -> CharOffsets {
        let mut wanted: Vec<usize> = bytes.collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut table = Vec::with_capacity(wanted.len());
        let (mut chars, mut at) = (0usize, 0usize);
        for byte in wanted {
            let byte = byte.min(text.len());
            chars += text.get(at..byte).map_or(0, |s| s.chars().count());
            at = byte;
            table.push((byte, chars));
        }
        CharOffsets { table }
    }

    fn of(&self, byte: usize) -> usize {
        match self.table.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(i) => self.table[i].1,
            Err(_) => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_count_characters_not_bytes() {
        let text = "é à ü x";
        let offsets = CharOffsets::new(text, [9, 0, 2, 6, 10].into_iter());
        assert_eq!([0, 2, 6, 9, 10].map(|b| offsets.of(b)), [0, 1, 4, 6, 7]);
    }

    #[test]
    fn files_are_named_by_their_path_under_the_input() {
        let writer = AttributeWriter::new(
            Path::new("out"),
            "exp",
            "id",
            &["data/documents".to_string(), "one.jsonl.gz".to_string(), "-".to_string()],
        );
        assert_eq!(writer.target("data/documents/a/b.jsonl.gz"), Path::new("out/a/b.jsonl.gz"));
        assert_eq!(writer.target("one.jsonl.gz"), Path::new("out/one.jsonl.gz"));
        assert_eq!(writer.target("-"), Path::new("out/stdin.jsonl"));
        assert_eq!(writer.target("/abs/path/c.jsonl"), Path::new("out/c.jsonl"));
    }
}
