//! Passages repeated across and within documents (`mtaudit diff`): sketches, candidate pairs,
//! verified clusters and classified word diffs.
//!
//! The scan is two passes over the inputs. The first sketches every passage (a few dozen bytes
//! each: where it is and its band keys) and finds candidate pairs by their shared band keys.
//! The second reads back only the passages that have a candidate, verifies each pair with a
//! word-level similarity, and builds the clusters and their diffs. Memory is bounded by the
//! number of passages times the sketch size, plus the candidate passages' text.

pub mod cluster;
pub mod diff;
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
}

impl Default for DiffParams {
    fn default() -> Self {
        DiffParams { sketch: sketch::SketchParams::default(), min_similarity: 0.5, max_bucket: 8, copy_share: 0.8 }
    }
}

/// A document as the report names it.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentRef {
    pub id: String,
    pub source: String,
    /// 1-based line of a JSONL record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_line: Option<u64>,
}

/// A passage that has a candidate, read back in the second pass.
#[derive(Debug, Clone)]
pub struct PassageText {
    pub text: String,
    pub hashes: Vec<u64>,
}

/// Where a passage is (first pass).
#[derive(Debug, Clone, Copy)]
pub struct PassagePlace {
    pub doc: u32,
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
    /// 0-based.
    pub line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Member {
    /// Index into `DiffReport::documents`.
    pub document: usize,
    /// 1-based line.
    pub line: u32,
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// Similarity to the representative rendering (1 for the representative).
    pub similarity: f64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pieces: Vec<Piece>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    pub id: usize,
    pub kind: Kind,
    pub size: usize,
    pub documents: usize,
    /// Index into `members` of the representative: the most common rendering, else the
    /// earliest.
    pub representative: usize,
    /// How many changes of each class the renderings show against the representative.
    pub classes: BTreeMap<ChangeClass, usize>,
    pub members: Vec<Member>,
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

#[derive(Debug, Clone, Serialize)]
pub struct DiffReport {
    pub documents: Vec<DocumentRef>,
    pub passages: usize,
    pub candidate_pairs: usize,
    pub verified_pairs: usize,
    pub min_similarity: f64,
    pub bands: usize,
    pub rows: usize,
    pub document_pairs: Vec<DocumentPair>,
    pub clusters: Vec<Cluster>,
}

/// Builds the clusters of the verified groups.
pub fn build_clusters(
    groups: &[Vec<u32>],
    places: &[PassagePlace],
    texts: &std::collections::HashMap<u32, PassageText>,
) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = groups
        .iter()
        .map(|group| innermost(group, places))
        .filter(|group| group.len() >= 2 && group.iter().all(|id| texts.contains_key(id)))
        .map(|group| {
            let group = group.as_slice();
            // The representative: the rendering seen most often, the earliest among equals.
            let mut counts: BTreeMap<&[u64], (usize, u32)> = BTreeMap::new();
            for &id in group {
                let entry = counts.entry(texts[&id].hashes.as_slice()).or_insert((0, id));
                entry.0 += 1;
                entry.1 = entry.1.min(id);
            }
            let (_, representative_id) = counts
                .values()
                .copied()
                .max_by_key(|&(count, id)| (count, std::cmp::Reverse(id)))
                .unwrap_or((0, group[0]));
            let representative = &texts[&representative_id];
            let mut classes: BTreeMap<ChangeClass, usize> = BTreeMap::new();
            // A rendering repeated a thousand times is compared once.
            let mut compared: std::collections::HashMap<&str, (Vec<Piece>, Vec<Change>, f64)> =
                std::collections::HashMap::new();
            let members: Vec<Member> = group
                .iter()
                .map(|&id| {
                    let place = places[id as usize];
                    let text = &texts[&id];
                    let (pieces, changes, similarity) = if id == representative_id || text.text == representative.text {
                        (Vec::new(), Vec::new(), 1.0)
                    } else {
                        compared
                            .entry(text.text.as_str())
                            .or_insert_with(|| {
                                let (pieces, changes) = diff::compare(&representative.text, &text.text);
                                (pieces, changes, diff::similarity(&representative.hashes, &text.hashes))
                            })
                            .clone()
                    };
                    for change in &changes {
                        *classes.entry(change.class).or_default() += 1;
                    }
                    Member {
                        document: place.doc as usize,
                        line: place.line + 1,
                        start: place.start,
                        end: place.end,
                        text: text.text.clone(),
                        similarity: (similarity * 1000.0).round() / 1000.0,
                        pieces,
                        changes,
                    }
                })
                .collect();
            let documents = {
                let mut docs: Vec<usize> = members.iter().map(|m| m.document).collect();
                docs.sort_unstable();
                docs.dedup();
                docs.len()
            };
            Cluster {
                id: 0,
                kind: places[group[0] as usize].kind,
                size: members.len(),
                documents,
                representative: group.iter().position(|&id| id == representative_id).unwrap_or(0),
                classes,
                members,
            }
        })
        .collect();
    drop_nested(&mut clusters);
    // Largest first; then where the passage first occurs.
    clusters.sort_by_key(|c| (std::cmp::Reverse(c.size), c.members[0].document, c.members[0].start));
    for (i, cluster) in clusters.iter_mut().enumerate() {
        cluster.id = i + 1;
    }
    clusters
}

/// The members of a group that contain no other member of the group in the same document: a
/// quotation linked to its source's quotation is shown without the sentences around both.
fn innermost(group: &[u32], places: &[PassagePlace]) -> Vec<u32> {
    group
        .iter()
        .copied()
        .filter(|&id| {
            let outer = places[id as usize];
            !group.iter().any(|&other| {
                let inner = places[other as usize];
                other != id
                    && inner.doc == outer.doc
                    && outer.start <= inner.start
                    && inner.end <= outer.end
                    && (inner.start, inner.end) != (outer.start, outer.end)
            })
        })
        .collect()
}

/// Drops a cluster whose every member lies inside a member of another cluster at least as
/// large (the sentences of a repeated paragraph, a quotation of a repeated sentence): the
/// larger passage already shows the repeat.
fn drop_nested(clusters: &mut Vec<Cluster>) {
    let mut by_document: BTreeMap<usize, Vec<(u32, u32, usize)>> = BTreeMap::new();
    for (index, cluster) in clusters.iter().enumerate() {
        for member in &cluster.members {
            by_document.entry(member.document).or_default().push((member.start, member.end, index));
        }
    }
    let contains = |container: usize, member: &Member| {
        by_document.get(&member.document).is_some_and(|spans| {
            spans.iter().any(|&(start, end, index)| {
                index == container
                    && start <= member.start
                    && member.end <= end
                    && (start, end) != (member.start, member.end)
            })
        })
    };
    let nested: Vec<bool> = clusters
        .iter()
        .enumerate()
        .map(|(index, cluster)| {
            (0..clusters.len()).any(|other| {
                other != index
                    && clusters[other].size >= cluster.size
                    && cluster.members.iter().all(|member| contains(other, member))
            })
        })
        .collect();
    let mut index = 0;
    clusters.retain(|_| {
        index += 1;
        !nested[index - 1]
    });
}

const MAX_COPY_SOURCES: usize = 32;

/// Documents that repeat each other: the same words throughout (`exact`, from the whole-text
/// hashes), or most of one's sentences found in the other (`copy`, from sentence clusters).
pub fn document_pairs(
    doc_hashes: &[u64],
    sentence_counts: &[u32],
    clusters: &[Cluster],
    copy_share: f64,
) -> Vec<DocumentPair> {
    let mut pairs = Vec::new();
    let mut by_hash: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (doc, &hash) in doc_hashes.iter().enumerate() {
        by_hash.entry(hash).or_default().push(doc);
    }
    let mut exact = std::collections::BTreeSet::new();
    for docs in by_hash.values().filter(|d| d.len() >= 2) {
        for window in docs.windows(2) {
            pairs.push(DocumentPair { first: window[1], second: window[0], relation: "exact", share: 1.0 });
            exact.insert((window[1], window[0]));
        }
    }
    // For each ordered pair of documents, the sentences of the first found in the second.
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    // A sentence found in more than MAX_COPY_SOURCES documents is wire copy or boilerplate, no
    // sign that one document copies another (and counting it would be quadratic).
    for cluster in clusters.iter().filter(|c| c.kind == Kind::Sentence && c.documents <= MAX_COPY_SOURCES) {
        let docs: std::collections::BTreeSet<usize> = cluster.members.iter().map(|m| m.document).collect();
        for member in &cluster.members {
            for &other in docs.iter().filter(|&&d| d != member.document) {
                *shared.entry((member.document, other)).or_default() += 1;
            }
        }
    }
    for ((first, second), count) in shared {
        let total = sentence_counts.get(first).copied().unwrap_or(0) as usize;
        if total == 0 || exact.contains(&(first, second)) || exact.contains(&(second, first)) {
            continue;
        }
        let share = count.min(total) as f64 / total as f64;
        if share >= copy_share && total >= 3 {
            pairs.push(DocumentPair { first, second, relation: "copy", share: (share * 1000.0).round() / 1000.0 });
        }
    }
    pairs.sort_by_key(|p| (p.first, p.second));
    pairs
}
