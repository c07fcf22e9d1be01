//! What every target checks of a document's analysis: no panic, findings inside the text on
//! character boundaries, scores within 0–100.

use mtaudit::analysis::{Settings, analyze};
use mtaudit::config::Config;
use mtaudit::input::Origin;
use std::sync::OnceLock;

pub fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(|| Settings::new(Config::default()).expect("embedded settings"))
}

pub fn check_analysis(text: String) {
    let length = text.len();
    let (report, text) = analyze("fuzz".into(), Origin::file("fuzz"), text, settings());
    assert_eq!(text.len(), length);
    for finding in &report.findings {
        assert!(
            finding.start <= finding.end && finding.end <= length,
            "{} {}..{}",
            finding.rule,
            finding.start,
            finding.end
        );
        assert!(text.is_char_boundary(finding.start) && text.is_char_boundary(finding.end), "{}", finding.rule);
    }
    for value in [report.score.overall, report.score.translation, report.score.boilerplate] {
        assert!((0.0..=100.0).contains(&value), "{value}");
    }
}
