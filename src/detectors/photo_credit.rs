//! MT405: a photo caption credit or credit line kept in the text.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::clip;
use crate::view::View;

pub struct PhotoCredit;

static META: RuleMeta = RuleMeta {
    id: "MT405",
    name: "photo-credit",
    family: Family::Boilerplate,
    default_severity: Severity::Info,
    default_weight: 3.4,
    fallback: false,
    summary: "A photo credit (`Name/AFP/Getty`, `Photo de ...`, `© Reuters`) kept in the text.",
    explanation: "\
What it flags: photo credits that a scraper kept: a slash-joined credit naming an agency at
the end of a line (`Natalia Kolesnikova/AFP/Getty`), a short line opening with a credit word
(`Photo de ...`, `Crédit photo :`, `Photo: Reuters`), or a copyright sign followed by an
agency (`© AFP`).

Why it matters: captions and credits run into the article are no part of its prose; they
are minor, but they mark a careless scrape.

Example: `... au milieu de la guerre en cours . Natalia Kolesnikova/AFP/Getty` → flagged on
the credit.

How: agencies and credit words from data/boilerplate/media.toml, matched at line ends and
line starts.

Limits: a credit naming only a photographer, with no agency and no credit word, is not
recognised.",
};

const MAX_CREDIT_LINE_WORDS: usize = 16;

impl Detector for PhotoCredit {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        for line in &doc.lines {
            if line.content.is_empty() || line.ui_pattern.is_some() {
                continue;
            }
            if let Some(span) = slash_credit(doc, line.content, res) {
                out.push(Finding::new(
                    META.id,
                    Severity::Info,
                    span,
                    format!("photo credit run into the text: “{}”", doc.slice(span)),
                ));
            } else if is_credit_line(doc, line.content, res) {
                out.push(Finding::new(
                    META.id,
                    Severity::Info,
                    line.content,
                    format!("photo credit line: “{}”", clip(doc.slice(line.content), 80)),
                ));
            }
        }
    }
}

/// `Firstname Lastname/AGENCY[/AGENCY]` ending a line, or `© AGENCY`.
fn slash_credit(doc: &View, line: Span, res: &Resources) -> Option<Span> {
    let text = doc.slice(line);
    // Byte searches (memchr): most lines hold neither, and this runs on every line.
    if !text.as_bytes().contains(&b'/') && !text.contains('©') {
        return None;
    }
    let last_start = after_last_space(text);
    let last = text[last_start..].trim_end_matches(['.', ')', ']']);
    let agency = |s: &str| res.media.is_agency(&s.trim().to_lowercase());
    if last.contains('/') {
        let segments: Vec<&str> = last.split('/').collect();
        if segments.len() >= 2
            && segments[1..].iter().any(|s| agency(s))
            && segments[0].chars().next().is_some_and(char::is_uppercase)
        {
            // Take in up to two capitalised words before the credit (the photographer's first names).
            let mut start = last_start;
            for _ in 0..2 {
                let before = text[..start].trim_end();
                let word_start = after_last_space(before);
                let word = &before[word_start..];
                if word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
                {
                    start = word_start;
                } else {
                    break;
                }
            }
            return Some(Span::new(line.start + start, line.start + last_start + last.len()));
        }
    }
    let copyright = text.rfind('©')?;
    let after = text[copyright + '©'.len_utf8()..].trim();
    (after.split(['/', ',']).any(agency) && after.split_whitespace().count() <= 6)
        .then(|| Span::new(line.start + copyright, line.end))
}

/// The byte offset just after the last white space of `text` (0 if none).
fn after_last_space(text: &str) -> usize {
    text.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8())
}

/// A short line that opens with a credit word followed by a name, a colon or an agency.
fn is_credit_line(doc: &View, line: Span, res: &Resources) -> bool {
    let lower = doc.slice_lower(line);
    if lower.len() > MAX_CREDIT_LINE_WORDS * 20 {
        return false;
    }
    // A credit word followed by a non-word character opens the line only if the line's first
    // word opens that credit word (lines that open with a sign go on to the full test).
    let opening = crate::lexicon::media::leading_word(lower);
    if !opening.is_empty() && !res.media.credit_openings.contains(opening) {
        return false;
    }
    if lower.split_whitespace().count() > MAX_CREDIT_LINE_WORDS {
        return false;
    }
    let ends_sentence = lower.trim_end().ends_with(['.', '!', '?']);
    res.media.credit_words.iter().any(|word| {
        let Some(rest) = lower.strip_prefix(word.as_str()) else {
            return false;
        };
        if rest.chars().next().is_some_and(char::is_alphanumeric) {
            return false; // `photographe` is not `photo`
        }
        let rest = rest.trim_start();
        // `Photo de X` is a credit; `Image de marque` or `Illustration de la crise` is not:
        // a preposition introduces a credit only after a word for a photograph.
        let photo_word = ["photo", "foto", "bild", "crédit", "credit"].iter().any(|p| word.contains(p));
        let by = ["de ", "by ", "par ", "von ", "por ", "oleh ", "di "].iter().any(|p| rest.starts_with(p));
        let introduces = (photo_word && by) || [":", "©", "credit", "crédit"].iter().any(|p| rest.starts_with(p));
        let names_agency = rest.split(|c: char| !c.is_alphanumeric()).any(|w| !w.is_empty() && res.media.is_agency(w));
        names_agency || (introduces && !ends_sentence)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    #[test]
    fn slash_credits_and_credit_lines() {
        let text = "Le maire s'exprime lors d'une conférence de presse, le 16 février 2023. Jean Dupont/AFP/Getty\nPhoto de Archives municipales Wiki Commons\nPhoto : Reuters\nLe port de Marseille au petit matin. © AFP\nLa photo de famille a été prise par le protocole après le sommet.";
        let found = findings(&PhotoCredit, text);
        assert_eq!(
            spans(text, &found),
            vec!["Jean Dupont/AFP/Getty", "Photo de Archives municipales Wiki Commons", "Photo : Reuters", "© AFP"]
        );
    }

    #[test]
    fn slashes_without_an_agency_are_not_credits() {
        let text = "Le trajet Paris/Lyon/Marseille dure trois heures et/ou plus.\nImage de marque en berne\nIllustration de la crise au Sahel";
        assert!(findings(&PhotoCredit, text).is_empty());
        // Multi-byte white space around slashes and at line ends.
        let text = "« Un titre »\u{a0}Jean\u{a0}Dupont/AFP\n« Une erreur en faveur de Paris\u{a0}»";
        assert_eq!(spans(text, &findings(&PhotoCredit, text)), vec!["Jean\u{a0}Dupont/AFP"]);
    }
}
