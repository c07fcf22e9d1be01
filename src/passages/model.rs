//! What a passage scan is given and reports: its options, the documents it names, and the
//! passages it found with their renderings and places.

use super::diff::{Change, ChangeClass, Piece};
use super::sketch::{self, Kind};
use serde::Serialize;
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
