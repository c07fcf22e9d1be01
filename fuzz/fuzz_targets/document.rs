//! Any text through the document view and every rule.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(text) = mtaudit::input::validate_text(text.to_string()) {
            common::check_analysis(text);
        }
    }
});
