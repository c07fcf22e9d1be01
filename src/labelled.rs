//! `mtaudit eval` and `mtaudit calibrate`: the inputs analysed once, joined to their labels.

use crate::cli::{CalibrateArgs, EvalArgs, LabelArgs, ReadArgs, ReportFormat};
use crate::commands::{apply_read_args, input_options, open_output, progress, threads, update};
use anyhow::{Context, Result, bail};
use mtaudit::analysis::Settings;
use mtaudit::config::Config;
use mtaudit::engine::{self, Outcome};
use mtaudit::evaluation::labels::{LabelFields, Labels};
use mtaudit::evaluation::metrics::Confusion;
use mtaudit::evaluation::{self, Calibration, Evaluation, Sample};
use mtaudit::input::Inputs;
use std::io::{BufWriter, Write};

/// The labelled documents among the inputs, in input order, and how many were not labelled.
fn samples(config: &Config, read: &ReadArgs, label_args: &LabelArgs) -> Result<(Vec<Sample>, usize)> {
    let fields = LabelFields {
        label: label_args.label_field.clone(),
        keys: label_args.key_field.clone(),
        group: label_args.group_field.clone(),
    };
    let labels = Labels::load(&label_args.labels, &fields).map_err(anyhow::Error::msg)?;
    let settings = Settings::new(config.clone())?;
    let inputs = Inputs::new(&read.inputs, input_options(&settings.config, read, false));
    let bar = progress(read.quiet);
    let (mut samples, mut unlabelled, mut errored) = (Vec::new(), 0usize, 0usize);
    engine::run(
        inputs,
        &settings,
        threads(read),
        |docs, bytes| update(&bar, docs, bytes),
        |outcome| {
            match outcome {
                Outcome::Document { report, .. } => match labels.get(&report.id, &report.origin.source) {
                    Some(label) => samples.push(Sample {
                        id: report.id.clone(),
                        mt: label.mt,
                        group: label.group.clone(),
                        words: report.words,
                        hits: report.findings.iter().map(|f| (f.rule, f.severity)).collect(),
                    }),
                    None => unlabelled += 1,
                },
                Outcome::Error(e) => {
                    errored += 1;
                    if !read.quiet {
                        eprintln!("mtaudit: {e}");
                    }
                }
                Outcome::Skipped { .. } => {}
            }
            Ok(())
        },
    )?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    if errored > 0 && !read.quiet {
        eprintln!("mtaudit: {errored} input(s) could not be read and are not counted");
    }
    if samples.is_empty() {
        bail!("no input document has a label in {}", label_args.labels.display());
    }
    Ok((samples, unlabelled))
}

fn figure(value: Option<f64>) -> String {
    value.map_or("n/a".into(), |v| format!("{v:.3}"))
}

fn confusion_line(c: &Confusion) -> String {
    format!(
        "precision {}, recall {}, F1 {} (rejected: {} machine translations, {} human texts; accepted: {} machine translations, {} human texts)",
        figure(c.precision),
        figure(c.recall),
        figure(c.f1),
        c.true_positives,
        c.false_positives,
        c.false_negatives,
        c.true_negatives
    )
}

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

pub fn eval(mut config: Config, args: EvalArgs) -> Result<u8> {
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

fn write_calibration(c: &Calibration, written: &str, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{} labelled documents: {} machine translations, {} human texts",
        c.counts.documents, c.counts.machine_translations, c.counts.human_texts
    )?;
    writeln!(
        out,
        "ROC AUC out of sample ({} folds): {}   before: {}   in sample (optimistic): {}",
        c.folds,
        figure(c.cross_validated_roc_auc),
        figure(c.before_roc_auc),
        figure(c.in_sample_roc_auc)
    )?;
    writeln!(out, "out of sample, each fold at its own fitted threshold: {}", confusion_line(&c.cross_validated))?;
    writeln!(out, "fitted threshold {:.1}; rule weights (before → after, documents where it fired):", c.threshold)?;
    for w in &c.weights {
        writeln!(out, "  {} {:>7.2} → {:>7.2}  ({})", w.rule, w.before, w.after, w.documents)?;
    }
    writeln!(out, "written to {written}")
}

pub fn calibrate(mut config: Config, args: CalibrateArgs) -> Result<u8> {
    apply_read_args(&mut config, &args.read, None)?;
    if args.folds < 2 {
        bail!("--folds must be at least 2");
    }
    if !(args.l2 >= 0.0 && args.l2.is_finite()) {
        bail!("--l2 must be a non-negative number");
    }
    if args.write.exists() && !args.force {
        bail!("{} exists: pass --force to replace it, or --write another file", args.write.display());
    }
    let (samples, _) = samples(&config, &args.read, &args.labels)?;
    if samples.iter().all(|s| s.mt) || samples.iter().all(|s| !s.mt) {
        bail!("calibration needs labelled documents of both kinds");
    }
    let (calibration, _) = evaluation::calibrate(&samples, &config, args.folds, args.l2);
    let toml = evaluation::calibration_toml(&calibration, &args.labels.labels.display().to_string());
    let mut target = open_output(Some(&args.write))?;
    target.write_all(toml.as_bytes()).with_context(|| format!("cannot write {}", args.write.display()))?;
    target.commit()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        ReportFormat::Text => write_calibration(&calibration, &args.write.display().to_string(), &mut out)?,
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &calibration)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(0)
}
