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

/// Lines are folded before matching (one ASCII space between words), so `\s` can only ever
/// meet a space and `\d` an ASCII digit; writing them so keeps the automaton small enough
/// for the lazy DFA, where Unicode classes over ~170 patterns push it back to the PikeVM.
fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('s') => out.push_str(if in_class { " " } else { "[ ]" }),
                Some('d') => out.push_str(if in_class { "0-9" } else { "[0-9]" }),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` right after `[` or `[^` is a literal.
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
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
        let anchored: Vec<String> = patterns.iter().map(|p| format!("^(?:{})$", ascii_classes(&p.pattern))).collect();
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
        let folded = crate::text::fold_line(line);
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
    fn classes_become_ascii() {
        assert_eq!(ascii_classes(r"\d+ comments?\s*[:.\s]*"), r"[0-9]+ comments?[ ]*[:. ]*");
        assert_eq!(ascii_classes(r"[^\W\d_]+\."), r"[^\W0-9_]+\.");
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
