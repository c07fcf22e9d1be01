//! Accuracy on labelled data (`mtaudit eval`) and weights fitted to it (`mtaudit calibrate`).
//!
//! Both work from samples: a labelled document's length and its findings (rule, severity),
//! which is all the score needs, so a document is analysed once and re-scored as often as
//! the evaluation needs (with a family switched off, with other weights).

pub mod folds;
pub mod labels;
pub mod logistic;
pub mod metrics;
pub mod style;

use crate::config::Config;
use crate::finding::Severity;
use crate::registry;
use crate::rule::Family;
use crate::score::{self, RuleWeight};
use metrics::Confusion;
use serde::Serialize;
use std::collections::BTreeMap;

/// A labelled document, analysed.
#[derive(Debug, Clone)]
pub struct Sample {
    pub id: String,
    pub mt: bool,
    /// Documents of one group (one story's translations) stay in one fold.
    pub group: Option<String>,
    pub words: usize,
    pub hits: Vec<(&'static str, Severity)>,
}

fn family_of(rule: &str) -> Family {
    registry::find(rule).map_or(Family::Boilerplate, |m| m.family)
}

/// A sample's overall score under `config`, without the findings of `without` if given.
pub fn score_of(sample: &Sample, config: &Config, without: Option<Family>) -> f64 {
    let hits: Vec<(&str, Severity)> =
        sample.hits.iter().copied().filter(|(rule, _)| without.is_none_or(|f| family_of(rule) != f)).collect();
    score::score_hits(&hits, sample.words, &config.score, |rule| RuleWeight {
        weight: config.rule_weight(rule),
        family: family_of(rule),
    })
    .overall
}

/// How many labelled documents, of each class.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Counts {
    pub documents: usize,
    pub machine_translations: usize,
    pub human_texts: usize,
}

impl Counts {
    fn of(mt: &[bool]) -> Counts {
        let machine_translations = mt.iter().filter(|&&m| m).count();
        Counts { documents: mt.len(), machine_translations, human_texts: mt.len() - machine_translations }
    }
}

/// `mtaudit eval`'s figures.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    #[serde(flatten)]
    pub counts: Counts,
    /// Area under the ROC curve of the score as a detector of machine translation.
    pub roc_auc: Option<f64>,
    /// At the configured threshold (`score.threshold`).
    pub at_threshold: Confusion,
    /// At the threshold that maximises F1 on these documents.
    pub best_f1: Confusion,
    /// The AUC with each family's findings left out (its contribution is the drop).
    pub ablations: Vec<Ablation>,
    /// For each rule that fired: in how many documents of each class.
    pub rules: Vec<RuleCount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ablation {
    pub family: Family,
    pub roc_auc: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleCount {
    pub rule: &'static str,
    pub machine_translations: usize,
    pub human_texts: usize,
}

fn labels(samples: &[Sample]) -> Vec<bool> {
    samples.iter().map(|s| s.mt).collect()
}

/// AUC of scores (low: machine translation).
fn auc_of_scores(scores: &[f64], mt: &[bool]) -> Option<f64> {
    let predictor: Vec<f64> = scores.iter().map(|s| -s).collect();
    metrics::roc_auc(&predictor, mt)
}

pub fn evaluate(samples: &[Sample], config: &Config) -> Evaluation {
    let mt = labels(samples);
    let scores: Vec<f64> = samples.iter().map(|s| score_of(s, config, None)).collect();
    let ablations = Family::ALL
        .iter()
        .filter(|&&family| samples.iter().any(|s| s.hits.iter().any(|(r, _)| family_of(r) == family)))
        .map(|&family| {
            let without: Vec<f64> = samples.iter().map(|s| score_of(s, config, Some(family))).collect();
            Ablation { family, roc_auc: auc_of_scores(&without, &mt) }
        })
        .collect();
    let mut counts: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    for sample in samples {
        let mut rules: Vec<&'static str> = sample.hits.iter().map(|h| h.0).collect();
        rules.sort_unstable();
        rules.dedup();
        for rule in rules {
            let entry = counts.entry(rule).or_default();
            if sample.mt {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
    }
    Evaluation {
        counts: Counts::of(&mt),
        roc_auc: auc_of_scores(&scores, &mt),
        at_threshold: metrics::confusion(&scores, &mt, config.score.threshold),
        best_f1: metrics::best_f1(&scores, &mt),
        ablations,
        rules: counts
            .into_iter()
            .map(|(rule, (m, h))| RuleCount { rule, machine_translations: m, human_texts: h })
            .collect(),
    }
}

/// `mtaudit calibrate`'s result.
#[derive(Debug, Clone, Serialize)]
pub struct Calibration {
    #[serde(flatten)]
    pub counts: Counts,
    pub folds: usize,
    pub l2: f64,
    /// Out of sample: each fold scored by weights and a threshold fitted on the others.
    pub cross_validated_roc_auc: Option<f64>,
    pub cross_validated: Confusion,
    /// The configured weights on the same documents, for comparison.
    pub before_roc_auc: Option<f64>,
    /// On the documents the weights were fitted on: optimistic.
    pub in_sample_roc_auc: Option<f64>,
    /// The fitted threshold (highest balanced accuracy on all documents).
    pub threshold: f64,
    pub weights: Vec<FittedWeight>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FittedWeight {
    pub rule: &'static str,
    pub before: f64,
    pub after: f64,
    /// Documents where the rule fired.
    pub documents: usize,
}

/// The rules that fire in the samples, in id order, and each sample's penalty units per rule.
fn features(samples: &[Sample], config: &Config) -> (Vec<&'static str>, Vec<Vec<f64>>) {
    let mut rules: Vec<&'static str> = samples.iter().flat_map(|s| s.hits.iter().map(|h| h.0)).collect();
    rules.sort_unstable();
    rules.dedup();
    let x = samples
        .iter()
        .map(|s| {
            let mut row = vec![0.0; rules.len()];
            let hits: Vec<(&str, Severity)> = s.hits.iter().map(|&(r, sev)| (r, sev)).collect();
            for ((rule, _), unit) in hits.iter().zip(score::units(&hits, s.words, &config.score)) {
                if let Ok(k) = rules.binary_search(rule) {
                    row[k] += unit;
                }
            }
            row
        })
        .collect();
    (rules, x)
}

/// The fold of each sample: groups (or documents) dealt round-robin in an order that mixes
/// them deterministically, so that no group is split.
pub fn folds(samples: &[Sample], k: usize) -> Vec<usize> {
    let keys: Vec<String> = samples.iter().map(|s| s.group.clone().unwrap_or_else(|| s.id.clone())).collect();
    folds::of_keys(&keys, k)
}

/// A configuration with the fitted weights: each rule's weight is its fitted coefficient times
/// the score's scale (so that the score is 100·exp(−Σ coefficient·units)), families at 1.
fn configured(config: &Config, rules: &[&'static str], model: &logistic::Model, threshold: f64) -> Config {
    let mut fitted = config.clone();
    for family in fitted.score.family_weights.values_mut() {
        *family = 1.0;
    }
    for (rule, weight) in rules.iter().zip(&model.weights) {
        fitted.rules.weight.insert((*rule).to_string(), round3(weight * config.score.scale));
    }
    fitted.score.threshold = threshold;
    fitted
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Fits weights and a threshold on the samples, `l2` pulling each weight towards its
/// configured value; measures the procedure out of sample over `k` folds.
pub fn calibrate(samples: &[Sample], config: &Config, k: usize, l2: f64) -> (Calibration, Config) {
    let mt = labels(samples);
    let (rules, x) = features(samples, config);
    let prior: Vec<f64> = rules.iter().map(|r| config.rule_weight(r) / config.score.scale).collect();
    let fit_config = |indices: &[usize]| -> Config {
        let xs: Vec<Vec<f64>> = indices.iter().map(|&i| x[i].clone()).collect();
        let ys: Vec<bool> = indices.iter().map(|&i| mt[i]).collect();
        let model = logistic::fit(&xs, &ys, &prior, l2);
        let provisional = configured(config, &rules, &model, config.score.threshold);
        let scores: Vec<f64> = indices.iter().map(|&i| score_of(&samples[i], &provisional, None)).collect();
        configured(config, &rules, &model, metrics::best_balanced(&scores, &ys))
    };
    let fold = folds(samples, k);
    let mut held_out_scores = vec![0.0; samples.len()];
    let mut held_out_reject = vec![false; samples.len()];
    for f in 0..k {
        let train: Vec<usize> = (0..samples.len()).filter(|&i| fold[i] != f).collect();
        if train.is_empty() || train.len() == samples.len() {
            continue;
        }
        let fitted = fit_config(&train);
        for i in (0..samples.len()).filter(|&i| fold[i] == f) {
            held_out_scores[i] = score_of(&samples[i], &fitted, None);
            held_out_reject[i] = held_out_scores[i] < fitted.score.threshold;
        }
    }
    // The held-out verdicts, each at its own fold's threshold, as one confusion table.
    let verdict_scores: Vec<f64> = held_out_reject.iter().map(|&r| if r { 0.0 } else { 100.0 }).collect();
    let mut cross_validated = metrics::confusion(&verdict_scores, &mt, 50.0);
    let all: Vec<usize> = (0..samples.len()).collect();
    let fitted = fit_config(&all);
    cross_validated.threshold = fitted.score.threshold;
    let scores_with = |c: &Config| -> Vec<f64> { samples.iter().map(|s| score_of(s, c, None)).collect() };
    let calibration = Calibration {
        counts: Counts::of(&mt),
        folds: k,
        l2,
        cross_validated_roc_auc: auc_of_scores(&held_out_scores, &mt),
        cross_validated,
        before_roc_auc: auc_of_scores(&scores_with(config), &mt),
        in_sample_roc_auc: auc_of_scores(&scores_with(&fitted), &mt),
        threshold: fitted.score.threshold,
        weights: rules
            .iter()
            .enumerate()
            .map(|(k, &rule)| FittedWeight {
                rule,
                before: round3(config.rule_weight(rule)),
                after: fitted.rule_weight(rule),
                documents: x.iter().filter(|row| row[k] > 0.0).count(),
            })
            .collect(),
    };
    (calibration, fitted)
}

/// The `mtaudit.toml` that applies a calibration: its threshold, family weights at 1 and the
/// fitted rule weights.
pub fn calibration_toml(calibration: &Calibration, source: &str) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# Fitted by `mtaudit calibrate` on {} documents ({} machine translations, {} human texts)\n# of {source}.\n",
        calibration.counts.documents, calibration.counts.machine_translations, calibration.counts.human_texts
    ));
    let auc = |a: Option<f64>| a.map_or("n/a".to_string(), |a| format!("{a:.3}"));
    out.push_str(&format!(
        "# ROC AUC {} cross-validated over {} folds ({} before, {} in sample).\n\n",
        auc(calibration.cross_validated_roc_auc),
        calibration.folds,
        auc(calibration.before_roc_auc),
        auc(calibration.in_sample_roc_auc)
    ));
    out.push_str(&format!("[score]\nthreshold = {:?}\n\n[score.family-weights]\n", calibration.threshold));
    for family in Family::ALL {
        out.push_str(&format!("{} = 1.0\n", family.as_str()));
    }
    out.push_str("\n# Penalty units per rule (rules not listed keep their weights).\n[rules.weight]\n");
    for w in &calibration.weights {
        out.push_str(&format!("{} = {:?}\n", w.rule, w.after));
    }
    out
}

/// The `[style]` section that keeps the style models a calibration was fitted with (MT801's
/// weight is fitted to their probabilities); empty when the embedded models alone were used.
pub fn style_toml(models: &[std::path::PathBuf], embedded_models: bool) -> String {
    if models.is_empty() && embedded_models {
        return String::new();
    }
    let quoted: Vec<String> = models
        .iter()
        .map(|p| {
            let absolute = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            toml::Value::String(absolute.display().to_string()).to_string()
        })
        .collect();
    format!(
        "\n# The style models the weights were fitted with.\n[style]\nmodels = [{}]\nembedded-models = {embedded_models}\n",
        quoted.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(id: &str, mt: bool, hits: &[(&'static str, Severity)]) -> Sample {
        Sample { id: id.into(), mt, group: None, words: 300, hits: hits.to_vec() }
    }

    #[test]
    fn evaluation_of_a_perfect_detector() {
        let samples = vec![
            sample("a", true, &[("MT101", Severity::Error)]),
            sample("b", true, &[("MT101", Severity::Error), ("MT402", Severity::Warning)]),
            sample("c", false, &[]),
            sample("d", false, &[]),
        ];
        let e = evaluate(&samples, &Config::default());
        assert_eq!(e.roc_auc, Some(1.0));
        assert_eq!((e.at_threshold.true_positives, e.at_threshold.true_negatives), (2, 2));
        assert_eq!(e.best_f1.f1, Some(1.0));
        let provenance = e.ablations.iter().find(|a| a.family == Family::Provenance).unwrap();
        assert!(provenance.roc_auc.unwrap() < 1.0, "without MT101 the detector weakens");
    }

    #[test]
    fn calibration_raises_the_rule_that_separates_and_drops_the_one_that_misleads() {
        let mut samples = Vec::new();
        for i in 0..30 {
            let id = format!("m{i}");
            samples.push(sample(&id, true, if i % 3 == 0 { &[] } else { &[("MT402", Severity::Warning)] }));
            let id = format!("h{i}");
            samples.push(sample(&id, false, if i % 2 == 0 { &[("MT404", Severity::Warning)] } else { &[] }));
        }
        let config = Config::default();
        let (calibration, fitted) = calibrate(&samples, &config, 5, 1.0);
        let weight = |rule| calibration.weights.iter().find(|w| w.rule == rule).unwrap().clone();
        assert!(weight("MT402").after > weight("MT402").before, "{calibration:?}");
        assert_eq!(weight("MT404").after, 0.0);
        assert!(calibration.cross_validated_roc_auc.unwrap() > 0.8);
        let toml = calibration_toml(&calibration, "test");
        let reread = Config::from_toml(&toml, std::path::Path::new("mtaudit.toml")).unwrap();
        assert_eq!(reread.rule_weight("MT402"), fitted.rule_weight("MT402"));
        assert_eq!(reread.score.threshold, fitted.score.threshold);
    }

    #[test]
    fn folds_keep_groups_together() {
        let mut samples: Vec<Sample> = (0..12).map(|i| sample(&format!("d{i}"), i % 2 == 0, &[])).collect();
        for (i, s) in samples.iter_mut().enumerate() {
            s.group = Some(format!("g{}", i / 3));
        }
        let fold = folds(&samples, 3);
        for i in 0..12 {
            assert_eq!(fold[i], fold[i / 3 * 3]);
        }
        assert_eq!(folds(&samples, 3), fold, "deterministic");
    }
}
