//! The first pass's record of a corpus's passages, and the clusters made of it.
//!
//! Every passage occurrence is kept as a few integers (24 bytes): where it is and which
//! rendering it is. A rendering is one exact text; renderings whose folded words are equal
//! (they differ only in quotation marks, punctuation, case or accents) share a form. Only forms
//! are sketched and compared, so a passage repeated ten thousand times costs one sketch, and
//! equal forms need no verification. Memory: 24 bytes per occurrence plus 4 for the index by
//! form, about 40 per rendering, and `4 × bands` plus about 40 per form.

use super::diff::{self, ChangeClass};
use super::sketch::{DocumentSketch, Kind};
use super::{Cluster, DiffParams, DiffReport, DocumentPair, DocumentRef, Location, Rendering, cluster};
use crate::text::mix;
use crate::text::{FastMap, FastSet};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// The keys (forms, renderings) some document has already claimed, shared by the workers of the
/// first pass so that each form is sketched and each text held once. Which worker claims a key
/// does not change the result.
pub struct SeenKeys {
    shards: Vec<Mutex<FastSet<u64>>>,
}

impl Default for SeenKeys {
    fn default() -> Self {
        SeenKeys { shards: (0..64).map(|_| Mutex::new(FastSet::default())).collect() }
    }
}

impl SeenKeys {
    /// True the first time a key is offered.
    pub fn first_sight(&self, form: u64) -> bool {
        let shard = &self.shards[(form >> 58) as usize];
        shard.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).insert(form)
    }
}

/// One occurrence of a passage, in 16 bytes: its end follows from its rendering's length, and
/// its kind shares a word with its line.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    rendering: u32,
    doc: u32,
    start: u32,
    /// The 0-based line in the low 30 bits, the kind in the top two.
    line_kind: u32,
}

const KINDS: [Kind; 3] = [Kind::Quote, Kind::Sentence, Kind::Paragraph];
const LINE_BITS: u32 = (1 << 30) - 1;

impl Occurrence {
    fn new(rendering: u32, doc: u32, start: u32, line: u32, kind: Kind) -> Self {
        let kind_bits = KINDS.iter().position(|&k| k == kind).unwrap_or(0) as u32;
        Occurrence { rendering, doc, start, line_kind: (kind_bits << 30) | line.min(LINE_BITS) }
    }
}

/// An occurrence with everything spelled out.
#[derive(Debug, Clone, Copy)]
struct Place {
    rendering: u32,
    doc: u32,
    start: u32,
    end: u32,
    /// 0-based.
    line: u32,
    kind: Kind,
}

/// A vector grown a block at a time: no reallocation copies the millions of occurrences of a
/// large corpus (which would briefly double their memory).
#[derive(Debug)]
struct Blocks<T> {
    blocks: Vec<Vec<T>>,
    len: usize,
}

const BLOCK: usize = 1 << 16;

impl<T: Copy> Blocks<T> {
    fn new() -> Self {
        Blocks { blocks: Vec::new(), len: 0 }
    }

    fn push(&mut self, value: T) {
        match self.blocks.last_mut() {
            Some(block) if block.len() < BLOCK => block.push(value),
            _ => {
                let mut block = Vec::with_capacity(BLOCK);
                block.push(value);
                self.blocks.push(block);
            }
        }
        self.len += 1;
    }

    fn get(&self, index: usize) -> T {
        self.blocks[index / BLOCK][index % BLOCK]
    }

    fn len(&self) -> usize {
        self.len
    }

    fn iter(&self) -> impl Iterator<Item = &T> {
        self.blocks.iter().flatten()
    }
}

#[derive(Debug, Clone, Copy)]
struct Form {
    /// Its first occurrence.
    first: u32,
    count: u32,
    /// Every occurrence is in the document of the first.
    single_document: bool,
    sketched: bool,
}

#[derive(Debug, Clone, Copy)]
struct RenderingEntry {
    form: u32,
    first: u32,
    /// Bytes of its text.
    len: u32,
}

/// A passage to read back in the second pass: a rendering at its first occurrence.
#[derive(Debug, Clone, Copy)]
pub struct Wanted {
    pub rendering: u32,
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
}

/// Everything the first pass learns, in input order.
pub struct PassageIndex {
    params: DiffParams,
    /// Documents, compactly: their ids, their source (an index into `sources`: the sources
    /// of consecutive documents are mostly one file) and JSONL line (0: none).
    document_ids: Vec<Box<str>>,
    document_sources: Vec<u32>,
    document_lines: Vec<u64>,
    sources: Vec<String>,
    item_of_document: Vec<u32>,
    document_hashes: Vec<u64>,
    sentence_counts: Vec<u32>,
    form_ids: FastMap<u64, u32>,
    rendering_ids: FastMap<u64, u32>,
    forms: Vec<Form>,
    renderings: Vec<RenderingEntry>,
    /// `params.sketch.bands` keys per form.
    bands: Vec<u32>,
    /// (anchor, form) of every form but paragraphs.
    anchors: Vec<(u32, u32)>,
    occurrences: Blocks<Occurrence>,
    /// Occurrence indices by form (`form_offsets[f]..form_offsets[f + 1]`), in input order;
    /// built by `seal`.
    by_form: Vec<u32>,
    form_offsets: Vec<u32>,
    /// Texts by rendering and word hashes by form, held from the first pass or read back.
    texts: FastMap<u32, String>,
    hashes: FastMap<u32, Vec<u64>>,
    held_bytes: usize,
    holding: bool,
    /// When set, only clusters and pairs that involve one of these documents are reported.
    focus: Option<FastSet<u32>>,
}

impl PassageIndex {
    pub fn new(params: DiffParams) -> Self {
        PassageIndex {
            params,
            document_ids: Vec::new(),
            document_sources: Vec::new(),
            document_lines: Vec::new(),
            sources: Vec::new(),
            item_of_document: Vec::new(),
            document_hashes: Vec::new(),
            sentence_counts: Vec::new(),
            form_ids: FastMap::default(),
            rendering_ids: FastMap::default(),
            forms: Vec::new(),
            renderings: Vec::new(),
            bands: Vec::new(),
            anchors: Vec::new(),
            occurrences: Blocks::new(),
            by_form: Vec::new(),
            form_offsets: Vec::new(),
            texts: FastMap::default(),
            hashes: FastMap::default(),
            held_bytes: 0,
            holding: params.held_bytes > 0,
            focus: None,
        }
    }

    /// Whether the first pass should still send the texts of new renderings.
    pub fn holding(&self) -> bool {
        self.holding
    }

    /// Adds the next document in input order; `item` is its position among the inputs.
    pub fn add_document(&mut self, document: DocumentRef, item: usize, sketch: DocumentSketch) {
        let doc = self.document_ids.len() as u32;
        self.document_ids.push(document.id.into_boxed_str());
        if self.sources.last() != Some(&document.source) {
            self.sources.push(document.source);
        }
        self.document_sources.push(self.sources.len() as u32 - 1);
        self.document_lines.push(document.record_line.unwrap_or(0));
        self.item_of_document.push(item as u32);
        self.document_hashes.push(sketch.whole);
        self.sentence_counts.push(sketch.passages.iter().filter(|p| p.kind == Kind::Sentence).count() as u32);
        let band_count = self.params.sketch.bands;
        for passage in &sketch.passages {
            let index = self.occurrences.len() as u32;
            let forms = &mut self.forms;
            let bands = &mut self.bands;
            let form = *self.form_ids.entry(passage.form).or_insert_with(|| {
                forms.push(Form { first: index, count: 0, single_document: true, sketched: false });
                bands.resize(bands.len() + band_count, 0);
                (forms.len() - 1) as u32
            });
            let first = self.forms[form as usize].first;
            let elsewhere = first != index && self.occurrences.get(first as usize).doc != doc;
            let entry = &mut self.forms[form as usize];
            entry.count += 1;
            if elsewhere {
                entry.single_document = false;
            }
            let renderings = &mut self.renderings;
            let rendering = *self.rendering_ids.entry(passage.rendering).or_insert_with(|| {
                renderings.push(RenderingEntry { form, first: index, len: passage.end - passage.start });
                (renderings.len() - 1) as u32
            });
            self.occurrences.push(Occurrence::new(rendering, doc, passage.start, passage.line, passage.kind));
        }
        let mut anchors = sketch.new_anchors.iter();
        for ((key, keys), &count) in
            sketch.new_forms.iter().zip(sketch.new_bands.chunks_exact(band_count)).zip(&sketch.anchor_counts)
        {
            let own: Vec<u32> = anchors.by_ref().take(count as usize).copied().collect();
            // A form already sketched (by another shard of a merged sketch) is not added twice.
            if let Some(&form) = self.form_ids.get(key).filter(|&&f| !self.forms[f as usize].sketched) {
                let at = form as usize * band_count;
                self.bands[at..at + band_count].copy_from_slice(keys);
                self.forms[form as usize].sketched = true;
                self.anchors.extend(own.into_iter().map(|anchor| (anchor, form)));
            }
        }
        if !self.holding() {
            return;
        }
        for (key, text) in sketch.new_texts {
            if let Some(&rendering) = self.rendering_ids.get(&key)
                && !self.texts.contains_key(&rendering)
            {
                self.held_bytes += text.len();
                self.texts.insert(rendering, text);
            }
        }
        for (key, hashes) in sketch.new_hashes {
            if let Some(&form) = self.form_ids.get(&key)
                && !self.hashes.contains_key(&form)
            {
                self.held_bytes += hashes.len() * 8;
                self.hashes.insert(form, hashes);
            }
        }
        if self.held_bytes > self.params.held_bytes {
            self.holding = false;
        }
    }

    pub fn documents(&self) -> usize {
        self.document_ids.len()
    }

    /// Reports only the clusters and document pairs that involve a document with one of these
    /// ids (a shard's view of the whole corpus).
    pub fn focus_on(&mut self, ids: &FastSet<String>) {
        let docs = (0..self.document_ids.len() as u32).filter(|&d| ids.contains(&*self.document_ids[d as usize]));
        self.focus = Some(docs.collect());
    }

    /// Ends the first pass: indexes the occurrences by form. A form whose sketch was lost (its
    /// document failed after claiming it) gets keys only its own repeats share.
    pub fn seal(&mut self) {
        let band_count = self.params.sketch.bands;
        for index in (0..self.forms.len()).filter(|&f| !self.forms[f].sketched) {
            for band in 0..band_count {
                self.bands[index * band_count + band] = mix(index as u64 ^ ((band as u64) << 40)) as u32;
            }
        }
        let mut offsets = vec![0u32; self.forms.len() + 1];
        for occurrence in self.occurrences.iter() {
            offsets[self.renderings[occurrence.rendering as usize].form as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut next = offsets.clone();
        self.by_form = vec![0; self.occurrences.len()];
        for (index, occurrence) in self.occurrences.iter().enumerate() {
            let form = self.renderings[occurrence.rendering as usize].form as usize;
            self.by_form[next[form] as usize] = index as u32;
            next[form] += 1;
        }
        self.form_offsets = offsets;
    }

    fn at(&self, occurrence: u32) -> Place {
        let o = self.occurrences.get(occurrence as usize);
        Place {
            rendering: o.rendering,
            doc: o.doc,
            start: o.start,
            end: o.start + self.renderings[o.rendering as usize].len,
            line: o.line_kind & LINE_BITS,
            kind: KINDS[(o.line_kind >> 30) as usize],
        }
    }

    fn form_occurrences(&self, form: u32) -> &[u32] {
        &self.by_form[self.form_offsets[form as usize] as usize..self.form_offsets[form as usize + 1] as usize]
    }

    fn is_paragraph(&self, form: u32) -> bool {
        self.at(self.forms[form as usize].first).kind == Kind::Paragraph
    }

    /// Whether two forms can be two renderings of one passage: paragraphs only with paragraphs,
    /// and never when each occurrence of one overlaps each of the other (a quotation and the
    /// sentence that holds it are one text, not two renderings).
    fn may_pair(&self, a: u32, b: u32) -> bool {
        if self.is_paragraph(a) != self.is_paragraph(b) {
            return false;
        }
        let (fa, fb) = (self.forms[a as usize], self.forms[b as usize]);
        let doc = |form: Form| self.at(form.first).doc;
        if !(fa.single_document && fb.single_document && doc(fa) == doc(fb)) {
            return true;
        }
        self.form_occurrences(a).iter().any(|&x| {
            self.form_occurrences(b).iter().any(|&y| {
                let (x, y) = (self.at(x), self.at(y));
                x.end <= y.start || y.end <= x.start
            })
        })
    }

    /// Candidate pairs of forms: by LSH banding (alike as wholes), and by shared anchors (one
    /// holds a run of the other's words).
    pub fn candidates(&mut self) -> Vec<(u32, u32)> {
        let mut anchors = std::mem::take(&mut self.anchors);
        let by_bands = cluster::candidate_pairs(
            self.forms.len(),
            &self.bands,
            self.params.sketch.bands,
            self.params.max_bucket,
            |a, b| self.may_pair(a, b),
        );
        let by_anchors = cluster::anchor_pairs(&mut anchors, self.params.max_bucket, |a, b| {
            by_bands.binary_search(&(a, b)).is_err() && self.may_pair(a, b)
        });
        cluster::merge_sorted(by_bands, by_anchors)
    }

    /// What the second pass must read back: every rendering of a form that has a candidate or
    /// repeats, unless the first pass held its text (and its form's hashes), by the input item
    /// that holds its first occurrence.
    pub fn wanted(&self, pairs: &[(u32, u32)]) -> BTreeMap<usize, Vec<Wanted>> {
        let mut forms: Vec<u32> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
        forms.extend((0..self.forms.len() as u32).filter(|&f| self.forms[f as usize].count >= 2));
        forms.sort_unstable();
        forms.dedup();
        let mut renderings: Vec<u32> = forms
            .iter()
            .flat_map(|&f| {
                let first = self.at(self.forms[f as usize].first).rendering;
                let need_hashes = !self.hashes.contains_key(&f);
                self.form_occurrences(f)
                    .iter()
                    .map(|&o| self.at(o).rendering)
                    .filter(move |r| !self.texts.contains_key(r) || (need_hashes && *r == first))
            })
            .collect();
        renderings.sort_unstable();
        renderings.dedup();
        let mut wanted: BTreeMap<usize, Vec<Wanted>> = BTreeMap::new();
        for rendering in renderings {
            let first = self.at(self.renderings[rendering as usize].first);
            wanted.entry(self.item_of_document[first.doc as usize] as usize).or_default().push(Wanted {
                rendering,
                kind: first.kind,
                start: first.start,
                end: first.end,
            });
        }
        wanted
    }

    /// Records a rendering read back by the second pass.
    pub fn add_read_back(&mut self, rendering: u32, text: String, hashes: Vec<u64>) {
        let form = self.renderings[rendering as usize].form;
        self.hashes.entry(form).or_insert(hashes);
        self.texts.entry(rendering).or_insert(text);
    }

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

    /// The occurrences (in document and start order) that hold no other one of the same group
    /// in their document: a quotation linked to its source's quotation is shown without the
    /// sentences around both.
    fn innermost(&self, members: &[u32]) -> Vec<u32> {
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
    fn drop_nested(&self, groups: Vec<Vec<u32>>) -> Vec<Vec<u32>> {
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
    fn document_pairs(&self, groups: &[Vec<u32>]) -> Vec<DocumentPair> {
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

/// Sentences found in more documents than this say nothing of who copied whom.
const MAX_COPY_SOURCES: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

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
