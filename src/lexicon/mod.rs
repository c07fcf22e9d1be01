//! Embedded lexicons and gazetteers, parsed once. Each table's loader reads the embedded data
//! file and, when the configuration names one, a user file of the same format whose entries
//! are added to the embedded ones (a user's Hunspell dictionary replaces the embedded one of
//! its language instead). `set` gathers a run's tables; `words` holds the full-form lexicons.

pub mod ai_residue;
pub mod calques;
pub mod conventions;
pub mod disclaimers;
pub mod french_grammar;
pub mod gazetteer;
pub mod hunspell;
pub mod loanwords;
pub mod media;
pub mod never_translated;
pub mod set;
pub mod transliteration;
pub mod ui_lines;
pub mod units;
pub mod words;

/// A data file that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}: {message}")]
pub struct LexiconError {
    pub source_name: String,
    pub message: String,
}

impl LexiconError {
    pub fn new(source_name: &str, message: impl Into<String>) -> Self {
        LexiconError { source_name: source_name.to_string(), message: message.into() }
    }
}

/// Checks that a table's key is an ISO 639-3 code (three lowercase letters), the key every
/// per-language table uses.
pub fn check_lang_code(source_name: &str, code: &str) -> Result<(), LexiconError> {
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(())
    } else {
        Err(LexiconError::new(source_name, format!("`{code}` is not an ISO 639-3 code (three lowercase letters)")))
    }
}

/// One data source: its name for error messages and its text.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
}
