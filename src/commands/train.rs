//! `mtaudit train`: a style-profile model fitted to labelled documents of one language and
//! written as JSON, or (`--evaluate MODEL`) a model's figures on labelled documents.

use super::options::{apply_read_args, for_each_report, open_output};
use crate::cli::{ReportFormat, TrainArgs};
use anyhow::{Context, Result, bail};
use mtaudit::analysis::Settings;
use mtaudit::config::Config;
use mtaudit::evaluation::labels::{LabelFields, Labels};
use mtaudit::evaluation::metrics;
use mtaudit::evaluation::style::{self, StyleSample, TrainOptions};
use mtaudit::style_model::{DEFAULT_WARN_FROM, StyleModel, WARN_MAX_HUMAN_SHARE};
use mtaudit::view::style::FeatureSet;
use mtaudit::view::style_models::BoundModel;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};

/// The labelled documents' profiles, grouped by language, and what was left out.
struct Gathered {
    by_language: BTreeMap<&'static str, Vec<StyleSample>>,
    unlabelled: usize,
    /// Labelled documents without a profile: no reliable language with function words.
    unprofiled: usize,
    /// Labelled documents shorter than `--min-words`.
    short: usize,
}

fn gather(mut config: Config, args: &TrainArgs, min_words: usize) -> Result<Gathered> {
    let fields = LabelFields {
        label: args.labels.label_field.clone(),
        keys: args.labels.key_field.clone(),
        group: args.labels.group_field.clone(),
    };
    let labels = Labels::load(&args.labels.labels, &fields).map_err(anyhow::Error::msg)?;
    // Only the profile is needed: no rule runs.
    config.rules.select = vec!["MT801".into()];
    config.style.models.clear();
    config.style.command_line_models.clear();
    config.style.embedded_models = false;
    let mut settings = Settings::new(config)?;
    settings.keep_style = true;
    let mut gathered = Gathered { by_language: BTreeMap::new(), unlabelled: 0, unprofiled: 0, short: 0 };
    let errored = for_each_report(&settings, &args.read, true, |report| {
        let Some(label) = labels.get(&report.id, &report.origin.source) else {
            gathered.unlabelled += 1;
            return;
        };
        match report.style {
            None => gathered.unprofiled += 1,
            Some(profile) if profile.words < min_words => gathered.short += 1,
            Some(profile) => gathered.by_language.entry(profile.lang).or_default().push(StyleSample {
                id: report.id,
                mt: label.mt,
                group: label.group.clone(),
                values: profile.values,
            }),
        }
    })?;
    if errored > 0 && !args.read.quiet {
        eprintln!("mtaudit: {errored} input(s) could not be read and are not counted");
    }
    Ok(gathered)
}

/// The language to train for: the one given with `--lang`, else the one most labelled
/// documents are in.
fn language(gathered: &Gathered, forced: Option<&str>) -> Result<&'static str> {
    let chosen = match forced {
        Some(code) => gathered.by_language.keys().copied().find(|l| *l == code),
        None => gathered.by_language.iter().max_by_key(|(l, s)| (s.len(), std::cmp::Reverse(**l))).map(|(l, _)| *l),
    };
    chosen.ok_or_else(|| anyhow::anyhow!("no labelled document long enough in a language with style features"))
}

#[derive(Serialize)]
struct Figures<'a> {
    language: &'a str,
    documents: usize,
    machine_translations: usize,
    human_texts: usize,
    roc_auc: Option<f64>,
    /// At probability 0.5, where the rule starts to report.
    machine_translations_flagged: usize,
    human_texts_flagged: usize,
    left_out: LeftOut,
}

#[derive(Serialize)]
struct LeftOut {
    unlabelled: usize,
    other_languages: usize,
    without_profile: usize,
    shorter_than_min_words: usize,
}

/// The figures of probabilities, `None` where a document has none (then there is no AUC).
fn figures<'a>(
    language: &'a str,
    samples: &[StyleSample],
    probabilities: &[Option<f64>],
    gathered: &Gathered,
) -> Figures<'a> {
    let mt: Vec<bool> = samples.iter().map(|s| s.mt).collect();
    let flagged =
        |kind: bool| mt.iter().zip(probabilities).filter(|(m, p)| **m == kind && p.is_some_and(|p| p >= 0.5)).count();
    let all: Option<Vec<f64>> = probabilities.iter().copied().collect();
    Figures {
        language,
        documents: samples.len(),
        machine_translations: mt.iter().filter(|m| **m).count(),
        human_texts: mt.iter().filter(|m| !**m).count(),
        roc_auc: all.and_then(|p| metrics::roc_auc(&p, &mt)),
        machine_translations_flagged: flagged(true),
        human_texts_flagged: flagged(false),
        left_out: LeftOut {
            unlabelled: gathered.unlabelled,
            other_languages: gathered.by_language.iter().filter(|(l, _)| **l != language).map(|(_, s)| s.len()).sum(),
            without_profile: gathered.unprofiled,
            shorter_than_min_words: gathered.short,
        },
    }
}

fn write_figures(f: &Figures, held_out: bool, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{} labelled documents in `{}`: {} machine translations, {} human texts",
        f.documents, f.language, f.machine_translations, f.human_texts
    )?;
    let o = &f.left_out;
    writeln!(
        out,
        "left out: {} unlabelled, {} in other languages, {} without a profile, {} shorter than the minimum",
        o.unlabelled, o.other_languages, o.without_profile, o.shorter_than_min_words
    )?;
    let auc = f.roc_auc.map_or("n/a".into(), |a| format!("{a:.3}"));
    let kind = if held_out { "out of fold" } else { "of the model" };
    writeln!(out, "ROC AUC {kind}: {auc}")?;
    writeln!(
        out,
        "at p ≥ 0.5 ({kind}): {} of {} machine translations and {} of {} human texts flagged",
        f.machine_translations_flagged, f.machine_translations, f.human_texts_flagged, f.human_texts
    )
}

pub(super) fn run(mut config: Config, args: TrainArgs) -> Result<u8> {
    if !args.read.models.is_empty() || args.read.select.is_some() || args.read.ignore.is_some() {
        bail!(
            "train computes style profiles only: --model, --select and --ignore do not apply (--evaluate MODEL tests a model)"
        );
    }
    apply_read_args(&mut config, &args.read, None)?;
    if args.folds < 2 {
        bail!("--folds must be at least 2");
    }
    if !(args.l2 > 0.0 && args.l2.is_finite()) {
        bail!("--l2 must be a positive number");
    }
    let evaluated = match &args.evaluate {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            let model = StyleModel::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            // The checks `check --model` makes: features the language has.
            BoundModel::bind(model.clone(), &path.display().to_string())?;
            Some(model)
        }
        None => None,
    };
    let output = match (&args.output, &evaluated) {
        (Some(path), None) if path.exists() && !args.force => {
            bail!("{} exists: pass --force to replace it, or -o another file", path.display())
        }
        (Some(path), None) => Some(path.clone()),
        (None, None) => bail!("name the model file to write with -o (or pass --evaluate MODEL)"),
        (_, Some(_)) => None,
    };
    let stated = config.input.language.as_deref().and_then(mtaudit::lang::parse_code).map(|l| l.code());
    if let (Some(stated), Some(model)) = (stated, &evaluated)
        && stated != model.language
    {
        bail!("--lang {stated} and a model of `{}`: a model judges documents of its own language", model.language);
    }
    let forced = evaluated.as_ref().map(|m| m.language.as_str()).or(stated).map(str::to_string);
    // A model judges the documents it was made for: its own minimum length.
    let min_words = evaluated.as_ref().map_or(args.min_words, |m| m.min_words);
    let gathered = gather(config, &args, min_words)?;
    let language = language(&gathered, forced.as_deref())?;
    if !args.read.quiet {
        for (other, samples) in gathered.by_language.iter().filter(|(l, _)| **l != language) {
            eprintln!(
                "mtaudit: {} labelled document(s) in `{other}` left out (training for `{language}`)",
                samples.len()
            );
        }
    }
    let samples = &gathered.by_language[language];
    if samples.iter().all(|s| s.mt) || samples.iter().all(|s| !s.mt) {
        bail!("`{language}` needs labelled documents of both kinds");
    }
    let names = &FeatureSet::of(language).context("no style features")?.names;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if let Some(model) = evaluated {
        let probabilities: Vec<Option<f64>> =
            samples.iter().map(|s| Some(style::probability(&model, names, &s.values))).collect();
        let f = figures(language, samples, &probabilities, &gathered);
        match args.format {
            ReportFormat::Text => write_figures(&f, false, &mut out)?,
            ReportFormat::Json => {
                serde_json::to_writer_pretty(&mut out, &f)?;
                writeln!(out)?;
            }
        }
        out.flush()?;
        return Ok(0);
    }
    let options = TrainOptions {
        language: language.to_string(),
        folds: args.folds,
        l2: args.l2,
        min_words: args.min_words,
        labels: vec![args.labels.labels.display().to_string()],
        group_field: args.labels.group_field.clone(),
        feature_prefixes: args.features.clone(),
    };
    let trained = style::train(samples, names, &options);
    let json = serde_json::to_string_pretty(&trained.model)? + "\n";
    // What `check --model` will read: refused here rather than there.
    StyleModel::parse(&json)
        .map_err(anyhow::Error::msg)
        .and_then(|m| Ok(BoundModel::bind(m, "the fitted model")?))
        .context("the fit gave no usable model (a larger --l2 steadies it)")?;
    if trained.out_of_fold.iter().any(Option::is_none) && !args.read.quiet {
        eprintln!(
            "mtaudit: no out-of-fold figures: some documents could not be held out (fewer groups than --folds, or a fold whose other documents are all of one kind)"
        );
    }
    let path = output.expect("checked above");
    let mut target = open_output(Some(&path))?;
    target.write_all(json.as_bytes()).with_context(|| format!("cannot write {}", path.display()))?;
    target.commit()?;
    let f = figures(language, samples, &trained.out_of_fold, &gathered);
    match args.format {
        ReportFormat::Text => {
            write_figures(&f, true, &mut out)?;
            let in_sample = trained.model.training.in_sample_roc_auc.map_or("n/a".into(), |a| format!("{a:.3}"));
            writeln!(out, "ROC AUC in sample (optimistic): {in_sample}")?;
            match trained.model.warn_from {
                Some(t) => writeln!(
                    out,
                    "warns from p ≥ {t:.2} (at most {:.1}% of the human texts reach it out of fold)",
                    WARN_MAX_HUMAN_SHARE * 100.0
                )?,
                None => writeln!(out, "warns from p ≥ {DEFAULT_WARN_FROM:.2} (no out-of-fold figures to choose by)")?,
            }
            writeln!(out, "heaviest features (weight per standard deviation; + speaks for machine translation):")?;
            for feature in style::heaviest(&trained.model, 15) {
                writeln!(
                    out,
                    "  {:>+7.3}  {} ({})",
                    feature.weight,
                    feature.name,
                    FeatureSet::describe(&feature.name)
                )?;
            }
            writeln!(out, "written to {}", path.display())?;
        }
        ReportFormat::Json => {
            let documents: Vec<serde_json::Value> = samples
                .iter()
                .zip(&trained.out_of_fold)
                .map(|(s, p)| {
                    serde_json::json!({ "id": s.id, "mt": s.mt, "group": s.group, "out_of_fold_probability": p })
                })
                .collect();
            let report = serde_json::json!({ "figures": f, "model": trained.model, "documents": documents });
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(0)
}
