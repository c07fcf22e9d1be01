//! `mtaudit calibrate`: the score's rule weights and threshold fitted to labelled documents,
//! written as a configuration file.

use super::labelled::{confusion_line, figure, samples};
use super::options::{apply_read_args, open_output};
use crate::cli::{CalibrateArgs, ReportFormat};
use anyhow::{Context, Result, bail};
use mtaudit::config::Config;
use mtaudit::evaluation::{self, Calibration};
use mtaudit::view::style_models::StyleModels;
use std::io::{BufWriter, Write};

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

pub(super) fn run(mut config: Config, args: CalibrateArgs) -> Result<u8> {
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
    let mut toml = evaluation::calibration_toml(&calibration, &args.labels.labels.display().to_string());
    // The user's models in effect (a command-line model replaces the configured one of its
    // language, as in the run itself).
    let style = &config.style;
    let user_models = StyleModels::load(&style.models, &style.command_line_models, false)?;
    let paths: Vec<std::path::PathBuf> = user_models.sources().map(std::path::PathBuf::from).collect();
    toml.push_str(&evaluation::style_toml(&paths, style.embedded_models));
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
