//! MT404: the metadata block of a scraped video or media page.

use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::{clip, is_word_char};
use crate::view::View;

pub struct MediaMetadata;

static META: RuleMeta = RuleMeta {
    id: "MT404",
    name: "media-metadata",
    family: Family::Boilerplate,
    default_severity: Severity::Warning,
    default_weight: 6.0,
    fallback: false,
    summary: "Video-page metadata: duration, views, likes, uploader, date.",
    explanation: "\
What it flags: a short line holding at least two metadata fields of a video or media page:
a key followed by a colon (`Durée: 00:28:48`, `Date:`), a count followed by a key (`2084
likes`, `359002 vues`), or a line opening with a key (`Publié par LCI`, `Posted by`).

Why it matters: content farms build pages around a video title; the page's metadata comes
along with the scrape and is no text.

Example: `Durée: 00:28:48 / 2084 likes / Rating: / 359002 vues` → flagged.

How: keys in several languages (data/boilerplate/media.toml) are looked up in each line of
at most 200 characters; two fields make a metadata line.

Limits: one field alone (`Date: 12 mars`) is not enough.",
};

const MAX_LINE_CHARS: usize = 200;

impl Detector for MediaMetadata {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        for line in &doc.lines {
            if line.content.is_empty() || line.content.len() > MAX_LINE_CHARS * 4 {
                continue;
            }
            let lower = doc.slice_lower(line.content);
            // Every field shape needs a colon or a digit somewhere on the line.
            if !lower.contains(':') && !lower.bytes().any(|b| b.is_ascii_digit())
                || lower.chars().count() > MAX_LINE_CHARS
            {
                continue;
            }
            // `The clip drew 500,000 views and 20,000 likes.` is a sentence: a metadata line has
            // separators between its fields, or no closing punctuation (tested first: it is
            // cheaper than counting the fields).
            let text = doc.slice(line.content);
            let separated = text.contains(['/', '|', '•', '·']);
            let closed = text.ends_with(|c: char| crate::text::is_sentence_terminal(c));
            if closed && !separated {
                continue;
            }
            let fields = count_fields(lower, &res.media.metadata_automaton, &res.media.metadata_keys);
            if fields >= 2 {
                out.push(Finding::new(
                    META.id,
                    Severity::Warning,
                    line.content,
                    format!("media-page metadata ({fields} fields): “{}”", clip(doc.slice(line.content), 80)),
                ));
            }
        }
    }
}

/// Counts `key:`, `<number> key` and a line-opening multi-word `key`.
fn count_fields(lower: &str, keys: &aho_corasick::AhoCorasick, key_texts: &[String]) -> usize {
    keys.find_iter(lower)
        .filter(|m| {
            let (start, end) = (m.start(), m.end());
            let word_start = lower[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
            let word_end = lower[end..].chars().next().is_none_or(|c| !is_word_char(c));
            if !word_start || !word_end {
                return false;
            }
            let after = lower[end..].trim_start();
            let before = lower[..start].trim_end();
            after.starts_with(':')
                || before.chars().next_back().is_some_and(|c| c.is_ascii_digit())
                || (start == 0 && key_texts[m.pattern().as_usize()].contains(' '))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    #[test]
    fn video_page_metadata() {
        let prose = "The clip drew 500,000 views and 20,000 likes.\n\nDurée : 1h52. Langue : anglais.";
        assert!(findings(&MediaMetadata, prose).is_empty());
        let text = "Un titre de vidéo assez long\nPublié par France 24 / Date: 2024-01-02 10:00:00\nDuration: 00:12:03 / 512 likes / 20441 views\n\nLe film, d'une durée de deux heures, compte 3000 vues.";
        let found = findings(&MediaMetadata, text);
        assert_eq!(
            spans(text, &found),
            vec!["Publié par France 24 / Date: 2024-01-02 10:00:00", "Duration: 00:12:03 / 512 likes / 20441 views"]
        );
    }
}
