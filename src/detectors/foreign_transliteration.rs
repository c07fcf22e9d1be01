//! MT302: a transliterated name written in another language's convention.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::spelling::fold_name;
use crate::text::FastMap;
use crate::view::View;
use crate::view::names::ARABIC_PARTICLES;

pub struct ForeignTransliteration;

static META: RuleMeta = RuleMeta {
    id: "MT302",
    name: "foreign-transliteration",
    family: Family::Names,
    default_severity: Severity::Warning,
    default_weight: 13.8,
    fallback: false,
    summary: "A transliterated name follows another language's convention (`Kursk` in French).",
    explanation: "\
What it flags: a name transliterated from Cyrillic that is written in another language's
convention than the document's: `Kursk` or `Louhansk` spelt `Luhansk` in French (English u
for the French ou), `Sharapova` for `Charapova`, `Koursk` in English.

Why it matters: each language has its own conventions for writing Russian or Ukrainian
names. A French text that writes them the English way was translated through English (a
pivot translation), or copied from an English source by a machine.

Example: `la région du Kursk occidental` in French → flagged; French writes `Koursk`.

How: only transliterated names are judged: places of Cyrillic-script countries in the
embedded gazetteer, words with Slavic name endings (-enko, -ov, -ova, -sky, -ovich ...) and
names with an Arabic particle (al-, bin, ibn, abu, abd ...).
Each language's table (data/transliteration.toml: French, English, German, Spanish) lists the
letter groups of foreign conventions and their native equivalent; the suggestion is the name
rewritten in the native convention, confirmed by the gazetteer when it knows the place.

Severity: a warning when the gazetteer knows the place's native name (`Koursk`), else
informational.

Limits: names spelt several ways in the document are left to MT301; names without a Slavic
ending that are not places of the gazetteer (`Putin`, `Shoigu`) are not judged; some foreign
spellings are established usage (`Zelensky` in French) and are not in the tables.",
};

impl Detector for ForeignTransliteration {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        let table = &res.transliteration;
        let Some(convention) = table.conventions.get(doc.lang.code) else { return };
        if !doc.lang.reliable {
            return;
        }
        let mentions = doc.mentions(res);
        let forms = doc.name_forms(res);
        // Every capitalised word, grouped by folded spelling, in order of first occurrence.
        // With whether the word belongs to a name with an Arabic particle.
        let mut spans: Vec<Vec<Span>> = vec![Vec::new(); forms.folded.len()];
        let mut arabic: Vec<bool> = vec![false; forms.folded.len()];
        let mut part = 0;
        for mention in mentions {
            let arabic_name = mention.particles.iter().any(|p| ARABIC_PARTICLES.contains(&p.as_str()))
                || mention.parts.iter().any(|p| ARABIC_PARTICLES.contains(&doc.slice_lower(*p)));
            for span in &mention.parts {
                let spelling = forms.of_part[part];
                part += 1;
                spans[spelling].push(*span);
                arabic[spelling] |= arabic_name;
            }
        }
        // Names with another spelling in the document are MT301's: the problem there is the
        // inconsistency, and the canonical spelling is unknown.
        let mut by_start: FastMap<&str, usize> = FastMap::default();
        for spelling in 0..forms.folded.len() {
            *by_start.entry(forms.skeleton_start(spelling)).or_insert(0) += 1;
        }
        for (spelling, spans) in spans.iter().enumerate() {
            let (folded, arabic) = (&forms.folded[spelling], arabic[spelling]);
            if by_start.get(forms.skeleton_start(spelling)).copied().unwrap_or(0) > 1 || folded.chars().count() < 3 {
                continue;
            }
            let written = doc.slice(spans[0]);
            let city = res
                .gazetteer
                .city(written)
                .filter(|c| table.source_countries.contains(&res.gazetteer.country(c.country).iso2));
            let slavic = table.name_endings.iter().any(|e| folded.ends_with(e.as_str()) && folded.len() > e.len() + 2);
            if city.is_none() && !slavic && !arabic {
                continue;
            }
            let Some((marks, rewritten)) = table.foreign_marks(doc.lang.code, folded) else { continue };
            let native = capitalise(&rewritten);
            // The gazetteer knows the place's native name: say so when the rewrite matches it.
            let confirmed = city.is_some_and(|c| c.spellings.iter().any(|s| *s == fold_name(&native)));
            let how: Vec<String> =
                marks.iter().map(|m| format!("{} for the {} {}", m.letters, convention.name, m.native)).collect();
            let conventions: Vec<&str> = {
                let mut c: Vec<&str> = marks.iter().map(|m| m.convention.as_str()).collect();
                c.dedup();
                c
            };
            // A native name the gazetteer confirms is strong evidence; a rewrite by rule alone
            // may miss an established usage, and is informational.
            let severity = if confirmed { Severity::Warning } else { Severity::Info };
            let mut finding = Finding::new(
                META.id,
                severity,
                spans[0],
                format!(
                    "`{written}` follows the {} transliteration ({}) in a {} text{}",
                    conventions.join("/"),
                    how.join(", "),
                    convention.name,
                    if confirmed { format!("; {} writes `{native}`", convention.name) } else { String::new() }
                ),
            )
            .with_suggestion(format!("`{native}`"));
            for span in &spans[1..] {
                finding = finding.with_related(*span, "same spelling");
            }
            out.push(finding);
        }
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    const FR: &str = "Le président a déclaré jeudi que les troupes avaient progressé dans la région, selon le ministère de la Défense, et que des milliers de personnes avaient été évacuées. ";

    #[test]
    fn an_english_spelling_of_a_russian_place_in_french() {
        let text = format!(
            "{FR}Des centaines de milliers de personnes ont quitté la région du Kursk. La situation au Kursk reste instable."
        );
        let found = findings(&ForeignTransliteration, &text);
        assert_eq!(spans(&text, &found), vec!["Kursk"]);
        assert_eq!(
            found[0].message,
            "`Kursk` follows the English transliteration (u for the French ou) in a French text; French writes `Koursk`"
        );
        assert_eq!(found[0].suggestion.as_deref(), Some("`Koursk`"));
        assert_eq!(found[0].related.len(), 1);
    }

    #[test]
    fn slavic_surnames_and_other_languages() {
        let text = format!("{FR}La joueuse Maria Sharapova a rencontré le ministre Sergueï Lavrov.");
        let found = findings(&ForeignTransliteration, &text);
        assert_eq!(spans(&text, &found), vec!["Sharapova"]);
        assert_eq!(found[0].severity, Severity::Info);
        let english = "The president said on Thursday that troops had advanced in the region, according to the defence ministry, and that thousands had been evacuated from Koursk and Louhansk.";
        assert_eq!(spans(english, &findings(&ForeignTransliteration, english)), vec!["Koursk", "Louhansk"]);
    }

    #[test]
    fn names_of_arabic_origin() {
        let text = format!("{FR}Le prince d'Abu Dhabi a évoqué Usama bin Laden avec Mohammed ben Salmane à Riyad.");
        let found = findings(&ForeignTransliteration, &text);
        // `Abu Dhabi` is established French usage; `Usama` in a bin- name is judged.
        assert_eq!(spans(&text, &found), vec!["Usama"]);
        assert_eq!(found[0].suggestion.as_deref(), Some("`Ousama`"));
    }

    #[test]
    fn native_spellings_and_ordinary_names_are_fine() {
        let text = format!(
            "{FR}Sergueï Choïgou et Dmitri Peskov se sont rendus à Koursk, Louhansk et Minsk. Elon Musk et Justin Trudeau ont réagi depuis Austin."
        );
        assert!(findings(&ForeignTransliteration, &text).is_empty(), "{:?}", findings(&ForeignTransliteration, &text));
    }
}
