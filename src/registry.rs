//! The one list of detectors.

use crate::detectors::*;
use crate::rule::{Detector, RuleMeta};
use std::sync::LazyLock;

/// Every detector, in id order.
pub fn all() -> &'static [&'static dyn Detector] {
    static ALL: &[&dyn Detector] = &[
        &mt_disclaimer::MtDisclaimer,
        &foreign_dateline::ForeignDateline,
        &assistant_residue::AssistantResidue,
        &translated_code::TranslatedCode,
        &site_evidence::SiteEvidenceRule,
        &untranslated_fragment::UntranslatedFragment,
        &imperial_units::ImperialUnits,
        &spacing_residue::SpacingResidue,
        &untranslated_word::UntranslatedWord,
        &foreign_conventions::ForeignConventions,
        &stray_full_stop::StrayFullStop,
        &name_variants::NameVariants,
        &foreign_transliteration::ForeignTransliteration,
        &name_consensus::NameConsensus,
        &repeated_line::RepeatedLine,
        &interface_string::InterfaceString,
        &hashtag_run::HashtagRun,
        &media_metadata::MediaMetadata,
        &photo_credit::PhotoCredit,
        &comment_section::CommentSection,
        &stray_title::StrayTitle,
        &debris_line::DebrisLine,
        &glued_words::GluedWords,
        &duplicate_document::DuplicateDocument,
        &copied_document::CopiedDocument,
        &invalid_word_form::InvalidWordForm,
        &elision_contraction::ElisionContraction,
        &subjunctive_mood::SubjunctiveMood,
        &determiner_agreement::DeterminerAgreement,
        &lost_diacritics::LostDiacritics,
        &degenerate_repetition::DegenerateRepetition,
        &calque::CalqueRule,
        &subject_verb::SubjectVerb,
        &verb_chain::VerbChain,
        &collapsed_coordination::CollapsedCoordination,
        &infinitive_expected::InfinitiveExpected,
        &function_word_order::FunctionWordOrder,
        &bare_infinitive::BareInfinitive,
        &style_profile::StyleProfileRule,
    ];
    ALL
}

/// Every rule's metadata, in id order.
static METAS: LazyLock<Vec<&'static RuleMeta>> = LazyLock::new(|| all().iter().map(|d| d.meta()).collect());

/// The metadata of the rule with this id (case-insensitive) or name.
pub fn find(id: &str) -> Option<&'static RuleMeta> {
    // Findings carry the exact id, and scoring and output ask for it several times per
    // finding: a binary search first, the lenient scan only for what a user typed.
    if let Ok(i) = METAS.binary_search_by(|m| m.id.cmp(id)) {
        return Some(METAS[i]);
    }
    METAS.iter().copied().find(|m| m.id.eq_ignore_ascii_case(id) || m.name == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Family;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_sorted_and_name_their_family() {
        let metas: Vec<&RuleMeta> = all().iter().map(|d| d.meta()).collect();
        let ids: HashSet<&str> = metas.iter().map(|m| m.id).collect();
        assert_eq!(ids.len(), metas.len());
        assert!(metas.windows(2).all(|w| w[0].id < w[1].id), "registry is in id order");
        for m in &metas {
            assert!(
                m.id.len() == 5 && m.id.starts_with("MT") && m.id[2..].chars().all(|c| c.is_ascii_digit()),
                "{}",
                m.id
            );
            let digit = match m.family {
                Family::Provenance => '1',
                Family::Language => '2',
                Family::Names => '3',
                Family::Boilerplate => '4',
                Family::Repetition => '5',
                Family::Grammar => '6',
                Family::Style => '8',
            };
            assert_eq!(m.id.chars().nth(2), Some(digit), "{} is in the wrong family range", m.id);
        }
    }

    #[test]
    fn names_are_kebab_case_and_explanations_complete() {
        let names: HashSet<&str> = all().iter().map(|d| d.meta().name).collect();
        assert_eq!(names.len(), all().len());
        for d in all() {
            let m = d.meta();
            assert!(
                m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !m.name.starts_with('-'),
                "{}",
                m.name
            );
            for section in ["What it flags:", "Why it matters:", "Example:", "Limits:"] {
                assert!(m.explanation.contains(section), "{} lacks {section}", m.id);
            }
            assert!(m.summary.ends_with('.'), "{}", m.id);
            // 0: reported, not scored (a fitted weight can be 0).
            assert!(m.default_weight >= 0.0);
        }
    }
}
