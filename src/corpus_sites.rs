//! What a first pass over the inputs learnt of their sites: the sites where a significant share
//! of pages carries strong evidence of machine translation, for MT105 to pass on to every page
//! of those sites (`check`/`gate --site-evidence`).
//!
//! A site qualifies on a confidence bound, not a raw share: with `k` of `n` pages carrying
//! evidence, the lower end of the Wilson score interval (95%) must reach `MIN_LOWER_BOUND`, and
//! the site must have at least `MIN_PAGES` pages. Two pages of two, or one of three, are not
//! enough to judge an edition.

use std::collections::BTreeMap;

/// Fewest pages a site needs before its pages inherit anything.
pub const MIN_PAGES: u64 = 5;
/// The lower bound of the share of pages with evidence a site must reach.
pub const MIN_LOWER_BOUND: f64 = 0.2;
/// z for a two-sided 95% interval.
const Z: f64 = 1.96;

/// The evidence of one site, as its pages will quote it.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteVerdict {
    pub pages: u64,
    /// Pages with strong evidence.
    pub strong: u64,
    /// The rules of that evidence with the pages each fired on, most pages first.
    pub rules: Vec<(String, u64)>,
    /// Some pages that carry it.
    pub examples: Vec<String>,
}

/// The qualifying sites of a run, by site.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SiteEvidence {
    pub sites: BTreeMap<String, SiteVerdict>,
}

impl SiteEvidence {
    pub fn get(&self, site: &str) -> Option<&SiteVerdict> {
        self.sites.get(site)
    }
}

/// The lower end of the Wilson score interval of `k` successes in `n` trials.
pub fn wilson_lower_bound(k: u64, n: u64) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = Z * Z;
    let centre = p + z2 / (2.0 * n);
    let margin = Z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    ((centre - margin) / (1.0 + z2 / n)).max(0.0)
}

/// Whether a site with `strong` of `pages` pages carrying evidence passes it on.
pub fn qualifies(strong: u64, pages: u64) -> bool {
    pages >= MIN_PAGES && wilson_lower_bound(strong, pages) >= MIN_LOWER_BOUND
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wilson_bound_is_below_the_share_and_grows_with_the_pages() {
        assert_eq!(wilson_lower_bound(0, 10), 0.0);
        let small = wilson_lower_bound(3, 10);
        let large = wilson_lower_bound(300, 1000);
        assert!(small < 0.3 && large < 0.3 && small < large, "{small} {large}");
        assert!((wilson_lower_bound(8, 8) - 0.676).abs() < 0.01);
    }

    #[test]
    fn a_site_needs_enough_pages_and_a_bound_above_the_minimum() {
        assert!(qualifies(8, 8));
        assert!(qualifies(42, 120));
        assert!(!qualifies(4, 4), "too few pages");
        assert!(!qualifies(2, 8), "a quarter of eight pages may be chance");
        assert!(!qualifies(10, 1000));
    }
}
