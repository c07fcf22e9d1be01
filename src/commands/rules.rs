//! `mtaudit rules`: the list of rules, as text, JSON or the README's Markdown table.

use crate::cli::RulesFormat;
use anyhow::Result;
use mtaudit::registry;
use std::io::{BufWriter, Write};

pub(super) fn run(format: RulesFormat) -> Result<u8> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        RulesFormat::Json => {
            let rules: Vec<serde_json::Value> = registry::all()
                .iter()
                .map(|d| {
                    let m = d.meta();
                    serde_json::json!({
                        "id": m.id, "name": m.name, "family": m.family, "default_severity": m.default_severity,
                        "default_weight": m.default_weight, "summary": m.summary, "explanation": m.explanation,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &rules)?;
            writeln!(out)?;
        }
        RulesFormat::Markdown | RulesFormat::Text => {
            let markdown = format == RulesFormat::Markdown;
            let header =
                ["id", "name", "family", "severity", "weight", if markdown { "what it flags" } else { "summary" }];
            let rows = registry::all().iter().map(|d| {
                let m = d.meta();
                let summary = if markdown { m.summary.replace('|', "\\|") } else { m.summary.to_string() };
                [
                    m.id.to_string(),
                    m.name.to_string(),
                    m.family.to_string(),
                    m.default_severity.to_string(),
                    m.default_weight.to_string(),
                    summary,
                ]
            });
            if markdown {
                writeln!(out, "| {} |", header.join(" | "))?;
                writeln!(out, "|---|---|---|---|---:|---|")?;
                for row in rows {
                    writeln!(out, "| {} |", row.join(" | "))?;
                }
            } else {
                let line =
                    |r: &[&str]| format!("{:<6} {:<31} {:<12} {:<8} {:>6}  {}", r[0], r[1], r[2], r[3], r[4], r[5]);
                writeln!(out, "{}", line(&header))?;
                for row in rows {
                    writeln!(out, "{}", line(&row.each_ref().map(String::as_str)))?;
                }
            }
        }
    }
    out.flush()?;
    Ok(0)
}
