//! Any bytes as a JSONL stream: every line becomes a document or an error naming its line,
//! and every document is analysed.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use mtaudit::engine::{self, Loaded};
use mtaudit::input::{InputOptions, read_jsonl};

fuzz_target!(|data: &[u8]| {
    let options = InputOptions {
        text_field: "text".into(),
        id_field: "id".into(),
        max_document_bytes: 1 << 20,
        text_extensions: vec!["txt".into()],
        jsonl_extensions: vec!["jsonl".into()],
        stdin_jsonl: false,
        keep_records: true,
    };
    let all_lines = data.split(|&b| b == b'\n').count();
    let lines = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
    let (mut items, mut skipped) = (0, 0);
    for item in read_jsonl(Box::new(std::io::Cursor::new(data.to_vec())), "fuzz.jsonl".into(), options) {
        items += 1;
        match engine::load(item, 1 << 20) {
            Loaded::Text { text, origin, .. } => {
                assert!(origin.line.is_some());
                common::check_analysis(text);
            }
            Loaded::Error(e) => assert!(e.origin.line.is_some() || e.origin.source == "fuzz.jsonl"),
            Loaded::Skipped { .. } => skipped += 1,
        }
    }
    // Nothing is lost and nothing is made up: a document or an error per non-blank line at
    // most, and a skipped item (a blank line, reported) for the others.
    assert!(items - skipped <= lines.max(1), "{} documents and errors from {lines} lines", items - skipped);
    assert!(items <= all_lines, "{items} items from {all_lines} lines");
});
