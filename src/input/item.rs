//! What the input layer hands on: items (a file to read, a document in memory, an error, a
//! skipped file), where each comes from, the options inputs are read with, and I/O errors in
//! words a user can act on.

use serde::Serialize;
use std::path::PathBuf;

/// Where a document or an error comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The path as given or found (`-` for standard input).
    pub source: String,
    /// 1-based line, for JSONL records.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

impl Origin {
    pub fn file(source: impl Into<String>) -> Self {
        Origin { source: source.into(), line: None }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.source),
            None => f.write_str(&self.source),
        }
    }
}

/// An input that could not be analysed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InputError {
    #[serde(flatten)]
    pub origin: Origin,
    pub reason: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.reason)
    }
}

/// One unit of work, in input order.
#[derive(Debug)]
pub enum Item {
    /// A text file, read by the worker that analyses it.
    File { path: PathBuf, origin: Origin },
    /// A document already in memory: a JSONL record or standard input.
    Inline { id: String, origin: Origin, text: String, record: Option<serde_json::Map<String, serde_json::Value>> },
    /// An input that failed before analysis.
    Error(InputError),
    /// A file found in a directory that is not a document (wrong extension).
    Skipped { origin: Origin, reason: String },
}

impl Item {
    /// Bytes this item holds in memory now.
    pub fn memory_bytes(&self) -> usize {
        match self {
            Item::Inline { text, .. } => text.len(),
            _ => 0,
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct InputOptions {
    pub text_field: String,
    pub id_field: String,
    pub max_document_bytes: u64,
    pub text_extensions: Vec<String>,
    pub jsonl_extensions: Vec<String>,
    /// Read standard input as JSONL rather than as one text.
    pub stdin_jsonl: bool,
    /// Keep each JSONL record (to write it back annotated).
    pub keep_records: bool,
}

/// An I/O error in words a user can act on.
pub fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory (or a dangling link)".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}
