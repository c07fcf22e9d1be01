//! Labels: which documents are machine translations and which are human texts.
//!
//! A labels file is JSONL (one object per line) or a CSV/TSV manifest with a header. Each
//! record names a document by its id (`id`) and/or its path (`path`, relative to the labels
//! file), and gives its label (`label`: `mt` or `human`). An optional group field (documents
//! that share content, such as one story's translations) keeps a group within one fold when
//! calibrating.

use crate::text::FastMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub mt: bool,
    pub group: Option<String>,
}

/// Which fields a labels file uses.
#[derive(Debug, Clone)]
pub struct LabelFields {
    pub label: String,
    /// Fields that name the document, tried in order (a path is resolved against the labels
    /// file's directory).
    pub keys: Vec<String>,
    pub group: Option<String>,
}

impl Default for LabelFields {
    fn default() -> Self {
        LabelFields { label: "label".into(), keys: vec!["id".into(), "path".into()], group: None }
    }
}

#[derive(Debug, Default)]
pub struct Labels {
    by_key: FastMap<String, Label>,
    by_path: FastMap<PathBuf, Label>,
}

/// `mt`, `machine`, `machine-translation`, `1`, `true` or `human`, `0`, `false`.
fn parse_label(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "mt" | "machine" | "machine-translation" | "machine_translation" | "1" | "true" => Some(true),
        "human" | "0" | "false" => Some(false),
        _ => None,
    }
}

impl Labels {
    pub fn load(path: &Path, fields: &LabelFields) -> Result<Labels, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let is_table = matches!(path.extension().and_then(|e| e.to_str()), Some("csv" | "tsv"));
        let mut records: Vec<(usize, FastMap<String, String>)> = Vec::new();
        if is_table {
            let delimiter = if path.extension().is_some_and(|e| e == "tsv") { b'\t' } else { b',' };
            let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).from_reader(text.as_bytes());
            let header = reader.headers().map_err(|e| format!("{}: {e}", path.display()))?.clone();
            for (i, row) in reader.records().enumerate() {
                let row = row.map_err(|e| format!("{}:{}: {e}", path.display(), i + 2))?;
                records.push((
                    i + 2,
                    header.iter().zip(row.iter()).map(|(k, v)| (k.to_string(), v.to_string())).collect(),
                ));
            }
        } else {
            for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let value: serde_json::Value =
                    serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))?;
                let object = value.as_object().ok_or_else(|| format!("{}:{}: not an object", path.display(), i + 1))?;
                let fields = object
                    .iter()
                    .filter_map(|(k, v)| match v {
                        serde_json::Value::String(s) => Some((k.clone(), s.clone())),
                        serde_json::Value::Number(n) => Some((k.clone(), n.to_string())),
                        serde_json::Value::Bool(b) => Some((k.clone(), b.to_string())),
                        _ => None,
                    })
                    .collect();
                records.push((i + 1, fields));
            }
        }
        let mut labels = Labels::default();
        for (line, record) in records {
            let value = record
                .get(&fields.label)
                .ok_or_else(|| format!("{}:{line}: no `{}` field", path.display(), fields.label))?;
            let mt = parse_label(value)
                .ok_or_else(|| format!("{}:{line}: label `{value}` is neither `mt` nor `human`", path.display()))?;
            let label = Label { mt, group: fields.group.as_ref().and_then(|g| record.get(g).cloned()) };
            let mut named = false;
            for key in &fields.keys {
                let Some(value) = record.get(key) else { continue };
                named = true;
                labels.by_key.insert(value.clone(), label.clone());
                if let Ok(resolved) = base.join(value).canonicalize() {
                    labels.by_path.insert(resolved, label.clone());
                }
            }
            if !named {
                return Err(format!(
                    "{}:{line}: none of the fields {} names the document",
                    path.display(),
                    fields.keys.join(", ")
                ));
            }
        }
        Ok(labels)
    }

    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// The label of a document, by its id, or by its source path.
    pub fn get(&self, id: &str, source: &str) -> Option<&Label> {
        self.by_key
            .get(id)
            .or_else(|| self.by_key.get(source))
            .or_else(|| Path::new(source).canonicalize().ok().and_then(|p| self.by_path.get(&p)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_labels_name_documents_by_id_or_by_path_relative_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("mt")).unwrap();
        std::fs::write(dir.path().join("mt/a.txt"), "x").unwrap();
        let file = dir.path().join("labels.jsonl");
        std::fs::write(
            &file,
            "{\"id\": \"doc-1\", \"label\": \"human\", \"story\": \"s1\"}\n{\"path\": \"mt/a.txt\", \"label\": \"mt\", \"story\": \"s1\"}\n",
        )
        .unwrap();
        let fields = LabelFields { group: Some("story".into()), ..LabelFields::default() };
        let labels = Labels::load(&file, &fields).unwrap();
        assert_eq!(labels.get("doc-1", "corpus.jsonl"), Some(&Label { mt: false, group: Some("s1".into()) }));
        let source = dir.path().join("mt/a.txt").display().to_string();
        assert_eq!(labels.get(&source, &source).map(|l| l.mt), Some(true));
        assert_eq!(labels.get("other", "other.txt"), None);
    }

    #[test]
    fn a_csv_manifest_column_and_bad_labels() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("m.csv");
        std::fs::write(&file, "id,kind\nx,machine\ny,human\n").unwrap();
        let fields = LabelFields { label: "kind".into(), ..LabelFields::default() };
        let labels = Labels::load(&file, &fields).unwrap();
        assert_eq!((labels.get("x", "").map(|l| l.mt), labels.get("y", "").map(|l| l.mt)), (Some(true), Some(false)));
        std::fs::write(&file, "id,kind\nx,maybe\n").unwrap();
        let error = Labels::load(&file, &fields).unwrap_err();
        assert!(error.ends_with("m.csv:2: label `maybe` is neither `mt` nor `human`"), "{error}");
    }
}
