//! The lexicons and data tables of a run, built once: everything the document view and the
//! rules look words and lines up in. The embedded set is shared by every run that names no
//! user file; a user's files extend it.

use crate::lang::{FunctionWords, LangInfo};
use crate::lexicon::ai_residue::{self, AiResidue};
use crate::lexicon::calques::{self, Calques};
use crate::lexicon::conventions::{self, Conventions};
use crate::lexicon::disclaimers::{self, Disclaimers};
use crate::lexicon::french_grammar::{self, FrenchGrammar};
use crate::lexicon::gazetteer::{self, Gazetteer};
use crate::lexicon::loanwords::{self, Loanwords};
use crate::lexicon::media::{self, Media};
use crate::lexicon::never_translated::{self, NeverTranslated};
use crate::lexicon::transliteration::{self, Transliteration};
use crate::lexicon::ui_lines::{self, UiLines};
use crate::lexicon::units::{self, Units};
use crate::lexicon::words::Lexicon;
use crate::lexicon::{LexiconError, Source};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

pub struct Lexicons {
    pub function_words: FunctionWords,
    pub ui_lines: UiLines,
    pub media: Media,
    pub disclaimers: Disclaimers,
    pub ai_residue: AiResidue,
    pub units: Units,
    pub gazetteer: Gazetteer,
    pub transliteration: Transliteration,
    pub loanwords: Loanwords,
    pub conventions: Conventions,
    pub calques: Calques,
    pub never_translated: NeverTranslated,
    /// The French full-form lexicon (embedded, or the user's dictionary, loaded once).
    pub french: &'static Lexicon,
    pub french_grammar: FrenchGrammar,
    /// Set when the user states the documents' language: identification is skipped.
    pub forced_language: Option<LangInfo>,
}

/// User files that extend the embedded lexicons.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LexiconPaths {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ui_lines: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disclaimers: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ai_residue: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub countries: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cities: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transliteration: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loanwords: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conventions: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calques: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub never_translated: Option<PathBuf>,
    /// A Hunspell `.dic` (with its `.aff` beside it) replacing the embedded French dictionary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub french_dictionary: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub french_grammar: Option<PathBuf>,
}

static EMBEDDED: LazyLock<Lexicons> = LazyLock::new(|| {
    // The embedded data is checked by the test suite; failing here is a build defect.
    Lexicons::load(&LexiconPaths::default()).expect("embedded lexicons are valid")
});

impl Lexicons {
    /// The embedded lexicons, parsed on first use.
    pub fn embedded() -> &'static Lexicons {
        &EMBEDDED
    }

    /// The embedded lexicons extended with the user's files.
    pub fn load(paths: &LexiconPaths) -> Result<Lexicons, LexiconError> {
        let read = |path: &Option<PathBuf>| -> Result<Option<(String, String)>, LexiconError> {
            match path {
                None => Ok(None),
                Some(p) => std::fs::read_to_string(p)
                    .map(|text| Some((p.display().to_string(), text)))
                    .map_err(|e| LexiconError::new(&p.display().to_string(), e.to_string())),
            }
        };
        let user_ui = read(&paths.ui_lines)?;
        let user_media = read(&paths.media)?;
        let user_disclaimers = read(&paths.disclaimers)?;
        let user_ai_residue = read(&paths.ai_residue)?;
        let user_units = read(&paths.units)?;
        let user_countries = read(&paths.countries)?;
        let user_cities = read(&paths.cities)?;
        let user_transliteration = read(&paths.transliteration)?;
        let user_grammar = read(&paths.french_grammar)?;
        let user_loanwords = read(&paths.loanwords)?;
        let user_conventions = read(&paths.conventions)?;
        let user_calques = read(&paths.calques)?;
        let user_never_translated = read(&paths.never_translated)?;
        let french = match &paths.french_dictionary {
            None => Lexicon::embedded("fra").expect("a French lexicon is registered in data/lexicons.txt"),
            Some(path) => user_lexicon("fra", path)?,
        };
        Ok(Lexicons {
            function_words: FunctionWords::embedded(),
            ui_lines: UiLines::load(&sources(ui_lines::EMBEDDED, &user_ui))?,
            media: Media::load(&sources(media::EMBEDDED, &user_media))?,
            disclaimers: Disclaimers::load(&sources(disclaimers::EMBEDDED, &user_disclaimers))?,
            ai_residue: AiResidue::load(&sources(ai_residue::EMBEDDED, &user_ai_residue))?,
            units: Units::load(&sources(units::EMBEDDED, &user_units))?,
            gazetteer: Gazetteer::load(
                &sources(gazetteer::EMBEDDED_COUNTRIES, &user_countries),
                &sources(gazetteer::EMBEDDED_CITIES, &user_cities),
                gazetteer::EMBEDDED_HUBS,
            )?,
            transliteration: Transliteration::load(&sources(transliteration::EMBEDDED, &user_transliteration))?,
            loanwords: Loanwords::load(&sources(loanwords::EMBEDDED, &user_loanwords))?,
            conventions: Conventions::load(&sources(conventions::EMBEDDED, &user_conventions))?,
            calques: Calques::load(&sources(calques::EMBEDDED, &user_calques))?,
            never_translated: NeverTranslated::load(&sources(never_translated::EMBEDDED, &user_never_translated))?,
            french,
            french_grammar: FrenchGrammar::load(&sources(french_grammar::EMBEDDED, &user_grammar))?,
            forced_language: None,
        })
    }

    /// The full-form lexicon of a language (ISO 639-3 code): the user's dictionary where one
    /// replaces the embedded one, else the embedded lexicon, if that language has one.
    pub fn words(&self, lang: &str) -> Option<&Lexicon> {
        if lang == self.french.lang() {
            return Some(self.french);
        }
        Lexicon::embedded(lang)
    }

    /// Whether any user lexicon is configured (else the shared embedded copy serves).
    pub fn needs_user_files(paths: &LexiconPaths) -> bool {
        [
            &paths.ui_lines,
            &paths.media,
            &paths.disclaimers,
            &paths.ai_residue,
            &paths.units,
            &paths.countries,
            &paths.cities,
            &paths.transliteration,
            &paths.loanwords,
            &paths.conventions,
            &paths.calques,
            &paths.never_translated,
            &paths.french_dictionary,
            &paths.french_grammar,
        ]
        .iter()
        .any(|p| p.is_some())
    }
}

/// A user's dictionary, expanded once per process and kept for its whole length (a process may
/// load its lexicons more than once: the library's callers, the tests).
fn user_lexicon(lang: &'static str, path: &Path) -> Result<&'static Lexicon, LexiconError> {
    static LOADED: std::sync::Mutex<Vec<(PathBuf, &'static Lexicon)>> = std::sync::Mutex::new(Vec::new());
    let mut loaded = LOADED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, lexicon)) = loaded.iter().find(|(p, l)| p == path && l.lang() == lang) {
        return Ok(lexicon);
    }
    let lexicon: &'static Lexicon = Box::leak(Box::new(Lexicon::from_dictionary(lang, path)?));
    loaded.push((path.to_path_buf(), lexicon));
    Ok(lexicon)
}

/// The embedded source, then the user's file if there is one.
fn sources<'a>(embedded: &'static str, user: &'a Option<(String, String)>) -> Vec<Source<'a>> {
    let mut v = vec![Source { name: "embedded", text: embedded }];
    if let Some((name, text)) = user {
        v.push(Source { name, text });
    }
    v
}

/// Resolves a path relative to the configuration file that named it.
pub fn resolve_relative(base: Option<&Path>, path: &Path) -> PathBuf {
    match base.and_then(Path::parent) {
        Some(dir) if path.is_relative() => dir.join(path),
        _ => path.to_path_buf(),
    }
}
