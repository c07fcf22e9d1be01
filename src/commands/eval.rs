//! `mtaudit eval`: accuracy on labelled documents (ROC AUC, precision and recall, ablations).

use super::labelled::{confusion_line, figure, samples};
use super::options::{apply_read_args, open_output};
use crate::cli::{EvalArgs, ReportFormat};
use anyhow::Result;
use mtaudit::config::Config;
use mtaudit::evaluation::{self, Evaluation};
use std::io::{BufWriter, Write};

fn write_evaluation(e: &Evaluation, unlabelled: usize, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{} labelled documents: {} machine translations, {} human texts ({} inputs without a label)",
        e.counts.documents, e.counts.machine_translations, e.counts.human_texts, unlabelled
    )?;
    writeln!(out, "ROC AUC {}", figure(e.roc_auc))?;
    writeln!(out, "at the threshold {:.1}: {}", e.at_threshold.threshold, confusion_line(&e.at_threshold))?;
    writeln!(out, "best F1 at {:.1}: {}", e.best_f1.threshold, confusion_line(&e.best_f1))?;
    writeln!(out, "without each family (ROC AUC, change):")?;
    for a in &e.ablations {
        let change = match (a.roc_auc, e.roc_auc) {
            (Some(without), Some(with)) => format!("{:+.3}", without - with),
            _ => "n/a".into(),
        };
        writeln!(out, "  {:<12} {} ({change})", a.family.as_str(), figure(a.roc_auc))?;
    }
    writeln!(out, "documents where each rule fired (machine translations / human texts):")?;
    for r in &e.rules {
        writeln!(out, "  {} {:>5} / {}", r.rule, r.machine_translations, r.human_texts)?;
    }
    Ok(())
}

pub(super) fn run(mut config: Config, args: EvalArgs) -> Result<u8> {
    apply_read_args(&mut config, &args.read, None)?;
    let (samples, unlabelled) = samples(&config, &args.read, &args.labels)?;
    let evaluation = evaluation::evaluate(&samples, &config);
    let mut writer = BufWriter::new(open_output(args.output.as_deref())?);
    match args.format {
        ReportFormat::Text => write_evaluation(&evaluation, unlabelled, &mut writer)?,
        ReportFormat::Json => {
            let mut value = serde_json::to_value(&evaluation)?;
            value["unlabelled"] = unlabelled.into();
            serde_json::to_writer_pretty(&mut writer, &value)?;
            writeln!(writer)?;
        }
    }
    writer.into_inner().map_err(|e| e.into_error())?.commit()?;
    Ok(0)
}
