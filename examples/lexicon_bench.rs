//! Prints each embedded lexicon's start-up time and size, and the French lexicon's lookup speed.
//!
//!     cargo run --release --example lexicon_bench [TEXT_FILE]
//!
//! Words are taken from TEXT_FILE (default: the bundled corpus) and looked up repeatedly.

use mtaudit::detectors::invalid_word_form;
use mtaudit::lexicon::words::Lexicon;
use std::time::Instant;

fn main() {
    for lang in Lexicon::embedded_languages() {
        let started = Instant::now();
        let lexicon = Lexicon::embedded(lang).unwrap();
        let startup = started.elapsed();
        println!(
            "{lang} start-up: {:.2} ms ({} forms, {} lemmas)",
            startup.as_secs_f64() * 1e3,
            lexicon.form_count(),
            lexicon.lemma_count()
        );
    }
    let lexicon = Lexicon::embedded("fra").unwrap();

    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")),
        None => walk("corpora"),
    };
    let words: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    println!("words: {} from the text", words.len());

    for (label, cached) in [("fst walk (uncached)", false), ("lookup (frequent words + per-thread cache)", true)] {
        let rounds = (2_000_000 / words.len().max(1)).max(1);
        let started = Instant::now();
        let mut known = 0usize;
        for _ in 0..rounds {
            for word in &words {
                let found = if cached { lexicon.lookup(word).is_some() } else { lexicon.contains(word) };
                known += usize::from(found);
            }
        }
        let seconds = started.elapsed().as_secs_f64();
        let lookups = (rounds * words.len()) as f64;
        println!(
            "{label}: {:.1} million lookups/s ({:.0} ns each, {:.1}% known)",
            lookups / seconds / 1e6,
            seconds / lookups * 1e9,
            known as f64 / lookups * 100.0
        );
    }

    let unknown = ["négocierent", "assisons", "defendre", "prenont", "voulut-il"];
    let started = Instant::now();
    let rounds = 200;
    for _ in 0..rounds {
        for word in unknown {
            std::hint::black_box(invalid_word_form::candidates(lexicon, word));
        }
    }
    let each = started.elapsed().as_secs_f64() / (rounds * unknown.len()) as f64;
    println!("near-form candidates of an unknown word: {:.1} µs each", each * 1e6);
}

fn walk(dir: &str) -> String {
    let mut text = String::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let Ok(entry) = entry else { continue };
        if entry.file_type().is_file() {
            text.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
    }
    text
}
