//! `mtaudit lexicon`: what a language's lexicon says about words: their lemmas and tags, or
//! the near forms of a non-word.

use anyhow::Result;
use mtaudit::analysis::Settings;
use mtaudit::config::Config;
use std::io::Write;

/// `mtaudit lexicon`: what the lexicon of `lang` says about each word.
pub(super) fn run(config: Config, lang: &str, words: &[String], json: bool) -> Result<u8> {
    use mtaudit::detectors::invalid_word_form;
    use mtaudit::lexicon::words::Lexicon;
    use mtaudit::view::french;
    let settings = Settings::new(config)?;
    let available = || Lexicon::embedded_languages().collect::<Vec<_>>().join(", ");
    let Some(code) = mtaudit::lang::parse_code(lang).map(|l| l.code()) else {
        anyhow::bail!("`{lang}` is not a language code; the embedded lexicons are: {}", available());
    };
    let Some(lexicon) = settings.resources().words(code) else {
        anyhow::bail!("no lexicon for `{code}`; the embedded lexicons are: {}", available());
    };
    let mut out = std::io::stdout().lock();
    for word in words {
        let analyses: Vec<serde_json::Value> = lexicon
            .analyses(word)
            .map(|a| serde_json::json!({"lemma": lexicon.lemma(a.lemma), "tags": a.tags.describe()}))
            .collect();
        let known = lexicon.contains(word);
        let restored = if known { None } else { french::restored_accents(lexicon, word) };
        let near: Vec<serde_json::Value> = if known {
            Vec::new()
        } else {
            invalid_word_form::candidates(lexicon, &word.to_lowercase())
                .into_iter()
                .map(|c| serde_json::json!({"form": c.form, "lemma": c.lemma, "tags": c.description}))
                .collect()
        };
        if json {
            let record = serde_json::json!({
                "word": word, "known": known, "analyses": analyses,
                "accents_restored": restored, "near_forms": near,
            });
            writeln!(out, "{record}")?;
            continue;
        }
        if known {
            let readings: Vec<String> = analyses
                .iter()
                .map(|a| {
                    let (lemma, tags) = (a["lemma"].as_str().unwrap_or(""), a["tags"].as_str().unwrap_or(""));
                    // Dictionaries without morphology give lemmas without tags.
                    if tags.is_empty() { lemma.to_string() } else { format!("{lemma} ({tags})") }
                })
                .collect();
            writeln!(out, "{word}: {}", readings.join("; "))?;
        } else if let Some(restored) = restored {
            writeln!(out, "{word}: unknown; with its accents: {restored}")?;
        } else if near.is_empty() {
            writeln!(out, "{word}: unknown")?;
        } else {
            let forms: Vec<String> = near
                .iter()
                .map(|c| {
                    let (form, lemma, tags) = (
                        c["form"].as_str().unwrap_or(""),
                        c["lemma"].as_str().unwrap_or(""),
                        c["tags"].as_str().unwrap_or(""),
                    );
                    if tags.is_empty() { format!("{form} ({lemma})") } else { format!("{form} ({lemma}, {tags})") }
                })
                .collect();
            writeln!(out, "{word}: unknown; near forms: {}", forms.join("; "))?;
        }
    }
    Ok(0)
}
