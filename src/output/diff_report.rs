//! `mtaudit diff` reports: text with inline word diffs, and one self-contained HTML page.

use crate::passages::diff::Piece;
use crate::passages::{Cluster, DiffReport, DocumentRef, Rendering};
use std::io::{self, Write};

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

fn place(doc: &DocumentRef, line: u32) -> String {
    match doc.record_line {
        Some(record) => format!("{} ({}:{record}) line {line}", doc.id, doc.source),
        None => format!("{}:{line}", doc.id),
    }
}

/// Clusters largest first; each rendering against the representative, `[-removed-]{+added+}`
/// (in colour on a terminal), with the classes of its changes and where it occurs.
pub fn write_text(report: &DiffReport, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let paint = |code: &'static str| if color { code } else { "" };
    report.clusters.for_each(|cluster| -> io::Result<()> {
        writeln!(
            out,
            "{}cluster {}{}: {} seen {} times in {} document{}, {} rendering{}",
            paint(BOLD),
            cluster.id,
            paint(RESET),
            kind_name(cluster),
            cluster.size,
            cluster.documents,
            plural(cluster.documents),
            cluster.renderings.len(),
            plural(cluster.renderings.len()),
        )?;
        for (i, rendering) in cluster.renderings.iter().enumerate() {
            if i == 0 {
                writeln!(out, "  = representative, {}", places(report, rendering))?;
                writeln!(out, "    {}", rendering.text)?;
                continue;
            }
            writeln!(out, "  ~ similarity {:.2}, {}", rendering.similarity, places(report, rendering))?;
            let mut line = String::new();
            for piece in &rendering.pieces {
                match piece {
                    Piece::Equal { text } => line.push_str(text),
                    Piece::Delete { text } => {
                        line.push_str(&format!("{}[-{}-]{}", paint(RED), text.trim_end(), paint(RESET)));
                        if text.ends_with(char::is_whitespace) {
                            line.push(' ');
                        }
                    }
                    Piece::Insert { text } => {
                        line.push_str(&format!("{}{{+{}+}}{}", paint(GREEN), text.trim_end(), paint(RESET)));
                        if text.ends_with(char::is_whitespace) {
                            line.push(' ');
                        }
                    }
                }
            }
            writeln!(out, "    {}", line.trim_end())?;
            for change in &rendering.changes {
                let (old, new) = (
                    if change.old.is_empty() { "∅" } else { &change.old },
                    if change.new.is_empty() { "∅" } else { &change.new },
                );
                writeln!(out, "      {}: {} → {}", change.class.label(), old, new)?;
            }
        }
        writeln!(out)
    })?;
    for pair in &report.document_pairs {
        writeln!(
            out,
            "document {} {} {} ({:.0}% of its sentences)",
            report.documents[pair.first].id,
            if pair.relation == "exact" { "is an exact copy of" } else { "is mostly a copy of" },
            report.documents[pair.second].id,
            pair.share * 100.0
        )?;
    }
    writeln!(out, "{}", summary_line(report))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `doc:line, doc:line … (and N more)`.
fn places(report: &DiffReport, rendering: &Rendering) -> String {
    let mut listed: Vec<String> =
        rendering.locations.iter().map(|l| place(&report.documents[l.document], l.line)).collect();
    if rendering.more_locations > 0 {
        listed.push(format!("and {} more", rendering.more_locations));
    }
    format!("{}× at {}", rendering.count, listed.join(", "))
}

fn summary_line(report: &DiffReport) -> String {
    format!(
        "{} clusters · {} passages ({} distinct) in {} documents · {} candidate pairs, {} verified (similarity ≥ {:.2})",
        report.clusters.len(),
        report.passages,
        report.renderings,
        report.documents_read,
        report.candidate_pairs,
        report.verified_pairs,
        report.min_similarity
    )
}

fn kind_name(cluster: &Cluster) -> &'static str {
    match cluster.kind {
        crate::passages::sketch::Kind::Quote => "quotation",
        crate::passages::sketch::Kind::Sentence => "sentence",
        crate::passages::sketch::Kind::Paragraph => "paragraph",
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:2em;max-width:80em;color:#222}\
h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em;border-top:1px solid #ccc;padding-top:1em}\
table{border-collapse:collapse;width:100%}td,th{vertical-align:top;text-align:left;padding:.4em;border-bottom:1px solid #eee}\
th{width:14em;font-weight:normal;color:#555}del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}\
.changes,.where{color:#555;font-size:.9em}.rep{background:#f6f6f6}a{color:#036}code{font-size:.95em}";

/// One self-contained page: no script, no external resource, every piece of document text
/// escaped.
pub fn write_html(report: &DiffReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mtaudit diff</title><style>{STYLE}</style></head><body>"
    )?;
    writeln!(out, "<h1>Repeated passages</h1>")?;
    writeln!(out, "<p>{}</p>", escape(&summary_line(report)))?;
    if !report.document_pairs.is_empty() {
        writeln!(out, "<h2>Documents that repeat each other</h2><ul>")?;
        for pair in &report.document_pairs {
            writeln!(
                out,
                "<li>{} {} {} ({:.0}% of its sentences)</li>",
                doc_link(&report.documents[pair.first], None),
                if pair.relation == "exact" { "is an exact copy of" } else { "is mostly a copy of" },
                doc_link(&report.documents[pair.second], None),
                pair.share * 100.0
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    report.clusters.for_each(|cluster| -> io::Result<()> {
        writeln!(
            out,
            "<h2 id=\"cluster-{id}\">Cluster {id}: {kind} seen {size} times in {docs} document{s}</h2>",
            id = cluster.id,
            kind = kind_name(cluster),
            size = cluster.size,
            docs = cluster.documents,
            s = if cluster.documents == 1 { "" } else { "s" }
        )?;
        writeln!(out, "<table>")?;
        for (i, rendering) in cluster.renderings.iter().enumerate() {
            let mut cell = String::new();
            if rendering.pieces.is_empty() {
                cell.push_str(&escape(&rendering.text));
            }
            for piece in &rendering.pieces {
                match piece {
                    Piece::Equal { text } => cell.push_str(&escape(text)),
                    Piece::Delete { text } => cell.push_str(&format!("<del>{}</del>", escape(text))),
                    Piece::Insert { text } => cell.push_str(&format!("<ins>{}</ins>", escape(text))),
                }
            }
            let changes: Vec<String> = rendering
                .changes
                .iter()
                .map(|c| {
                    format!("{}: <code>{}</code> → <code>{}</code>", c.class.label(), escape(&c.old), escape(&c.new))
                })
                .collect();
            let mut links: Vec<String> =
                rendering.locations.iter().map(|l| doc_link(&report.documents[l.document], Some(l.line))).collect();
            if rendering.more_locations > 0 {
                links.push(format!("and {} more", rendering.more_locations));
            }
            let label =
                if i == 0 { "representative".to_string() } else { format!("similarity {:.2}", rendering.similarity) };
            writeln!(
                out,
                "<tr{}><th>{}× · {}<div class=\"where\">{}</div></th><td>{}<div class=\"changes\">{}</div></td></tr>",
                if i == 0 { " class=\"rep\"" } else { "" },
                rendering.count,
                label,
                links.join("<br>"),
                cell,
                changes.join("<br>")
            )?;
        }
        writeln!(out, "</table>")
    })?;
    writeln!(out, "</body></html>")
}

/// A link to the document's file (and line, for editors that read `#L`).
fn doc_link(doc: &DocumentRef, line: Option<u32>) -> String {
    let label = match (line, doc.record_line) {
        (Some(line), Some(record)) => format!("{} line {line} ({}:{record})", doc.id, doc.source),
        (Some(line), None) => format!("{}:{line}", doc.id),
        (None, _) => doc.id.clone(),
    };
    let target = match line {
        Some(line) if doc.record_line.is_none() => format!("{}#L{line}", doc.source),
        _ => doc.source.clone(),
    };
    format!("<a href=\"{}\">{}</a>", escape(&target), escape(&label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_special_characters_are_escaped() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
