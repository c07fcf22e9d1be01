//! From band keys to clusters: candidate pairs by LSH banding, verification, union-find.

use super::sketch::Kind;
use rayon::prelude::*;

/// What the clustering needs of each passage.
#[derive(Debug, Clone, Copy)]
pub struct PassageKey {
    pub kind: Kind,
    pub doc: u32,
    pub start: u32,
    pub end: u32,
}

impl PassageKey {
    /// Two passages of the same text in one document (a quotation and its sentence, or a
    /// quotation running over two sentences): not two renderings.
    fn overlaps(&self, other: &PassageKey) -> bool {
        self.doc == other.doc && self.start < other.end && other.start < self.end
    }
}

/// Pairs of passages (indices, smaller first, sorted, distinct) that share at least one band
/// key. A bucket of up to `max_bucket` passages gives all its pairs; a larger one (the same
/// sentence in thousands of pages, or a stock phrase) is linked as a star on its first member
/// plus a chain, which keeps its members connected at a linear cost. Bands are taken one at a
/// time and merged into the sorted set, so memory stays near the number of distinct pairs.
pub fn candidate_pairs(keys: &[PassageKey], bands: &[u32], band_count: usize, max_bucket: usize) -> Vec<(u32, u32)> {
    let n = keys.len();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut keyed: Vec<(u32, u32)> = Vec::with_capacity(n);
    for band in 0..band_count {
        keyed.clear();
        keyed.extend((0..n).map(|i| (bands[i * band_count + band], i as u32)));
        keyed.par_sort_unstable();
        let mut found: Vec<(u32, u32)> = Vec::new();
        for bucket in keyed.chunk_by(|a, b| a.0 == b.0) {
            if bucket.len() < 2 {
                continue;
            }
            if bucket.len() > max_bucket {
                let first = bucket[0].1;
                for (k, pair) in bucket.windows(2).enumerate() {
                    found.push((pair[0].1, pair[1].1));
                    if k > 0 {
                        found.push((first, pair[1].1));
                    }
                }
            } else {
                for (k, a) in bucket.iter().enumerate() {
                    for b in &bucket[k + 1..] {
                        found.push((a.1, b.1));
                    }
                }
            }
        }
        found.retain(|&(a, b)| {
            let (a, b) = (&keys[a as usize], &keys[b as usize]);
            comparable(a.kind, b.kind) && !a.overlaps(b)
        });
        found.par_sort_unstable();
        found.dedup();
        pairs = merge_sorted(pairs, found);
    }
    pairs
}

/// The union of two sorted, distinct lists, sorted and distinct.
fn merge_sorted(a: Vec<(u32, u32)>, b: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    if a.is_empty() {
        return b;
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Paragraphs are compared with paragraphs; a quotation with a quotation or a sentence (a
/// statement quoted in one source is a whole sentence in another).
fn comparable(a: Kind, b: Kind) -> bool {
    match (a, b) {
        (Kind::Paragraph, Kind::Paragraph) => true,
        (Kind::Paragraph, _) | (_, Kind::Paragraph) => false,
        _ => true,
    }
}

/// Groups of passages linked by verified pairs: each group's members sorted, groups ordered
/// by their first member.
pub fn groups(n: usize, links: &[(u32, u32)]) -> Vec<Vec<u32>> {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let up = parent[parent[x as usize] as usize];
            parent[x as usize] = up;
            x = up;
        }
        x
    }
    for &(a, b) in links {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra != rb {
            // The smaller index is the root: the result does not depend on link order.
            let (low, high) = if ra < rb { (ra, rb) } else { (rb, ra) };
            parent[high as usize] = low;
        }
    }
    let mut members: Vec<(u32, u32)> = Vec::new();
    for &(a, b) in links {
        members.push((find(&mut parent, a), a));
        members.push((find(&mut parent, b), b));
    }
    members.sort_unstable();
    members.dedup();
    members.chunk_by(|x, y| x.0 == y.0).map(|group| group.iter().map(|m| m.1).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(n: usize) -> Vec<PassageKey> {
        (0..n as u32).map(|i| PassageKey { kind: Kind::Sentence, doc: i, start: 0, end: 10 }).collect()
    }

    #[test]
    fn passages_sharing_a_band_are_candidates() {
        // Three passages of two bands each (passage-major): 0 and 1 share band 0 (7), 1 and 2
        // share band 1 (2).
        let bands = [7, 1, 7, 2, 9, 2];
        assert_eq!(candidate_pairs(&keys(3), &bands, 2, 10), [(0, 1), (1, 2)]);
    }

    #[test]
    fn a_huge_bucket_is_chained() {
        let bands = [5u32; 6];
        assert_eq!(
            candidate_pairs(&keys(6), &bands, 1, 3),
            [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (1, 2), (2, 3), (3, 4), (4, 5)]
        );
    }

    #[test]
    fn a_sentence_and_a_paragraph_are_never_paired() {
        let keys = [
            PassageKey { kind: Kind::Sentence, doc: 0, start: 0, end: 10 },
            PassageKey { kind: Kind::Paragraph, doc: 1, start: 0, end: 10 },
        ];
        assert!(candidate_pairs(&keys, &[3, 3], 1, 10).is_empty());
    }

    #[test]
    fn a_quotation_is_never_paired_with_its_own_sentence() {
        let keys = [
            PassageKey { kind: Kind::Sentence, doc: 0, start: 0, end: 50 },
            PassageKey { kind: Kind::Quote, doc: 0, start: 10, end: 40 },
            PassageKey { kind: Kind::Quote, doc: 1, start: 10, end: 40 },
        ];
        assert_eq!(candidate_pairs(&keys, &[3, 3, 3], 1, 10), [(0, 2), (1, 2)]);
    }

    #[test]
    fn groups_do_not_depend_on_link_order() {
        let a = groups(6, &[(4, 5), (0, 2), (2, 4)]);
        let b = groups(6, &[(2, 4), (4, 5), (0, 2)]);
        assert_eq!(a, b);
        assert_eq!(a, [vec![0, 2, 4, 5]]);
    }
}
