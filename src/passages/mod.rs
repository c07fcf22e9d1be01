//! Passages repeated across and within documents (`mtaudit diff`): sketches, candidate pairs,
//! verified clusters and classified word diffs.
//!
//! The scan is two passes over the inputs. The first records every passage occurrence (a few
//! integers: where it is, which exact text) and sketches each distinct folded form once
//! ([`index`]); candidate pairs of forms come from their shared band keys. The second reads
//! back one occurrence of each rendering that has a candidate or repeats, verifies each pair
//! with a word-level similarity, and builds the clusters and their diffs ([`report`]). Memory
//! is bounded by the number of occurrences (24 bytes each) plus the distinct forms times the
//! sketch size, plus the read-back texts.

pub mod cluster;
pub mod diff;
mod groups;
pub mod index;
mod model;
pub mod report;
pub mod sketch;

pub use model::{Cluster, DiffParams, DocumentPair, DocumentRef, Location, Rendering};
pub use report::DiffReport;

/// The second pass over one document: the text and word hashes of the wanted renderings
/// whose first occurrence it holds.
pub fn read_back(
    doc: &crate::document::Document,
    wanted: &[index::Wanted],
    min_words: usize,
) -> Vec<(u32, String, Vec<u64>)> {
    let found = sketch::passages(doc, min_words);
    let hashes = sketch::word_hashes(doc);
    wanted
        .iter()
        .filter_map(|want| {
            let (_, span, words) = found.iter().find(|(kind, span, _)| {
                *kind == want.kind && span.start == want.start as usize && span.end == want.end as usize
            })?;
            Some((want.rendering, doc.slice(*span).to_string(), hashes[words.clone()].to_vec()))
        })
        .collect()
}

/// Both passes over documents held in memory, `(id, text)`, as `mtaudit diff` runs them over
/// its inputs: for small corpora, tests and fuzzing.
pub fn scan_texts(texts: &[(String, String)], params: DiffParams, max_locations: usize) -> DiffReport {
    use crate::document::Document;
    let (forms, renderings) = (index::SeenKeys::default(), index::SeenKeys::default());
    let first_rendering = |key: u64| renderings.first_sight(key);
    let mut index = index::PassageIndex::new(params);
    for (item, (id, text)) in texts.iter().enumerate() {
        let doc = Document::segmented(id.clone(), text.clone());
        let hold = index.holding().then_some(&first_rendering as &dyn Fn(u64) -> bool);
        let sketched = sketch::sketch_document(&doc, &params.sketch, |key| forms.first_sight(key), hold);
        index.add_document(DocumentRef { id: id.clone(), source: id.clone(), record_line: None }, item, sketched);
    }
    index.seal();
    let pairs = index.candidates();
    for (item, wants) in index.wanted(&pairs) {
        let doc = Document::segmented(texts[item].0.clone(), texts[item].1.clone());
        for (rendering, text, hashes) in read_back(&doc, &wants, params.sketch.min_words) {
            index.add_read_back(rendering, text, hashes);
        }
    }
    index.finish(pairs, max_locations)
}
