//! Spellings of names compared across transliteration conventions: folding, skeletons,
//! kinship of two spellings and the grouping of many. Used within a document (MT301), across
//! documents (`names`, name consensus) and between renderings of a passage (`diff`).

use crate::text::strip_accents;

/// A spelling folded for comparison: lowercase, no diacritics (`Choïgou` = `Choigou`:
/// diacritics alone are typography, not another spelling).
pub fn fold_name(name: &str) -> String {
    if name.is_ascii() { name.to_ascii_lowercase() } else { strip_accents(&name.to_lowercase()) }
}

/// The transliteration skeleton of a folded spelling: the letters that transliteration
/// conventions write differently are mapped to one form, so that `Loukachenko`,
/// `Lukashenko` and `Lukachenko` share a skeleton, as do `Podoliak` and `Podolyak`.
/// `S` stands for every hushing sibilant (ch, sh, sch, tch, zh, cz, sz).
pub fn skeleton(folded: &str) -> String {
    const RULES: &[(&str, &str)] = &[
        ("tsch", "S"),
        ("sch", "S"),
        ("tch", "S"),
        ("sh", "S"),
        ("ch", "S"),
        ("zh", "S"),
        ("cz", "S"),
        ("sz", "S"),
        ("kh", "h"),
        ("gh", "g"),
        ("ph", "f"),
        ("th", "t"),
        ("ou", "u"),
        // The old Dutch-Indonesian and the German spelling of u: Soeharto, Moeller.
        ("oe", "u"),
        ("gue", "ge"),
        ("gui", "gi"),
        ("ck", "k"),
        ("ts", "c"),
        ("tz", "c"),
        ("w", "v"),
        ("y", "i"),
        ("j", "i"),
        ("x", "ks"),
        ("q", "k"),
    ];
    // The bytes that start some rule: most letters start none and skip the rule list.
    const STARTS_A_RULE: [bool; 256] = {
        let mut table = [false; 256];
        let mut r = 0;
        while r < RULES.len() {
            table[RULES[r].0.as_bytes()[0] as usize] = true;
            r += 1;
        }
        table
    };
    let bytes = folded.as_bytes();
    let mut mapped = String::with_capacity(folded.len());
    let mut i = 0;
    'outer: while i < bytes.len() {
        if !STARTS_A_RULE[bytes[i] as usize] {
            let c = folded[i..].chars().next().unwrap_or(' ');
            mapped.push(c);
            i += c.len_utf8();
            continue;
        }
        for (from, to) in RULES {
            if folded[i..].starts_with(from) {
                mapped.push_str(to);
                i += from.len();
                continue 'outer;
            }
        }
        let c = folded[i..].chars().next().unwrap_or(' ');
        mapped.push(c);
        i += c.len_utf8();
    }
    // Doubled letters: `Luukachenko`, `Zelenskyy`.
    let mut out = String::with_capacity(mapped.len());
    for c in mapped.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The key under which spellings that may be one name meet: the skeleton's first letter and
/// its next two consonants (`Pyongyang` and `Pyeongyang`, `Mohammed` and `Mouhammed` meet).
/// Every pair that `kinship` can relate shares it, so comparing within keys loses nothing
/// that matters and keeps the comparisons few.
pub fn bucket_key(skeleton: &str) -> u64 {
    // Three characters of 21 bits each, shifted by one so that shorter keys stay distinct.
    let mut chars = skeleton.chars();
    let first = chars.next().into_iter();
    first.chain(chars.filter(|c| !is_vowel(*c)).take(2)).fold(0u64, |key, c| (key << 21) | (u64::from(c) + 1))
}

/// How two spellings of a name relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kinship {
    /// Different names.
    Different,
    /// Two established transliterations of one name (same skeleton).
    Transliteration,
    /// One name with a letter or two wrong (`Lukashanko`).
    Misspelling,
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Edit distance where a vowel replacing a vowel costs half.
fn weighted_distance(a: &[char], b: &[char]) -> f64 {
    let mut prev: Vec<f64> = (0..=b.len()).map(|j| j as f64).collect();
    let mut cur = vec![0.0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i as f64;
        for j in 1..=b.len() {
            let sub = if a[i - 1] == b[j - 1] {
                0.0
            } else if is_vowel(a[i - 1]) && is_vowel(b[j - 1]) {
                0.5
            } else {
                1.0
            };
            cur[j] = (prev[j - 1] + sub).min(prev[j] + 1.0).min(cur[j - 1] + 1.0);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Share of letter pairs two skeletons have in common (Dice coefficient).
pub fn bigram_similarity(a: &[char], b: &[char]) -> f64 {
    if a.len() < 2 || b.len() < 2 {
        return 0.0;
    }
    let pairs = |s: &[char]| s.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>();
    let (pa, mut pb) = (pairs(a), pairs(b));
    let total = pa.len() + pb.len();
    let mut common = 0;
    for p in pa {
        if let Some(k) = pb.iter().position(|q| *q == p) {
            pb.swap_remove(k);
            common += 1;
        }
    }
    2.0 * common as f64 / total as f64
}

/// Whether two folded spellings are one name. Derived names (`Paris`/`Parisi`,
/// `Kolesnikov`/`Kolesnikova`, `Martin`/`Martinez`) and names that differ in their last
/// vowel (`Alexandre`/`Alexandra`) are different names; short names must match exactly
/// (`Biden`/`Bidet`).
pub fn kinship(a: &str, b: &str) -> Kinship {
    kinship_of(a, &skeleton(a), b, &skeleton(b))
}

/// `kinship` of two spellings whose skeletons are known.
fn kinship_of(a: &str, sa: &str, b: &str, sb: &str) -> Kinship {
    if sa == sb {
        return Kinship::Transliteration;
    }
    if a.starts_with(b) || b.starts_with(a) || sa.starts_with(sb) || sb.starts_with(sa) {
        return Kinship::Different;
    }
    let (ca, cb): (Vec<char>, Vec<char>) = (sa.chars().collect(), sb.chars().collect());
    // Differences confined to the last three letters are derivation, not misspelling:
    // `Biélorussie`/`Biélorusse`, `Ukraine`/`Ukrainien`.
    let common = ca.iter().zip(&cb).take_while(|(x, y)| x == y).count();
    if ca.len() - common <= 3 && cb.len() - common <= 3 {
        return Kinship::Different;
    }
    let same_but_last = ca.len() == cb.len() && ca[..ca.len() - 1] == cb[..cb.len() - 1];
    if same_but_last && ca.last().copied().is_some_and(is_vowel) && cb.last().copied().is_some_and(is_vowel) {
        return Kinship::Different;
    }
    // A letter wrong in a long name, or a vowel wrong in a name of seven letters.
    let shortest = ca.len().min(cb.len());
    if shortest >= 7 && ca[0] == cb[0] {
        let d = weighted_distance(&ca, &cb);
        let allowed = if shortest >= 8 { 1.0_f64.min(0.15 * ca.len().max(cb.len()) as f64) } else { 0.5 };
        if d <= allowed {
            return Kinship::Misspelling;
        }
    }
    Kinship::Different
}

/// Folded spellings grouped into names: for each spelling, the index of its group's first
/// spelling (spellings related by `kinship` share a group), and its skeleton.
pub struct Grouping {
    pub group: Vec<usize>,
    pub skeletons: Vec<String>,
}

/// Groups folded spellings that are one name. Only spellings that share a `bucket_key` are
/// compared, so the work stays near-linear in the number of spellings.
pub fn group_spellings(folded: &[String]) -> Grouping {
    let skeletons: Vec<String> = folded.iter().map(|f| skeleton(f)).collect();
    let group = group_spellings_with(folded, &skeletons);
    Grouping { group, skeletons }
}

/// `group_spellings` when the skeletons (one per spelling) are already known: for each
/// spelling, the index of its group's first spelling.
pub fn group_spellings_with<S: AsRef<str>>(folded: &[S], skeletons: &[S]) -> Vec<usize> {
    let mut keyed: Vec<(u64, usize)> = skeletons.iter().enumerate().map(|(i, s)| (bucket_key(s.as_ref()), i)).collect();
    keyed.sort_unstable();
    let mut parent: Vec<usize> = (0..folded.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for bucket in keyed.chunk_by(|x, y| x.0 == y.0) {
        for (x, &(_, a)) in bucket.iter().enumerate() {
            for &(_, b) in &bucket[x + 1..] {
                let (fa, sa, fb, sb) =
                    (folded[a].as_ref(), skeletons[a].as_ref(), folded[b].as_ref(), skeletons[b].as_ref());
                if kinship_of(fa, sa, fb, sb) != Kinship::Different {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    (0..folded.len()).map(|i| root(&mut parent, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kin(a: &str, b: &str) -> Kinship {
        kinship(&fold_name(a), &fold_name(b))
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        for (a, b) in [
            ("Loukachenko", "Lukashenko"),
            ("Loukachenko", "Lukachenko"),
            ("Loukachenko", "Luukachenko"),
            ("Podoliak", "Podolyak"),
            ("Choïgou", "Shoigu"),
            ("Zelensky", "Zelenskyy"),
            ("Zelenski", "Zelenskiy"),
            ("Koursk", "Kursk"),
            ("Kharkov", "Harkov"),
            ("Soeharto", "Suharto"),
        ] {
            assert_eq!(kin(a, b), Kinship::Transliteration, "{a} / {b}");
        }
    }

    #[test]
    fn a_letter_wrong_in_a_long_name_is_a_misspelling() {
        assert_eq!(kin("Lukashanko", "Lukashenko"), Kinship::Misspelling);
        assert_eq!(kin("Tikhanovskaya", "Tikhanofskaya"), Kinship::Misspelling);
    }

    #[test]
    fn different_people_stay_apart() {
        for (a, b) in [
            ("Biden", "Bidet"),
            ("Paris", "Parisi"),
            ("Kolesnikov", "Kolesnikova"),
            ("Martin", "Martinez"),
            ("Alexandre", "Alexandra"),
            ("Kowalski", "Kowalczyk"),
            ("Martinez", "Martinelli"),
            ("Macron", "Micron"),
            ("Poutine", "Pouliot"),
            ("Johnson", "Jackson"),
            ("Biélorussie", "Biélorusse"),
            ("Ukraine", "Ukrainien"),
        ] {
            assert_eq!(kin(a, b), Kinship::Different, "{a} / {b}");
        }
    }
}
