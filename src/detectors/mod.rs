//! The detectors, one per file. Each file holds the rule's metadata, its logic and its tests.

pub mod air_attribute;
pub mod assistant_residue;
pub mod bare_infinitive;
pub mod calque;
pub mod chain_subject;
pub mod collapsed_coordination;
pub mod comment_section;
pub mod copied_document;
pub mod debris_line;
pub mod degenerate_repetition;
pub mod determiner_agreement;
pub mod duplicate_document;
pub mod elision_contraction;
pub mod foreign_conventions;
pub mod foreign_dateline;
pub mod foreign_transliteration;
pub mod french;
pub mod function_word_order;
pub mod glued_words;
pub mod hashtag_run;
pub mod imperial_units;
pub mod infinitive_expected;
pub mod interface_string;
pub mod invalid_word_form;
pub mod lost_diacritics;
pub mod media_metadata;
pub mod mt_disclaimer;
pub mod name_consensus;
pub mod name_variants;
pub mod noun_phrase;
pub mod object_agreement;
pub mod photo_credit;
pub mod repeated_line;
pub mod site_evidence;
pub mod spacing_residue;
pub mod stray_full_stop;
pub mod stray_title;
pub mod style_profile;
pub mod subject_shapes;
pub mod subject_verb;
pub mod subjunctive_mood;
pub mod translated_code;
pub mod untranslated_fragment;
pub mod untranslated_word;
pub mod verb_chain;

#[cfg(test)]
pub mod test_support {
    use crate::finding::{Finding, sort_findings};
    use crate::resources::Resources;
    use crate::rule::Detector;
    use crate::view::View;

    pub fn doc(text: &str) -> View {
        View::build("test", text.to_string(), Resources::embedded())
    }

    /// Runs one detector on a text and returns its findings in canonical order.
    pub fn findings(detector: &dyn Detector, text: &str) -> Vec<Finding> {
        let d = doc(text);
        let mut out = Vec::new();
        detector.check(&d, Resources::embedded(), &mut out);
        sort_findings(&mut out);
        for f in &out {
            assert!(
                f.span.end <= text.len() && text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end)
            );
            assert_eq!(f.rule, detector.meta().id);
        }
        out
    }

    /// A French frame around `sentence`, long enough for the language to be identified.
    pub fn in_french_frame(sentence: &str) -> String {
        format!(
            "Le gouvernement a publié un communiqué dans la soirée. {sentence} Les discussions reprendront la semaine prochaine à Paris."
        )
    }

    /// The evidence and suggestion of each finding of `detector` on `sentence` in a French frame.
    pub fn flagged_in_french(detector: &dyn Detector, sentence: &str) -> Vec<(String, String)> {
        let text = in_french_frame(sentence);
        findings(detector, &text)
            .iter()
            .map(|f| (f.span.text(&text).to_string(), f.suggestion.clone().unwrap_or_default()))
            .collect()
    }

    /// The text each finding points at.
    pub fn spans<'a>(text: &'a str, findings: &[Finding]) -> Vec<&'a str> {
        findings.iter().map(|f| f.span.text(text)).collect()
    }
}
