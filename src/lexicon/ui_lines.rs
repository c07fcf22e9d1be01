//! Interface strings that scraped pages keep as whole lines: share buttons, comment
//! headings, blog comment forms, subscription prompts and the like.

use super::{LexiconError, Source};
use regex::{RegexSet, RegexSetBuilder};
use serde::Deserialize;

pub const EMBEDDED: &str = include_str!("../../data/boilerplate/ui_lines.toml");

/// Lazy-DFA cache for the interface-line automaton, per thread.
const UI_DFA_CACHE_BYTES: usize = 16 << 20;

/// Lines longer than this are prose, never interface strings.
pub const MAX_UI_LINE_CHARS: usize = 200;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiPattern {
    pub lang: String,
    pub kind: String,
    pub pattern: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    line: Vec<UiPattern>,
}

pub struct UiLines {
    pub patterns: Vec<UiPattern>,
    set: RegexSet,
    /// The same patterns one by one, to tell which one matched.
    each: Vec<regex::Regex>,
}

impl UiLines {
    pub fn load(sources: &[Source<'_>]) -> Result<UiLines, LexiconError> {
        let mut patterns = Vec::new();
        for source in sources {
            let file: File = toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            patterns.extend(file.line);
        }
        if let Some(p) = patterns.iter().find(|p| p.pattern.contains(r"\b")) {
            // A Unicode word boundary makes the lazy DFA quit on non-ASCII lines, and every
            // line would pay for the slow engine; the patterns match whole lines and need none.
            return Err(LexiconError::new(
                "ui lines",
                format!("pattern uses \\b, which whole-line patterns do not need: {}", p.pattern),
            ));
        }
        let anchored: Vec<String> = patterns.iter().map(|p| format!("^(?:{})$", p.pattern)).collect();
        // A lazy DFA over ~170 Unicode patterns outgrows the default cache and falls back to
        // the slow PikeVM; a larger cache keeps it on the DFA (memory per thread, bounded).
        let set = RegexSetBuilder::new(&anchored)
            .dfa_size_limit(UI_DFA_CACHE_BYTES)
            .build()
            .map_err(|e| LexiconError::new(sources.last().map_or("ui lines", |s| s.name), e.to_string()))?;
        let each = anchored
            .iter()
            .map(|p| regex::Regex::new(p))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| LexiconError::new("ui lines", e.to_string()))?;
        Ok(UiLines { patterns, set, each })
    }

    /// The first pattern that matches the whole line, if the line is short enough to be an
    /// interface string.
    pub fn match_line(&self, line: &str) -> Option<u32> {
        if line.len() > MAX_UI_LINE_CHARS * 4 || line.chars().count() > MAX_UI_LINE_CHARS {
            return None;
        }
        let folded = if crate::text::is_folded_line(line) {
            std::borrow::Cow::Borrowed(line)
        } else {
            std::borrow::Cow::Owned(crate::text::fold_line(line))
        };
        // `is_match` runs on the lazy DFA; `RegexSet::matches` would need the slow PikeVM, so
        // the few lines that match are tested pattern by pattern.
        if !self.set.is_match(&folded) {
            return None;
        }
        self.each.iter().position(|r| r.is_match(&folded)).map(|i| i as u32)
    }

    pub fn pattern(&self, index: u32) -> &UiPattern {
        &self.patterns[index as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> UiLines {
        UiLines::load(&[Source { name: "embedded", text: EMBEDDED }]).unwrap()
    }

    #[test]
    fn typical_interface_lines_match() {
        let ui = embedded();
        for line in [
            "Partager:",
            "49 Comments",
            "Leave a Reply",
            "Laisser un commentaire",
            "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
            "Share this:",
            "Lire aussi :",
            "Related posts",
        ] {
            assert!(ui.match_line(line).is_some(), "{line}");
        }
    }

    #[test]
    fn prose_does_not_match() {
        let ui = embedded();
        for line in [
            "Le président a déclaré qu'il allait partager ses conclusions avec le Parlement.",
            "The minister will share this report with lawmakers next week.",
            "Comments made by the senator drew criticism.",
        ] {
            assert_eq!(ui.match_line(line), None, "{line}");
        }
    }
}
