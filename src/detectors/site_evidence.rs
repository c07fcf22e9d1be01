//! MT105: the page's site carries machine-translation evidence on a significant share of its
//! pages (`check`/`gate --site-evidence`).

use crate::finding::{Finding, Severity, Span};
use crate::resources::Resources;
use crate::rule::{Detector, Family, RuleMeta};
use crate::view::View;

pub struct SiteEvidenceRule;

static META: RuleMeta = RuleMeta {
    id: "MT105",
    name: "site-evidence",
    family: Family::Provenance,
    default_severity: Severity::Warning,
    default_weight: 20.0,
    fallback: false,
    summary: "The page's site shows machine-translation evidence on a significant share of its pages (`--site-evidence`).",
    explanation: "\
What it flags: a page whose site, among the inputs of the run, has strong evidence of machine
translation on a significant share of its pages: a disclaimer (MT101), a foreign newsroom's
dateline (MT102), an AI assistant's residue (MT103), translated code or brand names (MT104),
or weighted findings of two translation families on one page. The finding names the share,
the rules and some pages that carry them.

Why it matters: sites machine-translate whole editions. When a third of a site's pages carry
a disclaimer or a foreign dateline, the rest of that edition was made the same way, though
its pages show no trace a reader sees.

Example: `--site-evidence` over a crawl in which 42 of the 120 pages of example.com open with
`JAKARTA -` → every page of example.com gets `42 of 120 pages of example.com carry strong
machine-translation evidence (MT102 on 40, ...)`.

How: only with `--site-evidence` on `check` or `gate`, which first analyses every input and
counts per site (the site comes from `--site-field` or `--site-from-path`). A site passes its
evidence on when it has at least 5 pages and the lower end of the 95% Wilson interval of the
share of pages with strong evidence is at least 20%: 3 of 5 pages qualify, 2 of 8 do not.
Interface strings, credits, comment sections and other scraped boilerplate are never evidence.

Limits: the evidence is of the inputs of the run, so a site needs enough pages in them;
standard input cannot be read twice (make the first pass separately). A site that quotes
agency dispatches with their datelines can qualify through MT102.",
};

impl Detector for SiteEvidenceRule {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, doc: &View, res: &Resources, out: &mut Vec<Finding>) {
        let (Some(evidence), Some(site)) = (res.site_evidence.as_ref(), doc.site.as_deref()) else {
            return;
        };
        let Some(verdict) = evidence.get(site) else {
            return;
        };
        let rules =
            verdict.rules.iter().map(|(rule, pages)| format!("{rule} on {pages}")).collect::<Vec<_>>().join(", ");
        let message = format!(
            "{} of {} pages of {site} carry strong machine-translation evidence ({rules}); for example {}",
            verdict.strong,
            verdict.pages,
            verdict.examples.join(", ")
        );
        // The whole page is the evidence: the finding points at its first line.
        let first_line = doc.lines.first().map_or(Span::new(0, 0), |l| l.content);
        out.push(Finding::new(META.id, Severity::Warning, first_line, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_sites::{SiteEvidence, SiteVerdict};
    use crate::view::View;

    fn resources() -> Resources {
        let mut res = Resources::new(crate::lexicon::set::Lexicons::embedded());
        let verdict = SiteVerdict {
            pages: 120,
            strong: 42,
            rules: vec![("MT102".into(), 40), ("MT101".into(), 3)],
            examples: vec!["a.txt".into(), "b.txt".into()],
        };
        res.site_evidence = Some(SiteEvidence { sites: [("example.com".to_string(), verdict)].into() });
        res
    }

    fn findings(site: Option<&str>, res: &Resources) -> Vec<Finding> {
        let mut doc = View::build("p", "Le ministre a parlé.\nIl a annoncé un budget.".to_string(), res);
        doc.annotated.doc.site = site.map(String::from);
        let mut out = Vec::new();
        SiteEvidenceRule.check(&doc, res, &mut out);
        out
    }

    #[test]
    fn a_page_of_a_site_with_evidence_inherits_it() {
        let res = resources();
        let found = findings(Some("example.com"), &res);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, Span::new(0, "Le ministre a parlé.".len()));
        assert_eq!(
            found[0].message,
            "42 of 120 pages of example.com carry strong machine-translation evidence (MT102 on 40, MT101 on 3); for example a.txt, b.txt"
        );
    }

    #[test]
    fn other_sites_pages_without_a_site_and_runs_without_the_option_get_nothing() {
        let res = resources();
        assert!(findings(Some("other.org"), &res).is_empty());
        assert!(findings(None, &res).is_empty());
        let plain = Resources::new(crate::lexicon::set::Lexicons::embedded());
        assert!(findings(Some("example.com"), &plain).is_empty());
    }
}
