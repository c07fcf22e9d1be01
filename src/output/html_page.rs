//! The HTML report's page: the summary, a histogram of scores with the threshold (inline SVG),
//! findings per rule and family, the per-site table, every document in a table (worst first),
//! the worst documents in full with their findings marked in their text, and the explanations
//! of the rules that fired. No external resource; the page reads without script, and a little
//! inline script sorts and filters the tables. Every text from the input is escaped.

use super::diff_report::escape;
use super::emitter::Summary;
use crate::analysis::{DocReport, ReportedFinding};
use crate::finding::Severity;
use crate::gate::Verdict;
use crate::registry;
use crate::rule::Family;
use crate::site_table::{NO_SITE, SiteTable};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A document longer than this is shown by its findings' excerpts instead of in full.
pub const MAX_SHOWN_TEXT_BYTES: usize = 64 * 1024;
/// Findings of one document listed and marked; the others are counted.
const MAX_SHOWN_FINDINGS: usize = 200;
/// Findings named in the tooltip of one marked stretch, each message clipped to
/// `TITLE_MESSAGE_CHARS`: the page's size stays proportional to its findings.
const TITLE_FINDINGS: usize = 3;
const TITLE_MESSAGE_CHARS: usize = 160;
/// Sites listed; the others are counted.
const MAX_SITE_ROWS: usize = 1_000;
/// Width of a histogram bin, in score points.
const BIN_POINTS: usize = 5;

/// One document's row of the table.
pub struct Row {
    pub seq: u64,
    pub id: String,
    pub score: f64,
    pub translation: f64,
    pub boilerplate: f64,
    pub verdict: Verdict,
    pub language: &'static str,
    pub site: Option<String>,
    pub findings: usize,
    /// The rules that fired, each once, in id order.
    pub rules: Vec<&'static str>,
}

/// A document kept in full.
pub struct Shown {
    pub seq: u64,
    pub report: DocReport,
    pub text: Option<String>,
}

fn verdict_class(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Accept => "accept",
        Verdict::Reject => "reject",
    }
}

pub fn write_summary(page: &mut String, summary: &Summary, languages: &BTreeMap<&'static str, u64>) {
    let documents = summary.tally.accepted + summary.tally.rejected;
    let _ = write!(
        page,
        "<header><h1>mtaudit report</h1>\n<dl id=\"summary\" data-documents=\"{documents}\" data-accepted=\"{}\" \
         data-rejected=\"{}\" data-errors=\"{}\" data-skipped=\"{}\">\n",
        summary.tally.accepted, summary.tally.rejected, summary.tally.errored, summary.skipped
    );
    let mut item = |term: &str, value: String| {
        let _ = writeln!(page, "<div><dt>{}</dt><dd>{}</dd></div>", escape(term), value);
    };
    item("inputs read", summary.read.to_string());
    item("documents", documents.to_string());
    item("accepted", summary.tally.accepted.to_string());
    item("rejected", format!("<span class=\"reject\">{}</span>", summary.tally.rejected));
    item("errors", summary.tally.errored.to_string());
    item("skipped", summary.skipped.to_string());
    item("bytes", summary.bytes.to_string());
    item("threshold", format!("{:.1}", summary.threshold));
    let langs: Vec<String> = languages.iter().map(|(code, n)| format!("{} {n}", escape(code))).collect();
    item("languages", langs.join(", "));
    page.push_str("</dl>\n<nav><a href=\"#histogram\">scores</a> · <a href=\"#rules\">rules</a>");
    page.push_str(" · <a href=\"#documents\">documents</a> · <a href=\"#shown\">worst documents</a>");
    page.push_str(" · <a href=\"#explanations\">explanations</a></nav></header>\n");
}

/// An inline SVG bar chart of overall scores in bins of `BIN_POINTS`, with the threshold.
pub fn write_histogram(page: &mut String, bins: &[u64; 101], threshold: f64) {
    let groups = 100 / BIN_POINTS; // the last bin takes 100 too
    let mut counts = vec![0u64; groups];
    for (score, &n) in bins.iter().enumerate() {
        counts[(score / BIN_POINTS).min(groups - 1)] += n;
    }
    let highest = counts.iter().copied().max().unwrap_or(0).max(1);
    let (width, height, left, bottom, top) = (600.0, 200.0, 40.0, 24.0, 10.0);
    let plot_w = width - left - 24.0;
    let plot_h = height - bottom - top;
    let bar_w = plot_w / groups as f64;
    let _ = write!(
        page,
        "<section id=\"histogram\"><h2>Scores</h2>\n<svg role=\"img\" aria-labelledby=\"histogram-title\" \
         viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">\n<title id=\"histogram-title\">\
         Documents by overall score, in bins of {BIN_POINTS} points; threshold {threshold:.1}</title>\n"
    );
    for (i, &n) in counts.iter().enumerate() {
        let h = plot_h * n as f64 / highest as f64;
        let x = left + i as f64 * bar_w;
        let y = top + plot_h - h;
        let from = i * BIN_POINTS;
        let to = if i + 1 == groups { 100 } else { from + BIN_POINTS - 1 };
        let below = ((from + BIN_POINTS) as f64) <= threshold;
        let _ = writeln!(
            page,
            "<rect class=\"bar{}\" data-from=\"{from}\" data-count=\"{n}\" x=\"{x:.1}\" y=\"{y:.1}\" \
             width=\"{:.1}\" height=\"{h:.1}\"><title>{from}–{to}: {n} documents</title></rect>",
            if below { " below" } else { "" },
            bar_w - 1.0
        );
    }
    let tx = left + plot_w * threshold.clamp(0.0, 100.0) / 100.0;
    let _ = writeln!(
        page,
        "<line class=\"threshold\" x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"{top}\" y2=\"{:.1}\"/>\
         <text x=\"{:.1}\" y=\"{:.1}\" class=\"label\">threshold {threshold:.1}</text>",
        top + plot_h,
        tx + 3.0,
        top + 10.0
    );
    let _ = writeln!(
        page,
        "<line class=\"axis\" x1=\"{left}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\"/>",
        left + plot_w,
        top + plot_h,
        top + plot_h
    );
    for tick in (0..=100).step_by(20) {
        let x = left + plot_w * tick as f64 / 100.0;
        let _ = writeln!(page, "<text class=\"label\" x=\"{x:.1}\" y=\"{:.1}\">{tick}</text>", height - 6.0);
    }
    let _ = writeln!(page, "<text class=\"label\" x=\"2\" y=\"{:.1}\">{highest}</text>", top + 10.0);
    page.push_str("</svg></section>\n");
}

pub fn write_rules(page: &mut String, rules: &BTreeMap<&'static str, (u64, u64)>, families: &BTreeMap<Family, u64>) {
    page.push_str("<section id=\"rules\"><h2>Findings by rule</h2>\n");
    if rules.is_empty() {
        page.push_str("<p>No finding.</p></section>\n");
        return;
    }
    page.push_str(
        "<table class=\"sortable\"><thead><tr><th>rule</th><th>name</th><th>family</th>\
         <th class=\"num\">findings</th><th class=\"num\">documents</th></tr></thead><tbody>\n",
    );
    for (rule, (findings, documents)) in rules {
        let meta = registry::find(rule);
        let _ = writeln!(
            page,
            "<tr class=\"rule\" data-rule=\"{r}\"><td><a href=\"#rule-{r}\">{r}</a></td><td>{}</td><td>{}</td>\
             <td class=\"num\">{findings}</td><td class=\"num\">{documents}</td></tr>",
            escape(meta.map_or("", |m| m.name)),
            meta.map_or("", |m| m.family.as_str()),
            r = escape(rule),
        );
    }
    page.push_str("</tbody></table>\n<h3>By family</h3>\n<table><thead><tr><th>family</th>");
    page.push_str("<th class=\"num\">findings</th></tr></thead><tbody>\n");
    for (family, n) in families {
        let _ = writeln!(page, "<tr><td>{}</td><td class=\"num\">{n}</td></tr>", family.as_str());
    }
    page.push_str("</tbody></table></section>\n");
}

pub fn write_sites(page: &mut String, sites: &SiteTable) {
    page.push_str("<section id=\"sites\"><h2>Sites</h2>\n<table class=\"sortable\"><thead><tr><th>site</th>");
    page.push_str(
        "<th class=\"num\">pages</th><th class=\"num\">rejected</th><th class=\"num\">median translation</th>",
    );
    page.push_str("<th class=\"num\">pages with evidence</th><th>top rules</th></tr></thead><tbody>\n");
    let rows = sites.rows();
    for row in rows.iter().take(MAX_SITE_ROWS) {
        let rules: Vec<String> = row.top_rules.iter().map(|(r, n)| format!("{} ({n})", escape(r))).collect();
        let name = if row.site == NO_SITE { "<em>no site</em>".to_string() } else { escape(&row.site) };
        let _ = writeln!(
            page,
            "<tr class=\"site\"><td>{name}</td><td class=\"num\">{}</td><td class=\"num\">{} ({:.0}%)</td>\
             <td class=\"num\">{:.1}</td><td class=\"num\">{:.0}%</td><td>{}</td></tr>",
            row.pages,
            row.rejected,
            100.0 * row.rejected_share,
            row.median_translation,
            100.0 * row.evidence_share,
            rules.join(", ")
        );
    }
    page.push_str("</tbody></table>\n");
    if rows.len() > MAX_SITE_ROWS {
        let _ = writeln!(page, "<p>{} more sites are not listed.</p>", rows.len() - MAX_SITE_ROWS);
    }
    page.push_str("</section>\n");
}

pub fn write_table(page: &mut String, rows: &[Row], dropped: u64, shown: &BTreeMap<u64, usize>) {
    page.push_str("<section id=\"documents\"><h2>Documents, worst first</h2>\n");
    page.push_str(
        "<p class=\"filter\"><label>Filter <input id=\"filter\" type=\"search\" \
         placeholder=\"id, verdict, rule, site\"></label></p>\n",
    );
    page.push_str(
        "<table id=\"document-table\" class=\"sortable\"><thead><tr><th class=\"num\">#</th><th>document</th>\
         <th class=\"num\">score</th><th class=\"num\">translation</th><th class=\"num\">boilerplate</th>\
         <th>verdict</th><th>language</th><th>site</th><th class=\"num\">findings</th><th>rules</th></tr></thead><tbody>\n",
    );
    for (rank, row) in rows.iter().enumerate() {
        let id = escape(&row.id);
        let name = match shown.get(&row.seq) {
            Some(n) => format!("<a href=\"#doc-{n}\">{id}</a>"),
            None => id.clone(),
        };
        let _ = writeln!(
            page,
            "<tr class=\"doc\" data-verdict=\"{v}\" data-id=\"{id}\" data-score=\"{:.1}\" data-findings=\"{}\"><td class=\"num\">{}</td>\
             <td>{name}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}</td><td class=\"num\">{:.1}</td>\
             <td class=\"{v}\">{v}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"rules\">{}</td></tr>",
            row.score,
            row.findings,
            rank + 1,
            row.score,
            row.translation,
            row.boilerplate,
            escape(row.language),
            escape(row.site.as_deref().unwrap_or("")),
            row.findings,
            row.rules.join(" "),
            v = verdict_class(row.verdict),
        );
    }
    page.push_str("</tbody></table>\n");
    if dropped > 0 {
        let _ = writeln!(
            page,
            "<p id=\"not-listed\" data-count=\"{dropped}\">{dropped} more documents, all scoring at least as \
             high as the last row, are not listed.</p>"
        );
    }
    page.push_str("</section>\n");
}

pub fn write_documents(page: &mut String, shown: &[Shown]) {
    let heading = match shown.len() {
        0 => "No document to show".to_string(),
        1 => "The worst document, in full".to_string(),
        n => format!("The {n} worst documents, in full"),
    };
    let _ = writeln!(page, "<section id=\"shown\"><h2>{heading}</h2>");
    for (i, doc) in shown.iter().enumerate() {
        let r = &doc.report;
        let _ = writeln!(
            page,
            "<article class=\"document\" data-verdict=\"{v}\" id=\"doc-{n}\" data-id=\"{id}\" data-findings=\"{}\">\n\
             <h3>{n}. {id}</h3>\n<p class=\"meta\">score <strong>{:.1}</strong> (translation {:.1}, boilerplate {:.1}) · \
             <span class=\"{v}\">{v}</span> · {} ({}) · {} words{}</p>",
            r.findings.len(),
            r.score.overall,
            r.score.translation,
            r.score.boilerplate,
            escape(r.language.name),
            escape(r.language.code),
            r.words,
            r.origin.site.as_deref().map(|s| format!(" · site {}", escape(s))).unwrap_or_default(),
            n = i + 1,
            id = escape(&r.id),
            v = verdict_class(r.verdict),
        );
        let findings = &r.findings[..r.findings.len().min(MAX_SHOWN_FINDINGS)];
        if !findings.is_empty() {
            page.push_str("<ol class=\"findings\">\n");
            for (k, f) in findings.iter().enumerate() {
                let _ = writeln!(
                    page,
                    "<li class=\"finding {sev}\" id=\"doc-{n}-f{k}\"><a href=\"#rule-{rule}\">{rule}</a> \
                     <span class=\"sev\">{sev}</span> line {}:{} — {}{} <span class=\"cost\">−{:.1} points</span></li>",
                    f.line,
                    f.column,
                    escape(&f.message),
                    f.suggestion.as_deref().map(|s| format!(" <em>suggestion: {}</em>", escape(s))).unwrap_or_default(),
                    f.contribution.points,
                    n = i + 1,
                    rule = escape(f.rule),
                    sev = f.severity.as_str(),
                );
            }
            page.push_str("</ol>\n");
            if r.findings.len() > findings.len() {
                let _ = writeln!(
                    page,
                    "<p class=\"note\">{} more findings are not listed (the JSON report has them all).</p>",
                    r.findings.len() - findings.len()
                );
            }
        }
        match &doc.text {
            Some(text) if text.len() <= MAX_SHOWN_TEXT_BYTES => {
                page.push_str("<pre class=\"text\">");
                page.push_str(&marked_text(text, findings, i + 1));
                page.push_str("</pre>\n");
            }
            _ => {
                // Too long to show whole (or not kept): each finding in its context.
                if !findings.is_empty() {
                    page.push_str("<p class=\"note\">The text is shown by its findings' excerpts.</p>\n");
                }
                for f in findings {
                    let e = &f.excerpt;
                    let text = e.text.as_str();
                    let (start, end) = (e.range.start.min(text.len()), e.range.end.min(text.len()));
                    if text.is_char_boundary(start) && text.is_char_boundary(end) && start <= end {
                        let _ = writeln!(
                            page,
                            "<pre class=\"excerpt\">{}<mark class=\"{}\">{}</mark>{}</pre>",
                            escape(&text[..start]),
                            f.severity.as_str(),
                            escape(&text[start..end]),
                            escape(&text[end..])
                        );
                    }
                }
            }
        }
        page.push_str("</article>\n");
    }
    page.push_str("</section>\n");
}

/// The text escaped, with each stretch that a finding covers in a `<mark>` naming its findings.
/// Overlapping findings split the text at every start and end.
fn marked_text(text: &str, findings: &[ReportedFinding], doc: usize) -> String {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for f in findings {
        for at in [f.start, f.end] {
            if at <= text.len() && text.is_char_boundary(at) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() + findings.len() * 80);
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let covering: Vec<(usize, &ReportedFinding)> =
            findings.iter().enumerate().filter(|(_, f)| f.start <= from && to <= f.end && f.start < f.end).collect();
        let piece = escape(&text[from..to]);
        if covering.is_empty() {
            out.push_str(&piece);
            continue;
        }
        let severity = covering.iter().map(|(_, f)| f.severity).max().unwrap_or(Severity::Info);
        let mut title: Vec<String> = covering
            .iter()
            .take(TITLE_FINDINGS)
            .map(|(_, f)| format!("{}: {}", f.rule, crate::text::clip(&f.message, TITLE_MESSAGE_CHARS)))
            .collect();
        if covering.len() > TITLE_FINDINGS {
            title.push(format!("and {} more", covering.len() - TITLE_FINDINGS));
        }
        let first = covering[0].0;
        let _ = write!(
            out,
            "<mark class=\"{}\" title=\"{}\" data-finding=\"doc-{doc}-f{first}\">{piece}</mark>",
            severity.as_str(),
            escape(&title.join("\n"))
        );
    }
    out
}

pub fn write_problems(page: &mut String, problems: &[(String, String)], dropped: u64) {
    if problems.is_empty() {
        return;
    }
    page.push_str("<section id=\"problems\"><h2>Inputs not scored</h2>\n<ul>\n");
    for (origin, what) in problems {
        let _ = writeln!(page, "<li class=\"problem\">{}: {}</li>", escape(origin), escape(what));
    }
    page.push_str("</ul>\n");
    if dropped > 0 {
        let _ = writeln!(page, "<p>{dropped} more are not listed.</p>");
    }
    page.push_str("</section>\n");
}

pub fn write_explanations(page: &mut String, rules: &BTreeMap<&'static str, (u64, u64)>) {
    page.push_str("<section id=\"explanations\"><h2>What the rules look for</h2>\n");
    for rule in rules.keys() {
        let Some(meta) = registry::find(rule) else { continue };
        let _ = writeln!(
            page,
            "<details id=\"rule-{id}\"><summary>{id} {}: {}</summary><pre class=\"explanation\">{}</pre></details>",
            escape(meta.name),
            escape(meta.summary),
            escape(meta.explanation),
            id = escape(meta.id),
        );
    }
    page.push_str("</section>\n");
}

pub const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mtaudit report</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #222; }
h1 { margin-bottom: .3em; }
dl#summary { display: flex; flex-wrap: wrap; gap: .4em 1.6em; margin: .5em 0; }
dl#summary div { display: flex; gap: .4em; }
dt { color: #666; } dd { margin: 0; font-weight: 600; }
nav { margin: .6em 0 1.2em; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { border-bottom: 1px solid #ddd; padding: .2em .6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; cursor: default; }
table.sortable th { cursor: pointer; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.reject { color: #b00020; } .accept { color: #1b6e20; }
svg .bar { fill: #6a8caf; } svg .bar.below { fill: #c0504d; }
svg .threshold { stroke: #222; stroke-dasharray: 4 3; } svg .axis { stroke: #888; }
svg .label { font-size: 11px; fill: #444; }
article.document { border-top: 2px solid #ccc; margin-top: 1.5em; }
pre.text, pre.excerpt, pre.explanation { white-space: pre-wrap; word-wrap: break-word; background: #fafafa; padding: .6em; border: 1px solid #eee; }
mark.error { background: #f8b4b4; } mark.warning { background: #fde68a; } mark.info { background: #dbeafe; }
td.rules { max-width: 16em; }
li.finding .sev { font-size: 85%; color: #666; } li.finding .cost { color: #888; font-size: 85%; }
details { margin: .3em 0; } summary { cursor: pointer; }
</style>
</head>
<body>
"#;

/// Sorting by a column header and filtering the document table; the page reads without it.
pub const SCRIPT: &str = r##"<script>
(function () {
  function key(cell) {
    var t = cell.textContent.trim();
    var n = parseFloat(t);
    return isNaN(n) || !/^-?[0-9.]+/.test(t) ? t.toLowerCase() : n;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, column) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var up = th.getAttribute("data-order") !== "up";
        th.setAttribute("data-order", up ? "up" : "down");
        rows.sort(function (a, b) {
          var x = key(a.cells[column]), y = key(b.cells[column]);
          return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  var filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      document.querySelectorAll("#document-table tbody tr").forEach(function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  }
})();
</script>
"##;
