//! MT103: a line of an AI assistant's reply, or of the instruction it was given, left in the text.

use crate::finding::{Finding, Severity};
use crate::lexicon::ai_residue::normalise;
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::clip;
use crate::view::View;
use std::borrow::Cow;

pub struct AssistantResidue;

static META: RuleMeta = RuleMeta {
    id: "MT103",
    name: "assistant-residue",
    family: Family::Provenance,
    default_severity: Severity::Error,
    default_weight: 40.0,
    fallback: false,
    summary: "An AI assistant's reply or instruction left in the text (`Voici l'article traduit :`, `As an AI language model`).",
    explanation: "\
What it flags: a line that opens the way an AI assistant answers a request for a translation
or a rewrite (`Voici l'article traduit :`, `Bien sûr ! Voici …`, `Here is the translated
article`), the way it speaks of itself (`As an AI language model`, `En tant que modèle de
langage`), or the way the request was worded (`Traduis le texte suivant`, `Rewrite this
article`), in English, French, Spanish, German, Italian, Portuguese, Dutch and Indonesian.

Why it matters: sites that publish machine-translated or generated text paste the
assistant's whole answer; its first line, or the prompt, survives into the page. It says
how the text was made as plainly as a disclaimer does.

Example: `Bien sûr ! Voici l'article réécrit en français :` opening a page → flagged.

How: each line outside the comment section, lowercased with its leading quotes and marks
dropped, is matched at its start against the phrase table (`data/ai_residue.toml`, which a
user file can extend: `lexicons.ai-residue`).

Limits: only the line's opening counts, so an article quoting such a phrase inside a
sentence is left alone; a paragraph about chatbots that opens with `As a language model` is
flagged. Phrases that people also write (`I hope this helps`) are not in the table.",
};

impl Detector for AssistantResidue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        for line in &doc.lines {
            if line.content.is_empty() || doc.in_comments(line.content) {
                continue;
            }
            let lower = doc.slice_lower(line.content);
            // Quotes, bullets and emphasis marks that may precede the reply.
            let opening = lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '¡' && c != '¿');
            let start = line.content.start + (lower.len() - opening.len());
            let first_bytes = &opening[..crate::text::floor_char_boundary(opening, 80)];
            // Most lines hold no typographic apostrophe: they are matched as they are, unallocated.
            let probe = if first_bytes.contains('’') {
                Cow::Owned(normalise(first_bytes))
            } else {
                Cow::Borrowed(first_bytes)
            };
            let Some((phrase, lang)) = res.ai_residue.opening_of(&probe) else {
                continue;
            };
            let text = doc.slice(line.content);
            out.push(Finding::new(
                META.id,
                Severity::Error,
                crate::finding::Span::new(start, line.content.end),
                format!("a line opens as an AI assistant's reply or prompt (`{phrase}`, {lang}): “{}”", clip(text, 60)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    #[test]
    fn an_assistant_reply_opening_the_page_is_flagged() {
        let text = "Bien sûr ! Voici l’article réécrit en français :\n\nLe conseil municipal a voté mardi un plan de rénovation des écoles.";
        let found = findings(&AssistantResidue, text);
        assert_eq!(spans(text, &found), vec!["Bien sûr ! Voici l’article réécrit en français :"]);
        assert_eq!(
            found[0].message,
            "a line opens as an AI assistant's reply or prompt (`bien sûr ! voici`, fr): “Bien sûr ! Voici l’article réécrit en français :”"
        );
    }

    #[test]
    fn prompts_and_self_descriptions_in_other_languages() {
        let text = "**Translate the following text into French and write at least 500 words.**\n\nThe council voted on Tuesday.\n\n« En tant que modèle de langage, je ne peux pas vérifier ces faits. »";
        assert_eq!(findings(&AssistantResidue, text).len(), 2);
    }

    #[test]
    fn a_phrase_inside_a_sentence_is_not_residue() {
        let text = "Le site affichait encore la mention « voici la traduction » au milieu de l’article.\n\nHere is the translated version of the law, said the minister, in a speech.";
        let found = findings(&AssistantResidue, text);
        assert_eq!(
            spans(text, &found),
            vec!["Here is the translated version of the law, said the minister, in a speech."]
        );
    }
}
