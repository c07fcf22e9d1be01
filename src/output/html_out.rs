//! `check --format html`: one self-contained page for a person auditing a batch (written by
//! `html_page`). This emitter gathers what the page shows while the run goes on.
//!
//! Memory is bounded whatever the run's size: counts and a histogram for every document, a
//! table row for the worst `MAX_TABLE_ROWS`, the reports (and texts up to
//! `MAX_SHOWN_TEXT_BYTES`) of at most twice the `full_documents` worst, and `MAX_SITES` sites.

use super::emitter::{Emitter, Summary};
use super::html_page::{self, MAX_SHOWN_TEXT_BYTES, Row, Shown};
use crate::analysis::DocReport;
use crate::engine::Record;
use crate::input::{InputError, Origin};
use crate::rule::Family;
use crate::site_table::SiteTable;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Documents listed in the table (the worst); the others are counted.
pub const MAX_TABLE_ROWS: usize = 10_000;
/// Problems (errors, skipped inputs) listed; the others are counted.
const MAX_PROBLEMS: usize = 1_000;
/// Sites counted one by one; pages of further sites are counted together.
const MAX_SITES: usize = 10_000;
/// The row under which pages of sites beyond `MAX_SITES` are counted.
const FURTHER_SITES: &str = "(further sites)";

/// Lowest score first, then input order: the order of the table and of the documents shown.
fn worst_first(a: (f64, u64), b: (f64, u64)) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0).then(a.1.cmp(&b.1))
}

pub struct HtmlEmitter<W: Write> {
    out: W,
    full_documents: usize,
    seq: u64,
    /// Documents by overall score, one bin per point (0 to 100).
    score_bins: [u64; 101],
    /// Per rule: findings, and documents where it fired.
    rules: BTreeMap<&'static str, (u64, u64)>,
    families: BTreeMap<Family, u64>,
    languages: BTreeMap<&'static str, u64>,
    sites: SiteTable,
    any_site: bool,
    rows: Vec<Row>,
    rows_dropped: u64,
    shown: Vec<Shown>,
    problems: Vec<(String, String)>,
    problems_dropped: u64,
}

impl<W: Write> HtmlEmitter<W> {
    /// `full_documents`: how many of the worst documents are shown in full.
    pub fn new(out: W, full_documents: usize) -> Self {
        HtmlEmitter {
            out,
            full_documents,
            seq: 0,
            score_bins: [0; 101],
            rules: BTreeMap::new(),
            families: BTreeMap::new(),
            languages: BTreeMap::new(),
            sites: SiteTable::default(),
            any_site: false,
            rows: Vec::new(),
            rows_dropped: 0,
            shown: Vec::new(),
            problems: Vec::new(),
            problems_dropped: 0,
        }
    }

    fn trim_rows(&mut self) {
        self.rows.sort_by(|a, b| worst_first((a.score, a.seq), (b.score, b.seq)));
        if self.rows.len() > MAX_TABLE_ROWS {
            self.rows_dropped += (self.rows.len() - MAX_TABLE_ROWS) as u64;
            self.rows.truncate(MAX_TABLE_ROWS);
        }
    }

    fn trim_shown(&mut self) {
        self.shown.sort_by(|a, b| worst_first((a.report.score.overall, a.seq), (b.report.score.overall, b.seq)));
        self.shown.truncate(self.full_documents);
    }

    fn problem(&mut self, origin: &Origin, what: String) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push((origin.to_string(), what));
        } else {
            self.problems_dropped += 1;
        }
    }
}

impl<W: Write> Emitter for HtmlEmitter<W> {
    fn document(&mut self, report: &DocReport, _record: Option<&Record>, text: Option<&str>) -> io::Result<()> {
        self.seq += 1;
        let bin = report.score.overall.clamp(0.0, 100.0).floor() as usize;
        self.score_bins[bin.min(100)] += 1;
        let mut rules: Vec<&'static str> = report.findings.iter().map(|f| f.rule).collect();
        rules.sort_unstable();
        rules.dedup();
        for f in &report.findings {
            self.rules.entry(f.rule).or_default().0 += 1;
            *self.families.entry(f.family).or_default() += 1;
        }
        for rule in &rules {
            self.rules.entry(rule).or_default().1 += 1;
        }
        *self.languages.entry(report.language.code).or_default() += 1;
        self.any_site |= report.origin.site.is_some();
        match report.origin.site.as_deref() {
            Some(site) if self.sites.get(site).is_none() && self.sites.len() >= MAX_SITES => {
                self.sites.add_under(FURTHER_SITES, report)
            }
            _ => self.sites.add(report),
        }
        self.rows.push(Row {
            seq: self.seq,
            id: report.id.clone(),
            score: report.score.overall,
            translation: report.score.translation,
            boilerplate: report.score.boilerplate,
            verdict: report.verdict,
            language: report.language.code,
            site: report.origin.site.clone(),
            findings: report.findings.len(),
            rules,
        });
        if self.rows.len() >= 2 * MAX_TABLE_ROWS {
            self.trim_rows();
        }
        // Kept only if it may be among the worst shown (the table is trimmed to them), and its
        // text only if it is short enough to be shown whole.
        let may_be_shown = self.full_documents > 0
            && (self.shown.len() < self.full_documents
                || self.shown.iter().any(|s| report.score.overall < s.report.score.overall));
        if may_be_shown {
            let text = text.filter(|t| t.len() <= MAX_SHOWN_TEXT_BYTES).map(str::to_string);
            self.shown.push(Shown { seq: self.seq, report: report.clone(), text });
            if self.shown.len() >= self.full_documents.saturating_mul(2) {
                self.trim_shown();
            }
        }
        Ok(())
    }

    fn error(&mut self, error: &InputError) -> io::Result<()> {
        self.problem(&error.origin, format!("error: {}", error.reason));
        Ok(())
    }

    fn skipped(&mut self, origin: &Origin, reason: &str) -> io::Result<()> {
        self.problem(origin, format!("skipped: {reason}"));
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        self.trim_rows();
        self.trim_shown();
        let mut page = String::with_capacity(64 * 1024);
        page.push_str(html_page::HEAD);
        html_page::write_summary(&mut page, summary, &self.languages);
        html_page::write_histogram(&mut page, &self.score_bins, summary.threshold);
        html_page::write_rules(&mut page, &self.rules, &self.families);
        if self.any_site {
            html_page::write_sites(&mut page, &self.sites);
        }
        let shown_ids: BTreeMap<u64, usize> = self.shown.iter().enumerate().map(|(i, s)| (s.seq, i + 1)).collect();
        html_page::write_table(&mut page, &self.rows, self.rows_dropped, &shown_ids);
        html_page::write_documents(&mut page, &self.shown);
        html_page::write_problems(&mut page, &self.problems, self.problems_dropped);
        html_page::write_explanations(&mut page, &self.rules);
        page.push_str(html_page::SCRIPT);
        page.push_str("</body>\n</html>\n");
        self.out.write_all(page.as_bytes())
    }
}
