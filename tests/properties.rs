//! Properties that hold for any text: the analysis never panics, every finding points inside
//! the document on character boundaries, scores stay within 0–100, and the passage differ
//! never panics either.

use mtaudit::analysis::{Settings, analyze, run_detectors};
use mtaudit::config::Config;
use mtaudit::document::Document;
use mtaudit::input::Origin;
use mtaudit::passages::{diff, sketch};
use mtaudit::view::View;
use proptest::prelude::*;
use std::sync::OnceLock;

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| Settings::new(Config::default()).expect("embedded settings"))
}

/// Text built from what trips analysers: French words and names, capitals, apostrophes,
/// hyphens, quotation marks, figures and units, line and paragraph breaks, right-to-left and
/// combining characters, Cyrillic, emoji, long runs.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Loukachenko".to_string()),
        Just("Lukashenko".to_string()),
        Just("a déclaré".to_string()),
        Just("l'".to_string()),
        Just("qu’".to_string()),
        Just("-t-il".to_string()),
        Just("« ".to_string()),
        Just(" »".to_string()),
        Just("\"".to_string()),
        Just("22 miles".to_string()),
        Just("JAKARTA - ".to_string()),
        Just("Cet article a été traduit automatiquement.".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(". ".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{200f}שלום\u{200e}".to_string()),
        Just("Москва".to_string()),
        Just("😀".to_string()),
        Just("#Paris #Kiev".to_string()),
        Just("Partager sur Facebook".to_string()),
        "[a-zA-Zéèàçùêô'’ -]{0,30}",
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn findings_lie_inside_the_text_on_character_boundaries(text in text()) {
        let doc = View::build("p", text.clone(), settings().resources());
        for finding in run_detectors(&doc, settings()) {
            for span in std::iter::once(finding.span).chain(finding.related.iter().map(|r| r.span)) {
                prop_assert!(span.start <= span.end && span.end <= text.len(), "{} {:?}", finding.rule, span);
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{} {:?}", finding.rule, span);
            }
        }
    }

    #[test]
    fn scores_stay_between_0_and_100(text in text()) {
        let (report, _) = analyze("p".into(), Origin::file("p"), text, settings());
        for value in [report.score.overall, report.score.translation, report.score.boilerplate] {
            prop_assert!((0.0..=100.0).contains(&value), "{value}");
        }
        prop_assert!(report.score.families.values().all(|v| (0.0..=100.0).contains(v)));
    }

    #[test]
    fn the_passage_differ_never_panics(a in text(), b in text()) {
        let doc = Document::segmented("a", a.clone());
        let params = sketch::SketchParams::default();
        let sketched = sketch::sketch_document(&doc, &params, |_| true, Some(&|_| true));
        prop_assert_eq!(sketched.new_bands.len(), sketched.new_forms.len() * params.bands);
        for passage in &sketched.passages {
            prop_assert!(a.is_char_boundary(passage.start as usize) && a.is_char_boundary(passage.end as usize));
        }
        let (pieces, _) = diff::compare(&a, &b);
        let rebuilt: String = pieces.iter().filter_map(|p| match p {
            diff::Piece::Equal { text } | diff::Piece::Insert { text } => Some(text.as_str()),
            diff::Piece::Delete { .. } => None,
        }).collect();
        prop_assert_eq!(rebuilt.trim(), b.trim_start().trim_end());
    }
}
