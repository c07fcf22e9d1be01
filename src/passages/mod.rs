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
pub mod report;
pub mod sketch;

use diff::{Change, ChangeClass, Piece};
use serde::Serialize;
use sketch::Kind;
use std::collections::BTreeMap;

/// Options of a scan.
#[derive(Debug, Clone, Copy)]
pub struct DiffParams {
    pub sketch: sketch::SketchParams,
    /// Verified similarity (0 to 1) for two passages to be one passage.
    pub min_similarity: f64,
    /// Buckets larger than this are chained rather than paired.
    pub max_bucket: usize,
    /// Share of a document's sentences found in another for it to be "mostly a copy".
    pub copy_share: f64,
    /// Most bytes of passage text and word hashes the first pass holds. A corpus whose
    /// distinct passages fit (one that repeats itself) is read once; past it, the second pass
    /// reads back what is missing.
    pub held_bytes: usize,
}

impl DiffParams {
    pub fn new(sketch: sketch::SketchParams, min_similarity: f64) -> Self {
        DiffParams { sketch, min_similarity, ..DiffParams::default() }
    }
}

impl Default for DiffParams {
    fn default() -> Self {
        DiffParams {
            sketch: sketch::SketchParams::default(),
            min_similarity: 0.5,
            max_bucket: 8,
            copy_share: 0.8,
            held_bytes: 64 << 20,
        }
    }
}

/// A document as the report names it.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct DocumentRef {
    pub id: String,
    pub source: String,
    /// 1-based line of a JSONL record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_line: Option<u64>,
}

/// Where a rendering occurs.
#[derive(Debug, Clone, Serialize)]
pub struct Location {
    /// Index into `DiffReport::documents`.
    pub document: usize,
    /// 1-based line.
    pub line: u32,
    /// Byte offsets in the document's text.
    pub start: u32,
    pub end: u32,
}

/// One exact text of a passage, wherever it occurs.
#[derive(Debug, Clone, Serialize)]
pub struct Rendering {
    pub text: String,
    /// Its occurrences.
    pub count: usize,
    /// Word similarity to the representative (1 for the representative).
    pub similarity: f64,
    /// The word diff against the representative (none for the representative).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pieces: Vec<Piece>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
    /// Its occurrences in input order, up to the report's limit.
    pub locations: Vec<Location>,
    /// Occurrences beyond the limit.
    #[serde(skip_serializing_if = "is_zero")]
    pub more_locations: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One passage seen several times, in one or more renderings.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    pub id: usize,
    pub kind: Kind,
    /// Occurrences, all renderings together.
    pub size: usize,
    pub documents: usize,
    /// How many changes of each class the renderings show against the representative.
    pub classes: BTreeMap<ChangeClass, usize>,
    /// The representative first (the most frequent rendering, the earliest among equals),
    /// then the others by frequency.
    pub renderings: Vec<Rendering>,
}

/// Two documents that repeat each other.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentPair {
    pub first: usize,
    pub second: usize,
    /// `exact` (the same words) or `copy` (most of `first`'s sentences are in `second`).
    pub relation: &'static str,
    /// Share of `first`'s sentences found in `second`.
    pub share: f64,
}

#[derive(Debug, Serialize)]
pub struct DiffReport {
    /// Documents read.
    pub documents_read: usize,
    /// The documents the clusters and pairs name (their `document` numbers index this list).
    pub documents: Vec<DocumentRef>,
    /// Passage occurrences.
    pub passages: usize,
    /// Distinct exact texts among them.
    pub renderings: usize,
    /// Distinct folded word sequences among them (what is sketched and compared).
    pub forms: usize,
    pub candidate_pairs: usize,
    pub verified_pairs: usize,
    pub min_similarity: f64,
    pub bands: usize,
    pub rows: usize,
    pub document_pairs: Vec<DocumentPair>,
    /// Built as they are written.
    pub clusters: report::ClusterStream,
}

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
