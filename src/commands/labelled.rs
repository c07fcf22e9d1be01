//! What `eval` and `calibrate` share: the inputs analysed once and joined to their labels, and
//! the wording of their figures.

use super::options::for_each_report;
use crate::cli::{LabelArgs, ReadArgs};
use anyhow::{Result, bail};
use mtaudit::analysis::Settings;
use mtaudit::config::Config;
use mtaudit::evaluation::Sample;
use mtaudit::evaluation::labels::{LabelFields, Labels};
use mtaudit::evaluation::metrics::Confusion;

/// The labelled documents among the inputs, in input order, and how many were not labelled.
pub(super) fn samples(config: &Config, read: &ReadArgs, label_args: &LabelArgs) -> Result<(Vec<Sample>, usize)> {
    let fields = LabelFields {
        label: label_args.label_field.clone(),
        keys: label_args.key_field.clone(),
        group: label_args.group_field.clone(),
    };
    let labels = Labels::load(&label_args.labels, &fields).map_err(anyhow::Error::msg)?;
    let settings = Settings::new(config.clone())?;
    let (mut samples, mut unlabelled) = (Vec::new(), 0usize);
    let errored =
        for_each_report(&settings, read, true, |report| match labels.get(&report.id, &report.origin.source) {
            Some(label) => samples.push(Sample {
                id: report.id.clone(),
                mt: label.mt,
                group: label.group.clone(),
                words: report.words,
                hits: report.findings.iter().map(|f| (f.rule, f.severity)).collect(),
            }),
            None => unlabelled += 1,
        })?;
    if errored > 0 && !read.quiet {
        eprintln!("mtaudit: {errored} input(s) could not be read and are not counted");
    }
    if samples.is_empty() {
        bail!("no input document has a label in {}", label_args.labels.display());
    }
    Ok((samples, unlabelled))
}

pub(super) fn figure(value: Option<f64>) -> String {
    value.map_or("n/a".into(), |v| format!("{v:.3}"))
}

pub(super) fn confusion_line(c: &Confusion) -> String {
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
