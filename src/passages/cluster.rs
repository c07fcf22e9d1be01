//! From band keys to clusters: candidate pairs by LSH banding, verification, union-find.

use rayon::prelude::*;

/// Pairs of forms (indices, smaller first, sorted, distinct) that share at least one band key
/// and that `keep` accepts. A bucket of up to `max_bucket` passages gives all its pairs; a larger one (the same
/// sentence in thousands of pages, or a stock phrase) is linked as a star on its first member
/// plus a chain, which keeps its members connected at a linear cost. Bands are taken one at a
/// time, and their pairs merged into the sorted set every few bands, so memory stays near
/// twice the number of distinct pairs.
pub fn candidate_pairs(
    n: usize,
    bands: &[u32],
    band_count: usize,
    max_bucket: usize,
    keep: impl Fn(u32, u32) -> bool + Sync,
) -> Vec<(u32, u32)> {
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut keyed: Vec<(u32, u32)> = Vec::with_capacity(n);
    let mut found: Vec<(u32, u32)> = Vec::new();
    for band in 0..band_count {
        keyed.clear();
        keyed.extend((0..n).map(|i| (bands[i * band_count + band], i as u32)));
        keyed.par_sort_unstable();
        for bucket in keyed.chunk_by(|a, b| a.0 == b.0) {
            bucket_pairs(bucket, max_bucket, &mut found);
        }
        // Pairs are merged a few times over the bands rather than after each: each merge copies
        // every pair found so far.
        if found.len() >= pairs.len().max(1 << 20) || band + 1 == band_count {
            found.par_sort_unstable();
            found.dedup();
            let fresh: Vec<(u32, u32)> = found
                .par_iter()
                .copied()
                .filter(|pair| pairs.binary_search(pair).is_err() && keep(pair.0, pair.1))
                .collect();
            found.clear();
            pairs = merge_sorted(pairs, fresh);
        }
    }
    pairs
}

/// Pairs of forms (smaller first, sorted, distinct) that share an anchor and that `keep`
/// accepts; large buckets are chained as in `candidate_pairs`. `anchors` are (anchor, form).
pub fn anchor_pairs(
    anchors: &mut [(u32, u32)],
    max_bucket: usize,
    keep: impl Fn(u32, u32) -> bool + Sync,
) -> Vec<(u32, u32)> {
    anchors.par_sort_unstable();
    let mut found: Vec<(u32, u32)> = Vec::new();
    for bucket in anchors.chunk_by(|a, b| a.0 == b.0) {
        bucket_pairs(bucket, max_bucket, &mut found);
    }
    found.par_sort_unstable();
    found.dedup();
    found.into_par_iter().filter(|&(a, b)| keep(a, b)).collect()
}

/// The pairs of one bucket of (key, index) sorted by index: all of them up to `max_bucket`
/// members, else a star on the first plus a chain.
fn bucket_pairs(bucket: &[(u32, u32)], max_bucket: usize, found: &mut Vec<(u32, u32)>) {
    if bucket.len() < 2 {
        return;
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

/// The union of two sorted, distinct lists, sorted and distinct.
pub fn merge_sorted(a: Vec<(u32, u32)>, b: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
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

/// Groups of forms linked by verified pairs: each group's members sorted, groups ordered by
/// their first member.
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

    #[test]
    fn forms_sharing_a_band_are_candidates() {
        // Three forms of two bands each (form-major): 0 and 1 share band 0 (7), 1 and 2 share
        // band 1 (2).
        let bands = [7, 1, 7, 2, 9, 2];
        assert_eq!(candidate_pairs(3, &bands, 2, 10, |_, _| true), [(0, 1), (1, 2)]);
        assert_eq!(candidate_pairs(3, &bands, 2, 10, |a, _| a != 0), [(1, 2)]);
    }

    #[test]
    fn a_huge_bucket_is_chained() {
        let bands = [5u32; 6];
        assert_eq!(
            candidate_pairs(6, &bands, 1, 3, |_, _| true),
            [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (1, 2), (2, 3), (3, 4), (4, 5)]
        );
    }

    #[test]
    fn groups_do_not_depend_on_link_order() {
        let a = groups(6, &[(4, 5), (0, 2), (2, 4)]);
        let b = groups(6, &[(2, 4), (4, 5), (0, 2)]);
        assert_eq!(a, b);
        assert_eq!(a, [vec![0, 2, 4, 5]]);
    }
}
