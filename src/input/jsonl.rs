//! JSONL: one document per line, read one line at a time.

use super::decode::validate_text;
use super::item::{InputError, InputOptions, Item, Origin, site_of};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};

pub struct JsonlReader {
    reader: BufReader<Box<dyn Read + Send>>,
    source: String,
    line: u64,
    options: InputOptions,
    buffer: Vec<u8>,
    done: bool,
    /// The site of every record without a `--site-field` value (a JSONL file's folder under
    /// `--site-from-path`).
    default_site: Option<String>,
}

enum Line {
    Eof,
    Complete,
    /// Longer than the limit: skipped up to its end; holds its length.
    TooLong(u64),
}

impl JsonlReader {
    pub fn new(reader: Box<dyn Read + Send>, source: String, options: InputOptions) -> Self {
        JsonlReader {
            reader: BufReader::with_capacity(1 << 16, reader),
            source,
            line: 0,
            options,
            buffer: Vec::new(),
            done: false,
            default_site: None,
        }
    }

    /// Records without a site of their own are on `site`.
    pub fn with_default_site(mut self, site: Option<String>) -> Self {
        self.default_site = site;
        self
    }

    /// Reads one line into the buffer, never holding more than the limit.
    fn read_line(&mut self) -> std::io::Result<Line> {
        self.buffer.clear();
        let limit = usize::try_from(self.options.max_document_bytes).unwrap_or(usize::MAX - 1).min(usize::MAX - 1);
        let mut total: u64 = 0;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(if total == 0 {
                    Line::Eof
                } else if total as usize > limit {
                    Line::TooLong(total)
                } else {
                    Line::Complete
                });
            }
            let (chunk, found_newline) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (&available[..=i], true),
                None => (available, false),
            };
            let used = chunk.len();
            total += used as u64;
            if self.buffer.len() + used <= limit + 1 {
                self.buffer.extend_from_slice(chunk);
            }
            self.reader.consume(used);
            if found_newline {
                return Ok(if total as usize > limit + 1 { Line::TooLong(total) } else { Line::Complete });
            }
        }
    }

    fn error(&self, reason: impl Into<String>) -> Item {
        Item::Error(InputError {
            origin: Origin { source: self.source.clone(), line: Some(self.line), site: None },
            reason: reason.into(),
        })
    }

    fn parse(&self) -> Item {
        let mut origin = Origin { source: self.source.clone(), line: Some(self.line), site: None };
        let value: Value = match serde_json::from_slice(&self.buffer) {
            Ok(v) => v,
            Err(e) => return self.error(format!("invalid JSON: {e}")),
        };
        let Value::Object(mut record) = value else {
            return self.error("the line is not a JSON object");
        };
        let field = &self.options.text_field;
        let text = match record.get(field) {
            None => return self.error(format!("no `{field}` field")),
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                return self.error(format!("the `{field}` field is {}, not a string", kind_of(other)));
            }
        };
        origin.site = match self.options.site_field.as_ref().and_then(|field| record.get(field)) {
            Some(Value::String(s)) => site_of(s),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
        .or_else(|| self.default_site.clone());
        let id = match record.get(&self.options.id_field) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            _ => origin.to_string(),
        };
        let text = match validate_text(text) {
            Ok(t) => t,
            Err(reason) => return self.error(reason),
        };
        if self.options.keep_records {
            // The text moves into the analysis; a placeholder keeps the field's position.
            record.insert(field.clone(), Value::Null);
            Item::Inline { id, origin, text, record: Some(record) }
        } else {
            Item::Inline { id, origin, text, record: None }
        }
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Iterator for JsonlReader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        self.line += 1;
        match self.read_line() {
            Err(e) => {
                self.done = true;
                Some(self.error(format!("read failed: {e}")))
            }
            Ok(Line::Eof) => {
                self.done = true;
                None
            }
            Ok(Line::TooLong(n)) => Some(self.error(format!(
                "line of {n} bytes is over the limit of {} bytes (input.max-document-bytes)",
                self.options.max_document_bytes
            ))),
            // No document, but a line: accounted for, and kept in its place by the stage format.
            Ok(Line::Complete) if self.buffer.iter().all(u8::is_ascii_whitespace) => Some(Item::Skipped {
                origin: Origin { source: self.source.clone(), line: Some(self.line), site: None },
                reason: "blank line".into(),
            }),
            Ok(Line::Complete) => Some(self.parse()),
        }
    }
}
