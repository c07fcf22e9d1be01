//! Which documents of a corpus repeat an earlier one: the same words throughout, or most of
//! their sentences. Built by a first pass over the inputs (`check --duplicates`), consulted by
//! MT501 and MT502. The earliest document of a set of copies is the original; the later ones
//! are the copies.

use crate::text::FastMap;
use crate::view::fingerprint::Fingerprint;
use serde::{Deserialize, Serialize};

/// The place of a document in the corpus's order: its shard, then its position in the shard.
/// A single run is shard 0. Shards numbered in corpus order give the order of one run over
/// the whole corpus.
pub fn order_key(shard: u32, position: u64) -> u64 {
    (u64::from(shard) << POSITION_BITS) | (position & ((1 << POSITION_BITS) - 1))
}

/// Positions within a shard: up to 2^40 documents (shards: up to 2^24).
const POSITION_BITS: u32 = 40;

/// The first document (in corpus order) of every text and every sentence of the corpus.
/// Indexes of shards merge into the index of the whole corpus, in any order and grouping: each
/// text and sentence keeps the earliest document that holds it.
#[derive(Debug, Default, Clone)]
pub struct CopyIndex {
    /// Documents that are the first holder of some text or sentence: order key and id.
    documents: Vec<(u64, String)>,
    by_order: FastMap<u64, u32>,
    first_by_text: FastMap<u64, u32>,
    first_by_sentence: FastMap<u64, u32>,
    /// Documents added, including those that hold nothing first.
    added: u64,
}

/// Two shards' documents with one order key: the shards were numbered alike.
#[derive(Debug, thiserror::Error)]
#[error(
    "documents `{0}` and `{1}` have the same place in the corpus order (shard {2}): give each shard its own number"
)]
pub struct OrderClash(pub String, pub String, pub u64);

/// The earlier document most of this one's sentences come from.
#[derive(Debug, Clone, PartialEq)]
pub struct CopiedFrom<'a> {
    pub original: &'a str,
    pub shared: usize,
    pub sentences: usize,
}

impl CopyIndex {
    /// Adds the next document of a single run (shard 0), in input order.
    pub fn add(&mut self, id: &str, fingerprint: &Fingerprint) {
        let key = order_key(0, self.added);
        self.add_at(key, id, fingerprint);
    }

    /// Adds a document at its place in the corpus order. Documents of one index must come in
    /// that order.
    pub fn add_at(&mut self, order: u64, id: &str, fingerprint: &Fingerprint) {
        self.added += 1;
        let mut index = None;
        let mut intern = |documents: &mut Vec<(u64, String)>, by_order: &mut FastMap<u64, u32>| {
            *index.get_or_insert_with(|| {
                documents.push((order, id.to_string()));
                by_order.insert(order, documents.len() as u32 - 1);
                documents.len() as u32 - 1
            })
        };
        if fingerprint.text != 0 && !self.first_by_text.contains_key(&fingerprint.text) {
            let i = intern(&mut self.documents, &mut self.by_order);
            self.first_by_text.insert(fingerprint.text, i);
        }
        for &sentence in &fingerprint.sentences {
            if !self.first_by_sentence.contains_key(&sentence) {
                let i = intern(&mut self.documents, &mut self.by_order);
                self.first_by_sentence.insert(sentence, i);
            }
        }
    }

    /// Distinct texts and sentences indexed.
    pub fn distinct(&self) -> (usize, usize) {
        (self.first_by_text.len(), self.first_by_sentence.len())
    }

    /// Documents added to this index and to those merged into it.
    pub fn len(&self) -> u64 {
        self.added
    }

    pub fn is_empty(&self) -> bool {
        self.added == 0
    }

    /// Adds another shard's index: every text and sentence keeps its earliest document.
    pub fn merge(&mut self, other: CopyIndex) -> Result<(), OrderClash> {
        self.added += other.added;
        let mut remap: Vec<Option<u32>> = vec![None; other.documents.len()];
        let CopyIndex { documents: theirs, first_by_text, first_by_sentence, .. } = other;
        for (table, ours) in
            [(first_by_text, &mut self.first_by_text), (first_by_sentence, &mut self.first_by_sentence)]
        {
            for (hash, their_doc) in table {
                let their_order = theirs[their_doc as usize].0;
                if let Some(&our_doc) = ours.get(&hash)
                    && self.documents[our_doc as usize].0 <= their_order
                {
                    continue;
                }
                let mapped = match remap[their_doc as usize] {
                    Some(i) => i,
                    None => {
                        let (order, id) = &theirs[their_doc as usize];
                        let i = match self.by_order.get(order) {
                            Some(&i) if self.documents[i as usize].1 == *id => i,
                            Some(&i) => {
                                return Err(OrderClash(
                                    self.documents[i as usize].1.clone(),
                                    id.clone(),
                                    order >> POSITION_BITS,
                                ));
                            }
                            None => {
                                self.documents.push((*order, id.clone()));
                                self.by_order.insert(*order, self.documents.len() as u32 - 1);
                                self.documents.len() as u32 - 1
                            }
                        };
                        remap[their_doc as usize] = Some(i);
                        i
                    }
                };
                ours.insert(hash, mapped);
            }
        }
        Ok(())
    }

    /// The id of the earlier document with the same words, if the document `id` is a later
    /// copy. The earliest holder of a text is its original; any other holder is a copy.
    pub fn exact_copy_of(&self, id: &str, fingerprint: &Fingerprint) -> Option<&str> {
        let first = *self.first_by_text.get(&fingerprint.text)?;
        let original = self.documents[first as usize].1.as_str();
        (original != id).then_some(original)
    }

    /// The earlier document that holds at least `share` of this one's sentences (at least
    /// three of them), if there is one.
    pub fn copied_from(&self, id: &str, fingerprint: &Fingerprint, share: f64) -> Option<CopiedFrom<'_>> {
        let total = fingerprint.sentences.len();
        if total < 3 {
            return None;
        }
        let mut counts: FastMap<u32, usize> = FastMap::default();
        for sentence in &fingerprint.sentences {
            if let Some(&first) = self.first_by_sentence.get(sentence).filter(|&&f| self.documents[f as usize].1 != id)
            {
                *counts.entry(first).or_default() += 1;
            }
        }
        // The original that gave most sentences; the earliest among equals.
        let (original, shared) = counts
            .into_iter()
            .max_by_key(|&(doc, count)| (count, std::cmp::Reverse(self.documents[doc as usize].0)))?;
        (shared as f64 >= share * total as f64).then(|| CopiedFrom {
            original: self.documents[original as usize].1.as_str(),
            shared,
            sentences: total,
        })
    }

    /// Keeps only the texts and sentences that `shard` holds: all that scoring the shard's
    /// documents consults (each of them holds its own texts and sentences first or later).
    pub fn restrict_to(&mut self, shard: &CopyIndex) {
        self.first_by_text.retain(|hash, _| shard.first_by_text.contains_key(hash));
        self.first_by_sentence.retain(|hash, _| shard.first_by_sentence.contains_key(hash));
    }

    /// The index as sorted tables, holding only the documents still referenced.
    pub fn to_table(&self) -> CopyTable {
        let mut used: Vec<u32> = self.first_by_text.values().chain(self.first_by_sentence.values()).copied().collect();
        used.sort_unstable_by_key(|&i| self.documents[i as usize].0);
        used.dedup();
        let mut new_index: FastMap<u32, u32> = FastMap::default();
        for (n, &i) in used.iter().enumerate() {
            new_index.insert(i, n as u32);
        }
        let sorted = |map: &FastMap<u64, u32>| {
            let mut rows: Vec<(u64, u32)> = map.iter().map(|(&h, i)| (h, new_index[i])).collect();
            rows.sort_unstable();
            rows
        };
        CopyTable {
            documents: self.added,
            first_documents: used.iter().map(|&i| self.documents[i as usize].clone()).collect(),
            texts: sorted(&self.first_by_text),
            sentences: sorted(&self.first_by_sentence),
        }
    }

    /// The index of sorted tables read from a sketch.
    pub fn from_table(table: CopyTable) -> Result<CopyIndex, String> {
        let n = table.first_documents.len();
        let check = |rows: &[(u64, u32)]| match rows.iter().find(|(_, i)| *i as usize >= n) {
            Some((_, i)) => Err(format!("copy table names document {i} of {n}")),
            None => Ok(()),
        };
        check(&table.texts)?;
        check(&table.sentences)?;
        let mut by_order = FastMap::default();
        for (i, (order, _)) in table.first_documents.iter().enumerate() {
            by_order.insert(*order, i as u32);
        }
        Ok(CopyIndex {
            documents: table.first_documents,
            by_order,
            first_by_text: table.texts.into_iter().collect(),
            first_by_sentence: table.sentences.into_iter().collect(),
            added: table.documents,
        })
    }
}

/// A [`CopyIndex`] as it is written in a sketch: sorted, so the same corpus gives the same
/// bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyTable {
    /// Documents added.
    pub documents: u64,
    /// The first holders of some text or sentence, in corpus order: order key and id.
    pub first_documents: Vec<(u64, String)>,
    /// Text hash → index in `first_documents`.
    pub texts: Vec<(u64, u32)>,
    /// Sentence hash → index in `first_documents`.
    pub sentences: Vec<(u64, u32)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::view::fingerprint::fingerprint;

    fn print(text: &str) -> Fingerprint {
        fingerprint(&Document::segmented("t", text.to_string()))
    }

    const ORIGINAL: &str = "Le conseil municipal a voté mardi un plan de rénovation des écoles. Les travaux commenceront en juin et dureront deux ans. Le maire a salué un investissement historique pour la ville.";

    #[test]
    fn a_later_copy_points_to_the_earlier_original() {
        let mut index = CopyIndex::default();
        index.add("a", &print(ORIGINAL));
        let copy = print(&ORIGINAL.replace(". ", ".\n").to_uppercase());
        index.add("b", &copy);
        assert_eq!(index.exact_copy_of("b", &copy), Some("a"), "case and line breaks do not count");
        assert_eq!(index.exact_copy_of("a", &print(ORIGINAL)), None, "the original is not a copy");
    }

    #[test]
    fn a_document_made_mostly_of_another_s_sentences_is_a_copy() {
        let mut index = CopyIndex::default();
        index.add("a", &print(ORIGINAL));
        let extended = print(&format!("{ORIGINAL} Une réunion publique aura lieu le mois prochain en mairie."));
        index.add("c", &extended);
        let found = index.copied_from("c", &extended, 0.7).expect("three of four sentences");
        assert_eq!((found.original, found.shared, found.sentences), ("a", 3, 4));
        assert!(index.copied_from("c", &extended, 0.8).is_none());
    }
}
