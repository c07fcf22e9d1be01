//! Grouped cross-validation folds: documents that share content (one story's translations,
//! one site's pages) stay in one fold, so that no fold is judged on what it was fitted on.

use std::collections::BTreeMap;

/// The fold of each document, given each document's group key: the groups are dealt
/// round-robin in an order that mixes them deterministically.
pub fn of_keys(keys: &[String], k: usize) -> Vec<usize> {
    let mut groups: Vec<(u64, &str)> = keys
        .iter()
        .map(|g| (g.bytes().fold(0x243F_6A88_85A3_08D3u64, |h, b| crate::text::mix(h ^ b as u64)), g.as_str()))
        .collect();
    groups.sort();
    groups.dedup();
    let fold_of: BTreeMap<&str, usize> = groups.into_iter().enumerate().map(|(i, (_, g))| (g, i % k.max(1))).collect();
    keys.iter().map(|g| fold_of[g.as_str()]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_stays_in_one_fold_and_the_deal_is_deterministic() {
        let keys: Vec<String> = (0..12).map(|i| format!("g{}", i / 3)).collect();
        let fold = of_keys(&keys, 2);
        for i in 0..12 {
            assert_eq!(fold[i], fold[i / 3 * 3]);
        }
        assert_eq!(of_keys(&keys, 2), fold);
        assert_eq!(fold.iter().filter(|&&f| f == 0).count(), 6, "four groups, two a fold");
    }
}
