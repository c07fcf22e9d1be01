//! MT403: a line made of hashtags.

use crate::finding::{Finding, Severity};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::text::clip;
use crate::view::View;

pub struct HashtagRun;

static META: RuleMeta = RuleMeta {
    id: "MT403",
    name: "hashtag-run",
    family: Family::Boilerplate,
    default_severity: Severity::Warning,
    default_weight: 6.0,
    fallback: false,
    summary: "A line that is mostly hashtags.",
    explanation: "\
What it flags: a line with at least three hashtags that make up two thirds of its words or more,
as video pages and social posts carry (`#Loukachenko #appelle #une #trêve`).

Why it matters: hashtag runs are generated from titles for search engines; they are word
salad, not text.

Example: `#Budget #ville #conseil #vote` → flagged.

How: the hashtags of each line are counted against its words.

Limits: a sentence with one or two hashtags is left alone.",
};

impl Detector for HashtagRun {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, _res: &Resources, out: &mut Vec<Finding>) {
        for line in &doc.lines {
            let text = doc.slice(line.content);
            if !text.contains('#') {
                continue;
            }
            let tokens = text.split_whitespace().count();
            let hashtags = text
                .split_whitespace()
                .filter(|t| t.starts_with('#') && t.chars().nth(1).is_some_and(char::is_alphanumeric))
                .count();
            if hashtags >= 3 && hashtags * 3 >= tokens * 2 {
                out.push(Finding::new(
                    META.id,
                    Severity::Warning,
                    line.content,
                    format!("run of {hashtags} hashtags: “{}”", clip(text, 60)),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detectors::test_support::{findings, spans};

    #[test]
    fn hashtag_lines_only() {
        let text = "#Budget #ville #conseil #vote\n\nLe conseil a voté le #budget hier soir.\n\n#un #deux\n\nLes hashtags #MeToo, #BalanceTonPorc et #TimesUp.";
        let found = findings(&HashtagRun, text);
        assert_eq!(spans(text, &found), vec!["#Budget #ville #conseil #vote"]);
        assert_eq!(found[0].message, "run of 4 hashtags: “#Budget #ville #conseil #vote”");
    }
}
