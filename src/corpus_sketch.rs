//! The mergeable statistics of a corpus: what `check --name-consensus` and `check
//! --duplicates` learn in their first pass, computed shard by shard (`mtaudit sketch`),
//! combined (`mtaudit merge`) and handed to the scoring of every shard (`--corpus-sketch`).
//!
//! Merging is commutative and associative, so the sketch of a corpus does not depend on how it
//! was split or in which order the parts are merged; with shards numbered in corpus order, it
//! is the sketch a single run over the whole corpus makes.

use crate::corpus_copies::{CopyIndex, CopyTable, order_key};
use crate::corpus_names::NameStats;
use crate::document::Document;
use crate::passages::DocumentRef;
use crate::passages::sketch::{self as passage_sketch, SketchParams};
use crate::resources::Resources;
use crate::site_table::SiteTable;
use crate::text::FastSet;
use crate::view::View;
use crate::view::fingerprint::Fingerprint;
use serde::{Deserialize, Serialize};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::Path;

/// The `format` field of a sketch file.
pub const SKETCH_FORMAT: &str = "mtaudit-sketch";
/// The version of the sketch format this build reads and writes.
pub const SKETCH_VERSION: u32 = 1;

/// The statistics of one shard, or of a whole corpus.
#[derive(Debug, Clone, Default)]
pub struct CorpusSketch {
    /// Shards merged into this sketch (their numbers, sorted).
    pub shards: Vec<u32>,
    pub names: NameStats,
    pub copies: CopyIndex,
    /// The passage records `diff` clusters, when asked for (`sketch --passages`).
    pub passages: Option<PassageSketches>,
    /// The per-site counts, when the inputs name sites (`sketch --site-field`,
    /// `--site-from-path`): what `sites` prints and `--site-evidence` passes on.
    pub sites: Option<SiteTable>,
    /// The forms and renderings this shard has recorded.
    seen_forms: FastSet<u64>,
    seen_renderings: FastSet<u64>,
}

/// The passages of the documents of each shard: what the first pass of `diff` records of them
/// (places, renderings, forms, MinHash band keys, anchors), with the text of every rendering a
/// shard saw first. Replayed in shard order, they give `diff` the index a single run builds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PassageSketches {
    pub params: SketchParams,
    /// Sorted by shard number.
    pub shards: Vec<ShardPassages>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShardPassages {
    pub shard: u32,
    /// The shard's documents in input order.
    pub documents: Vec<(DocumentRef, passage_sketch::DocumentSketch)>,
}

/// What one document gives a sketch.
#[derive(Debug, Clone)]
pub struct DocumentStats {
    pub id: String,
    pub names: NameStats,
    pub fingerprint: Fingerprint,
    pub passages: Option<passage_sketch::DocumentSketch>,
}

/// Sketches one document: its name spellings, its text and sentence fingerprints, and, when
/// asked, its passages.
/// Without `names`, the spellings are not counted and the document view is not built
/// (`check --duplicates` alone needs only the segmentation).
pub fn sketch_document(
    id: &str,
    text: String,
    res: &Resources,
    names: bool,
    passages: Option<&SketchParams>,
) -> DocumentStats {
    let (names, text) = if names {
        let doc = View::build(id.to_string(), text, res);
        (NameStats::of_document(id, &doc, res), doc.into_text())
    } else {
        (NameStats { documents: 1, ..NameStats::default() }, text)
    };
    // The fingerprint of `check --duplicates` and the passages of `diff` come from the bare
    // segmentation, as in those commands.
    let segmented = Document::segmented(id.to_string(), text);
    let fingerprint = crate::view::fingerprint::fingerprint(&segmented);
    // Every form and text is recorded here; `CorpusSketch::add` keeps the first of each, in
    // input order, so that the sketch does not depend on which thread saw a passage first.
    let passages =
        passages.map(|params| passage_sketch::sketch_document(&segmented, params, |_| true, Some(&|_: u64| true)));
    DocumentStats { id: id.to_string(), names, fingerprint, passages }
}

/// A sketch file as written: sorted tables, so the same corpus gives the same bytes. Written
/// from references (`P = &PassageSketches`); read with the passages, or skipping over them
/// (`P = IgnoredAny`) when only the names and copies are wanted.
#[derive(Debug, Serialize, Deserialize)]
struct SketchFile<N, P> {
    format: String,
    version: u32,
    shards: Vec<u32>,
    names: N,
    copies: CopyTable,
    #[serde(default = "none", skip_serializing_if = "Option::is_none")]
    passages: Option<P>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sites: Option<SiteTable>,
}

fn none<P>() -> Option<P> {
    None
}

#[derive(Debug, thiserror::Error)]
pub enum SketchError {
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: not an mtaudit sketch: {reason}")]
    Format { path: String, reason: String },
    #[error("shard {0} is in two of the sketches merged: give each shard its own number (`sketch --shard N`)")]
    ShardTwice(u32),
    #[error(transparent)]
    Order(#[from] crate::corpus_copies::OrderClash),
    #[error("the sketches merged record passages differently: {0}")]
    Passages(String),
    #[error("some of the sketches merged count sites and some do not: make every shard's with the same site option")]
    Sites,
}

impl CorpusSketch {
    /// An empty sketch of shard `shard`; with `passages`, it records them with these
    /// parameters.
    pub fn new(shard: u32, passages: Option<SketchParams>) -> Self {
        CorpusSketch {
            shards: vec![shard],
            passages: passages
                .map(|params| PassageSketches { params, shards: vec![ShardPassages { shard, documents: Vec::new() }] }),
            ..CorpusSketch::default()
        }
    }

    /// Adds the next document of the shard, in the shard's input order; `place` names it in
    /// `diff` reports.
    pub fn add(&mut self, document: DocumentStats, place: DocumentRef) {
        let shard = self.shards.first().copied().unwrap_or(0);
        let order = order_key(shard, self.copies.len());
        self.copies.add_at(order, &document.id, &document.fingerprint);
        self.names.merge(document.names);
        if let (Some(all), Some(mut passages)) = (&mut self.passages, document.passages)
            && let Some(own) = all.shards.last_mut()
        {
            passages.keep_first_sightings(&mut self.seen_forms, &mut self.seen_renderings, all.params.bands);
            own.documents.push((place, passages));
        }
    }

    /// Documents counted.
    pub fn documents(&self) -> u64 {
        self.names.documents
    }

    /// Adds another sketch. A shard may be merged only once.
    pub fn merge(&mut self, other: CorpusSketch) -> Result<(), SketchError> {
        if let Some(&twice) = other.shards.iter().find(|s| self.shards.contains(s)) {
            return Err(SketchError::ShardTwice(twice));
        }
        self.passages = match (self.passages.take(), other.passages) {
            (None, None) => None,
            (Some(mut ours), Some(theirs)) => {
                if ours.params != theirs.params {
                    return Err(SketchError::Passages(format!(
                        "made with {:?} and with {:?}",
                        ours.params, theirs.params
                    )));
                }
                ours.shards.extend(theirs.shards);
                ours.shards.sort_by_key(|s| s.shard);
                Some(ours)
            }
            _ => return Err(SketchError::Passages("some were made with --passages, some without".into())),
        };
        self.sites = match (self.sites.take(), other.sites) {
            (None, None) => None,
            (Some(mut ours), Some(theirs)) => {
                ours.merge(theirs);
                Some(ours)
            }
            _ => return Err(SketchError::Sites),
        };
        self.copies.merge(other.copies)?;
        self.names.merge(other.names);
        self.shards.extend(other.shards);
        self.shards.sort_unstable();
        Ok(())
    }

    /// Reads a sketch file (`.gz` files are decompressed).
    pub fn read(path: &Path) -> Result<CorpusSketch, SketchError> {
        Self::read_file::<PassageSketches>(path, Some)
    }

    /// Reads a sketch file's names and copies; its passages, if any, are skipped unread (what
    /// `check --corpus-sketch` and `merge --no-passages` need).
    pub fn read_without_passages(path: &Path) -> Result<CorpusSketch, SketchError> {
        Self::read_file::<serde::de::IgnoredAny>(path, |_| None)
    }

    fn read_file<P: serde::de::DeserializeOwned>(
        path: &Path,
        keep: impl FnOnce(P) -> Option<PassageSketches>,
    ) -> Result<CorpusSketch, SketchError> {
        let shown = path.display().to_string();
        let io = |source| SketchError::Io { path: shown.clone(), source };
        let file = std::fs::File::open(path).map_err(io)?;
        let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
            Box::new(flate2::read::MultiGzDecoder::new(file))
        } else {
            Box::new(file)
        };
        let file: SketchFile<NameStats, P> = serde_json::from_reader(BufReader::new(reader))
            .map_err(|e| SketchError::Format { path: shown.clone(), reason: e.to_string() })?;
        if file.format != SKETCH_FORMAT || file.version != SKETCH_VERSION {
            return Err(SketchError::Format {
                path: shown,
                reason: format!(
                    "format `{}` version {}, expected `{SKETCH_FORMAT}` version {SKETCH_VERSION}",
                    file.format, file.version
                ),
            });
        }
        let passages = file.passages.and_then(keep);
        if let Some(passages) = &passages {
            let mut rows = passages.shards.iter().flat_map(|s| &s.documents).flat_map(|(_, d)| &d.passages);
            if let Some(p) = rows.find(|p| p.start > p.end) {
                return Err(SketchError::Format {
                    path: shown,
                    reason: format!("a passage ends ({}) before it starts ({})", p.end, p.start),
                });
            }
        }
        let copies =
            CopyIndex::from_table(file.copies).map_err(|reason| SketchError::Format { path: shown, reason })?;
        Ok(CorpusSketch {
            shards: file.shards,
            names: file.names,
            copies,
            passages,
            sites: file.sites,
            ..Default::default()
        })
    }

    /// Writes the sketch as JSON (gzip-compressed when the name ends in `.gz`).
    pub fn write_to(&self, out: impl Write, gzip: bool) -> std::io::Result<()> {
        let file = SketchFile {
            format: SKETCH_FORMAT.into(),
            version: SKETCH_VERSION,
            shards: self.shards.clone(),
            names: &self.names,
            copies: self.copies.to_table(),
            passages: self.passages.as_ref(),
            sites: self.sites.clone(),
        };
        if gzip {
            let mut encoder = flate2::write::GzEncoder::new(BufWriter::new(out), flate2::Compression::fast());
            serde_json::to_writer(&mut encoder, &file).map_err(std::io::Error::from)?;
            encoder.finish()?.flush()
        } else {
            let mut out = BufWriter::new(out);
            serde_json::to_writer(&mut out, &file).map_err(std::io::Error::from)?;
            out.write_all(b"\n")?;
            out.flush()
        }
    }

    /// The sketch file's bytes, for comparisons.
    #[cfg(test)]
    fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        self.write_to(&mut bytes, false).expect("writing to memory");
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 6] = [
        "Le président Alexandre Loukachenko a parlé à Minsk mardi. Il a reçu le ministre russe des affaires étrangères pour deux heures. Les deux hommes ont parlé de la sécurité régionale.",
        "Le président Lukashenko a parlé à Minsk mardi. Il a reçu le ministre russe des affaires étrangères pour deux heures. La presse n'était pas invitée à la rencontre.",
        "Le président Loukachenko a parlé à Minsk mardi. Il a reçu le ministre russe des affaires étrangères pour deux heures. Les deux hommes ont parlé de la sécurité régionale.",
        "La ville de Koursk a connu une nuit calme selon les autorités locales.",
        "Le président Loukachenko a parlé à Minsk mardi. Il a reçu le ministre russe des affaires étrangères pour deux heures. Les deux hommes ont parlé de la sécurité régionale.",
        "Selon Loukachenko, la frontière restera ouverte aux camions de marchandises.",
    ];

    fn shard(number: u32, docs: &[usize]) -> CorpusSketch {
        let mut sketch = CorpusSketch::new(number, None);
        for &i in docs {
            let id = format!("d{i}");
            let place = DocumentRef { id: id.clone(), source: "-".into(), record_line: None };
            sketch.add(sketch_document(&id, TEXTS[i].to_string(), Resources::embedded(), true, None), place);
        }
        sketch
    }

    #[test]
    fn merged_shards_give_the_sketch_of_a_single_run_in_any_order_and_grouping() {
        let whole = shard(0, &[0, 1, 2, 3, 4, 5]);
        // Three shards numbered in corpus order, merged in several orders and groupings.
        let parts = || [shard(0, &[0, 1]), shard(1, &[2, 3]), shard(2, &[4, 5])];
        for order in [[0, 1, 2], [2, 1, 0], [1, 2, 0]] {
            let mut parts = parts().map(Some);
            let mut merged = parts[order[0]].take().unwrap();
            for i in &order[1..] {
                merged.merge(parts[*i].take().unwrap()).unwrap();
            }
            assert_eq!(merged.names, whole.names);
            assert_eq!(merged.documents(), 6);
            assert_eq!(merged.copies.len(), 6);
            // The same answers as the single run's index, and the same file.
            let fingerprint =
                |i: usize| sketch_document("x", TEXTS[i].to_string(), Resources::embedded(), true, None).fingerprint;
            for i in 0..6 {
                let id = format!("d{i}");
                assert_eq!(
                    merged.copies.exact_copy_of(&id, &fingerprint(i)),
                    whole.copies.exact_copy_of(&id, &fingerprint(i))
                );
            }
            assert_eq!(merged.copies.exact_copy_of("d4", &fingerprint(4)), Some("d2"));
            // The same first holders; their order keys name shards instead of positions.
            let holders = |s: &CorpusSketch| -> Vec<String> {
                s.copies.to_table().first_documents.into_iter().map(|(_, id)| id).collect()
            };
            assert_eq!(holders(&merged), holders(&whole));
        }
        let [a, b, c] = parts();
        let mut right = b;
        right.merge(c).unwrap();
        let mut left = a;
        left.merge(right).unwrap();
        let mut forward = parts().into_iter();
        let mut all = forward.next().unwrap();
        forward.for_each(|p| all.merge(p).unwrap());
        assert_eq!(left.to_bytes(), all.to_bytes(), "grouping does not matter, to the byte");
        let (ours, theirs) = (left.copies.to_table(), whole.copies.to_table());
        assert_eq!(
            (ours.documents, &ours.texts, &ours.sentences),
            (theirs.documents, &theirs.texts, &theirs.sentences)
        );
    }

    #[test]
    fn a_shard_merged_twice_is_refused() {
        let mut sketch = shard(0, &[0]);
        assert!(matches!(sketch.merge(shard(0, &[1])), Err(SketchError::ShardTwice(0))));
    }

    #[test]
    fn a_sketch_file_reads_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let sketch = shard(3, &[0, 2, 4, 5]);
        for name in ["s.json", "s.json.gz"] {
            let path = dir.path().join(name);
            sketch.write_to(std::fs::File::create(&path).unwrap(), name.ends_with(".gz")).unwrap();
            let back = CorpusSketch::read(&path).unwrap();
            assert_eq!(back.to_bytes(), sketch.to_bytes());
            assert_eq!(back.shards, vec![3]);
        }
        let bad = dir.path().join("bad.json");
        std::fs::write(&bad, r#"{"format": "something-else"}"#).unwrap();
        let error = CorpusSketch::read(&bad).unwrap_err().to_string();
        assert!(error.contains("bad.json: not an mtaudit sketch"), "{error}");
    }
}
