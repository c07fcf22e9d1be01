//! The groups of occurrences the verified pairs make, refined: the innermost occurrences of
//! each group, the groups that lie inside a larger one dropped, and the document pairs the
//! groups show (exact repeats and copies).

use super::index::{PassageIndex, Place};
use super::model::DocumentPair;
use super::sketch::Kind;
use rayon::prelude::*;
use std::collections::BTreeMap;

impl PassageIndex {
    /// The occurrences (in document and start order) that hold no other one of the same group
    /// in their document: a quotation linked to its source's quotation is shown without the
    /// sentences around both.
    pub(super) fn innermost(&self, members: &[u32]) -> Vec<u32> {
        let place = |o: u32| self.at(o);
        let mut kept = Vec::with_capacity(members.len());
        for (i, &outer) in members.iter().enumerate() {
            let o = place(outer);
            let held = |inner: &Place| inner.end <= o.end && (inner.start, inner.end) != (o.start, o.end);
            // What `outer` holds starts inside it: after it, or at its own start just before it.
            let holds = members[i + 1..]
                .iter()
                .map(|&inner| place(inner))
                .take_while(|inner| inner.doc == o.doc && inner.start < o.end)
                .any(|inner| held(&inner))
                || members[..i]
                    .iter()
                    .rev()
                    .map(|&inner| place(inner))
                    .take_while(|inner| inner.doc == o.doc && inner.start == o.start)
                    .any(|inner| held(&inner));
            if !holds {
                kept.push(outer);
            }
        }
        kept
    }

    /// Drops a group whose every occurrence lies inside an occurrence of one other group at
    /// least as large (the sentences of a repeated paragraph, a quotation of a repeated
    /// sentence): the larger passage already shows the repeat.
    ///
    /// Occurrences are numbered in document order, and in a document by start, so what holds
    /// an occurrence is among its near neighbours: the search looks `NEIGHBOURS` places back
    /// and forward (a passage holding more than that many others is not looked through).
    pub(super) fn drop_nested(&self, groups: Vec<Vec<u32>>) -> Vec<Vec<u32>> {
        const NEIGHBOURS: usize = 256;
        const NONE: u32 = u32::MAX;
        let mut group_of = vec![NONE; self.occurrences.len()];
        for (g, members) in groups.iter().enumerate() {
            for &o in members {
                group_of[o as usize] = g as u32;
            }
        }
        // The groups holding an occurrence, nearest first.
        let holders = |occurrence: u32, visit: &mut dyn FnMut(u32) -> bool| {
            let o = self.at(occurrence);
            let at = occurrence as usize;
            let before = at.saturating_sub(NEIGHBOURS)..at;
            let after = at + 1..(at + 1 + NEIGHBOURS).min(self.occurrences.len());
            for other in before.rev().chain(after) {
                if group_of[other] == NONE {
                    continue;
                }
                let p = self.at(other as u32);
                if p.doc != o.doc {
                    continue;
                }
                if p.start <= o.start
                    && o.end <= p.end
                    && (p.start, p.end) != (o.start, o.end)
                    && visit(group_of[other])
                {
                    return true;
                }
            }
            false
        };
        let nested: Vec<bool> = groups
            .par_iter()
            .enumerate()
            .map(|(index, members)| {
                let mut containers: Vec<u32> = Vec::new();
                holders(members[0], &mut |g| {
                    if g as usize != index && groups[g as usize].len() >= members.len() {
                        containers.push(g);
                    }
                    false
                });
                containers.sort_unstable();
                containers.dedup();
                containers.into_iter().any(|container| members.iter().all(|&o| holders(o, &mut |g| g == container)))
            })
            .collect();
        groups.into_iter().zip(nested).filter(|(_, nested)| !nested).map(|(g, _)| g).collect()
    }

    /// Documents that repeat each other: the same words throughout (`exact`), or most of one's
    /// sentences found in the other (`copy`).
    pub(super) fn document_pairs(&self, groups: &[Vec<u32>]) -> Vec<DocumentPair> {
        let mut pairs = Vec::new();
        let mut by_hash: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for (doc, &hash) in self.document_hashes.iter().enumerate().filter(|(_, h)| **h != 0) {
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
        // A sentence found in more than MAX_COPY_SOURCES documents is wire copy or
        // boilerplate, no sign that one document copies another (and counting it would be
        // quadratic).
        let mut shared: BTreeMap<(u32, u32), usize> = BTreeMap::new();
        for members in groups {
            let mut docs: Vec<u32> = members.iter().map(|&o| self.at(o).doc).collect();
            docs.dedup();
            if docs.len() > MAX_COPY_SOURCES {
                continue;
            }
            for &o in members {
                let o = self.at(o);
                if o.kind != Kind::Sentence {
                    continue;
                }
                for &other in docs.iter().filter(|&&d| d != o.doc) {
                    *shared.entry((o.doc, other)).or_default() += 1;
                }
            }
        }
        for ((first, second), count) in shared {
            let (first, second) = (first as usize, second as usize);
            let total = self.sentence_counts.get(first).copied().unwrap_or(0) as usize;
            if total == 0 || exact.contains(&(first, second)) || exact.contains(&(second, first)) {
                continue;
            }
            let share = count.min(total) as f64 / total as f64;
            if share >= self.params.copy_share && total >= 3 {
                pairs.push(DocumentPair { first, second, relation: "copy", share: (share * 1000.0).round() / 1000.0 });
            }
        }
        pairs.sort_by_key(|p| (p.first, p.second));
        pairs
    }
}

/// Sentences found in more documents than this say nothing of who copied whom.
const MAX_COPY_SOURCES: usize = 32;
