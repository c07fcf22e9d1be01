//! The detector interface and the static description of each rule.

use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::view::View;
use serde::{Deserialize, Serialize};

/// The families rules belong to. Each family has its own sub-score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// Statements and traces of where the text came from: disclaimers, datelines.
    Provenance,
    /// Language mixing and locale conventions: fragments in another language, units.
    Language,
    /// Names of people and places spelled inconsistently or in a foreign convention.
    Names,
    /// Word forms and syntax no writer of the language produces.
    Grammar,
    /// Page furniture left by a scraper: interface strings, credits, comments.
    Boilerplate,
    /// Text repeated within or across documents.
    Repetition,
    /// Statistics of the whole text (function-word rates, sentence lengths) that read like
    /// translation rather than writing.
    Style,
}

impl Family {
    pub const ALL: [Family; 7] = [
        Family::Provenance,
        Family::Language,
        Family::Names,
        Family::Grammar,
        Family::Boilerplate,
        Family::Repetition,
        Family::Style,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Family::Provenance => "provenance",
            Family::Language => "language",
            Family::Names => "names",
            Family::Grammar => "grammar",
            Family::Boilerplate => "boilerplate",
            Family::Repetition => "repetition",
            Family::Style => "style",
        }
    }

    /// The score group: translation artifacts versus page quality.
    pub const fn group(self) -> ScoreGroup {
        match self {
            Family::Provenance | Family::Language | Family::Names | Family::Grammar | Family::Style => {
                ScoreGroup::Translation
            }
            Family::Boilerplate | Family::Repetition => ScoreGroup::Boilerplate,
        }
    }
}

impl std::fmt::Display for Family {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The two halves of a document's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScoreGroup {
    /// Signs that the text is a machine translation.
    Translation,
    /// Signs that the page is scraped furniture rather than text.
    Boilerplate,
}

/// The static description of a rule: the single source for `rules`, `explain` and reports.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id: `MT` and three digits, the first digit naming the family.
    pub id: &'static str,
    /// Kebab-case name of the defect.
    pub name: &'static str,
    pub family: Family,
    pub default_severity: Severity,
    /// Penalty units a finding of default severity costs a document of reference length.
    pub default_weight: f64,
    /// A generic rule whose finding is dropped when a more specific rule of the same family
    /// reports on the same line (a credit line is not also a stray title).
    pub fallback: bool,
    /// One line.
    pub summary: &'static str,
    /// Sections: What it flags / Why it matters / Example / Limits.
    pub explanation: &'static str,
}

/// A detector looks at one analysed document and pushes its findings.
/// It must never panic, and every span it reports lies inside the text on character boundaries.
pub trait Detector: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>);
}
