//! Regularised logistic regression fitted by Newton's method: with non-negative weights for the
//! score's rules (`fit`), or with weights of either sign for the style profile (`fit_signed`).
//!
//! The model is `logit P(mt) = bias + Σ weight_r · x_r` where `x_r` are a document's penalty
//! units for rule r. Weights are pulled towards a prior (the current weights, so that a rule
//! seen a few times keeps about its hand-set weight) by an L2 term, and kept non-negative (a
//! finding is never evidence of human writing) by fixing at zero any that would go below.
//! Classes are weighted equally whatever their sizes.

/// A fitted model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub bias: f64,
    pub weights: Vec<f64>,
}

impl Model {
    /// The log-odds of machine translation for one document's features.
    pub fn logit(&self, x: &[f64]) -> f64 {
        self.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>()
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Fits the model to `x` (one row per document) and `y` (machine translation or not).
pub fn fit(x: &[Vec<f64>], y: &[bool], prior: &[f64], l2: f64) -> Model {
    fit_with(x, y, prior, l2, true)
}

/// Fits weights of either sign, pulled towards zero: for features that can speak for either
/// class (a style statistic, unlike a finding).
pub fn fit_signed(x: &[Vec<f64>], y: &[bool], dims: usize, l2: f64) -> Model {
    fit_with(x, y, &vec![0.0; dims], l2, false)
}

// Matrix code reads best as the formulas, with indices.
#[allow(clippy::needless_range_loop)]
fn fit_with(x: &[Vec<f64>], y: &[bool], prior: &[f64], l2: f64, non_negative: bool) -> Model {
    let dims = prior.len();
    let positives = y.iter().filter(|&&v| v).count().max(1) as f64;
    let negatives = (y.len() as f64 - positives).max(1.0);
    let n = y.len() as f64;
    let class_weight = |is_mt: bool| if is_mt { n / (2.0 * positives) } else { n / (2.0 * negatives) };
    let mut free = vec![true; dims];
    let mut model =
        Model { bias: 0.0, weights: prior.iter().map(|&p| if non_negative { p.max(0.0) } else { p }).collect() };
    // Active set: solve with the free weights, fix at zero those that come out negative, again.
    for _ in 0..=dims {
        for _ in 0..100 {
            // Parameters: bias, then the free weights.
            let index: Vec<usize> = (0..dims).filter(|&r| free[r]).collect();
            let size = index.len() + 1;
            let mut gradient = vec![0.0; size];
            let mut hessian = vec![vec![0.0; size]; size];
            for (row, &is_mt) in x.iter().zip(y) {
                let p = sigmoid(model.logit(row));
                let c = class_weight(is_mt);
                let residual = c * (p - if is_mt { 1.0 } else { 0.0 });
                let curvature = c * p * (1.0 - p);
                let feature = |k: usize| if k == 0 { 1.0 } else { row[index[k - 1]] };
                for a in 0..size {
                    gradient[a] += residual * feature(a);
                    for b in 0..=a {
                        hessian[a][b] += curvature * feature(a) * feature(b);
                    }
                }
            }
            for a in 0..size {
                for b in 0..a {
                    hessian[b][a] = hessian[a][b];
                }
            }
            hessian[0][0] += 1e-9;
            for (k, &r) in index.iter().enumerate() {
                gradient[k + 1] += l2 * (model.weights[r] - prior[r]);
                hessian[k + 1][k + 1] += l2;
            }
            let Some(step) = solve(hessian, gradient) else { break };
            model.bias -= step[0];
            for (k, &r) in index.iter().enumerate() {
                model.weights[r] -= step[k + 1];
            }
            if step.iter().map(|s| s.abs()).fold(0.0, f64::max) < 1e-9 {
                break;
            }
        }
        let negative: Vec<usize> = (0..dims).filter(|&r| non_negative && free[r] && model.weights[r] < 0.0).collect();
        if negative.is_empty() {
            break;
        }
        for r in negative {
            free[r] = false;
            model.weights[r] = 0.0;
        }
    }
    model
}

/// Solves `a · s = b` by Gaussian elimination with partial pivoting; `None` if singular.
#[allow(clippy::needless_range_loop)]
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let factor = a[row][col] / a[col][col];
            for k in col..n {
                a[row][k] -= factor * a[col][k];
            }
            b[row] -= factor * b[col];
        }
    }
    let mut s = vec![0.0; n];
    for row in (0..n).rev() {
        let tail: f64 = (row + 1..n).map(|k| a[row][k] * s[k]).sum();
        s[row] = (b[row] - tail) / a[row][row];
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feature_that_only_machine_translations_have_gets_weight_and_its_opposite_none() {
        // Feature 0 fires on machine translations, feature 1 on human texts.
        let x: Vec<Vec<f64>> = (0..40).map(|i| if i % 2 == 0 { vec![1.0, 0.0] } else { vec![0.0, 1.0] }).collect();
        let y: Vec<bool> = (0..40).map(|i| i % 2 == 0).collect();
        let model = fit(&x, &y, &[0.5, 0.5], 0.1);
        assert!(model.weights[0] > 1.0, "{model:?}");
        assert_eq!(model.weights[1], 0.0, "never negative");
        assert!(model.logit(&[1.0, 0.0]) > 0.0 && model.logit(&[0.0, 0.0]) < model.logit(&[1.0, 0.0]));
    }

    #[test]
    fn a_signed_fit_lets_a_feature_speak_for_human_texts() {
        let x: Vec<Vec<f64>> = (0..40).map(|i| vec![if i % 2 == 0 { -1.0 } else { 1.0 }]).collect();
        let y: Vec<bool> = (0..40).map(|i| i % 2 == 0).collect();
        let model = fit_signed(&x, &y, 1, 0.1);
        assert!(model.weights[0] < -1.0, "{model:?}");
    }

    #[test]
    fn without_data_the_prior_stands() {
        let x: Vec<Vec<f64>> = (0..10).map(|_| vec![0.0]).collect();
        let y: Vec<bool> = (0..10).map(|i| i < 5).collect();
        let model = fit(&x, &y, &[0.7], 1.0);
        assert!((model.weights[0] - 0.7).abs() < 1e-6 && model.bias.abs() < 1e-6, "{model:?}");
    }
}
