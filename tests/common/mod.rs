//! Helpers shared by the integration tests.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The binary, run from the repository root with no configuration file.
pub fn mtaudit() -> Command {
    let mut cmd = Command::cargo_bin("mtaudit").expect("binary is built");
    cmd.current_dir(root()).arg("--no-config");
    cmd
}

/// The binary with a configuration file.
pub fn mtaudit_with_config(config: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mtaudit").expect("binary is built");
    cmd.current_dir(root()).arg("--config").arg(config);
    cmd
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seeds() -> String {
    "corpora/seeds".to_string()
}

/// Runs `check --format json` and returns its records (document, error, skipped), then the
/// summary tagged `"type": "summary"`.
pub fn jsonl_records(args: &[&str]) -> Vec<serde_json::Value> {
    let out = mtaudit().args(["check", "--format", "json"]).args(args).output().expect("runs");
    let run: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the output is JSON");
    let mut records = run["inputs"].as_array().cloned().unwrap_or_default();
    let mut summary = run["summary"].clone();
    summary["type"] = "summary".into();
    records.push(summary);
    records
}

/// The reports of a stage's output lines (`check --format jsonl`): each line's `mtaudit` value.
pub fn stage_reports(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("each line is JSON")["mtaudit"].clone())
        .collect()
}

/// The document records, keyed by file name.
pub fn documents(records: &[serde_json::Value]) -> Vec<(String, &serde_json::Value)> {
    records
        .iter()
        .filter(|r| r["type"] == "document")
        .map(|r| {
            let source = r["source"].as_str().unwrap_or_default();
            let name = Path::new(source).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            (name, r)
        })
        .collect()
}

pub fn rules_of(doc: &serde_json::Value) -> Vec<String> {
    doc["findings"]
        .as_array()
        .map(|f| f.iter().map(|x| x["rule"].as_str().unwrap_or_default().to_string()).collect())
        .unwrap_or_default()
}
