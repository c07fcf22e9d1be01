//! Human text: rustc-style snippets with the evidence underlined, then a summary table.

use super::emitter::{Emitter, Summary};
use crate::analysis::DocReport;
use crate::engine::Record;
use crate::finding::Severity;
use crate::input::{InputError, Origin};
use crate::text::clip;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::io::Write;

pub struct TextEmitter<W: Write> {
    out: W,
    renderer: Renderer,
    /// Print documents without findings too.
    verbose: bool,
}

impl<W: Write> TextEmitter<W> {
    pub fn new(out: W, color: bool, verbose: bool) -> Self {
        let renderer = if color { Renderer::styled() } else { Renderer::plain() };
        TextEmitter { out, renderer, verbose }
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

impl<W: Write> Emitter for TextEmitter<W> {
    fn document(&mut self, r: &DocReport, _record: Option<&Record>, _text: Option<&str>) -> std::io::Result<()> {
        if r.findings.is_empty() && !self.verbose {
            return Ok(());
        }
        writeln!(
            self.out,
            "{}: score {:.1} (translation {:.1}, boilerplate {:.1}) · {} {:.2} · {} words · {} finding{} · {}",
            r.id,
            r.score.overall,
            r.score.translation,
            r.score.boilerplate,
            r.language.code,
            r.language.confidence,
            r.words,
            r.findings.len(),
            if r.findings.len() == 1 { "" } else { "s" },
            r.verdict.as_str().to_uppercase(),
        )?;
        for f in &r.findings {
            let snippet = Snippet::source(f.excerpt.text.as_str())
                .line_start(f.excerpt.line)
                .path(r.id.as_str())
                .annotation(AnnotationKind::Primary.span(f.excerpt.range.clone()));
            let mut groups = vec![level(f.severity).primary_title(f.message.as_str()).id(f.rule).element(snippet)];
            if let Some(s) = &f.suggestion {
                groups.push(Group::with_title(Level::HELP.secondary_title(s.as_str())));
            }
            let related: Vec<String> = f
                .related
                .iter()
                .map(|rel| {
                    format!("{} at line {}, column {}: “{}”", rel.label, rel.line, rel.column, clip(&rel.evidence, 80))
                })
                .collect();
            for note in &related {
                groups.push(Group::with_title(Level::NOTE.secondary_title(note.as_str())));
            }
            groups.push(Group::with_title(
                Level::NOTE.secondary_title(format!("{} ({}), −{:.1} points", f.name, f.family, f.contribution.points)),
            ));
            writeln!(self.out, "{}", self.renderer.render(&groups))?;
        }
        writeln!(self.out)
    }

    fn error(&mut self, e: &InputError) -> std::io::Result<()> {
        writeln!(self.out, "error[input]: {}: {}\n", e.origin, e.reason)
    }

    fn skipped(&mut self, _origin: &Origin, _reason: &str) -> std::io::Result<()> {
        // Counted with their reasons in the summary; listing each would drown the report.
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> std::io::Result<()> {
        if !s.worst.is_empty() {
            writeln!(
                self.out,
                "{:>6} {:>6} {:>6} {:>8}  {:<7} document",
                "score", "transl", "boiler", "findings", "verdict"
            )?;
            for row in &s.worst {
                writeln!(
                    self.out,
                    "{:>6.1} {:>6.1} {:>6.1} {:>8}  {:<7} {}",
                    row.score,
                    row.translation,
                    row.boilerplate,
                    row.findings,
                    row.verdict.as_str(),
                    row.id
                )?;
            }
            if s.not_shown > 0 {
                writeln!(self.out, "… and {} more documents scoring higher", s.not_shown)?;
            }
            writeln!(self.out)?;
        }
        if !s.findings_by_rule.is_empty() {
            let rules: Vec<String> = s.findings_by_rule.iter().map(|(r, n)| format!("{r} {n}")).collect();
            writeln!(self.out, "findings by rule: {}", rules.join(", "))?;
        }
        let t = &s.tally;
        write!(
            self.out,
            "{} input{} read: {} accepted, {} rejected (score below {}), {} errored",
            s.read,
            if s.read == 1 { "" } else { "s" },
            t.accepted,
            t.rejected,
            s.threshold,
            t.errored
        )?;
        if s.skipped > 0 {
            let reasons: Vec<String> = s.skipped_reasons.iter().map(|(r, n)| format!("{n} {r}")).collect();
            write!(self.out, "; {} skipped ({})", s.skipped, reasons.join("; "))?;
        }
        writeln!(self.out)?;
        self.out.flush()
    }
}
