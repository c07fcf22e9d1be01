//! Word-level differences between two renderings of one passage, and what kind each is.

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

/// What a difference between two renderings is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeClass {
    /// A name written otherwise (`Dmitri` / `Dmitry`).
    NameSpelling,
    /// A figure changed (`22` / `25`).
    Number,
    /// Punctuation or quotation marks only (`«` / `"`).
    Punctuation,
    /// The same word with other capitals or accents (`Etat` / `État`).
    CaseOrAccents,
    /// Other words in the same place.
    Substitution,
    /// The same words in another order.
    Reordering,
    /// Words only in this rendering.
    Insertion,
    /// Words only in the representative rendering.
    Deletion,
}

impl ChangeClass {
    pub fn label(self) -> &'static str {
        match self {
            ChangeClass::NameSpelling => "name spelling",
            ChangeClass::Number => "number",
            ChangeClass::Punctuation => "punctuation or quotation",
            ChangeClass::CaseOrAccents => "case or accents",
            ChangeClass::Substitution => "word substitution",
            ChangeClass::Reordering => "reordering",
            ChangeClass::Insertion => "insertion",
            ChangeClass::Deletion => "deletion",
        }
    }
}

/// One difference: the representative's words and this rendering's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub class: ChangeClass,
    pub old: String,
    pub new: String,
}

/// A run of the rendering for display: kept, removed (from the representative) or added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Piece {
    Equal { text: String },
    Delete { text: String },
    Insert { text: String },
}

/// A token: a word (letters and digits) or one punctuation mark, with the text up to the next
/// token (so that pieces keep their spacing).
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    full_end: usize,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(i, next)) = chars.peek() {
                if next.is_alphanumeric() || unicode_normalization::char::is_combining_mark(next) {
                    end = i + next.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        }
        tokens.push(Token { start, end, full_end: end });
    }
    for i in 0..tokens.len() {
        tokens[i].full_end = tokens.get(i + 1).map_or(text.len(), |next| next.start);
    }
    tokens
}

fn is_punctuation(token: &str) -> bool {
    !token.chars().any(char::is_alphanumeric)
}

/// Compares a rendering with the representative: display pieces and classified changes.
pub fn compare(representative: &str, rendering: &str) -> (Vec<Piece>, Vec<Change>) {
    let old_tokens = tokenize(representative);
    let new_tokens = tokenize(rendering);
    let old: Vec<&str> = old_tokens.iter().map(|t| &representative[t.start..t.end]).collect();
    let new: Vec<&str> = new_tokens.iter().map(|t| &rendering[t.start..t.end]).collect();
    let ops = capture_diff_slices(Algorithm::Myers, &old, &new);

    let span_text = |text: &str, tokens: &[Token], range: std::ops::Range<usize>| -> String {
        match (tokens.get(range.start), range.end.checked_sub(1).and_then(|last| tokens.get(last))) {
            (Some(first), Some(last)) if !range.is_empty() => text[first.start..last.full_end].to_string(),
            _ => String::new(),
        }
    };
    let words = |text: &str, tokens: &[Token], range: std::ops::Range<usize>| -> String {
        match (tokens.get(range.start), range.end.checked_sub(1).and_then(|last| tokens.get(last))) {
            (Some(first), Some(last)) if !range.is_empty() => text[first.start..last.end].to_string(),
            _ => String::new(),
        }
    };

    let mut pieces = Vec::new();
    let mut changes = Vec::new();
    for op in &ops {
        match *op {
            DiffOp::Equal { new_index, len, .. } => {
                pieces.push(Piece::Equal { text: span_text(rendering, &new_tokens, new_index..new_index + len) });
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                let range = old_index..old_index + old_len;
                pieces.push(Piece::Delete { text: span_text(representative, &old_tokens, range.clone()) });
                let class = if old[range.clone()].iter().all(|t| is_punctuation(t)) {
                    ChangeClass::Punctuation
                } else {
                    ChangeClass::Deletion
                };
                changes.push(Change { class, old: words(representative, &old_tokens, range), new: String::new() });
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                let range = new_index..new_index + new_len;
                pieces.push(Piece::Insert { text: span_text(rendering, &new_tokens, range.clone()) });
                let class = if new[range.clone()].iter().all(|t| is_punctuation(t)) {
                    ChangeClass::Punctuation
                } else {
                    ChangeClass::Insertion
                };
                changes.push(Change { class, old: String::new(), new: words(rendering, &new_tokens, range) });
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                let (o, n) = (old_index..old_index + old_len, new_index..new_index + new_len);
                pieces.push(Piece::Delete { text: span_text(representative, &old_tokens, o.clone()) });
                pieces.push(Piece::Insert { text: span_text(rendering, &new_tokens, n.clone()) });
                changes.push(Change {
                    class: classify_replacement(&old[o.clone()], &new[n.clone()]),
                    old: words(representative, &old_tokens, o),
                    new: words(rendering, &new_tokens, n),
                });
            }
        }
    }
    mark_reorderings(&mut changes);
    (pieces, changes)
}

fn classify_replacement(old: &[&str], new: &[&str]) -> ChangeClass {
    if old.iter().chain(new).all(|t| is_punctuation(t)) {
        return ChangeClass::Punctuation;
    }
    let fold = |tokens: &[&str]| -> String {
        let words: Vec<&str> = tokens.iter().copied().filter(|t| !is_punctuation(t)).collect();
        crate::text::fold_for_comparison(&words.join(" "))
    };
    if fold(old) == fold(new) {
        // Only punctuation differs, or only capitals and accents.
        let only_punctuation_differs =
            old.iter().filter(|t| !is_punctuation(t)).eq(new.iter().filter(|t| !is_punctuation(t)));
        return if only_punctuation_differs { ChangeClass::Punctuation } else { ChangeClass::CaseOrAccents };
    }
    let has_digit = |tokens: &[&str]| tokens.iter().any(|t| t.chars().any(|c| c.is_ascii_digit()));
    // A figure changed: digits on both sides, or a short span that gains or loses one (not a
    // long rewrite that happens to hold a date).
    let short = old.len().max(new.len()) <= 3;
    if (has_digit(old) && has_digit(new)) || ((has_digit(old) || has_digit(new)) && short) {
        return ChangeClass::Number;
    }
    let capitalised = |t: &&str| t.chars().next().is_some_and(char::is_uppercase);
    if old.len() == new.len() && old.iter().all(capitalised) && new.iter().all(capitalised) {
        let similar_names = old.iter().zip(new).all(|(a, b)| {
            let a: Vec<char> = crate::text::fold_for_comparison(a).chars().collect();
            let b: Vec<char> = crate::text::fold_for_comparison(b).chars().collect();
            crate::spelling::bigram_similarity(&a, &b) >= 0.3
        });
        if similar_names {
            return ChangeClass::NameSpelling;
        }
    }
    ChangeClass::Substitution
}

/// Words removed in one place and added in another (folded, in any order) are a reordering:
/// both changes are marked so.
fn mark_reorderings(changes: &mut [Change]) {
    let words = |text: &str| -> Vec<String> {
        let mut words: Vec<String> =
            crate::text::fold_for_comparison(text).split_whitespace().map(String::from).collect();
        words.sort();
        words
    };
    // What each change takes away and brings, as sorted word lists.
    let moved: Vec<(Vec<String>, Vec<String>)> = changes
        .iter()
        .map(|c| {
            let (old, new) = (words(&c.old), words(&c.new));
            let removed = old.iter().filter(|w| !new.contains(w)).cloned().collect();
            let added = new.iter().filter(|w| !old.contains(w)).cloned().collect();
            (removed, added)
        })
        .collect();
    let movable = |class: ChangeClass| {
        matches!(class, ChangeClass::Deletion | ChangeClass::Insertion | ChangeClass::Substitution)
    };
    for i in 0..changes.len() {
        if !movable(changes[i].class) || moved[i].0.is_empty() {
            continue;
        }
        let partner = (0..changes.len()).find(|&j| j != i && movable(changes[j].class) && moved[j].1 == moved[i].0);
        if let Some(j) = partner {
            changes[i].class = ChangeClass::Reordering;
            changes[j].class = ChangeClass::Reordering;
        }
    }
}

/// Shortest run of shared words that, covering most of the shorter passage, makes two
/// passages one even when their similarity is low (a quotation inside a longer sentence).
pub const MIN_SHARED_RUN: usize = 6;
/// Share of the shorter passage that such shared words must cover.
pub const MIN_CONTAINMENT: f64 = 0.6;

/// Whether two passages are renderings of one: similar enough overall, or the shorter one
/// mostly contained in the other around a long shared run of words. Stock phrases
/// (`a-t-il déclaré`) pass neither test.
pub fn related(a: &[u64], b: &[u64], min_similarity: f64) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    // Exact repeats are most pairs of a large corpus: no diff needed.
    if a == b {
        return true;
    }
    // The words shared at both ends are shared in order: when they alone make the pair similar
    // enough (a respelled name, a changed figure), no diff is needed.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    if 2.0 * (prefix + suffix) as f64 / (a.len() + b.len()) as f64 >= min_similarity {
        return true;
    }
    let ops = capture_diff_slices(Algorithm::Myers, a, b);
    let (mut shared, mut longest) = (0usize, 0usize);
    for op in &ops {
        if let DiffOp::Equal { len, .. } = op {
            shared += len;
            longest = longest.max(*len);
        }
    }
    let dice = 2.0 * shared as f64 / (a.len() + b.len()) as f64;
    let containment = shared as f64 / a.len().min(b.len()) as f64;
    dice >= min_similarity || (longest >= MIN_SHARED_RUN && containment >= MIN_CONTAINMENT)
}

/// How alike two passages are, 0 to 1: twice the words they share in order (longest common
/// subsequence by Myers' diff) over their total length.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let ops = capture_diff_slices(Algorithm::Myers, a, b);
    let shared: usize = ops.iter().map(|op| if let DiffOp::Equal { len, .. } = op { *len } else { 0 }).sum();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(a: &str, b: &str) -> Vec<(ChangeClass, String, String)> {
        compare(a, b).1.into_iter().map(|c| (c.class, c.old, c.new)).collect()
    }

    #[test]
    fn each_difference_gets_its_class() {
        use ChangeClass::*;
        assert_eq!(
            classes("Le porte-parole Dmitri Peskov a parlé.", "Le porte-parole Dmitry Peskov a parlé."),
            [(NameSpelling, "Dmitri".into(), "Dmitry".into())]
        );
        assert_eq!(
            classes("Ils ont tiré 22 missiles.", "Ils ont tiré 25 missiles."),
            [(Number, "22".into(), "25".into())]
        );
        assert_eq!(
            classes("La crise de Corona.", "La crise de 990,5 le dimanche soir tard."),
            [(Substitution, "Corona".into(), "990,5 le dimanche soir tard".into())]
        );
        assert_eq!(
            classes("Il a dit « non » hier.", "Il a dit \" non \" hier."),
            [(Punctuation, "«".into(), "\"".into()), (Punctuation, "»".into(), "\"".into())]
        );
        assert_eq!(classes("Le Etat a parlé.", "Le État a parlé."), [(CaseOrAccents, "Etat".into(), "État".into())]);
        assert_eq!(
            classes("Il a demandé une trêve.", "Il a réclamé une trêve."),
            [(Substitution, "demandé".into(), "réclamé".into())]
        );
        assert_eq!(
            classes("Il a demandé une trêve.", "Il a demandé une trêve immédiate."),
            [(Insertion, String::new(), "immédiate".into())]
        );
        assert_eq!(
            classes("Il a demandé une trêve immédiate.", "Il a demandé une trêve."),
            [(Deletion, "immédiate".into(), String::new())]
        );
    }

    #[test]
    fn moved_words_are_a_reordering() {
        let found = classes("Hier soir, le président a parlé.", "Le président a parlé, hier soir.");
        assert!(found.iter().any(|c| c.0 == ChangeClass::Reordering), "{found:?}");
    }

    #[test]
    fn pieces_rebuild_both_renderings() {
        let (a, b) = ("Le Kremlin a refusé « toute trêve ».", "Le Kremlin a rejeté \"toute trêve\".");
        let (pieces, _) = compare(a, b);
        let new: String = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Equal { text } | Piece::Insert { text } => Some(text.as_str()),
                Piece::Delete { .. } => None,
            })
            .collect();
        assert_eq!(new.trim_end(), b);
    }

    #[test]
    fn a_quotation_inside_a_longer_sentence_is_related_but_a_stock_phrase_is_not() {
        let long: Vec<u64> = (0..30).collect();
        let quote: Vec<u64> = (10..20).chain([100, 101]).collect();
        assert!(related(&quote, &long, 0.5));
        let stock: Vec<u64> = [1, 2, 3, 200, 201, 202, 203, 204, 205, 206].to_vec();
        assert!(!related(&stock, &long, 0.5));
    }

    #[test]
    fn similarity_is_shared_words_over_length() {
        assert_eq!(similarity(&[1, 2, 3, 4], &[1, 2, 3, 4]), 1.0);
        assert_eq!(similarity(&[1, 2, 3, 4], &[1, 2, 9, 4]), 0.75);
        assert_eq!(similarity(&[1, 2], &[3, 4]), 0.0);
    }
}
