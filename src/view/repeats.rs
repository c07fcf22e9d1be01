//! The repeated lines of a document: lines with one text (case, accents, punctuation and list
//! markers aside), or cut-short copies of a longer line. Found once per document on first use
//! and shared by MT401, MT406 and the stray-title rule.

use crate::document::Document;
use crate::text::FastMap;
use crate::text::{fold_for_comparison, fold_for_comparison_into};

/// A set of lines with one text: `lines[0]` is the first occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatGroup {
    /// 0-based line indices, in document order.
    pub lines: Vec<usize>,
    /// Whether the later lines are cut-short copies of the first.
    pub truncated: bool,
}

const MIN_WORDS: usize = 3;
const MIN_CHARS: usize = 15;
const MIN_PREFIX_WORDS: usize = 5;

/// Finds the repeated lines of a document. Called once per document (see `View::repeats`).
pub fn find_repeats(doc: &Document) -> Vec<RepeatGroup> {
    // Lines of one group share their first MIN_WORDS folded words (equal keys, or a key of at
    // least MIN_PREFIX_WORDS words that starts the other). Folding only those words first
    // leaves out, unfolded, the lines that share their opening with no other line: most lines.
    let openings: Vec<Option<String>> = doc
        .lines
        .iter()
        .map(|line| {
            (!line.content.is_empty()).then(|| {
                let mut opening = String::new();
                fold_for_comparison_into(strip_list_marker(doc.slice(line.content)), MIN_WORDS, &mut opening);
                opening
            })
        })
        .collect();
    let mut opening_counts: FastMap<&str, u32> = FastMap::default();
    for opening in openings.iter().flatten() {
        *opening_counts.entry(opening).or_insert(0) += 1;
    }
    let mut by_key: FastMap<String, Vec<usize>> = FastMap::default();
    for (i, (line, opening)) in doc.lines.iter().zip(&openings).enumerate() {
        let recurs = opening.as_deref().and_then(|opening| opening_counts.get(opening)).is_some_and(|&n| n >= 2);
        if !recurs {
            continue;
        }
        let key = fold_for_comparison(strip_list_marker(doc.slice(line.content)));
        if key.len() < MIN_CHARS || key.split(' ').count() < MIN_WORDS {
            continue;
        }
        by_key.entry(key).or_default().push(i);
    }
    let mut keys: Vec<(&String, &Vec<usize>)> = by_key.iter().collect();
    keys.sort();
    let mut groups: Vec<RepeatGroup> = Vec::new();
    for (k, (key, lines)) in keys.iter().enumerate() {
        if lines.len() >= 2 {
            groups.push(RepeatGroup { lines: lines.to_vec(), truncated: false });
        }
        // All keys that extend `key` sort right after it, so the next key decides.
        if let Some((longer, longer_lines)) = keys.get(k + 1)
            && longer.starts_with(key.as_str())
            && longer.as_bytes().get(key.len()) == Some(&b' ')
            && key.split(' ').count() >= MIN_PREFIX_WORDS
            && key.len() * 2 >= longer.len()
        {
            let mut all: Vec<usize> = longer_lines.iter().chain(lines.iter()).copied().collect();
            all.sort_unstable();
            all.dedup();
            groups.push(RepeatGroup { lines: all, truncated: true });
        }
    }
    groups.sort_by_key(|g| g.lines[1]);
    groups
}

/// Removes a list or comment number (`10. `, `3) `) or bullet (`- `, `• `) so that two
/// numbered copies of one comment compare equal.
fn strip_list_marker(line: &str) -> &str {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest =
        if (1..=3).contains(&digits) && line[digits..].starts_with(['.', ')']) { &line[digits + 1..] } else { line };
    rest.trim_start_matches(['-', '•', '*', '–', '·']).trim_start()
}
