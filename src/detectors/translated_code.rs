//! MT104: CSS, product or brand names translated as if they were text (`arrière-plan:#fff;`).

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;
use regex::Regex;
use std::sync::LazyLock;

pub struct TranslatedCode;

static META: RuleMeta = RuleMeta {
    id: "MT104",
    name: "translated-code-or-name",
    family: Family::Provenance,
    default_severity: Severity::Error,
    default_weight: 30.0,
    fallback: false,
    summary: "CSS or a product name translated as text (`arrière-plan:#fff;bordure:1px`, `Fenêtres 11`).",
    explanation: "\
What it flags: style sheet code whose property names were translated (`arrière-plan:#fff;
bordure:1px solide;`: background, border), an error; a product or brand name rendered as
common words of the language (`Fenêtres 11` for Windows 11, `Bureau 365` for Office 365,
`le New York Fois`), a warning.

Why it matters: no writer translates a page's code or a product's name. A system that
translates everything on a page, markup and names included, does, and so such a page was
machine-translated whole.

Example: `.bandeau{arrière-plan:#ffffff;bordure:1px solide #ccc;}` in a French page → the
code flagged as translated CSS.

How: a table per language of CSS property names and of product and brand names as systems
render them (data/never_translated.toml: French, Spanish, German; extend with
`lexicons.never-translated`). A line holds translated CSS when two of its `name: value;` pairs
have a rendered property name and one value at least is shaped like CSS (`#fff`, `10px`,
`rgb(`): a product sheet's `Couleur : noir ; Largeur : 30 cm ;` is not code. Names are
matched as whole words in the lowercase text, from each word that opens one. The comment
section is skipped.

Limits: only the listed renderings are found; a site's home page rendered as `Maison` in a
breadcrumb is not looked for (French shops name a category `Maison`). URLs and addresses whose
words were translated are not judged.",
};

/// A `name: value;` pair of a style sheet, on lowercase text: the name in group 1 (letters,
/// hyphens, spaces, apostrophes), the value in group 2. Unbounded repetitions: a counted one
/// of a Unicode class compiles into a large automaton.
static CSS_PAIR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{L}[\p{L}\-' ]*)\s*:\s*([^;{}:]+);").expect("a valid pattern"));

/// A value only a style sheet writes: a colour, a length in CSS units, a colour function.
static CSS_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"#[0-9a-f]{3,8}\b|\b\d+(?:\.\d+)?(?:px|em|rem|pt|vh|vw)\b|rgba?\(").expect("a valid pattern")
});

/// Translated pairs a line needs to be code.
const MIN_PAIRS: usize = 2;

impl Detector for TranslatedCode {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        if !doc.lang.reliable {
            return;
        }
        let Some(renderings) = res.never_translated.of(doc.lang.code) else {
            return;
        };
        for line in &doc.lines {
            if line.content.is_empty() || doc.in_comments(line.content) {
                continue;
            }
            let lower = doc.slice_lower(line.content);
            let base = line.content.start;
            if lower.contains(';') && lower.contains(':') {
                let (mut pairs, mut css_value, mut first, mut last) = (0usize, false, usize::MAX, 0usize);
                for found in CSS_PAIR.captures_iter(lower) {
                    let (Some(pair), Some(name), Some(value)) = (found.get(0), found.get(1), found.get(2)) else {
                        continue;
                    };
                    if renderings.is_css_name(name.as_str().trim()) {
                        pairs += 1;
                        css_value |= CSS_VALUE.is_match(value.as_str());
                        first = first.min(pair.start());
                        last = last.max(pair.end());
                    }
                }
                if pairs >= MIN_PAIRS && css_value {
                    let span = Span::new(base + first, base + last);
                    let message = format!(
                        "style sheet code with its property names translated ({pairs} properties): “{}”",
                        crate::text::clip(doc.slice(span), 80)
                    );
                    out.push(Finding::new(META.id, Severity::Error, span, message));
                }
            }
        }
        // Names are tried where one of their first words starts (a hash probe per word).
        for word in &doc.words {
            if !renderings.may_start(doc.slice_lower(word.span)) {
                continue;
            }
            let line = &doc.lines[doc.line_index(word.span.start)];
            if doc.in_comments(line.content) {
                continue;
            }
            let rest = &doc.lower[word.span.start..line.content.end.max(word.span.start)];
            if let Some(len) = renderings.name_at(rest) {
                let span = Span::new(word.span.start, word.span.start + len);
                let message = format!("“{}” is a product or brand name rendered as common words", doc.slice(span));
                out.push(Finding::new(META.id, Severity::Warning, span, message));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, in_french_frame};

    #[test]
    fn translated_css_is_an_error() {
        let text = format!(
            "{}\n.bandeau{{arrière-plan:#ffffff;bordure:1px solide #ccc;marge:0 auto;}}\n",
            in_french_frame("")
        );
        let found = findings(&TranslatedCode, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].span.text(&text), "arrière-plan:#ffffff;bordure:1px solide #ccc;marge:0 auto;");
    }

    #[test]
    fn a_product_sheet_and_untranslated_css_are_not_code() {
        for line in
            ["Couleur : noir ; Largeur : 30 cm ; Hauteur : 12 cm ;", ".bandeau{background:#fff;border:1px solid #ccc;}"]
        {
            let text = format!("{}\n{line}\n", in_french_frame(""));
            assert!(findings(&TranslatedCode, &text).is_empty(), "{line}");
        }
    }

    #[test]
    fn a_product_name_rendered_as_words_is_a_warning() {
        let text = in_french_frame("La mise à jour de Fenêtres 11 sera disponible la semaine prochaine.");
        let found = findings(&TranslatedCode, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&text), "Fenêtres 11");
        assert_eq!(found[0].severity, Severity::Warning);
    }
}
