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
fn word_shape_eight_bytes_at_a_time_agrees_with_the_bytes_one_by_one() {
    for word in [
        "",
        "a",
        "Z",
        "9",
        "de",
        "Paris",
        "COVID-19",
        "l'État",
        "x2",
        "abcdefgh",
        "ABCDEFGHI",
        "0123456789",
        "mot@exemple:10",
    ] {
        let bytes = word.as_bytes();
        match WordShape::of_ascii(bytes) {
            None => assert!(!word.is_ascii(), "{word}"),
            Some(shape) => {
                assert_eq!(shape.chars, bytes.len(), "{word}");
                assert_eq!(shape.digit, bytes.iter().any(u8::is_ascii_digit), "{word}");
                assert_eq!(shape.lowercase, bytes.iter().any(u8::is_ascii_lowercase), "{word}");
                assert_eq!(shape.first_upper, bytes.first().is_some_and(u8::is_ascii_uppercase), "{word}");
            }
        }
    }
    // Every ASCII byte alone, and between two letters.
    for b in 0u8..0x80 {
        for bytes in [vec![b], vec![b'a', b, b'Q'], vec![b; 11]] {
            let shape = WordShape::of_ascii(&bytes).expect("ASCII");
            assert_eq!(shape.digit, bytes.iter().any(u8::is_ascii_digit), "{bytes:?}");
            assert_eq!(shape.lowercase, bytes.iter().any(u8::is_ascii_lowercase), "{bytes:?}");
        }
    }
}

/// The shape of a word read character by character: what every fast path must agree with.
fn shape_char_by_char(word: &str) -> (usize, bool, bool, bool) {
    let chars = word.chars().count();
    let digit = word.chars().any(|c| c.is_ascii_digit());
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let lowercase = word.chars().any(char::is_lowercase);
    (chars, digit, first_upper, lowercase)
}

#[test]
fn every_word_shape_path_agrees_with_the_characters_one_by_one() {
    let words = [
        "a",
        "Z",
        "9",
        "de",
        "Paris",
        "PARIS",
        "x2",
        "abcdefgh",
        "ABCDEFGH",
        "Ab3",
        "été",
        "ÉTÉ",
        "État",
        "Müller",
        "àÀ",
        "l'État",
        "ÇA",
        "ça",
        "Ünal",
        "2°C",
        "ñandú",
        "ΑΘΗΝΑ",
        "Αθήνα",
    ];
    for word in words {
        let bytes = word.as_bytes();
        let shape = match WordShape::of_short_ascii(bytes) {
            Some((shape, lower_key)) => {
                assert_eq!(Some(lower_key), short_key(&word.to_ascii_lowercase()), "{word}");
                shape
            }
            None => WordShape::of_ascii(bytes).unwrap_or_else(|| WordShape::of_utf8(bytes, word)),
        };
        assert_eq!((shape.chars, shape.digit, shape.first_upper, shape.lowercase), shape_char_by_char(word), "{word}");
    }
    // Every ASCII byte alone and between two letters, by the one-load path.
    for b in 0u8..0x80 {
        for bytes in [vec![b], vec![b'a', b, b'Q'], vec![b'Q'; 8]] {
            let (shape, lower_key) = WordShape::of_short_ascii(&bytes).expect("short ASCII");
            assert_eq!(shape.first_upper, bytes[0].is_ascii_uppercase(), "{bytes:?}");
            assert_eq!(Some(lower_key), short_key_of_bytes(&bytes.to_ascii_lowercase()), "{bytes:?}");
        }
    }
}

#[test]
fn long_words_get_distinct_keys_with_the_top_bit_set() {
    let words = ["gouvernement", "gouvernements", "gouvernementale", "internationales", "constitutionnellement"];
    let keys: Vec<u64> = words.iter().map(|w| word_key(w.as_bytes())).collect();
    for (i, key) in keys.iter().enumerate() {
        assert!(key >> 63 == 1, "{}", words[i]);
        assert!(!keys[..i].contains(key), "{}", words[i]);
    }
    assert_eq!(word_key(b"gouvernement"), word_key(b"gouvernement"));
}
