//! The gate: a score and a threshold give a verdict; verdicts give an exit status.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Accept,
    Reject,
}

impl Verdict {
    pub fn of(score: f64, threshold: f64) -> Verdict {
        if score >= threshold { Verdict::Accept } else { Verdict::Reject }
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Accept => "accept",
            Verdict::Reject => "reject",
        }
    }
}

/// The outcome of a run for a pipeline: every input ends in exactly one of these counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub accepted: u64,
    pub rejected: u64,
    pub errored: u64,
}

impl Tally {
    pub fn read(&self) -> u64 {
        self.accepted + self.rejected + self.errored
    }

    /// 0: all accepted; 1: some rejected; 2: some input could not be analysed.
    pub fn gate_exit_code(&self) -> i32 {
        if self.errored > 0 {
            2
        } else if self.rejected > 0 {
            1
        } else {
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_threshold_itself_passes() {
        assert_eq!(Verdict::of(70.0, 70.0), Verdict::Accept);
        assert_eq!(Verdict::of(69.9, 70.0), Verdict::Reject);
    }

    #[test]
    fn exit_codes() {
        assert_eq!(Tally { accepted: 3, rejected: 0, errored: 0 }.gate_exit_code(), 0);
        assert_eq!(Tally { accepted: 3, rejected: 1, errored: 0 }.gate_exit_code(), 1);
        assert_eq!(Tally { accepted: 3, rejected: 1, errored: 1 }.gate_exit_code(), 2);
    }
}
