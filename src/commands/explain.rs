//! `mtaudit explain`: one rule's metadata and explanation.

use anyhow::{Result, bail};
use mtaudit::registry;

pub(super) fn run(rule: &str) -> Result<u8> {
    let Some(m) = registry::find(rule) else {
        let ids: Vec<&str> = registry::all().iter().map(|d| d.meta().id).collect();
        bail!("no rule `{rule}`; the rules are {}", ids.join(", "));
    };
    println!(
        "{} {} ({}, {}, weight {})\n\n{}\n\n{}",
        m.id, m.name, m.family, m.default_severity, m.default_weight, m.summary, m.explanation
    );
    Ok(0)
}
