//! Scoring: findings and weights → a 0–100 score per document, per family and per group.
//! Pure: no I/O, no configuration lookups beyond the weights it is given.
//!
//! Each finding costs penalty units: its rule's weight × its severity's multiplier ×
//! `repeat_decay`^k for the k-th finding of the same rule × a length factor
//! √(reference_words / max(words, reference_words)). A set of findings with penalty P scores
//! 100·exp(−P/scale), so families multiply: overall = translation × boilerplate / 100.

use crate::config::ScoreConfig;
use crate::finding::{Finding, Severity};
use crate::rule::{Family, ScoreGroup};
use serde::Serialize;
use std::collections::BTreeMap;

/// A finding's share of the score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Contribution {
    /// Penalty units.
    pub penalty: f64,
    /// Score points lost to this finding: the overall loss shared in proportion to penalties.
    pub points: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub overall: f64,
    pub translation: f64,
    pub boilerplate: f64,
    /// Sub-score of every family (100 where nothing was found).
    pub families: BTreeMap<Family, f64>,
    /// One per finding, in the findings' order.
    #[serde(skip)]
    pub contributions: Vec<Contribution>,
}

/// What the scorer needs to know of a finding's rule.
pub struct RuleWeight {
    pub weight: f64,
    pub family: Family,
}

pub fn score(findings: &[Finding], words: usize, params: &ScoreConfig, rule: impl Fn(&str) -> RuleWeight) -> Score {
    let hits: Vec<(&str, Severity)> = findings.iter().map(|f| (f.rule, f.severity)).collect();
    score_hits(&hits, words, params, rule)
}

/// The penalty units of each hit (rule, severity), in order, before its rule's weight: the
/// severity's multiplier × `repeat_decay`^k for the k-th hit of its rule × the length factor.
/// A document's penalty is the sum of each unit times its rule's weight, which is what
/// calibration fits.
pub fn units(hits: &[(&str, Severity)], words: usize, params: &ScoreConfig) -> Vec<f64> {
    let length_factor = (params.reference_words / (words as f64).max(params.reference_words)).sqrt();
    let mut seen: BTreeMap<&str, i32> = BTreeMap::new();
    hits.iter()
        .map(|&(rule, severity)| {
            let k = seen.entry(rule).or_insert(0);
            let unit = params.severity_weights.of(severity) * params.repeat_decay.powi(*k) * length_factor;
            *k += 1;
            unit
        })
        .collect()
}

/// `score` of hits given as (rule, severity).
pub fn score_hits(
    hits: &[(&str, Severity)],
    words: usize,
    params: &ScoreConfig,
    rule: impl Fn(&str) -> RuleWeight,
) -> Score {
    let mut family_penalty: BTreeMap<Family, f64> = Family::ALL.iter().map(|&f| (f, 0.0)).collect();
    let mut penalties = Vec::with_capacity(hits.len());
    for (&(id, _), unit) in hits.iter().zip(units(hits, words, params)) {
        let RuleWeight { weight, family } = rule(id);
        let penalty = weight * unit;
        *family_penalty.entry(family).or_insert(0.0) += penalty;
        penalties.push(penalty);
    }
    let to_score = |p: f64| round1(100.0 * (-p / params.scale).exp());
    let group_penalty =
        |g: ScoreGroup| family_penalty.iter().filter(|(f, _)| f.group() == g).map(|(_, p)| p).sum::<f64>();
    let total: f64 = penalties.iter().sum();
    let overall = to_score(total);
    let lost = 100.0 - overall;
    Score {
        overall,
        translation: to_score(group_penalty(ScoreGroup::Translation)),
        boilerplate: to_score(group_penalty(ScoreGroup::Boilerplate)),
        families: family_penalty.iter().map(|(&f, &p)| (f, to_score(p))).collect(),
        contributions: penalties
            .iter()
            .map(|&penalty| Contribution {
                penalty: round2(penalty),
                points: if total > 0.0 { round2(lost * penalty / total) } else { 0.0 },
            })
            .collect(),
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::finding::Span;

    fn finding(rule: &'static str, severity: Severity) -> Finding {
        Finding::new(rule, severity, Span::new(0, 1), "m")
    }

    fn weights(id: &str) -> RuleWeight {
        match id {
            "T" => RuleWeight { weight: 40.0, family: Family::Provenance },
            _ => RuleWeight { weight: 10.0, family: Family::Boilerplate },
        }
    }

    #[test]
    fn no_findings_is_a_perfect_score() {
        let s = score(&[], 500, &Config::default().score, weights);
        assert_eq!((s.overall, s.translation, s.boilerplate), (100.0, 100.0, 100.0));
    }

    #[test]
    fn groups_multiply_into_the_overall_score() {
        let params = Config::default().score;
        let s = score(&[finding("T", Severity::Warning), finding("B", Severity::Warning)], 300, &params, weights);
        assert_eq!(s.translation, 36.8); // 100·e^(−40/40)
        assert_eq!(s.boilerplate, 77.9); // 100·e^(−10/40)
        assert_eq!(s.overall, 28.7);
        let points: f64 = s.contributions.iter().map(|c| c.points).sum();
        assert!((points - (100.0 - s.overall)).abs() < 0.02);
        assert_eq!(s.families[&Family::Provenance], 36.8);
        assert_eq!(s.families[&Family::Names], 100.0);
    }

    #[test]
    fn repeats_decay_and_long_documents_pay_less() {
        let params = Config::default().score;
        let one = score(&[finding("B", Severity::Warning)], 300, &params, weights);
        let two = score(&[finding("B", Severity::Warning), finding("B", Severity::Warning)], 300, &params, weights);
        assert_eq!(two.contributions[1].penalty, 7.0);
        let long = score(&[finding("B", Severity::Warning)], 1200, &params, weights);
        assert_eq!(long.contributions[0].penalty, 5.0);
        assert!(long.overall > one.overall);
        let info = score(&[finding("B", Severity::Info)], 300, &params, weights);
        assert_eq!(info.contributions[0].penalty, 1.5);
    }
}
