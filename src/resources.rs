//! What a rule reads besides the document: the run's lexicons, and what a first pass over the
//! inputs learnt of the corpus (the agreed name spellings, the first holder of every text and
//! sentence, the sites with machine-translation evidence), and the style models. Derefs to the lexicons, so a rule writes `res.units` as for any table.

use crate::corpus_copies::CopyIndex;
use crate::corpus_names::Consensus;
use crate::corpus_sites::SiteEvidence;
use crate::lexicon::set::Lexicons;
use crate::view::style_models::StyleModels;
use std::sync::LazyLock;

pub struct Resources {
    lexicons: LexiconHandle,
    /// The corpus's agreed name spellings, when the run computed them (`check --name-consensus`).
    pub name_consensus: Option<Consensus>,
    /// Set by `--duplicates`: the first document of every text and sentence of the inputs.
    pub copies: Option<CopyIndex>,
    /// Set by `--site-evidence`: the sites whose pages carry machine-translation evidence on a
    /// significant share of them.
    pub site_evidence: Option<SiteEvidence>,
    /// The style-profile models of the run, one per language (none until the run's settings
    /// load them: only a run that applies MT801 reads them).
    pub style_models: StyleModels,
}

/// The embedded lexicons are shared by every run that names no user file.
enum LexiconHandle {
    Embedded(&'static Lexicons),
    Owned(Box<Lexicons>),
}

static EMBEDDED: LazyLock<Resources> = LazyLock::new(|| Resources::new(Lexicons::embedded()));

impl Resources {
    /// The embedded lexicons with no corpus view.
    pub fn embedded() -> &'static Resources {
        &EMBEDDED
    }

    /// Shared lexicons (the embedded ones) with no corpus view.
    pub fn new(lexicons: &'static Lexicons) -> Resources {
        Resources {
            lexicons: LexiconHandle::Embedded(lexicons),
            name_consensus: None,
            copies: None,
            site_evidence: None,
            style_models: StyleModels::default(),
        }
    }

    /// A run's own lexicons (the user's files, a stated language) with no corpus view.
    pub fn owning(lexicons: Lexicons) -> Resources {
        Resources {
            lexicons: LexiconHandle::Owned(Box::new(lexicons)),
            name_consensus: None,
            copies: None,
            site_evidence: None,
            style_models: StyleModels::default(),
        }
    }

    pub fn lexicons(&self) -> &Lexicons {
        match &self.lexicons {
            LexiconHandle::Embedded(l) => l,
            LexiconHandle::Owned(l) => l,
        }
    }
}

impl std::ops::Deref for Resources {
    type Target = Lexicons;

    fn deref(&self) -> &Lexicons {
        self.lexicons()
    }
}
