//! MT402: a web-interface string kept as a line of text.

use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::clip;
use crate::view::View;

pub struct InterfaceString;

static META: RuleMeta = RuleMeta {
    id: "MT402",
    name: "interface-string",
    family: Family::Boilerplate,
    default_severity: Severity::Warning,
    default_weight: 0.0,
    fallback: false,
    summary: "A share button, comment heading, blog form or similar interface string.",
    explanation: "\
What it flags: a whole line that is a web page's interface rather than its text: share
buttons (`Partager:`, `Share this:`), comment headings (`49 Comments`, `Leave a Reply`), blog
comment forms (`Votre adresse e-mail ne sera pas publiée`), subscription prompts, cookie
notices, navigation, `Read also` headings, copyright lines.

Why it matters: such lines are no one's prose; in a training corpus they are the most
repeated lines of all. An English interface string on a French page also betrays a template
that was not translated.

Example: `Laisser un commentaire` → flagged as a comment form (fr).

How: every line of at most 200 characters is folded (lowercase, plain apostrophes, single
spaces) and tested against one set of anchored patterns (data/boilerplate/ui_lines.toml,
fr, en, es, de, pt, id, it), so a pattern must match the whole line and never fires inside a
sentence.

Limits: interface strings run into a paragraph are not seen; a site's own wording that no
pattern covers can be added in a `ui-lines` file named in mtaudit.toml.",
};

impl Detector for InterfaceString {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        for line in &doc.lines {
            let Some(index) = line.ui_pattern else {
                continue;
            };
            let pattern = res.ui_lines.pattern(index);
            let foreign = doc.lang.reliable && !lang_matches(&pattern.lang, doc.lang.code);
            let note = if foreign {
                format!("; a `{}` interface on a {} page", pattern.lang, doc.lang.name)
            } else {
                String::new()
            };
            out.push(Finding::new(
                META.id,
                Severity::Warning,
                line.content,
                format!(
                    "interface string ({}, {}): “{}”{note}",
                    pattern.kind,
                    pattern.lang,
                    clip(doc.slice(line.content), 80)
                ),
            ));
        }
    }
}

/// Whether an ISO 639-1 code in the data names the document's ISO 639-3 language.
fn lang_matches(two: &str, three: &str) -> bool {
    matches!(
        (two, three),
        ("fr", "fra")
            | ("en", "eng")
            | ("es", "spa")
            | ("de", "deu")
            | ("pt", "por")
            | ("id", "ind")
            | ("it", "ita")
            | ("nl", "nld")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    #[test]
    fn interface_lines_and_their_language() {
        let text = "Partager:\n\nLe conseil municipal a voté mardi le budget de la ville pour l'année prochaine, après un long débat.\n\n12 Comments\n\nLeave a Reply\n\nVotre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *";
        let found = findings(&InterfaceString, text);
        assert_eq!(
            spans(text, &found),
            vec![
                "Partager:",
                "12 Comments",
                "Leave a Reply",
                "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *"
            ]
        );
        assert!(found[1].message.ends_with("; a `en` interface on a French page"), "{}", found[1].message);
        assert!(!found[0].message.contains("interface on a"));
    }

    #[test]
    fn sentences_that_use_the_same_words_are_prose() {
        let text = "Le président a déclaré qu'il allait partager ses conclusions avec le Parlement.\n\nComments made by the senator drew criticism.";
        assert!(findings(&InterfaceString, text).is_empty());
    }
}
