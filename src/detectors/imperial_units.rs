//! MT202: imperial units kept in a text whose language measures in metric units.

use crate::finding::{Finding, Severity, Span};
use crate::lexicon::units::Units;
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::{ceil_char_boundary, floor_char_boundary};
use crate::view::View;

pub struct ImperialUnits;

static META: RuleMeta = RuleMeta {
    id: "MT202",
    name: "imperial-units",
    family: Family::Language,
    default_severity: Severity::Warning,
    default_weight: 15.0,
    fallback: false,
    summary: "Miles, feet, pounds or °F kept in a text whose language uses metric units.",
    explanation: "\
What it flags: a number followed by an imperial or US customary unit written in English
(`22 miles`, `300 feet`, `90°F`, `5 gallons`) in a text whose language measures in metric
units, and converted pairs such as `35 km (22 miles)`, where the translation kept the
source's figure next to its conversion.

Why it matters: a French, Spanish or Indonesian writer converts; a machine translating from
English keeps the unit as it is. The converted pair is the mark of a wire story rendered
word for word.

Example: `progressé à 35 km (22 miles)` → flagged, the suggestion drops the imperial figure.

How: one regular expression built from data/units.toml (imperial forms with their metric
conversion, metric units, and each language's own words for imperial units). The language's
own words (`milles`, `pieds`, `pouces`) are idiomatic in places (aviation, screens) and are
flagged only inside a converted pair, as informational.

Limits: English texts are never judged. `in` (inches) and `mi` are not recognised: too
ambiguous. Money in pounds is reported like weight.",
};

impl Detector for ImperialUnits {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        let units = &res.units;
        if !doc.lang.reliable || units.imperial_languages.iter().any(|l| l == doc.lang.code) {
            return;
        }
        if !units.may_hold_measure(&doc.lower) {
            return;
        }
        let text = doc.text.as_str();
        let first = out.len();
        for caps in units.imperial_measure.captures_iter(text) {
            let (Some(whole), Some(num), Some(unit)) = (caps.get(0), caps.name("num"), caps.name("unit")) else {
                continue;
            };
            let span = Span::new(whole.start(), whole.end());
            // `1959 Miles Davis`, `500 Ft` (forints): a capitalised word is a name, not a unit.
            let capitalised = unit.as_str().chars().next().is_some_and(char::is_uppercase)
                && unit.as_str().chars().any(char::is_lowercase);
            if capitalised || doc.in_comments(span) || !Units::is_measure(text, span.start, span.end) {
                continue;
            }
            let measure = whole.as_str();
            let finding = match converted_pair(text, span, units) {
                Some(pair) => Finding::new(
                    META.id,
                    Severity::Warning,
                    span,
                    format!(
                        "`{}`: the imperial figure of the source is kept next to its metric conversion",
                        doc.slice(pair)
                    ),
                )
                .with_suggestion(format!("keep only the metric figure, drop `{measure}`")),
                None => {
                    let mut f = Finding::new(
                        META.id,
                        Severity::Warning,
                        span,
                        format!("`{measure}`: imperial unit in a {} text", doc.lang.name),
                    );
                    if let (Some(def), Some(value)) = (units.unit_of(unit.as_str()), parse_number(num.as_str())) {
                        let converted = (value - def.offset) * def.factor;
                        f = f.with_suggestion(format!("≈ {} {}", format_number(converted), def.metric));
                    }
                    f
                }
            };
            out.push(finding);
        }
        if let Some(native) = units.native_measure.get(doc.lang.code) {
            for m in native.find_iter(text) {
                let span = Span::new(m.start(), m.end());
                if doc.in_comments(span)
                    || !Units::is_measure(text, span.start, span.end)
                    || overlaps_sorted(&out[first..], span)
                {
                    continue;
                }
                if let Some(pair) = converted_pair(text, span, units) {
                    out.push(Finding::new(
                        META.id,
                        Severity::Info,
                        span,
                        format!("`{}`: an imperial figure is kept next to its metric conversion", doc.slice(pair)),
                    ));
                }
            }
        }
    }
}

/// Whether `span` overlaps one of `findings`, which are sorted and do not overlap each other.
fn overlaps_sorted(findings: &[Finding], span: Span) -> bool {
    let i = findings.partition_point(|f| f.span.start < span.end);
    i > 0 && findings[i - 1].span.end > span.start
}

/// The span of `metric (imperial)` or `imperial (metric)` around an imperial measure.
fn converted_pair(text: &str, measure: Span, units: &Units) -> Option<Span> {
    let before_start = floor_char_boundary(text, measure.start.saturating_sub(48));
    let before = &text[before_start..measure.start];
    if let Some(m) = units.metric_before.find(before) {
        let close = text[measure.end..]
            .find(|c: char| !c.is_whitespace())
            .filter(|&i| text[measure.end + i..].starts_with(')'));
        if let Some(i) = close {
            return Some(Span::new(before_start + m.start(), measure.end + i + 1));
        }
    }
    let after_end = ceil_char_boundary(text, (measure.end + 48).min(text.len()));
    let after = &text[measure.end..after_end];
    if let Some(m) = units.metric_after.find(after).filter(|m| Units::is_measure(after, 0, m.end())) {
        let rest = &after[m.end()..];
        let close = rest.find(')').filter(|&i| rest[..i].trim().is_empty())?;
        return Some(Span::new(measure.start, measure.end + m.end() + close + 1));
    }
    None
}

/// Reads `22`, `1,5`, `3.5`, `30 000`, `1,000` (a comma before three digits groups thousands).
fn parse_number(written: &str) -> Option<f64> {
    let compact: String = written.chars().filter(|c| !c.is_whitespace() && *c != '\'').collect();
    let normal = match compact.rfind([',', '.']) {
        Some(i) if compact.len() - i - 1 == 3 && compact[..i].chars().all(|c| c.is_ascii_digit()) => {
            compact.replace([',', '.'], "")
        }
        Some(i) => format!("{}.{}", compact[..i].replace([',', '.'], ""), &compact[i + 1..]),
        None => compact,
    };
    normal.parse().ok()
}

fn format_number(value: f64) -> String {
    if value.abs() >= 10.0 { format!("{}", value.round() as i64) } else { format!("{:.1}", value).replace('.', ",") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    const LEAD: &str = "Les troupes ont progressé depuis la semaine dernière et continuent de prendre le contrôle du territoire, selon le ministère. ";

    #[test]
    fn converted_pair_keeps_the_source_figure() {
        let text = format!("{LEAD}Elles ont avancé de 35 km (22 miles) vers l'est.");
        let found = findings(&ImperialUnits, &text);
        assert_eq!(spans(&text, &found), vec!["22 miles"]);
        assert_eq!(
            found[0].message,
            "`35 km (22 miles)`: the imperial figure of the source is kept next to its metric conversion"
        );
    }

    #[test]
    fn bare_units_get_a_conversion() {
        let text = format!("{LEAD}L'avion volait à 30,000 feet quand il faisait 95°F au sol, à 10 miles de la côte.");
        let found = findings(&ImperialUnits, &text);
        assert_eq!(spans(&text, &found), vec!["30,000 feet", "95°F", "10 miles"]);
        assert_eq!(found[0].suggestion.as_deref(), Some("≈ 9144 m"));
        assert_eq!(found[1].suggestion.as_deref(), Some("≈ 35 °C"));
        assert_eq!(found[2].suggestion.as_deref(), Some("≈ 16 km"));
    }

    #[test]
    fn other_languages() {
        let text = "Las tropas avanzaron durante la semana pasada y siguen tomando el control del territorio, según el ministerio. El incendio quemó 5,000 acres cerca de la ciudad.";
        assert_eq!(spans(text, &findings(&ImperialUnits, text)), vec!["5,000 acres"]);
    }

    #[test]
    fn native_words_only_in_pairs_and_english_is_never_judged() {
        let text = format!(
            "{LEAD}L'écran mesure 6,1 pouces et l'avion vole à 30 000 pieds, soit 15 km (9 milles) de la côte."
        );
        let found = findings(&ImperialUnits, &text);
        assert_eq!(spans(&text, &found), vec!["9 milles"]);
        assert_eq!(found[0].severity, Severity::Info);
        let english = "The troops advanced 22 miles toward the east over the past week and continued to take control of the territory.";
        assert!(findings(&ImperialUnits, english).is_empty());
    }

    #[test]
    fn names_and_currencies_are_not_units() {
        let text = format!("{LEAD}En 1959 Miles Davis enregistre un album ; le billet coûte 500 Ft à Budapest.");
        assert!(findings(&ImperialUnits, &text).is_empty());
    }

    #[test]
    fn units_must_be_whole_words() {
        let text = format!("{LEAD}Le projet compte 22 milestones et 3 footnotes, sur l'autoroute A22 miles.");
        assert!(findings(&ImperialUnits, &text).is_empty());
    }

    #[test]
    fn numbers_parse_in_both_conventions() {
        assert_eq!(parse_number("1,5"), Some(1.5));
        assert_eq!(parse_number("3.5"), Some(3.5));
        assert_eq!(parse_number("30 000"), Some(30000.0));
        assert_eq!(parse_number("1,000"), Some(1000.0));
    }
}
