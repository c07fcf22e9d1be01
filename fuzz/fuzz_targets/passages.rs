//! Two texts (split at the first 0xFF byte) through the whole passage differ: sketches,
//! candidates, verification, clusters and word diffs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtaudit::passages::{DiffParams, diff, scan_texts};

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let texts = [
        String::from_utf8_lossy(&data[..split]).into_owned(),
        String::from_utf8_lossy(data.get(split + 1..).unwrap_or(&[])).into_owned(),
    ];
    let _ = diff::compare(&texts[0], &texts[1]);
    let named: Vec<(String, String)> = texts.iter().enumerate().map(|(i, t)| (format!("d{i}"), t.clone())).collect();
    for held_bytes in [1 << 20, 0] {
        let params = DiffParams { held_bytes, ..DiffParams::default() };
        let report = scan_texts(&named, params, 20);
        let _ = report.clusters.for_each(|cluster| {
            assert!(cluster.size >= 2 && !cluster.renderings.is_empty());
            for location in cluster.renderings.iter().flat_map(|r| &r.locations) {
                assert!(location.document < report.documents.len());
            }
            Ok::<(), ()>(())
        });
    }
});
