//! Name spellings across a corpus. Per-document statistics merge by addition, in any order
//! and grouping (shards can be counted apart and combined); groups of spellings of one name
//! are formed from the merged counts.

use crate::lexicon::set::Lexicons;
use crate::spelling;
use crate::text::FastMap;
use crate::view::View;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Example documents kept per spelling.
pub const EXAMPLE_DOCUMENTS: usize = 5;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpellingStats {
    /// Mentions in the corpus.
    pub mentions: u64,
    /// Documents that use this spelling.
    pub documents: u64,
    /// The first few of them, by id.
    pub examples: Vec<String>,
}

/// The name spellings of a document, or of a whole corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameStats {
    pub documents: u64,
    /// Every capitalised word of a name mention, as written.
    pub spellings: BTreeMap<String, SpellingStats>,
}

/// One spelling of a name in a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spelling {
    pub spelling: String,
    #[serde(flatten)]
    pub stats: SpellingStats,
}

/// One name and its spellings, the most used first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NameGroup {
    pub canonical: String,
    pub mentions: u64,
    pub spellings: Vec<Spelling>,
}

impl NameStats {
    /// The spellings of one document.
    pub fn of_document(id: &str, doc: &View, res: &Lexicons) -> NameStats {
        let mut spellings: BTreeMap<String, SpellingStats> = BTreeMap::new();
        for part in doc.mentions(res).iter().flat_map(|m| m.parts.iter()) {
            let written = doc.slice(*part);
            if written.chars().count() < 3 {
                continue;
            }
            let stats = spellings.entry(written.to_string()).or_default();
            stats.mentions += 1;
            stats.documents = 1;
            if stats.examples.is_empty() {
                stats.examples.push(id.to_string());
            }
        }
        NameStats { documents: 1, spellings }
    }

    /// Adds another shard's counts. Commutative and associative: the merged statistics do
    /// not depend on how the corpus was split or in which order the parts come.
    pub fn merge(&mut self, other: NameStats) {
        self.documents += other.documents;
        for (spelling, theirs) in other.spellings {
            let ours = self.spellings.entry(spelling).or_default();
            ours.mentions += theirs.mentions;
            ours.documents += theirs.documents;
            ours.examples.extend(theirs.examples);
            ours.examples.sort();
            ours.examples.dedup();
            ours.examples.truncate(EXAMPLE_DOCUMENTS);
        }
    }

    /// The names written with several spellings (folded spellings: case and diacritics alone
    /// do not make another spelling), most mentioned first.
    pub fn groups(&self) -> Vec<NameGroup> {
        // Folded forms, each with the spellings written that way.
        let mut forms: Vec<(String, Vec<&String>)> = Vec::new();
        let mut index: FastMap<String, usize> = FastMap::default();
        for spelling in self.spellings.keys() {
            let folded = spelling::fold_name(spelling);
            let i = *index.entry(folded.clone()).or_insert_with(|| {
                forms.push((folded, Vec::new()));
                forms.len() - 1
            });
            forms[i].1.push(spelling);
        }
        let folded: Vec<String> = forms.iter().map(|(f, _)| f.clone()).collect();
        let grouping = spelling::group_spellings(&folded);
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, &root) in grouping.group.iter().enumerate() {
            by_root.entry(root).or_default().push(i);
        }
        let mut groups: Vec<NameGroup> = by_root
            .into_values()
            .filter(|members| members.len() >= 2)
            .map(|members| {
                let mut spellings: Vec<Spelling> = members
                    .iter()
                    .flat_map(|&f| forms[f].1.iter())
                    .map(|s| Spelling { spelling: (*s).clone(), stats: self.spellings[*s].clone() })
                    .collect();
                spellings
                    .sort_by(|a, b| b.stats.mentions.cmp(&a.stats.mentions).then_with(|| a.spelling.cmp(&b.spelling)));
                NameGroup {
                    canonical: spellings[0].spelling.clone(),
                    mentions: spellings.iter().map(|s| s.stats.mentions).sum(),
                    spellings,
                }
            })
            .collect();
        groups.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.canonical.cmp(&b.canonical)));
        groups
    }
}

/// The corpus's agreed spelling of each name that it spells several ways.
#[derive(Debug, Clone, Default)]
pub struct Consensus {
    /// Folded spelling → the group's agreed spelling.
    by_folded: FastMap<String, Agreed>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreed {
    /// The agreed spelling, as written.
    pub spelling: String,
    /// Its mentions and documents, and the mentions of the whole group.
    pub mentions: u64,
    pub documents: u64,
    pub group_mentions: u64,
}

/// A spelling is the consensus when it holds this share of the group's mentions...
const CONSENSUS_SHARE: f64 = 0.6;
/// ...in at least this many documents.
const CONSENSUS_DOCUMENTS: u64 = 2;

impl Consensus {
    pub fn from_stats(stats: &NameStats) -> Consensus {
        let mut by_folded = FastMap::default();
        for group in stats.groups() {
            let top = &group.spellings[0];
            if (top.stats.mentions as f64) < CONSENSUS_SHARE * group.mentions as f64
                || top.stats.documents < CONSENSUS_DOCUMENTS
            {
                continue;
            }
            let agreed = Agreed {
                spelling: top.spelling.clone(),
                mentions: top.stats.mentions,
                documents: top.stats.documents,
                group_mentions: group.mentions,
            };
            for s in &group.spellings {
                by_folded.insert(spelling::fold_name(&s.spelling), agreed.clone());
            }
        }
        Consensus { by_folded }
    }

    /// The agreed spelling for a name written `written`, if the corpus agrees on another one.
    pub fn departure(&self, written: &str) -> Option<&Agreed> {
        let folded = spelling::fold_name(written);
        self.by_folded.get(&folded).filter(|a| spelling::fold_name(&a.spelling) != folded)
    }

    pub fn is_empty(&self) -> bool {
        self.by_folded.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::doc;

    fn stats(id: &str, text: &str) -> NameStats {
        NameStats::of_document(id, &doc(text), Lexicons::embedded())
    }

    #[test]
    fn corpus_groups_with_counts_and_documents() {
        let mut corpus = NameStats::default();
        corpus.merge(stats("a", "Le président Alexandre Loukachenko a parlé. Selon Loukachenko, tout va bien."));
        corpus.merge(stats("b", "The president Alexander Lukashenko spoke in Minsk."));
        corpus.merge(stats("c", "Le président Loukachenko a reçu Vladimir Poutine."));
        let groups = corpus.groups();
        let luka = groups.iter().find(|g| g.canonical == "Loukachenko").unwrap();
        assert_eq!(luka.mentions, 4);
        assert_eq!(
            luka.spellings[0].stats,
            SpellingStats { mentions: 3, documents: 2, examples: vec!["a".into(), "c".into()] }
        );
        assert_eq!(luka.spellings[1].spelling, "Lukashenko");
        assert!(!groups.iter().any(|g| g.canonical == "Poutine"));
    }

    #[test]
    fn the_consensus_is_the_spelling_most_documents_use() {
        let mut corpus = NameStats::default();
        for (id, text) in [
            ("a", "Le président Loukachenko."),
            ("b", "Selon Loukachenko, non."),
            ("c", "Le président Lukashenko a parlé."),
        ] {
            corpus.merge(stats(id, text));
        }
        let consensus = Consensus::from_stats(&corpus);
        assert_eq!(consensus.departure("Lukashenko").map(|a| a.spelling.as_str()), Some("Loukachenko"));
        assert_eq!(consensus.departure("Loukachenko"), None);
        assert_eq!(consensus.departure("Poutine"), None);
    }

    #[test]
    fn merging_in_any_order_or_grouping_gives_the_same_statistics() {
        let parts = [
            stats("a", "Le président Alexandre Loukachenko a parlé à Koursk."),
            stats("b", "President Lukashenko visited Kursk."),
            stats("c", "Loukachenko et Choïgou à Minsk."),
            stats("d", "Shoigu and Lukashenko met in Minsk."),
        ];
        let merge = |order: &[usize]| {
            let mut all = NameStats::default();
            for &i in order {
                all.merge(parts[i].clone());
            }
            all
        };
        let forward = merge(&[0, 1, 2, 3]);
        assert_eq!(forward, merge(&[3, 1, 0, 2]));
        // Two shards merged apart, then together.
        let mut left = merge(&[2, 0]);
        left.merge(merge(&[3, 1]));
        assert_eq!(forward, left);
        assert_eq!(forward.documents, 4);
        assert_eq!(forward.groups(), left.groups());
    }
}
