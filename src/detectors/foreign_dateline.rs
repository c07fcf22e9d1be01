//! MT102: an opening dateline naming a city where the document's language is not written.

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::fold_for_comparison;
use crate::view::View;
use regex::Regex;
use std::sync::LazyLock;

pub struct ForeignDateline;

static META: RuleMeta = RuleMeta {
    id: "MT102",
    name: "foreign-dateline",
    family: Family::Provenance,
    default_severity: Severity::Warning,
    default_weight: 26.1,
    fallback: false,
    summary: "The article opens with a dateline from a place that does not write its language.",
    explanation: "\
What it flags: an opening dateline (`JAKARTA -`, `LAGOS (Reuters) -`, `Paris, 12 mars (AFP) –`)
whose city lies in a country where the document's language is not written.

Why it matters: a site that machine-translates its own news into other languages keeps its
home dateline. A French article about Belarus that opens `JAKARTA -` comes from an Indonesian
newsroom's pipeline, not from a French desk.

Example: `JAKARTA - Le président biélorusse ...` in French → flagged (Indonesia writes
Indonesian). When the country or the city is named again in the body, the dateline may be a
reporter's location and the finding is only informational, unless the dateline is bare (a
city in capitals and a dash, no agency, no date) in a language whose press never writes
datelines that way (French, Spanish, German, …): that is a foreign newsroom's house style,
and it stays a warning.

How: the first lines are matched against a dateline pattern (city in capitals, or city with
a date or an agency in parentheses, then a dash); the city is looked up in the embedded
gazetteer (more than 450 cities with their countries and the languages written there); the
body is searched for the country's names and demonyms in several languages.

Limits: needs a reliable document language. A wire story datelined abroad (`WASHINGTON
(AFP) -` in French), a city that hosts international institutions (Brussels, Geneva, The
Hague) and a city named again in the body give only informational findings, except for bare
datelines as above; in English and the other languages whose press writes bare datelines,
those stay informational. A dateline with a
region after the comma (`ALEXANDRIA, Va.`) is not judged: the city cannot be placed.",
};

/// Languages whose own press opens stories with a bare capitalised city and a dash
/// (`WASHINGTON —` in American papers, `JAKARTA -` in Indonesian ones). In the others (French,
/// Spanish, German, Italian, Portuguese, Dutch …) a dateline names an agency or a date
/// (`Jakarta (AFP) -`, `MADRID, 3 Mar. (EUROPA PRESS) -`), so a bare one in a text in those
/// languages was carried over from a foreign newsroom even when the story is about its country.
const BARE_DATELINE_PRESS: &[&str] = &["eng", "ind", "zlm", "vie", "tgl", "kor", "tha"];

/// How many non-empty lines at the top may hold the dateline (a title may come first).
const LINES_TO_SEARCH: usize = 4;

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<city>\p{Lu}[\p{L}\p{M}.'’]*(?:[ \-][\p{L}\p{M}.'’]+){0,3}?)\s*(?:,\s*(?P<date>[^()\-–—\n]{1,40}?)\s*)?(?:\((?P<agency>[^()\n]{1,40})\)\s*)?(?P<sep>[-–—]{1,2}|:)\s+\S",
    )
    .expect("dateline pattern compiles")
});

impl Detector for ForeignDateline {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !doc.lang.reliable {
            return;
        }
        let lines = doc.lines.iter().filter(|l| !l.content.is_empty() && l.ui_pattern.is_none()).take(LINES_TO_SEARCH);
        for line in lines {
            let text = doc.slice(line.content);
            // Every dateline holds its separator: lines without one skip the regex.
            if !text.contains(['-', ':', '–', '—']) {
                continue;
            }
            let Some(caps) = DATELINE.captures(text) else {
                continue;
            };
            let Some(city_match) = caps.name("city") else {
                continue;
            };
            let city_text = city_match.as_str();
            let all_caps = city_text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            let agency = caps.name("agency").map(|m| m.as_str().trim());
            // After a comma comes a date (`Lagos, 3 mars`); without a digit it is a region
            // (`ALEXANDRIA, Va.`), and the city cannot be placed.
            if caps.name("date").is_some_and(|d| !d.as_str().bytes().any(|b| b.is_ascii_digit())) {
                continue;
            }
            let has_context = caps.name("date").is_some() || agency.is_some();
            let colon = caps.name("sep").is_some_and(|s| s.as_str() == ":");
            // A bare `City -` needs capitals; a colon needs a date or an agency.
            if !has_context && (!all_caps || colon) {
                continue;
            }
            let Some(city) = res.gazetteer.city(city_text) else {
                continue;
            };
            let country = res.gazetteer.country(city.country);
            if country.languages.iter().any(|l| l == doc.lang.code) {
                return;
            }
            let span = Span::new(line.content.start + city_match.start(), line.content.start + city_match.end());
            let dateline_end = line.content.start + caps.get(0).map_or(0, |m| m.end());
            let body = format!(" {} ", own_language_body(doc, res, dateline_end));
            let named = country.names.iter().chain(&city.spellings).any(|n| body.contains(&format!(" {n} ")))
                || country.demonyms.iter().any(|d| body.contains(&format!(" {d}")));
            let languages = country.languages.join(", ");
            let wire = agency
                .is_some_and(|a| a.split(['/', ',']).any(|part| res.media.is_agency(&part.trim().to_lowercase())));
            let bare = !has_context && all_caps && !colon;
            let (severity, tail) = if named {
                (
                    Severity::Info,
                    format!("{} is named in the text, so the dateline may be a reporter's location", country.name),
                )
            } else if wire {
                (Severity::Info, "a wire agency's dateline, which may be its reporter's location".to_string())
            } else if city.hub {
                (
                    Severity::Info,
                    format!("{} hosts international institutions, reported on in every language", city.name),
                )
            } else {
                (Severity::Warning, format!("{} is not mentioned anywhere else in the text", country.name))
            };
            let (severity, tail) = if severity == Severity::Info
                && bare
                && !BARE_DATELINE_PRESS.contains(&doc.lang.code)
            {
                let style = format!(
                    "but a bare `CITY -` dateline is a foreign newsroom's style: {} press gives the city with an agency or a date",
                    doc.lang.name
                );
                (Severity::Warning, format!("{tail}, {style}"))
            } else {
                (severity, tail)
            };
            out.push(Finding::new(
                META.id,
                severity,
                span,
                format!(
                    "dateline `{city_text}` ({}, {}) opens a {} text; the languages written there are {languages}; {tail}",
                    city.name, country.name, doc.lang.name
                ),
            ));
            return;
        }
    }
}

/// The folded text of the paragraphs after `from` that are in the document's language, outside
/// the comment section: a country named only in an appended notice or a foreign-language
/// paragraph says nothing about where the article was written.
fn own_language_body(doc: &View, res: &Resources, from: usize) -> String {
    let words = &res.function_words;
    let own = doc.lang.lang.and_then(|l| words.index_of(l));
    let mut body = String::new();
    for para in doc.paragraphs.iter().filter(|p| p.span.end > from && !doc.in_comments(p.span)) {
        let in_own_language = match own {
            Some(index) => {
                let profile = doc.profile_words(para.words.clone());
                profile.top().is_none_or(|(top, _)| top == index)
            }
            None => true,
        };
        if in_own_language {
            body.push_str(&fold_for_comparison(&doc.text[para.span.start.max(from)..para.span.end]));
            body.push(' ');
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    const BODY: &str = " Le président biélorusse a déclaré jeudi que la guerre ne devait pas se propager à son pays, selon un entretien publié sur son site officiel. Il a ajouté que les négociations devaient reprendre rapidement.";

    #[test]
    fn indonesian_dateline_on_a_french_article() {
        let text = format!("Partager:\n\nJAKARTA -{BODY}");
        let found = findings(&ForeignDateline, &text);
        assert_eq!(spans(&text, &found), vec!["JAKARTA"]);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(found[0].message.contains("(Jakarta, Indonesia) opens a French text"), "{}", found[0].message);
    }

    #[test]
    fn a_country_named_only_in_a_foreign_notice_does_not_count() {
        let text = format!(
            "JAKARTA -{BODY}\n\nThe French version is generated by AI, please see Indonesian as our main language."
        );
        let found = findings(&ForeignDateline, &text);
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn other_cities_and_dateline_shapes() {
        for opening in ["SEOUL (Yonhap) –", "Lagos, 3 mars -", "NEW DELHI —", "ANKARA -"] {
            let text = format!("{opening}{BODY}");
            assert_eq!(findings(&ForeignDateline, &text).len(), 1, "{opening}");
        }
    }

    #[test]
    fn a_city_that_writes_the_language_is_fine() {
        for opening in ["BRUXELLES -", "Dakar, 2 mai (AFP) -", "MONTRÉAL -", "GENÈVE -"] {
            let text = format!("{opening}{BODY}");
            assert!(findings(&ForeignDateline, &text).is_empty(), "{opening}");
        }
    }

    #[test]
    fn a_dateline_whose_country_is_the_subject_is_informational() {
        let text = "WASHINGTON (AFP) - Le président américain a signé mercredi un décret sur les droits de douane, a annoncé la Maison Blanche. Les États-Unis veulent ainsi protéger leur industrie.";
        let found = findings(&ForeignDateline, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
    }

    #[test]
    fn wire_agencies_hubs_and_regions() {
        let severity =
            |opening: &str| findings(&ForeignDateline, &format!("{opening}{BODY}")).first().map(|f| f.severity);
        assert_eq!(severity("LAGOS (Reuters) -"), Some(Severity::Info));
        assert_eq!(severity("BRUXELLES -"), None);
        assert_eq!(severity("THE HAGUE (AFP) -"), Some(Severity::Info));
        assert_eq!(severity("ALEXANDRIA, Va. (Reuters) -"), None);
        assert_eq!(severity("Berlin, Paris et Rome :"), None);
        assert_eq!(severity("NAIROBI, 3 mars (AFP) -"), Some(Severity::Info));
        assert_eq!(severity("KANO -"), Some(Severity::Warning));
    }

    #[test]
    fn a_bare_dateline_is_a_foreign_house_style_where_the_press_writes_none() {
        // French press writes `Jakarta (AFP) -`: a bare one stays a warning, even about Indonesia.
        let french = "JAKARTA - Le ministre indonésien des Finances a présenté jeudi le budget de l'Indonésie pour l'an prochain, selon un communiqué publié dans la soirée.";
        let found = findings(&ForeignDateline, french);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            found[0].message.contains("a bare `CITY -` dateline is a foreign newsroom's style"),
            "{}",
            found[0].message
        );
        // With an agency, or in English, whose press writes bare datelines, it is informational.
        let wire = french.replacen("JAKARTA -", "JAKARTA (AFP) -", 1);
        assert_eq!(findings(&ForeignDateline, &wire)[0].severity, Severity::Info);
        let english = "JAKARTA - The Indonesian finance minister presented the budget for next year on Thursday, according to a statement released in the evening by the ministry in Indonesia.";
        assert_eq!(findings(&ForeignDateline, english)[0].severity, Severity::Info);
    }

    #[test]
    fn a_title_case_word_and_dash_is_not_a_dateline() {
        let text = "Moscou - Kiev : la guerre continue\n\nLe Kremlin a rejeté vendredi une proposition de trêve faite par un allié.";
        assert!(findings(&ForeignDateline, text).is_empty());
    }
}
