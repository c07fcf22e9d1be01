//! `mtaudit sites`: the inputs analysed once and counted per site, worst site first.

use super::options::{apply_read_args, for_each_report, open_output};
use crate::cli::{SitesArgs, SitesFormat};
use anyhow::Result;
use mtaudit::analysis::Settings;
use mtaudit::config::Config;
use mtaudit::corpus_sketch::CorpusSketch;
use mtaudit::rule::{Family, ScoreGroup};
use mtaudit::site_table::{SiteRow, SiteTable};
use std::io::{BufWriter, Write};

/// The translation families, in report order.
fn translation_families() -> impl Iterator<Item = Family> {
    Family::ALL.into_iter().filter(|f| f.group() == ScoreGroup::Translation)
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn rules_text(row: &SiteRow) -> String {
    row.top_rules.iter().map(|(rule, pages)| format!("{rule} ({pages})")).collect::<Vec<_>>().join(", ")
}

fn write_text(rows: &[SiteRow], table: &SiteTable, errored: u64, out: &mut dyn Write) -> std::io::Result<()> {
    let width = rows.iter().map(|r| r.site.chars().count()).max().unwrap_or(4).clamp(4, 40);
    write!(
        out,
        "{:<width$}  {:>5}  {:>8}  {:>6}  {:>5}  {:>8}",
        "site", "pages", "rejected", "median", "p10", "evidence"
    )?;
    for family in translation_families() {
        write!(out, "  {:>10}", family.as_str())?;
    }
    writeln!(out, "  rules on most pages")?;
    for row in rows {
        write!(
            out,
            "{:<width$}  {:>5}  {:>8}  {:>6.0}  {:>5.0}  {:>8}",
            row.site,
            row.pages,
            percent(row.rejected_share),
            row.median_translation,
            row.low_translation,
            percent(row.evidence_share)
        )?;
        for family in translation_families() {
            write!(out, "  {:>10}", percent(row.evidence_by_family.get(&family).copied().unwrap_or(0.0)))?;
        }
        writeln!(out, "  {}", rules_text(row))?;
        if !row.examples.is_empty() {
            writeln!(out, "{:<width$}  worst pages: {}", "", row.examples.join(", "))?;
        }
    }
    writeln!(
        out,
        "{} pages on {} sites ({} listed); {} inputs could not be read",
        table.pages(),
        table.len(),
        rows.len(),
        errored
    )
}

fn write_csv(rows: &[SiteRow], out: &mut dyn Write) -> Result<()> {
    let mut csv = csv::Writer::from_writer(out);
    let mut header: Vec<String> =
        ["site", "pages", "rejected", "rejected_share", "median_translation", "low_translation", "evidence_share"]
            .map(String::from)
            .to_vec();
    header.extend(translation_families().map(|f| format!("evidence_{}", f.as_str())));
    header.extend(["top_rules".to_string(), "examples".to_string()]);
    csv.write_record(&header)?;
    for row in rows {
        let mut record = vec![
            row.site.clone(),
            row.pages.to_string(),
            row.rejected.to_string(),
            format!("{:.4}", row.rejected_share),
            format!("{:.0}", row.median_translation),
            format!("{:.0}", row.low_translation),
            format!("{:.4}", row.evidence_share),
        ];
        record.extend(
            translation_families().map(|f| format!("{:.4}", row.evidence_by_family.get(&f).copied().unwrap_or(0.0))),
        );
        record.push(rules_text(row));
        record.push(row.examples.join(" "));
        csv.write_record(&record)?;
    }
    csv.flush()?;
    Ok(())
}

pub(super) fn run(mut config: Config, args: SitesArgs) -> Result<u8> {
    apply_read_args(&mut config, &args.read, None)?;
    if let Some(path) = &args.sketch {
        let table = CorpusSketch::read_without_passages(path)?.sites.ok_or_else(|| {
            anyhow::anyhow!(
                "{}: the sketch counts no sites (make it with --site-field or --site-from-path)",
                path.display()
            )
        })?;
        return write_report(&table, 0, &args);
    }
    let settings = Settings::new(config)?;
    let mut table = SiteTable::default();
    let errored = for_each_report(&settings, &args.read, true, |report| table.add(&report))?;
    write_report(&table, errored, &args)
}

fn write_report(table: &SiteTable, errored: u64, args: &SitesArgs) -> Result<u8> {
    let rows: Vec<SiteRow> = table.rows().into_iter().filter(|r| r.pages >= args.min_pages).collect();
    let mut target = open_output(args.output.as_deref())?;
    {
        let mut out = BufWriter::new(&mut target);
        match args.format {
            SitesFormat::Text => write_text(&rows, table, errored, &mut out)?,
            SitesFormat::Json => {
                let report = serde_json::json!({
                    "pages": table.pages(),
                    "sites": table.len(),
                    "errored": errored,
                    "rows": rows,
                });
                serde_json::to_writer_pretty(&mut out, &report)?;
                writeln!(out)?;
            }
            SitesFormat::Csv => write_csv(&rows, &mut out)?,
        }
        out.flush()?;
    }
    target.commit()?;
    Ok(if errored > 0 { 1 } else { 0 })
}
