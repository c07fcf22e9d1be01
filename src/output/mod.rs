//! Emitters: one per format, each writing outcomes as they arrive, then the summary.
//! The library never prints; emitters write to the writer they are given.

pub mod attributes;
mod csv_out;
pub mod diff_report;
mod emitter;
mod html_out;
mod html_page;
mod json_out;
mod text_out;

pub use csv_out::CsvEmitter;
pub use emitter::{Emitter, Row, SUMMARY_ROWS, Summary, emit};
pub use html_out::{HtmlEmitter, MAX_TABLE_ROWS};
pub use json_out::{JsonEmitter, JsonlEmitter, RecordRef};
pub use text_out::TextEmitter;

use std::io::Write;
use std::path::{Path, PathBuf};

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
    /// One self-contained page: the summary, a histogram of scores, findings per rule and
    /// site, every document in a table, the worst in full with their findings marked (use
    /// with `-o report.html`).
    Html,
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
