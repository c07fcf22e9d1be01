//! Classification figures for scores where low means machine translation: ROC AUC, the
//! confusion table at a threshold, and the thresholds that maximise F1 or balanced accuracy.

use serde::Serialize;

/// Area under the ROC curve of `predictor` (higher: more likely positive) against the labels,
/// from the ranks (Mann–Whitney U; tied predictors share their mean rank, so a constant
/// predictor gives 0.5). `None` without both classes.
pub fn roc_auc(predictor: &[f64], positive: &[bool]) -> Option<f64> {
    let positives = positive.iter().filter(|&&p| p).count();
    let negatives = positive.len() - positives;
    if positives == 0 || negatives == 0 {
        return None;
    }
    let mut order: Vec<usize> = (0..predictor.len()).collect();
    order.sort_by(|&a, &b| predictor[a].total_cmp(&predictor[b]));
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && predictor[order[j + 1]] == predictor[order[i]] {
            j += 1;
        }
        // Ranks i+1 ..= j+1 shared.
        let mean_rank = (i + j + 2) as f64 / 2.0;
        rank_sum += order[i..=j].iter().filter(|&&k| positive[k]).count() as f64 * mean_rank;
        i = j + 1;
    }
    let u = rank_sum - (positives * (positives + 1)) as f64 / 2.0;
    Some(u / (positives * negatives) as f64)
}

/// Documents by truth and verdict; machine translation is the positive class, and a document
/// is called machine-translated when its score is below the threshold (the gate rejects it).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Confusion {
    pub threshold: f64,
    /// Machine translations rejected.
    pub true_positives: usize,
    /// Human texts rejected.
    pub false_positives: usize,
    /// Machine translations accepted.
    pub false_negatives: usize,
    /// Human texts accepted.
    pub true_negatives: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

pub fn confusion(scores: &[f64], mt: &[bool], threshold: f64) -> Confusion {
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    for (&score, &is_mt) in scores.iter().zip(mt) {
        match (score < threshold, is_mt) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => tn += 1,
        }
    }
    let ratio = |a: usize, b: usize| (a + b > 0).then(|| a as f64 / (a + b) as f64);
    let precision = ratio(tp, fp);
    let recall = ratio(tp, fn_);
    let f1 = match (precision, recall) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    Confusion {
        threshold,
        true_positives: tp,
        false_positives: fp,
        false_negatives: fn_,
        true_negatives: tn,
        precision,
        recall,
        f1,
    }
}

/// The thresholds worth trying: just above each distinct score (scores move in steps of 0.1),
/// and 0 (reject nothing).
fn candidate_thresholds(scores: &[f64]) -> Vec<f64> {
    let mut candidates: Vec<f64> = scores.iter().map(|s| ((s + 0.1) * 10.0).round() / 10.0).collect();
    candidates.push(0.0);
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    candidates
}

/// The threshold with the highest F1 (the lowest among equals).
pub fn best_f1(scores: &[f64], mt: &[bool]) -> Confusion {
    candidate_thresholds(scores)
        .into_iter()
        .map(|t| confusion(scores, mt, t))
        .fold(None, |best: Option<Confusion>, c| match best {
            Some(b) if b.f1.unwrap_or(0.0) >= c.f1.unwrap_or(0.0) => Some(b),
            _ => Some(c),
        })
        .unwrap_or_else(|| confusion(scores, mt, 0.0))
}

/// The threshold with the highest balanced accuracy (Youden's J: recall on machine
/// translations plus recall on human texts, minus one), the lowest among equals. Unlike F1 it
/// does not depend on the share of each class.
pub fn best_balanced(scores: &[f64], mt: &[bool]) -> f64 {
    let j = |c: &Confusion| {
        let rate = |a: usize, b: usize| if a + b > 0 { a as f64 / (a + b) as f64 } else { 0.0 };
        rate(c.true_positives, c.false_negatives) + rate(c.true_negatives, c.false_positives) - 1.0
    };
    let mut best = (f64::NEG_INFINITY, 0.0);
    for t in candidate_thresholds(scores) {
        let value = j(&confusion(scores, mt, t));
        if value > best.0 + 1e-12 {
            best = (value, t);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_perfect_separator_a_reversed_one_and_ties() {
        let labels = [true, true, false, false];
        assert_eq!(roc_auc(&[0.9, 0.8, 0.2, 0.1], &labels), Some(1.0));
        assert_eq!(roc_auc(&[0.1, 0.2, 0.8, 0.9], &labels), Some(0.0));
        assert_eq!(roc_auc(&[0.5, 0.5, 0.5, 0.5], &labels), Some(0.5));
        assert_eq!(roc_auc(&[0.9, 0.5, 0.5, 0.1], &labels), Some(0.875));
        assert_eq!(roc_auc(&[0.9, 0.1], &[true, true]), None);
    }

    #[test]
    fn the_confusion_table_calls_scores_below_the_threshold_machine_translation() {
        let scores = [20.0, 60.0, 80.0, 90.0];
        let mt = [true, true, false, true];
        let c = confusion(&scores, &mt, 70.0);
        assert_eq!((c.true_positives, c.false_positives, c.false_negatives, c.true_negatives), (2, 0, 1, 1));
        assert_eq!((c.precision, c.recall), (Some(1.0), Some(2.0 / 3.0)));
        assert_eq!(confusion(&scores, &mt, 0.0).precision, None);
    }

    #[test]
    fn the_best_thresholds_separate_what_can_be_separated() {
        let scores = [20.0, 30.0, 80.0, 90.0];
        let mt = [true, true, false, false];
        let best = best_f1(&scores, &mt);
        assert_eq!((best.threshold, best.f1), (30.1, Some(1.0)));
        assert_eq!(best_balanced(&scores, &mt), 30.1);
    }
}
