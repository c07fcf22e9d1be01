//! Interface strings that scraped pages keep as whole lines: share buttons, comment
//! headings, blog comment forms, subscription prompts and the like.

use super::{LexiconError, Source};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::start;
use regex_automata::{Anchored, MatchKind};
use serde::Deserialize;
use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

pub const EMBEDDED: &str = include_str!("../../data/boilerplate/ui_lines.toml");

/// Lazy-DFA cache for the interface-line automaton, per thread: over ~170 Unicode patterns a
/// small cache would be cleared again and again.
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
    /// Every pattern, anchored at both ends, in one lazy DFA that is stepped over a line's
    /// folded text as it is folded: most lines leave every pattern within a few bytes, and are
    /// read and folded no further.
    dfa: DFA,
    /// The same patterns one by one, to tell which one matched.
    each: Vec<regex::Regex>,
    /// Unique per automaton built in this process: the key of the per-thread DFA cache.
    id: usize,
}

static NEXT_ID: AtomicUsize = AtomicUsize::new(1);

thread_local! {
    /// The lazy DFA's cache on this thread, with the id of the automaton it belongs to.
    static DFA_CACHE: RefCell<Option<(usize, Cache)>> = const { RefCell::new(None) };
}

impl UiLines {
    pub fn load(sources: &[Source<'_>]) -> Result<UiLines, LexiconError> {
        let mut patterns = Vec::new();
        for source in sources {
            let file: File = toml::from_str(source.text).map_err(|e| LexiconError::new(source.name, e.to_string()))?;
            patterns.extend(file.line);
        }
        if let Some(p) = patterns.iter().find(|p| p.pattern.contains(r"\b")) {
            // A Unicode word boundary makes the lazy DFA give up on lines with non-ASCII letters,
            // and every such line would be tried pattern by pattern; the patterns match whole
            // lines and need none.
            return Err(LexiconError::new(
                "ui lines",
                format!("pattern uses \\b, which whole-line patterns do not need: {}", p.pattern),
            ));
        }
        let anchored: Vec<String> = patterns.iter().map(|p| format!("^(?:{})$", p.pattern)).collect();
        let invalid = |e: String| LexiconError::new(sources.last().map_or("ui lines", |s| s.name), e);
        // The patterns one by one first: a bad pattern is reported with the regex crate's
        // message, which shows the pattern and where it fails.
        let each = anchored
            .iter()
            .map(|p| regex::Regex::new(p))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| invalid(e.to_string()))?;
        // `All`: the DFA tells whether any pattern matches the whole line, whichever it is. A
        // word-boundary assertion (`\B`) makes it give up on non-ASCII bytes, and the line is
        // then tried pattern by pattern. The size limit is the regex crate's default.
        let config =
            DFA::config().match_kind(MatchKind::All).cache_capacity(UI_DFA_CACHE_BYTES).unicode_word_boundary(true);
        let dfa = DFA::builder()
            .configure(config)
            .thompson(regex_automata::nfa::thompson::Config::new().nfa_size_limit(Some(10 << 20)))
            .build_many(&anchored)
            .map_err(|e| invalid(e.to_string()))?;
        Ok(UiLines { patterns, dfa, each, id: NEXT_ID.fetch_add(1, Ordering::Relaxed) })
    }

    /// The first pattern that matches the whole line, if the line is short enough to be an
    /// interface string.
    pub fn match_line(&self, line: &str) -> Option<u32> {
        if line.len() > MAX_UI_LINE_CHARS * 4 {
            return None;
        }
        // `None`: the lazy DFA gave up, and the patterns decide one by one.
        if self.dfa_matches(line) == Some(false) || line.chars().count() > MAX_UI_LINE_CHARS {
            return None;
        }
        let folded = crate::text::fold_line(line);
        self.each.iter().position(|r| r.is_match(&folded)).map(|i| i as u32)
    }

    /// Whether some pattern matches the folded line, stepping the lazy DFA byte by byte as the
    /// line is folded and stopping where no pattern can match any more (None if the DFA gave
    /// up).
    fn dfa_matches(&self, line: &str) -> Option<bool> {
        DFA_CACHE.with(|slot| {
            let mut slot = slot.borrow_mut();
            if slot.as_ref().is_none_or(|(id, _)| *id != self.id) {
                *slot = Some((self.id, self.dfa.create_cache()));
            }
            let (_, cache) = slot.as_mut()?;
            let dfa = &self.dfa;
            let mut state = dfa.start_state(cache, &start::Config::new().anchored(Anchored::Yes)).ok()?;
            let mut gave_up = false;
            let mut utf8 = [0u8; 4];
            let read_whole = crate::text::fold_line_chars(line, |c| {
                for &byte in c.encode_utf8(&mut utf8).as_bytes() {
                    // The DFA gives up only on a non-ASCII byte when a pattern asserts a word
                    // boundary (`\B`); the patterns then decide one by one.
                    match dfa.next_state(cache, state, byte) {
                        Ok(next) if next.is_quit() => gave_up = true,
                        Ok(next) => state = next,
                        Err(_) => gave_up = true,
                    }
                    if gave_up || state.is_dead() {
                        return false;
                    }
                }
                true
            });
            if gave_up {
                return None;
            }
            if !read_whole {
                return Some(false);
            }
            Some(dfa.next_eoi_state(cache, state).ok()?.is_match())
        })
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
    fn the_stepped_automaton_agrees_with_the_patterns_one_by_one() {
        let ui = embedded();
        let one_by_one = |line: &str| {
            let folded = crate::text::fold_line(line);
            ui.each.iter().position(|r| r.is_match(&folded)).map(|i| i as u32)
        };
        for line in [
            "Share this article on Facebook",
            "SHARE  THIS:",
            "49 Comments",
            "Leave a Reply Cancel reply",
            "Votre adresse e-mail ne sera pas publiée.\u{a0}Les champs obligatoires sont indiqués avec *",
            "Laisser un commentaire",
            "L’auteur",
            "Lire aussi :",
            "Lire aussi : le président a déclaré",
            "İstanbul",
            "",
            "Le président a déclaré qu’il allait partager ses conclusions.",
            "share",
            "shar",
            "facebook twitter whatsapp",
            "facebook twitter whatsapp et le reste",
        ] {
            assert_eq!(ui.match_line(line), one_by_one(line), "{line}");
        }
    }

    #[test]
    fn a_pattern_with_a_word_boundary_assertion_still_matches_on_any_line() {
        // `\B` makes the lazy DFA give up on non-ASCII bytes: those lines are tried pattern by
        // pattern.
        let source =
            Source { name: "user", text: "[[line]]\nlang = \"fr\"\nkind = \"share\"\npattern = 'a\\Bb|é\\Bt'\n" };
        let ui = UiLines::load(&[source]).unwrap();
        assert_eq!(ui.match_line("ab"), Some(0));
        assert_eq!(ui.match_line("ét"), Some(0));
        assert_eq!(ui.match_line("a b"), None);
        assert_eq!(ui.match_line("àb"), None);
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
