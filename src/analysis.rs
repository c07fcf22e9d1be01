//! One document from text to report: build its view, run the detectors, score, decide.

use crate::config::Config;
use crate::finding::{Finding, Severity, sort_findings};
use crate::gate::Verdict;
use crate::input::Origin;
use crate::lang::LangInfo;
use crate::lexicon::LexiconError;
use crate::lexicon::set::Lexicons;
use crate::registry;
use crate::resources::Resources;
use crate::rule::{Detector, Family};
use crate::score::{self, Contribution, RuleWeight, Score};
use crate::text::{ceil_char_boundary, clip, floor_char_boundary};
use crate::view::View;
use crate::view::style::StyleProfile;
use crate::view::style_models::StyleModels;
use serde::Serialize;
use std::ops::Range;

/// The resolved configuration and everything built from it, once per run.
pub struct Settings {
    pub config: Config,
    pub detectors: Vec<&'static dyn Detector>,
    /// Hand each document's text to the output with its report (the HTML report shows the
    /// worst documents in full); a JSONL record's text is handed on in any case.
    pub keep_text: bool,
    /// Hand each document's style profile to the output with its report (`train`).
    pub keep_style: bool,
    resources: Resources,
}

impl Settings {
    pub fn new(config: Config) -> Result<Settings, LexiconError> {
        let forced_language = config.input.language.as_deref().and_then(crate::lang::parse_code);
        let mut resources = if Lexicons::needs_user_files(&config.lexicons) || forced_language.is_some() {
            let mut lexicons = Lexicons::load(&config.lexicons)?;
            lexicons.forced_language = forced_language.map(LangInfo::forced);
            Resources::owning(lexicons)
        } else {
            Resources::new(Lexicons::embedded())
        };
        let detectors = config.enabled_detectors();
        // The models are read only for a run that applies them (a user's files are still read
        // and checked, so that a broken file is reported whatever the rules selected).
        let style = &config.style;
        let applies = detectors.iter().any(|d| d.meta().family == crate::rule::Family::Style);
        if !style.models.is_empty() || !style.command_line_models.is_empty() {
            resources.style_models =
                StyleModels::load(&style.models, &style.command_line_models, style.embedded_models && applies)?;
        } else if applies && style.embedded_models {
            resources.style_models = StyleModels::embedded();
        }
        Ok(Settings { detectors, config, keep_text: false, keep_style: false, resources })
    }

    /// Makes the corpus's agreed name spellings available to the detectors.
    pub fn with_name_consensus(mut self, consensus: crate::corpus_names::Consensus) -> Settings {
        self.resources.name_consensus = Some(consensus);
        self
    }

    /// Makes the inputs' copy index available to MT501 and MT502.
    pub fn with_copy_index(mut self, index: crate::corpus_copies::CopyIndex) -> Settings {
        self.resources.copies = Some(index);
        self
    }

    pub fn with_site_evidence(mut self, evidence: crate::corpus_sites::SiteEvidence) -> Settings {
        self.resources.site_evidence = Some(evidence);
        self
    }

    pub fn resources(&self) -> &Resources {
        &self.resources
    }
}

/// A source line around a finding, for snippets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// 1-based line number of `text`.
    pub line: usize,
    /// The line, clipped to a window around the evidence.
    pub text: String,
    /// The evidence within `text`.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportedSpan {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub label: String,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportedFinding {
    pub rule: &'static str,
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub evidence: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<ReportedSpan>,
    pub contribution: Contribution,
    #[serde(skip)]
    pub excerpt: Excerpt,
}

/// Everything the emitters need of one analysed document; the text itself is not kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocReport {
    pub id: String,
    #[serde(flatten)]
    pub origin: Origin,
    pub bytes: usize,
    pub words: usize,
    pub language: LangInfo,
    /// Lexicon figures of French documents (unknown-word and lost-accent rates).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lexicon: Option<crate::detectors::french::LexiconFeatures>,
    pub score: Score,
    pub verdict: Verdict,
    pub findings: Vec<ReportedFinding>,
    /// The style profile, when the run asked for it (`Settings::keep_style`).
    #[serde(skip)]
    pub style: Option<StyleProfile>,
}

/// Evidence quoted in reports is clipped to this many characters.
const EVIDENCE_CHARS: usize = 200;
/// Bytes of evidence shown in an excerpt; longer evidence is underlined up to here.
const EXCERPT_EVIDENCE_BYTES: usize = 120;
/// Characters of context kept on each side of the evidence in an excerpt.
const EXCERPT_CONTEXT: usize = 60;

/// Analyses one document; gives the text back with the report. Never panics on any text.
pub fn analyze(id: String, origin: Origin, text: String, settings: &Settings) -> (DocReport, String) {
    let res = settings.resources();
    let mut doc = View::build(id, text, res);
    doc.annotated.doc.site = origin.site.clone();
    let findings = run_detectors(&doc, settings);
    let config = &settings.config;
    let score = score::score(&findings, doc.word_count(), &config.score, |rule| RuleWeight {
        weight: config.rule_weight(rule),
        family: registry::find(rule).map_or(Family::Boilerplate, |m| m.family),
    });
    let verdict = Verdict::of(score.overall, config.score.threshold);
    let mut columns = ColumnCursor::new(&doc);
    let reported =
        findings.iter().zip(&score.contributions).map(|(f, &c)| report_finding(&doc, &mut columns, f, c)).collect();
    let report = DocReport {
        origin,
        bytes: doc.text.len(),
        words: doc.word_count(),
        language: doc.lang,
        lexicon: crate::detectors::french::features(&doc, res),
        score,
        verdict,
        findings: reported,
        style: if settings.keep_style { doc.style_profile(res).cloned() } else { None },
        id: doc.id.clone(),
    };
    (report, doc.into_text())
}

/// Runs the enabled detectors, applies severity overrides, drops fallback findings that a
/// specific rule of the same family explains, and sorts.
/// Findings of one rule kept per document, and related places kept per finding.
pub const MAX_FINDINGS_PER_RULE: usize = 1000;

pub fn run_detectors(doc: &View, settings: &Settings) -> Vec<Finding> {
    let res = settings.resources();
    let mut findings = Vec::new();
    for detector in &settings.detectors {
        let start = findings.len();
        detector.check(doc, res, &mut findings);
        // A page of ten thousand share buttons says no more than a thousand do (and the score's
        // repeat decay gives the rest no weight): the report keeps the first ones and says how
        // many more there were, so its size stays bounded.
        for finding in &mut findings[start..] {
            if finding.related.len() > MAX_FINDINGS_PER_RULE {
                let more = finding.related.len() - MAX_FINDINGS_PER_RULE;
                finding.related.truncate(MAX_FINDINGS_PER_RULE);
                finding.message.push_str(&format!(" (and {more} more places not listed)"));
            }
        }
        let found = findings.len() - start;
        if found > MAX_FINDINGS_PER_RULE {
            findings.truncate(start + MAX_FINDINGS_PER_RULE);
            if let Some(last) = findings.last_mut() {
                last.message
                    .push_str(&format!(" (and {} more of this rule in the document)", found - MAX_FINDINGS_PER_RULE));
            }
        }
        if let Some(&severity) = settings.config.rules.severity.get(detector.meta().id) {
            for f in &mut findings[start..] {
                f.severity = severity;
            }
        }
    }
    // A line is explained by a specific finding on it, or by one whose evidence points at it.
    let claimed: crate::text::FastSet<(Family, usize)> = findings
        .iter()
        .filter_map(|f| registry::find(f.rule).filter(|m| !m.fallback).map(|m| (m.family, f)))
        .flat_map(|(family, f)| {
            let spans = std::iter::once(f.span).chain(f.related.iter().map(|r| r.span));
            spans.map(move |s| (family, doc.line_index(s.start)))
        })
        .collect();
    findings.retain(|f| match registry::find(f.rule) {
        Some(m) if m.fallback => !claimed.contains(&(m.family, doc.line_index(f.span.start))),
        _ => true,
    });
    sort_findings(&mut findings);
    findings
}

/// Lines and columns of increasing offsets, counted forward from the previous one, so that
/// many findings on one long line cost one pass over it, not one pass each.
struct ColumnCursor<'a> {
    doc: &'a View,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> ColumnCursor<'a> {
    fn new(doc: &'a View) -> Self {
        ColumnCursor { doc, offset: 0, line: 1, column: 1 }
    }

    /// 1-based line and column of `offset`; offsets should mostly come in increasing order.
    fn at(&mut self, offset: usize) -> (usize, usize) {
        let offset = crate::text::floor_char_boundary(&self.doc.text, offset);
        let line = self.doc.line_index(offset) + 1;
        if offset < self.offset || line != self.line {
            (self.line, self.column) = self.doc.line_col(offset);
        } else {
            self.column += self.doc.text[self.offset..offset].chars().count();
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

fn report_finding(doc: &View, columns: &mut ColumnCursor, f: &Finding, contribution: Contribution) -> ReportedFinding {
    let meta = registry::find(f.rule);
    let (line, column) = columns.at(f.span.start);
    // The end is counted from the start on the same line: one pass over the evidence.
    let (end_line, end_column) = if doc.line_index(f.span.end) + 1 == line {
        (line, column + doc.text[f.span.start..f.span.end].chars().count())
    } else {
        doc.line_col(f.span.end)
    };
    ReportedFinding {
        rule: f.rule,
        name: meta.map_or("", |m| m.name),
        family: meta.map_or(Family::Boilerplate, |m| m.family),
        severity: f.severity,
        start: f.span.start,
        end: f.span.end,
        line,
        column,
        end_line,
        end_column,
        evidence: clip(doc.slice(f.span), EVIDENCE_CHARS),
        message: f.message.clone(),
        suggestion: f.suggestion.clone(),
        related: f
            .related
            .iter()
            .map(|r| {
                let (line, column) = doc.line_col(r.span.start);
                ReportedSpan {
                    start: r.span.start,
                    end: r.span.end,
                    line,
                    column,
                    label: r.label.clone(),
                    evidence: clip(doc.slice(r.span), EVIDENCE_CHARS),
                }
            })
            .collect(),
        contribution,
        excerpt: excerpt(doc, f.span),
    }
}

/// The line holding the start of `span`, clipped to a window around it.
fn excerpt(doc: &View, span: crate::finding::Span) -> Excerpt {
    let line_index = doc.line_index(span.start);
    let line = doc.line_span(line_index);
    let text = &doc.text;
    let ev_start = span.start.clamp(line.start, line.end);
    let ev_end = span.end.min(line.end).max(ev_start);
    let window_start = {
        let back = text[line.start..ev_start]
            .char_indices()
            .rev()
            .nth(EXCERPT_CONTEXT - 1)
            .map_or(line.start, |(i, _)| line.start + i);
        floor_char_boundary(text, back)
    };
    let ev_end_clipped = ceil_char_boundary(text, ev_end.min(ev_start + EXCERPT_EVIDENCE_BYTES));
    let window_end = {
        let forward = text[ev_end_clipped..line.end]
            .char_indices()
            .nth(EXCERPT_CONTEXT)
            .map_or(line.end, |(i, _)| ev_end_clipped + i);
        ceil_char_boundary(text, forward)
    };
    let prefix = if window_start > line.start { "…" } else { "" };
    let suffix = if window_end < line.end { "…" } else { "" };
    let body = &text[window_start..window_end];
    let offset = prefix.len();
    Excerpt {
        line: line_index + 1,
        text: format!("{prefix}{body}{suffix}"),
        range: offset + (ev_start - window_start)..offset + (ev_end_clipped - window_start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// Texts that stress segmentation and every detector: long runs, odd scripts, lone marks.
    fn pathological() -> Vec<String> {
        vec![
            "miles ".repeat(20_000),
            format!("Non.{}»", " ".repeat(50_000)),
            "5 miles, ".repeat(5_000),
            "The AI translated this article automatically. ".repeat(2_000),
            "ai translated versions machine ".repeat(3_000),
            "#a ".repeat(10_000),
            "\u{301}\u{302}\u{303}".repeat(5_000),
            "مرحبا بالعالم ".repeat(3_000) + "Le président a déclaré.",
            "«»“”\"'’".repeat(5_000),
            "\r\n".repeat(10_000) + "x",
            "1. Reply\n".repeat(5_000),
            format!("JAKARTA -{}", " a".repeat(40_000)),
            "İ".repeat(10_000) + " ẞ K",
            "a".repeat(200_000),
            "\u{a0}Jean\u{a0}Dupont/AFP\n".repeat(2_000),
        ]
    }

    #[test]
    fn pathological_texts_give_findings_inside_the_text() {
        let settings = Settings::new(Config::default()).unwrap();
        for text in pathological() {
            let len = text.len();
            let (report, back) = analyze("p".into(), Origin::file("p"), text, &settings);
            assert_eq!(back.len(), len);
            assert!((0.0..=100.0).contains(&report.score.overall));
            for f in &report.findings {
                assert!(f.start <= f.end && f.end <= len, "{} {}..{}", f.rule, f.start, f.end);
                assert!(back.is_char_boundary(f.start) && back.is_char_boundary(f.end), "{}", f.rule);
                assert!(f.line >= 1 && f.column >= 1);
                for r in &f.related {
                    assert!(r.end <= len && back.is_char_boundary(r.start) && back.is_char_boundary(r.end));
                }
            }
        }
    }

    #[test]
    fn a_rule_keeps_at_most_a_thousand_findings_and_places_per_document() {
        let settings = Settings::new(Config::default()).unwrap();
        let text = "Partager sur Facebook\n".repeat(1500);
        let (report, _) = analyze("p".into(), Origin::file("p"), text, &settings);
        let interface: Vec<&ReportedFinding> = report.findings.iter().filter(|f| f.rule == "MT402").collect();
        assert_eq!(interface.len(), MAX_FINDINGS_PER_RULE);
        assert!(interface.last().unwrap().message.ends_with("(and 500 more of this rule in the document)"));
        let repeats = report.findings.iter().find(|f| f.rule == "MT401").unwrap();
        assert_eq!(repeats.related.len(), MAX_FINDINGS_PER_RULE);
        assert!(repeats.message.ends_with("(and 499 more places not listed)"), "{}", repeats.message);
    }
}
