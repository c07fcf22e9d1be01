//! Inputs: files, directories, JSONL (plain, .gz, .zst) and standard input, turned into a
//! lazy, deterministic stream of items. Nothing here holds more than one JSONL line or one
//! document at a time; reading a text file's contents is left to the worker that analyses it.

mod decode;
mod item;
mod jsonl;

pub use decode::{read_document, validate_text};
pub use item::{InputError, InputOptions, Item, Origin, describe_io, site_of};

/// The items of a JSONL stream, one per line: a document, or an error naming its line.
pub fn read_jsonl(
    reader: Box<dyn std::io::Read + Send>,
    source: String,
    options: InputOptions,
) -> impl Iterator<Item = Item> {
    JsonlReader::new(reader, source, options)
}

use jsonl::JsonlReader;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

/// The lazy stream of items over the command line's inputs.
pub struct Inputs {
    pending: VecDeque<String>,
    walker: Option<Box<dyn Iterator<Item = walkdir::Result<walkdir::DirEntry>> + Send>>,
    /// The folder the walker walks (sites are read from paths under it).
    walk_root: PathBuf,
    jsonl: Option<JsonlReader>,
    options: InputOptions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Jsonl,
    Other,
}

impl Inputs {
    pub fn new(inputs: &[String], options: InputOptions) -> Inputs {
        Inputs {
            pending: inputs.iter().cloned().collect(),
            walker: None,
            walk_root: PathBuf::new(),
            jsonl: None,
            options,
        }
    }

    fn kind(&self, path: &Path) -> Kind {
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
        let inner = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".zst")).unwrap_or(&name);
        let ext = Path::new(inner).extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
        if self.options.jsonl_extensions.contains(&ext) {
            Kind::Jsonl
        } else if self.options.text_extensions.contains(&ext) {
            Kind::Text
        } else {
            Kind::Other
        }
    }

    /// The site `--site-from-path` reads from a file's folders: only a file found in a folder
    /// has one.
    fn path_site(&self, path: &Path, named: bool) -> Option<String> {
        match self.options.site_from_path {
            Some(depth) if !named => item::site_from_path(&self.walk_root, path, depth),
            _ => None,
        }
    }

    /// The item for one file; `named` files (given on the command line) are read whatever
    /// their extension.
    fn file_item(&mut self, path: PathBuf, named: bool) -> Option<Item> {
        let display = path.display().to_string();
        match self.kind(&path) {
            Kind::Jsonl => match decode::open(&path) {
                Ok(reader) => {
                    let site = self.path_site(&path, named);
                    self.jsonl = Some(JsonlReader::new(reader, display, self.options.clone()).with_default_site(site));
                    None
                }
                Err(e) => Some(Item::Error(InputError { origin: Origin::file(display), reason: e })),
            },
            Kind::Other if !named => Some(Item::Skipped {
                origin: Origin::file(display),
                reason: "not a text or JSONL file (by its extension)".into(),
            }),
            _ => {
                let site = self.path_site(&path, named);
                Some(Item::File { origin: Origin::file(display).with_site(site), path })
            }
        }
    }

    fn stdin_item(&mut self) -> Option<Item> {
        let origin = Origin::file("-");
        if self.options.stdin_jsonl {
            self.jsonl = Some(JsonlReader::new(Box::new(std::io::stdin()), "-".into(), self.options.clone()));
            return None;
        }
        let mut bytes = Vec::new();
        let limit = self.options.max_document_bytes;
        use std::io::Read;
        let read = std::io::stdin().lock().take(limit.saturating_add(1)).read_to_end(&mut bytes);
        Some(match read.map_err(|e| e.to_string()).and_then(|_| decode::bytes_to_text(bytes, limit)) {
            Ok(text) => Item::Inline { id: "-".into(), origin, text, record: None },
            Err(reason) => Item::Error(InputError { origin, reason }),
        })
    }
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(reader) = &mut self.jsonl {
                match reader.next() {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            if let Some(walker) = &mut self.walker {
                match walker.next() {
                    Some(Ok(entry)) => {
                        if entry.file_type().is_dir() {
                            continue;
                        }
                        // A pipe, socket or device found in a tree would block or never end;
                        // named on the command line (`<(zcat a.gz)`), a pipe is read.
                        if !entry.file_type().is_file() {
                            return Some(Item::Skipped {
                                origin: Origin::file(entry.path().display().to_string()),
                                reason: "not a regular file (a pipe, socket or device)".into(),
                            });
                        }
                        if let Some(item) = self.file_item(entry.into_path(), false) {
                            return Some(item);
                        }
                        continue;
                    }
                    Some(Err(e)) => {
                        let source = e.path().map_or_else(|| "?".to_string(), |p| p.display().to_string());
                        let reason = if e.loop_ancestor().is_some() {
                            "directory loop (a link to one of its own parents)".to_string()
                        } else {
                            e.io_error().map_or_else(|| e.to_string(), describe_io)
                        };
                        return Some(Item::Error(InputError { origin: Origin::file(source), reason }));
                    }
                    None => {
                        self.walker = None;
                        continue;
                    }
                }
            }
            let input = self.pending.pop_front()?;
            if input == "-" {
                if let Some(item) = self.stdin_item() {
                    return Some(item);
                }
                continue;
            }
            let path = PathBuf::from(&input);
            match std::fs::metadata(&path) {
                Err(e) => {
                    return Some(Item::Error(InputError { origin: Origin::file(input), reason: describe_io(&e) }));
                }
                Ok(meta) if meta.is_dir() => {
                    self.walk_root = path.clone();
                    // Hidden files and folders (`.git`) are not documents.
                    self.walker = Some(Box::new(
                        walkdir::WalkDir::new(&path)
                            .follow_links(true)
                            .sort_by_file_name()
                            .into_iter()
                            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')),
                    ));
                }
                Ok(_) => {
                    if let Some(item) = self.file_item(path, true) {
                        return Some(item);
                    }
                }
            }
        }
    }
}
