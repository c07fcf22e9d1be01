//! The report of a scan: the candidate pairs verified against the texts and grouped, the
//! documents it names, and its clusters, each with its word diffs, built a batch at a time as
//! they are written.

use super::cluster;
use super::diff::{self, ChangeClass};
use super::index::PassageIndex;
use super::model::{Cluster, DocumentPair, DocumentRef, Location, Rendering};
use crate::text::FastSet;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

impl PassageIndex {
    /// Verifies the candidate pairs against the texts read back, groups the forms, and builds
    /// the report. `max_locations` (0: all) caps the occurrences listed per rendering.
    pub fn finish(self, pairs: Vec<(u32, u32)>, max_locations: usize) -> DiffReport {
        let verified: Vec<(u32, u32)> = pairs
            .par_iter()
            .copied()
            .filter(|&(a, b)| match (self.hashes.get(&a), self.hashes.get(&b)) {
                (Some(x), Some(y)) => diff::related(x, y, self.params.min_similarity),
                _ => false,
            })
            .collect();
        let mut groups = cluster::groups(self.forms.len(), &verified);
        let linked: FastSet<u32> = groups.iter().flatten().copied().collect();
        groups.extend(
            (0..self.forms.len() as u32)
                .filter(|f| self.forms[*f as usize].count >= 2 && !linked.contains(f))
                .map(|f| vec![f]),
        );
        groups.sort_unstable_by_key(|g| g[0]);

        // Each group's occurrences, sorted by place, without those that hold another.
        let gathered: Vec<Vec<u32>> = groups
            .par_iter()
            .filter_map(|group| {
                let mut members: Vec<u32> = group
                    .iter()
                    .flat_map(|&f| self.form_occurrences(f).iter().copied())
                    .filter(|&o| self.has_text(self.at(o).rendering))
                    .collect();
                // Occurrence numbers follow document order, and start order within a document.
                members.sort_unstable();
                let members = self.innermost(&members);
                (members.len() >= 2).then_some(members)
            })
            .collect();
        let mut document_pairs = self.document_pairs(&gathered);
        let mut kept = self.drop_nested(gathered);
        if let Some(focus) = &self.focus {
            kept.retain(|members| members.iter().any(|&o| focus.contains(&self.at(o).doc)));
            document_pairs.retain(|p| focus.contains(&(p.first as u32)) || focus.contains(&(p.second as u32)));
        }
        // Largest first; then where the passage first occurs.
        kept.sort_by_cached_key(|members| {
            let first = self.at(members[0]);
            (std::cmp::Reverse(members.len()), first.doc, first.start)
        });

        // The documents the report names: those of the listed locations and of the pairs.
        let mut used: Vec<usize> = kept
            .par_iter()
            .flat_map_iter(|members| {
                self.rendering_order(members)
                    .into_iter()
                    .flat_map(|(_, occurrences)| {
                        let shown = shown(occurrences.len(), max_locations);
                        occurrences.into_iter().take(shown).map(|o| self.at(o).doc as usize)
                    })
                    .collect::<Vec<usize>>()
            })
            .collect();
        used.extend(document_pairs.iter().flat_map(|p| [p.first, p.second]));
        used.sort_unstable();
        used.dedup();
        for pair in document_pairs.iter_mut() {
            let position = |doc: usize| used.binary_search(&doc).unwrap_or(0);
            (pair.first, pair.second) = (position(pair.first), position(pair.second));
        }
        let documents = used
            .iter()
            .map(|&doc| DocumentRef {
                id: self.document_ids[doc].to_string(),
                source: self.sources[self.document_sources[doc] as usize].clone(),
                record_line: Some(self.document_lines[doc]).filter(|&line| line > 0),
            })
            .collect();
        DiffReport {
            documents_read: self.document_ids.len(),
            documents,
            passages: self.occurrences.len(),
            renderings: self.renderings.len(),
            forms: self.forms.len(),
            candidate_pairs: pairs.len(),
            verified_pairs: verified.len(),
            min_similarity: self.params.min_similarity,
            bands: self.params.sketch.bands,
            rows: self.params.sketch.rows,
            document_pairs,
            clusters: ClusterStream { index: self, plans: kept, max_locations, used },
        }
    }

    /// A cluster's renderings with their occurrences: the representative first (the most
    /// frequent, the earliest among equals), then by frequency.
    fn rendering_order(&self, members: &[u32]) -> Vec<(u32, Vec<u32>)> {
        let mut by_rendering: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for &o in members {
            by_rendering.entry(self.at(o).rendering).or_default().push(o);
        }
        let mut order: Vec<(u32, Vec<u32>)> = by_rendering.into_iter().collect();
        // Occurrence indices follow input order: the smallest is the earliest.
        order.sort_by_key(|(_, occ)| (std::cmp::Reverse(occ.len()), occ.iter().min().copied()));
        order
    }

    fn has_text(&self, rendering: u32) -> bool {
        self.texts.contains_key(&rendering) && self.hashes.contains_key(&self.renderings[rendering as usize].form)
    }

    /// One cluster, each rendering with its word diff against the representative; `used` are
    /// the documents the report names.
    fn cluster(&self, id: usize, members: &[u32], max_locations: usize, used: &[usize]) -> Cluster {
        let order = self.rendering_order(members);
        let text = |rendering: u32| (&self.texts[&rendering], &self.hashes[&self.renderings[rendering as usize].form]);
        let (representative_text, representative_hashes) = text(order[0].0);
        let mut classes: BTreeMap<ChangeClass, usize> = BTreeMap::new();
        let renderings: Vec<Rendering> = order
            .iter()
            .enumerate()
            .map(|(i, (rendering, occurrences))| {
                let (rendering_text, hashes) = text(*rendering);
                let (pieces, changes, similarity) = if i == 0 {
                    (Vec::new(), Vec::new(), 1.0)
                } else {
                    let (pieces, changes) = diff::compare(representative_text, rendering_text);
                    (pieces, changes, diff::similarity(representative_hashes, hashes))
                };
                for change in &changes {
                    *classes.entry(change.class).or_default() += 1;
                }
                let shown = shown(occurrences.len(), max_locations);
                Rendering {
                    text: rendering_text.clone(),
                    count: occurrences.len(),
                    similarity: (similarity * 1000.0).round() / 1000.0,
                    pieces,
                    changes,
                    locations: occurrences[..shown]
                        .iter()
                        .map(|&o| {
                            let o = self.at(o);
                            Location {
                                document: used.binary_search(&(o.doc as usize)).unwrap_or(0),
                                line: o.line + 1,
                                start: o.start,
                                end: o.end,
                            }
                        })
                        .collect(),
                    more_locations: occurrences.len() - shown,
                }
            })
            .collect();
        let mut documents: Vec<u32> = members.iter().map(|&o| self.at(o).doc).collect();
        documents.dedup();
        Cluster {
            id,
            kind: self.at(order[0].1[0]).kind,
            size: members.len(),
            documents: documents.len(),
            classes,
            renderings,
        }
    }
}

/// How many of a rendering's occurrences are listed (`max_locations` 0: all).
fn shown(count: usize, max_locations: usize) -> usize {
    if max_locations == 0 { count } else { count.min(max_locations) }
}

/// The clusters of a report, built (with their diffs) a batch at a time as they are written,
/// so that a corpus with millions of renderings never holds its whole report in memory.
pub struct ClusterStream {
    index: PassageIndex,
    /// Each cluster's occurrences, largest cluster first.
    plans: Vec<Vec<u32>>,
    max_locations: usize,
    used: Vec<usize>,
}

/// Clusters built in parallel at a time.
const CLUSTER_BATCH: usize = 16;

impl ClusterStream {
    pub fn len(&self) -> usize {
        self.plans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.plans.is_empty()
    }

    /// Hands each cluster to `visit`, in order.
    pub fn for_each<E>(&self, mut visit: impl FnMut(&Cluster) -> Result<(), E>) -> Result<(), E> {
        for (batch, plans) in self.plans.chunks(CLUSTER_BATCH).enumerate() {
            let built: Vec<Cluster> = plans
                .par_iter()
                .enumerate()
                .map(|(i, members)| {
                    self.index.cluster(batch * CLUSTER_BATCH + i + 1, members, self.max_locations, &self.used)
                })
                .collect();
            for cluster in &built {
                visit(cluster)?;
            }
        }
        Ok(())
    }

    /// Every cluster at once (for a small report).
    pub fn collect(&self) -> Vec<Cluster> {
        let mut all = Vec::with_capacity(self.len());
        let _ = self.for_each(|c| {
            all.push(c.clone());
            Ok::<(), ()>(())
        });
        all
    }
}

impl std::fmt::Debug for ClusterStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ClusterStream({} clusters)", self.len())
    }
}

impl serde::Serialize for ClusterStream {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        self.for_each(|cluster| seq.serialize_element(cluster))?;
        seq.end()
    }
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
    pub clusters: ClusterStream,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passages::DiffParams;
    use crate::passages::sketch::Kind;

    fn scan(texts: &[&str], held_bytes: usize, max_locations: usize) -> DiffReport {
        let params = DiffParams { held_bytes, ..DiffParams::default() };
        let named: Vec<(String, String)> =
            texts.iter().enumerate().map(|(i, t)| (format!("d{i}"), t.to_string())).collect();
        crate::passages::scan_texts(&named, params, max_locations)
    }

    /// (count, text) of each rendering of each cluster.
    fn shape(report: &DiffReport) -> Vec<Vec<(usize, String)>> {
        report
            .clusters
            .collect()
            .iter()
            .map(|c| c.renderings.iter().map(|r| (r.count, r.text.clone())).collect())
            .collect()
    }

    const SENTENCE: &str = "Le maire a présenté mardi un plan de rénovation des écoles de la ville.";

    #[test]
    fn one_text_repeated_is_one_rendering_with_its_count() {
        let other = "Une phrase sans aucun rapport avec la précédente, ni de près ni de loin.";
        let report = scan(&[SENTENCE, other, SENTENCE, SENTENCE], 1 << 20, 20);
        assert_eq!(shape(&report), [vec![(3, SENTENCE.to_string())]]);
        // The report names only the documents it points to.
        let places: Vec<&str> = report.clusters.collect()[0].renderings[0]
            .locations
            .iter()
            .map(|l| report.documents[l.document].id.as_str())
            .collect();
        assert_eq!(places, ["d0", "d2", "d3"]);
        assert_eq!((report.documents.len(), report.documents_read), (3, 4));
        assert_eq!((report.passages, report.renderings, report.forms), (4, 2, 2));
    }

    #[test]
    fn typographic_variants_are_renderings_of_one_form() {
        let curly = "Le maire a présenté mardi un « plan de rénovation » des écoles de la ville.";
        let straight = "Le maire a présenté mardi un \"plan de rénovation\" des écoles de la ville.";
        let report = scan(&[straight, curly, curly], 1 << 20, 20);
        assert_eq!(shape(&report), [vec![(2, curly.to_string()), (1, straight.to_string())]]);
        assert_eq!(report.forms, 1);
        let classes: Vec<ChangeClass> =
            report.clusters.collect()[0].renderings[1].changes.iter().map(|c| c.class).collect();
        assert_eq!(classes, [ChangeClass::Punctuation, ChangeClass::Punctuation]);
        assert_eq!(report.verified_pairs, 0, "equal forms need no verification");
    }

    #[test]
    fn the_sentences_of_a_repeated_paragraph_are_not_reported_again() {
        let paragraph = format!("{SENTENCE} Les travaux commenceront en juin et dureront deux ans au moins.");
        let report = scan(&[&paragraph, &paragraph], 1 << 20, 20);
        assert_eq!(report.clusters.len(), 1);
        assert_eq!(report.clusters.collect()[0].kind, Kind::Paragraph);
    }

    #[test]
    fn locations_are_capped_but_counts_are_not() {
        let texts = vec![SENTENCE; 7];
        let report = scan(&texts, 1 << 20, 3);
        let clusters = report.clusters.collect();
        let rendering = &clusters[0].renderings[0];
        assert_eq!((rendering.count, rendering.locations.len(), rendering.more_locations), (7, 3, 4));
    }

    #[test]
    fn holding_texts_or_reading_them_back_gives_the_same_report() {
        let texts = [
            SENTENCE,
            "Le maire a présenté lundi un plan de rénovation des écoles de la ville.",
            "Le maire a présenté mardi un « plan de rénovation » des écoles de la ville !",
            SENTENCE,
        ];
        let held = scan(&texts, 1 << 20, 20);
        let read_back = scan(&texts, 0, 20);
        assert_eq!(serde_json::to_string(&held).unwrap(), serde_json::to_string(&read_back).unwrap());
        assert_eq!(
            shape(&held),
            [vec![(2, texts[0].to_string()), (1, texts[1].to_string()), (1, texts[2].to_string())]]
        );
        let classes: Vec<ChangeClass> =
            held.clusters.collect()[0].renderings[1].changes.iter().map(|c| c.class).collect();
        assert_eq!(classes, [ChangeClass::Substitution]);
    }
}
