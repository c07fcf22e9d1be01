//! The view of a document: what is derived from its segmentation once and shared by every rule.
//! Built eagerly: each line's interface-string class, each word's function-word mask, the
//! comment zone and the language. Built lazily, on the first rule that asks: the repeated
//! lines, the name mentions and their spellings, the French readings of the words and the
//! sentences the grammar rules judge, the fingerprint and the style profile. Rules read these
//! and never re-split the text or look the same word up twice.

pub mod annotated;
pub mod comment_zone;
pub mod fingerprint;
pub mod french;
pub mod language;
pub mod names;
pub mod repeats;
pub mod style;
pub mod style_models;

use crate::lexicon::set::Lexicons;
use crate::lexicon::words::Lexicon;
use annotated::Annotated;
use fingerprint::Fingerprint;
use french::WordLex;
use names::{Mention, NameForms};
use repeats::RepeatGroup;
use std::sync::OnceLock;
use style::StyleProfile;

#[derive(Debug)]
pub struct View {
    /// The eager part: segmentation, line classes, masks, comment zone, language. The view
    /// derefs to it (and through it to the segmentation).
    pub annotated: Annotated,
    repeats: OnceLock<Vec<RepeatGroup>>,
    mentions: OnceLock<Vec<Mention>>,
    name_forms: OnceLock<NameForms>,
    french_words: OnceLock<Vec<WordLex>>,
    french_sentences: OnceLock<Vec<usize>>,
    own_words: OnceLock<Vec<WordLex>>,
    own_sentences: OnceLock<Vec<usize>>,
    fingerprint: OnceLock<Fingerprint>,
    style: OnceLock<Option<StyleProfile>>,
}

impl std::ops::Deref for View {
    type Target = Annotated;

    fn deref(&self) -> &Annotated {
        &self.annotated
    }
}

impl View {
    /// Segments and analyses `text`. Never panics, whatever the text.
    pub fn build(id: impl Into<String>, text: String, res: &Lexicons) -> View {
        View {
            annotated: Annotated::build(id.into(), text, res),
            repeats: OnceLock::new(),
            mentions: OnceLock::new(),
            name_forms: OnceLock::new(),
            french_words: OnceLock::new(),
            french_sentences: OnceLock::new(),
            own_words: OnceLock::new(),
            own_sentences: OnceLock::new(),
            fingerprint: OnceLock::new(),
            style: OnceLock::new(),
        }
    }

    /// Gives the text back, dropping the analysis.
    pub fn into_text(self) -> String {
        self.annotated.doc.into_text()
    }

    /// The name mentions, computed on first use and shared by the name rules.
    pub fn mentions(&self, res: &Lexicons) -> &[Mention] {
        self.mentions.get_or_init(|| names::mentions(self, res))
    }

    /// The folded spellings of the mentions' capitalised words, computed on first use and
    /// shared by the name rules.
    pub fn name_forms(&self, res: &Lexicons) -> &NameForms {
        self.name_forms.get_or_init(|| names::name_forms(self, self.mentions(res)))
    }

    /// Each word's French lexicon reading, computed on first use and shared by the grammar
    /// rules (empty for documents that are not French).
    pub fn french_words(&self, res: &Lexicons) -> &[WordLex] {
        self.french_words
            .get_or_init(|| if french::is_french(self) { french::look_up_words(self, res.french) } else { Vec::new() })
    }

    /// The indices of the sentences the grammar rules judge (French, outside the comments),
    /// chosen on first use and shared by those rules.
    pub fn french_sentences(&self, res: &Lexicons) -> &[usize] {
        self.french_sentences.get_or_init(|| french::select_sentences(self, self.french_words(res)))
    }

    /// The lexicon of the document's language, if it has one and identification is reliable
    /// (French: the run's French lexicon, which a user dictionary may replace).
    pub fn own_lexicon<'r>(&self, res: &'r Lexicons) -> Option<&'r Lexicon> {
        if french::is_french(self) {
            return Some(res.french);
        }
        french::has_own_lexicon(self).then(|| res.words(self.lang.code)).flatten()
    }

    /// Each word's reading in the lexicon of the document's language (the French readings for
    /// a French document), computed on first use; empty without such a lexicon.
    pub fn own_words(&self, res: &Lexicons) -> &[WordLex] {
        if french::is_french(self) {
            return self.french_words(res);
        }
        self.own_words.get_or_init(|| match self.own_lexicon(res) {
            Some(lexicon) => french::look_up_words(self, lexicon),
            None => Vec::new(),
        })
    }

    /// The sentences of the document's language outside the comments, chosen as
    /// `french_sentences` are, for the lexicon-driven rules of every language.
    pub fn own_sentences(&self, res: &Lexicons) -> &[usize] {
        if french::is_french(self) {
            return self.french_sentences(res);
        }
        self.own_sentences.get_or_init(|| french::select_sentences(self, self.own_words(res)))
    }

    /// The sentences the grammar rules judge, each as tokens with their French readings (none
    /// for a document that is not French).
    pub fn french_sentence_tokens<'a>(&'a self, res: &'a Lexicons) -> impl Iterator<Item = french::SentenceTokens<'a>> {
        let lex = self.french_words(res);
        self.french_sentences(res)
            .iter()
            .map(move |&s| french::SentenceTokens::new(&self.annotated.doc, lex, &self.annotated.doc.sentences[s]))
    }

    /// The folded text and sentence hashes, computed on first use and shared by MT501 and MT502.
    pub fn fingerprint(&self) -> &Fingerprint {
        self.fingerprint.get_or_init(|| fingerprint::fingerprint(self))
    }

    /// The style profile (function-word rates, sentence lengths, punctuation…), computed on
    /// first use; `None` for a language without function words or a document without words.
    pub fn style_profile(&self, res: &Lexicons) -> Option<&StyleProfile> {
        self.style
            .get_or_init(|| match self.own_lexicon(res) {
                // The readings the lexicon rules share carry each word's shape and type.
                Some(lexicon) => style::profile(self, self.own_words(res), true, lexicon.has_tags()),
                None => style::profile(self, &french::shape_words(self, self.lang.code), false, false),
            })
            .as_ref()
    }

    /// The groups of repeated lines, computed on first use and shared by every consumer.
    pub fn repeats(&self) -> &[RepeatGroup] {
        self.repeats.get_or_init(|| repeats::find_repeats(self))
    }
}
