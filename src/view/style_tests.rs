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
fn separators_inside_numbers_are_not_punctuation() {
    let text = "Le budget atteint 2,300 euros, et la séance commence à 10:30 selon le maire de la ville.";
    let doc = View::build("t", text.to_string(), Lexicons::embedded());
    let profile = doc.style_profile(Lexicons::embedded()).expect("French");
    let per_thousand = 1000.0 / profile.words as f64;
    assert_eq!(value(profile, "comma"), per_thousand, "only the comma after `euros`");
    assert_eq!(value(profile, "colon"), 0.0);
}

#[test]
fn the_profile_from_lexicon_readings_equals_the_profile_from_word_shapes_but_for_what_the_lexicon_adds() {
    // A language with a lexicon reads its words' shapes from the shared readings; one without
    // computes them alone. Both must count alike; only the unknown-word share and the parts of
    // speech need the lexicon.
    let text = "Le Conseil a adopté, jeudi 3 mars, un texte ÉTRANGE sur l'État et les 2,5 millions \
                d'électeurs ; « Pourquoi pas ? » demande-t-il. Les députés de l'Assemblée nationale \
                et du Sénat débattront encore des amendements constitutionnellement délicats.";
    let doc = View::build("t", text.to_string(), Lexicons::embedded());
    let readings = doc.own_words(Lexicons::embedded());
    let from_readings = profile(&doc, readings, true, true).expect("French");
    let shapes = crate::view::french::shape_words(&doc, "fra");
    let from_shapes = profile(&doc, &shapes, false, false).expect("French");
    let names = &FeatureSet::of("fra").unwrap().names;
    let mut compared = 0;
    for (i, name) in names.iter().enumerate() {
        if name == "unknown-words" || name.starts_with("pos-") {
            continue;
        }
        assert_eq!(from_readings.values[i], from_shapes.values[i], "{name}");
        compared += 1;
    }
    assert!(compared > 150);
    assert!(value(&from_readings, "fw-de") > 0.0 && value(&from_readings, "all-caps") > 0.0);
    assert!(value(&from_readings, "pos-noun") > 0.0 && value(&from_shapes, "pos-noun") == 0.0);
}
