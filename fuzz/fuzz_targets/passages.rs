//! Two texts (split at the first 0xFF byte) through the whole passage differ: sketches,
//! candidates, verification, clusters and word diffs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mtaudit::document::Document;
use mtaudit::passages::index::{PassageIndex, SeenForms};
use mtaudit::passages::{DiffParams, DocumentRef, diff, read_back, sketch};

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let texts = [
        String::from_utf8_lossy(&data[..split]).into_owned(),
        String::from_utf8_lossy(data.get(split + 1..).unwrap_or(&[])).into_owned(),
    ];
    let _ = diff::compare(&texts[0], &texts[1]);
    for held_bytes in [1 << 20, 0] {
        let params = DiffParams { held_bytes, ..DiffParams::default() };
        let (forms, renderings) = (SeenForms::default(), SeenForms::default());
        let first_rendering = |r: u64| renderings.first_sight(r);
        let mut index = PassageIndex::new(params);
        for (i, text) in texts.iter().enumerate() {
            let doc = Document::segmented(format!("d{i}"), text.clone());
            let hold = index.holding().then_some(&first_rendering as &dyn Fn(u64) -> bool);
            let sketched = sketch::sketch_document(&doc, &params.sketch, |f| forms.first_sight(f), hold);
            let reference = DocumentRef { id: format!("d{i}"), source: format!("d{i}"), record_line: None };
            index.add_document(reference, i, sketched);
        }
        index.seal();
        let pairs = index.candidates();
        for (item, wants) in index.wanted(&pairs) {
            let doc = Document::segmented("d", texts[item].clone());
            for (rendering, text, hashes) in read_back(&doc, &wants, params.sketch.min_words) {
                index.add_read_back(rendering, text, hashes);
            }
        }
        let report = index.finish(pairs, 20);
        let _ = report.clusters.for_each(|cluster| {
            assert!(cluster.size >= 2 && !cluster.renderings.is_empty());
            for location in cluster.renderings.iter().flat_map(|r| &r.locations) {
                assert!(location.document < report.documents.len());
            }
            Ok::<(), ()>(())
        });
    }
});
