//! The first pass's record of a corpus's passages, the candidate pairs of its forms, and what
//! the second pass reads back.
//!
//! Every passage occurrence is kept as a few integers (24 bytes): where it is and which
//! rendering it is. A rendering is one exact text; renderings whose folded words are equal
//! (they differ only in quotation marks, punctuation, case or accents) share a form. Only forms
//! are sketched and compared, so a passage repeated ten thousand times costs one sketch, and
//! equal forms need no verification. Memory: 24 bytes per occurrence plus 4 for the index by
//! form, about 40 per rendering, and `4 × bands` plus about 40 per form.

use super::cluster;
use super::model::{DiffParams, DocumentRef};
use super::sketch::{DocumentSketch, Kind};
use crate::text::mix;
use crate::text::{FastMap, FastSet};
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
pub(super) struct Occurrence {
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
pub(super) struct Place {
    pub(super) rendering: u32,
    pub(super) doc: u32,
    pub(super) start: u32,
    pub(super) end: u32,
    /// 0-based.
    pub(super) line: u32,
    pub(super) kind: Kind,
}

/// A vector grown a block at a time: no reallocation copies the millions of occurrences of a
/// large corpus (which would briefly double their memory).
#[derive(Debug)]
pub(super) struct Blocks<T> {
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

    pub(super) fn len(&self) -> usize {
        self.len
    }

    fn iter(&self) -> impl Iterator<Item = &T> {
        self.blocks.iter().flatten()
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Form {
    /// Its first occurrence.
    first: u32,
    pub(super) count: u32,
    /// Every occurrence is in the document of the first.
    single_document: bool,
    sketched: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct RenderingEntry {
    pub(super) form: u32,
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
    pub(super) params: DiffParams,
    /// Documents, compactly: their ids, their source (an index into `sources`: the sources
    /// of consecutive documents are mostly one file) and JSONL line (0: none).
    pub(super) document_ids: Vec<Box<str>>,
    pub(super) document_sources: Vec<u32>,
    pub(super) document_lines: Vec<u64>,
    pub(super) sources: Vec<String>,
    item_of_document: Vec<u32>,
    pub(super) document_hashes: Vec<u64>,
    pub(super) sentence_counts: Vec<u32>,
    form_ids: FastMap<u64, u32>,
    rendering_ids: FastMap<u64, u32>,
    pub(super) forms: Vec<Form>,
    pub(super) renderings: Vec<RenderingEntry>,
    /// `params.sketch.bands` keys per form.
    bands: Vec<u32>,
    /// (anchor, form) of every form but paragraphs.
    anchors: Vec<(u32, u32)>,
    pub(super) occurrences: Blocks<Occurrence>,
    /// Occurrence indices by form (`form_offsets[f]..form_offsets[f + 1]`), in input order;
    /// built by `seal`.
    by_form: Vec<u32>,
    form_offsets: Vec<u32>,
    /// Texts by rendering and word hashes by form, held from the first pass or read back.
    pub(super) texts: FastMap<u32, String>,
    pub(super) hashes: FastMap<u32, Vec<u64>>,
    held_bytes: usize,
    holding: bool,
    /// When set, only clusters and pairs that involve one of these documents are reported.
    pub(super) focus: Option<FastSet<u32>>,
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

    pub(super) fn at(&self, occurrence: u32) -> Place {
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

    pub(super) fn form_occurrences(&self, form: u32) -> &[u32] {
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
}
