//! Per-site statistics of a run: pages, rejections, the translation score's median and low
//! quantile, the share of pages with translation evidence per family, the rules that fired on
//! most pages and the worst pages. Sites publish whole editions the same way, so a share of
//! pages with evidence says more about a site than any one page.
//!
//! Counts are sums and a histogram (one bin per score point), never lists of pages, so two
//! tables of disjoint inputs merge into the table of both.

use crate::analysis::DocReport;
use crate::corpus_sites::{SiteEvidence, SiteVerdict, qualifies};
use crate::gate::Verdict;
use crate::rule::{Family, ScoreGroup};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The row of documents whose inputs named no site.
pub const NO_SITE: &str = "(no site)";
/// Worst pages kept per site as examples.
const EXAMPLES: usize = 3;
/// Rules listed per site.
const TOP_RULES: usize = 5;
/// The quantile reported beside the median: the score of the worst tenth of pages.
const LOW_QUANTILE: f64 = 0.1;

/// What is counted of one site's pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteCounts {
    pub pages: u64,
    pub rejected: u64,
    /// Pages by translation score rounded down to a point, 0 to 100 (101 bins).
    score_bins: Vec<u64>,
    /// Pages with at least one weighted finding of the family.
    pub evidence: BTreeMap<Family, u64>,
    /// Pages with at least one weighted finding of any translation family.
    pub any_evidence: u64,
    /// Pages where the rule fired.
    pub rules: BTreeMap<String, u64>,
    /// The lowest translation scores and their pages, lowest first.
    examples: Vec<(f64, String)>,
    /// Pages with strong evidence: a weighted provenance finding (a disclaimer, a foreign
    /// dateline, AI residue, translated code), or weighted findings of two translation families.
    pub strong: u64,
    /// The rules of the strong pages' weighted translation findings, with their page counts.
    strong_rules: BTreeMap<String, u64>,
    /// Pages with strong evidence, the lowest translation scores first (then by id, so that
    /// merging in any order keeps the same ones).
    strong_examples: Vec<(f64, String)>,
}

impl Default for SiteCounts {
    fn default() -> Self {
        SiteCounts {
            pages: 0,
            rejected: 0,
            score_bins: vec![0; 101],
            evidence: BTreeMap::new(),
            any_evidence: 0,
            rules: BTreeMap::new(),
            examples: Vec::new(),
            strong: 0,
            strong_rules: BTreeMap::new(),
            strong_examples: Vec::new(),
        }
    }
}

impl SiteCounts {
    fn add(&mut self, report: &DocReport) {
        self.pages += 1;
        self.rejected += u64::from(report.verdict == Verdict::Reject);
        let bin = report.score.translation.clamp(0.0, 100.0).floor() as usize;
        if let Some(count) = self.score_bins.get_mut(bin) {
            *count += 1;
        }
        // The findings that weigh on the translation score.
        let weighted = || {
            report
                .findings
                .iter()
                .filter(|f| f.contribution.penalty > 0.0 && f.family.group() == ScoreGroup::Translation)
        };
        let mut families: Vec<Family> = weighted().map(|f| f.family).collect();
        families.sort();
        families.dedup();
        for family in &families {
            *self.evidence.entry(*family).or_default() += 1;
        }
        self.any_evidence += u64::from(!families.is_empty());
        if families.contains(&Family::Provenance) || families.len() >= 2 {
            self.strong += 1;
            let mut strong_rules: Vec<&'static str> = weighted().map(|f| f.rule).collect();
            strong_rules.sort_unstable();
            strong_rules.dedup();
            for rule in strong_rules {
                *self.strong_rules.entry(rule.to_string()).or_default() += 1;
            }
            keep_lowest(&mut self.strong_examples, report.score.translation, &report.id);
        }
        let mut rules: Vec<&'static str> = report.findings.iter().map(|f| f.rule).collect();
        rules.sort_unstable();
        rules.dedup();
        for rule in rules {
            match self.rules.get_mut(rule) {
                Some(count) => *count += 1,
                None => {
                    self.rules.insert(rule.to_string(), 1);
                }
            }
        }
        self.keep_example(report.score.translation, &report.id);
    }

    fn keep_example(&mut self, score: f64, id: &str) {
        keep_lowest(&mut self.examples, score, id);
    }

    fn merge(&mut self, other: SiteCounts) {
        self.pages += other.pages;
        self.rejected += other.rejected;
        if self.score_bins.len() < other.score_bins.len() {
            self.score_bins.resize(other.score_bins.len(), 0);
        }
        for (bin, count) in self.score_bins.iter_mut().zip(other.score_bins) {
            *bin += count;
        }
        for (family, count) in other.evidence {
            *self.evidence.entry(family).or_default() += count;
        }
        self.any_evidence += other.any_evidence;
        for (rule, count) in other.rules {
            *self.rules.entry(rule).or_default() += count;
        }
        for (score, id) in other.examples {
            self.keep_example(score, &id);
        }
        self.strong += other.strong;
        for (rule, count) in other.strong_rules {
            *self.strong_rules.entry(rule).or_default() += count;
        }
        for (score, id) in other.strong_examples {
            keep_lowest(&mut self.strong_examples, score, &id);
        }
    }

    /// The score below which `share` of the pages fall (at a point's precision).
    fn quantile(&self, share: f64) -> f64 {
        let target = (share * self.pages as f64).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (score, count) in self.score_bins.iter().enumerate() {
            seen += count;
            if seen >= target {
                return score as f64;
            }
        }
        100.0
    }
}

/// Keeps the `EXAMPLES` pages of lowest score (then id) in `kept`, sorted.
fn keep_lowest(kept: &mut Vec<(f64, String)>, score: f64, id: &str) {
    let at = kept.partition_point(|(s, i)| (*s, i.as_str()) <= (score, id));
    if at < EXAMPLES {
        kept.insert(at, (score, id.to_string()));
        kept.truncate(EXAMPLES);
    }
}

/// The table of a run: one entry per site, in site order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SiteTable {
    sites: BTreeMap<String, SiteCounts>,
}

/// One site's line of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiteRow {
    pub site: String,
    pub pages: u64,
    pub rejected: u64,
    pub rejected_share: f64,
    /// Translation score (0–100): the median page and the worst tenth (at a point's precision).
    pub median_translation: f64,
    pub low_translation: f64,
    /// Share of pages with weighted evidence of machine translation, in any translation family.
    pub evidence_share: f64,
    /// The same per family (provenance, language, names, grammar).
    pub evidence_by_family: BTreeMap<Family, f64>,
    /// The rules that fired on most pages, with their page counts.
    pub top_rules: Vec<(String, u64)>,
    /// The pages with the lowest translation scores.
    pub examples: Vec<String>,
}

impl SiteTable {
    pub fn add(&mut self, report: &DocReport) {
        self.add_under(report.origin.site.as_deref().unwrap_or(NO_SITE), report);
    }

    /// Counts `report` under `site` rather than its own (a table that keeps a bounded number
    /// of sites counts the others together).
    pub fn add_under(&mut self, site: &str, report: &DocReport) {
        match self.sites.get_mut(site) {
            Some(counts) => counts.add(report),
            None => self.sites.entry(site.to_string()).or_default().add(report),
        }
    }

    pub fn merge(&mut self, other: SiteTable) {
        for (site, counts) in other.sites {
            self.sites.entry(site).or_default().merge(counts);
        }
    }

    pub fn pages(&self) -> u64 {
        self.sites.values().map(|c| c.pages).sum()
    }

    pub fn len(&self) -> usize {
        self.sites.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sites.is_empty()
    }

    pub fn get(&self, site: &str) -> Option<&SiteCounts> {
        self.sites.get(site)
    }

    /// The sites whose pages pass their evidence on (`--site-evidence`): enough pages, and a
    /// share of pages with strong evidence whose confidence bound reaches the minimum.
    pub fn evidence(&self) -> SiteEvidence {
        let sites = self
            .sites
            .iter()
            .filter(|(site, counts)| site.as_str() != NO_SITE && qualifies(counts.strong, counts.pages))
            .map(|(site, counts)| {
                let mut rules: Vec<(String, u64)> =
                    counts.strong_rules.iter().map(|(rule, pages)| (rule.to_string(), *pages)).collect();
                rules.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                rules.truncate(TOP_RULES);
                let verdict = SiteVerdict {
                    pages: counts.pages,
                    strong: counts.strong,
                    rules,
                    examples: counts.strong_examples.iter().map(|(_, id)| id.clone()).collect(),
                };
                (site.clone(), verdict)
            })
            .collect();
        SiteEvidence { sites }
    }

    /// The rows, worst first: by share of pages rejected, then by median translation score,
    /// then by name.
    pub fn rows(&self) -> Vec<SiteRow> {
        let mut rows: Vec<SiteRow> = self.sites.iter().map(|(site, counts)| row(site, counts)).collect();
        rows.sort_by(|a, b| {
            b.rejected_share
                .total_cmp(&a.rejected_share)
                .then(a.median_translation.total_cmp(&b.median_translation))
                .then_with(|| a.site.cmp(&b.site))
        });
        rows
    }
}

fn row(site: &str, counts: &SiteCounts) -> SiteRow {
    let pages = counts.pages.max(1) as f64;
    let mut top_rules: Vec<(String, u64)> = counts.rules.iter().map(|(r, n)| (r.to_string(), *n)).collect();
    top_rules.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top_rules.truncate(TOP_RULES);
    SiteRow {
        site: site.to_string(),
        pages: counts.pages,
        rejected: counts.rejected,
        rejected_share: counts.rejected as f64 / pages,
        median_translation: counts.quantile(0.5),
        low_translation: counts.quantile(LOW_QUANTILE),
        evidence_share: counts.any_evidence as f64 / pages,
        evidence_by_family: Family::ALL
            .iter()
            .filter(|f| f.group() == ScoreGroup::Translation)
            .map(|f| (*f, counts.evidence.get(f).copied().unwrap_or(0) as f64 / pages))
            .collect(),
        top_rules,
        examples: counts.examples.iter().map(|(_, id)| id.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Excerpt, ReportedFinding};
    use crate::finding::Severity;
    use crate::input::Origin;
    use crate::lang::LangInfo;
    use crate::score::{Contribution, Score};

    fn page(id: &str, site: Option<&str>, translation: f64, rules: &[(&'static str, Family, f64)]) -> DocReport {
        let findings = rules
            .iter()
            .map(|&(rule, family, penalty)| ReportedFinding {
                rule,
                name: rule,
                family,
                severity: Severity::Warning,
                start: 0,
                end: 0,
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
                evidence: String::new(),
                message: String::new(),
                suggestion: None,
                related: Vec::new(),
                contribution: Contribution { penalty, points: penalty },
                excerpt: Excerpt { line: 1, text: String::new(), range: 0..0 },
            })
            .collect();
        DocReport {
            id: id.into(),
            origin: Origin::file(id).with_site(site.map(String::from)),
            bytes: 0,
            words: 100,
            language: LangInfo::unknown(),
            lexicon: None,
            score: Score {
                overall: translation,
                translation,
                boilerplate: 100.0,
                families: BTreeMap::new(),
                contributions: Vec::new(),
            },
            verdict: Verdict::of(translation, 78.2),
            findings,
            style: None,
        }
    }

    #[test]
    fn a_site_row_counts_pages_rejections_evidence_and_rules() {
        let mut table = SiteTable::default();
        table.add(&page("a", Some("example.com"), 40.0, &[("MT102", Family::Provenance, 26.0)]));
        table.add(&page("b", Some("example.com"), 90.0, &[("MT402", Family::Boilerplate, 0.0)]));
        table.add(&page("c", Some("example.com"), 100.0, &[]));
        table.add(&page("d", None, 100.0, &[]));
        let rows = table.rows();
        assert_eq!(rows.len(), 2);
        let site = &rows[0];
        assert_eq!((site.site.as_str(), site.pages, site.rejected), ("example.com", 3, 1));
        assert_eq!((site.median_translation, site.low_translation), (90.0, 40.0));
        assert!((site.evidence_share - 1.0 / 3.0).abs() < 1e-9);
        assert!((site.evidence_by_family[&Family::Provenance] - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(site.evidence_by_family[&Family::Grammar], 0.0);
        assert_eq!(site.top_rules, [("MT102".to_string(), 1), ("MT402".to_string(), 1)]);
        assert_eq!(site.examples, ["a", "b", "c"]);
        assert_eq!(rows[1].site, NO_SITE);
    }

    #[test]
    fn sites_with_strong_evidence_on_enough_pages_pass_it_on() {
        let mut table = SiteTable::default();
        for i in 0..6 {
            let rules: &[(&'static str, Family, f64)] =
                if i < 4 { &[("MT102", Family::Provenance, 26.0)] } else { &[] };
            table.add(&page(&format!("x{i}"), Some("x.org"), 80.0, rules));
        }
        // Grammar alone is not strong evidence; nor are two pages of two.
        for i in 0..6 {
            table.add(&page(&format!("y{i}"), Some("y.org"), 80.0, &[("MT604", Family::Grammar, 10.0)]));
        }
        for i in 0..2 {
            table.add(&page(&format!("z{i}"), Some("z.org"), 40.0, &[("MT101", Family::Provenance, 40.0)]));
        }
        let evidence = table.evidence();
        assert_eq!(evidence.sites.keys().collect::<Vec<_>>(), ["x.org"]);
        let x = &evidence.sites["x.org"];
        assert_eq!((x.pages, x.strong), (6, 4));
        assert_eq!(x.rules, [("MT102".to_string(), 4)]);
        assert_eq!(x.examples, ["x0", "x1", "x2"]);
    }

    #[test]
    fn tables_of_two_shards_merge_into_the_table_of_both() {
        let pages = [
            page("a", Some("x.org"), 30.0, &[("MT101", Family::Provenance, 40.0)]),
            page("b", Some("x.org"), 95.0, &[]),
            page("c", Some("y.org"), 60.0, &[("MT604", Family::Grammar, 10.0)]),
            page("d", Some("x.org"), 10.0, &[("MT103", Family::Provenance, 40.0)]),
        ];
        let mut whole = SiteTable::default();
        pages.iter().for_each(|p| whole.add(p));
        let (mut first, mut second) = (SiteTable::default(), SiteTable::default());
        pages[..2].iter().for_each(|p| first.add(p));
        pages[2..].iter().for_each(|p| second.add(p));
        let mut reversed = second.clone();
        reversed.merge(first.clone());
        first.merge(second);
        assert_eq!(first, whole);
        assert_eq!(reversed, whole);
        assert_eq!(whole.pages(), 4);
    }
}
