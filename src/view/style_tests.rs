//! The style profile as a specification: small texts, the exact statistics.

use super::*;
use crate::lexicon::set::Lexicons;
use crate::view::View;

fn view(text: &str) -> View {
    View::build("t", text.to_string(), Lexicons::embedded())
}

fn value(profile: &StyleProfile, name: &str) -> f64 {
    let set = FeatureSet::of(profile.lang).unwrap();
    profile.values[set.names.iter().position(|n| n == name).unwrap_or_else(|| panic!("no feature {name}"))]
}

const FRENCH: &str = "Le gouvernement a annoncé hier une réforme de la fiscalité des entreprises. \
    Selon le ministre, elle doit entrer en vigueur dès le mois prochain, après un vote du Parlement. \
    Les syndicats, eux, dénoncent « un cadeau » fait aux plus grandes sociétés du pays.";

#[test]
fn a_french_text_gets_its_sentence_lengths_punctuation_and_function_word_rates() {
    let doc = view(FRENCH);
    let profile = doc.style_profile(Lexicons::embedded()).expect("French has a profile");
    assert_eq!(profile.lang, "fra");
    // Sentences of 12, 17 and 13 words.
    assert_eq!(profile.words, 42);
    assert_eq!(doc.sentences.len(), 3);
    assert_eq!(value(profile, "sentence-words-mean"), 14.0);
    // Four commas and two guillemets in 42 words, per 1,000 words.
    assert_eq!(value(profile, "comma"), 4000.0 / 42.0);
    assert_eq!(value(profile, "quote"), 2000.0 / 42.0);
    // `le` three times (`Le gouvernement`, `le ministre`, `le mois`), `de` once.
    assert_eq!(value(profile, "fw-le"), 3000.0 / 42.0);
    assert_eq!(value(profile, "fw-de"), 1000.0 / 42.0);
    assert_eq!(value(profile, "unknown-words"), 0.0, "every lowercase word is French");
    assert!(value(profile, "pos-noun") > 0.0, "the French lexicon has tags");
    // `Parlement`; the capitals that open sentences do not count.
    assert_eq!(value(profile, "capitalised-inside"), 1.0 / 42.0);
}

#[test]
fn every_quotation_mark_style_counts_alike() {
    let guillemets = view(FRENCH);
    let straight = view(&FRENCH.replace(['«', '»'], "\""));
    let a = guillemets.style_profile(Lexicons::embedded()).unwrap();
    let b = straight.style_profile(Lexicons::embedded()).unwrap();
    assert_eq!(value(a, "quote"), value(b, "quote"));
}

#[test]
fn mtld_is_the_mean_run_length_at_which_variety_falls_to_the_threshold() {
    assert_eq!(mtld(&[]), 0.0);
    // Every word new: no factor ends, the measure is the length.
    assert_eq!(mtld(&["a", "b", "c", "d"]), 4.0);
    // One word repeated: the ratio falls below 0.72 at the second word, every time.
    let same = ["x"; 10];
    assert!((mtld(&same) - 2.0).abs() < 1e-9, "{}", mtld(&same));
}

#[test]
fn languages_without_function_words_and_empty_texts_have_no_profile() {
    assert!(view("").style_profile(Lexicons::embedded()).is_none());
    let russian = view("Правительство объявило вчера о реформе налогообложения предприятий в стране.");
    assert!(russian.style_profile(Lexicons::embedded()).is_none());
}

#[test]
fn features_read_as_words() {
    assert_eq!(FeatureSet::describe("fw-de"), "`de`");
    assert_eq!(FeatureSet::describe("sentence-words-spread"), "spread of sentence lengths");
    assert_eq!(FeatureSet::describe("pos-noun-adj"), "noun followed by adjective");
    assert_eq!(FeatureSet::describe("pos-verb"), "verbs");
}

#[test]
fn a_model_naming_a_feature_the_language_lacks_is_refused() {
    let json = format!(
        r#"{{"format":"{}","language":"fra","min_words":1,"bias":0.0,
        "features":[{{"name":"fw-the","mean":0.0,"scale":1.0,"weight":1.0}}],
        "training":{{"labels":[],"documents":0,"machine_translations":0,"human_texts":0,
        "l2":1.0,"folds":2,"out_of_fold_roc_auc":null,"in_sample_roc_auc":null}}}}"#,
        style_model::FORMAT
    );
    let err = BoundModel::bind(StyleModel::parse(&json).unwrap(), "m.json").unwrap_err();
    assert_eq!(err.message, "unknown feature `fw-the` for `fra`");
}

#[test]
fn the_embedded_models_are_valid_and_cover_french_english_and_german() {
    let models = StyleModels::embedded();
    for code in ["fra", "eng", "deu"] {
        let model = models.for_lang(code).unwrap_or_else(|| panic!("no model for {code}"));
        assert!(model.model.training.out_of_fold_roc_auc.is_some_and(|a| a > 0.8), "{code}");
    }
    assert!(models.for_lang("spa").is_none());
}

#[test]
fn a_user_model_replaces_the_embedded_one_and_a_command_line_model_the_configured_one() {
    let dir = std::env::temp_dir().join(format!("mtaudit-style-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("fra.json");
    let mut model = StyleModels::embedded().for_lang("fra").unwrap().model.clone();
    model.min_words = 7;
    std::fs::write(&path, serde_json::to_string(&model).unwrap()).unwrap();
    let models = StyleModels::load(std::slice::from_ref(&path), &[], true).unwrap();
    assert_eq!(models.for_lang("fra").unwrap().model.min_words, 7);
    assert!(models.for_lang("eng").is_some(), "the other embedded models stay");
    let err = StyleModels::load(&[path.clone(), path.clone()], &[], true).unwrap_err();
    assert!(err.message.starts_with("a second model for `fra`"), "{}", err.message);
    // A model on the command line replaces the configured one of its language.
    let given = dir.join("given.json");
    model.min_words = 9;
    std::fs::write(&given, serde_json::to_string(&model).unwrap()).unwrap();
    let models = StyleModels::load(std::slice::from_ref(&path), std::slice::from_ref(&given), true).unwrap();
    assert_eq!(models.for_lang("fra").unwrap().model.min_words, 9);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn separators_inside_numbers_are_not_punctuation() {
    let text = "Le budget atteint 2,300 euros, et la séance commence à 10:30 selon le maire de la ville.";
    let doc = View::build("t", text.to_string(), Lexicons::embedded());
    let profile = doc.style_profile(Lexicons::embedded()).expect("French");
    let per_thousand = 1000.0 / profile.words as f64;
    assert_eq!(value(profile, "comma"), per_thousand, "only the comma after `euros`");
    assert_eq!(value(profile, "colon"), 0.0);
}
