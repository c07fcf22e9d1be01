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
    /// The site the document was published on, when the inputs say (`--site-field`,
    /// `--site-from-path`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
}

impl Origin {
    pub fn file(source: impl Into<String>) -> Self {
        Origin { source: source.into(), line: None, site: None }
    }

    /// The same origin on `site`.
    pub fn with_site(mut self, site: Option<String>) -> Self {
        self.site = site;
        self
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
    /// The JSONL field that names each document's site (a URL gives its host).
    pub site_field: Option<String>,
    /// For files in a folder: the site is the first this many folders under the input folder.
    pub site_from_path: Option<usize>,
}

/// The site a field's value names: a URL's host (or an address's without its scheme),
/// lower-cased, without `www.` and port; any other value as it is (trimmed). None for an
/// empty value.
pub fn site_of(value: &str) -> Option<String> {
    let value = value.trim();
    // A URL, or an address without its scheme (`www.example.com/a`): a word with a dot before
    // its first slash and no space.
    let rest = match value.split_once("://") {
        Some((_, rest)) => Some(rest),
        None => {
            let head = value.split(['/', '?', '#']).next().unwrap_or("");
            (!value.contains(char::is_whitespace) && head.contains('.') && !head.starts_with('.')).then_some(value)
        }
    };
    let site = match rest {
        Some(rest) => {
            let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = authority.rsplit('@').next().unwrap_or("");
            // A port is not part of the site; an IPv6 literal keeps its brackets.
            let host = match host.strip_prefix('[') {
                Some(v6) => format!("[{}]", v6.split(']').next().unwrap_or("")),
                None => host.split(':').next().unwrap_or("").to_string(),
            };
            let host = host.to_lowercase();
            host.strip_prefix("www.").map(str::to_string).unwrap_or(host)
        }
        None => value.to_string(),
    };
    (!site.is_empty()).then_some(site)
}

/// The site of a file found under `root` when the site is its first `depth` folders there
/// (`root/example.com/2024/page.txt` with depth 1 → `example.com`). None for a file right in
/// the root.
pub fn site_from_path(root: &std::path::Path, file: &std::path::Path, depth: usize) -> Option<String> {
    let relative = file.strip_prefix(root).ok()?;
    let folders: Vec<String> = relative
        .parent()?
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .take(depth)
        .collect();
    (!folders.is_empty()).then(|| folders.join("/"))
}

/// An I/O error in words a user can act on.
pub fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory (or a dangling link)".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_names_its_host_and_any_other_value_itself() {
        assert_eq!(site_of("https://www.Example.com:8443/a/b?c#d").as_deref(), Some("example.com"));
        assert_eq!(site_of("http://user@news.example.org").as_deref(), Some("news.example.org"));
        assert_eq!(site_of(" Le Monde ").as_deref(), Some("Le Monde"));
        assert_eq!(site_of("www.Example.com/a/b").as_deref(), Some("example.com"));
        assert_eq!(site_of("http://[::1]:8080/a").as_deref(), Some("[::1]"));
        assert_eq!(site_of("  "), None);
    }

    #[test]
    fn a_path_names_its_first_folders_under_the_root() {
        let root = std::path::Path::new("/crawl");
        let file = std::path::Path::new("/crawl/example.com/2024/05/a.txt");
        assert_eq!(site_from_path(root, file, 1).as_deref(), Some("example.com"));
        assert_eq!(site_from_path(root, file, 2).as_deref(), Some("example.com/2024"));
        assert_eq!(site_from_path(root, std::path::Path::new("/crawl/a.txt"), 1), None);
    }
}
