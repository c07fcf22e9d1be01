//! Configuration: mtaudit.toml over embedded defaults, resolved into settings.

use crate::finding::Severity;
pub use crate::lexicon::set::LexiconPaths;
use crate::registry;
use crate::rule::{Detector, Family};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const EMBEDDED_DEFAULTS: &str = include_str!("../data/default-config.toml");
/// The file looked for in the working directory.
pub const DEFAULT_FILE_NAME: &str = "mtaudit.toml";

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    #[error("{path}: {source}")]
    Unreadable { path: String, source: std::io::Error },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    pub score: ScoreConfig,
    pub rules: RulesConfig,
    pub input: InputConfig,
    #[serde(default)]
    pub lexicons: LexiconPaths,
    #[serde(default)]
    pub style: StyleConfig,
}

/// The style-profile rule's models.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct StyleConfig {
    /// Model files written by `mtaudit train`, at most one per language.
    #[serde(default)]
    pub models: Vec<PathBuf>,
    /// Apply the embedded models to the languages that `models` does not cover.
    #[serde(default = "yes")]
    pub embedded_models: bool,
    /// Models given on the command line (`--model`): each replaces the configured model of its
    /// language.
    #[serde(skip)]
    pub command_line_models: Vec<PathBuf>,
}

fn yes() -> bool {
    true
}

impl Default for StyleConfig {
    fn default() -> Self {
        StyleConfig { models: Vec::new(), embedded_models: true, command_line_models: Vec::new() }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ScoreConfig {
    pub threshold: f64,
    pub scale: f64,
    pub reference_words: f64,
    pub repeat_decay: f64,
    pub severity_weights: SeverityWeights,
    pub family_weights: BTreeMap<Family, f64>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeverityWeights {
    pub error: f64,
    pub warning: f64,
    pub info: f64,
}

impl SeverityWeights {
    pub fn of(&self, severity: Severity) -> f64 {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesConfig {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    pub weight: BTreeMap<String, f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct InputConfig {
    pub text_field: String,
    pub id_field: String,
    pub max_document_bytes: u64,
    pub text_extensions: Vec<String>,
    pub jsonl_extensions: Vec<String>,
    /// Skip language identification: every document is in this language (ISO 639-3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        // Checked by the test suite.
        toml::from_str(EMBEDDED_DEFAULTS).expect("embedded defaults are valid")
    }
}

impl Config {
    /// The embedded defaults overridden by `text` (a mtaudit.toml), validated.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid { path: path.display().to_string(), message };
        let mut merged: toml::Table = toml::from_str(EMBEDDED_DEFAULTS).map_err(|e| invalid(e.to_string()))?;
        let user: toml::Table = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
        merge(&mut merged, user);
        let mut config: Config =
            toml::Value::Table(merged).try_into().map_err(|e: toml::de::Error| invalid(e.to_string()))?;
        config.validate().map_err(invalid)?;
        let base = Some(path);
        let paths = &mut config.lexicons;
        for p in [
            &mut paths.ui_lines,
            &mut paths.media,
            &mut paths.disclaimers,
            &mut paths.ai_residue,
            &mut paths.units,
            &mut paths.countries,
            &mut paths.cities,
            &mut paths.transliteration,
            &mut paths.loanwords,
            &mut paths.conventions,
            &mut paths.calques,
            &mut paths.never_translated,
            &mut paths.french_dictionary,
            &mut paths.french_grammar,
        ]
        .into_iter()
        .flatten()
        {
            *p = crate::lexicon::set::resolve_relative(base, p);
        }
        for p in &mut config.style.models {
            *p = crate::lexicon::set::resolve_relative(base, p);
        }
        Ok(config)
    }

    /// Reads the configuration file: `explicit` if given, else `mtaudit.toml` in the working
    /// directory if there is one, else the defaults. Returns the file used.
    pub fn discover(explicit: Option<&Path>, use_default_file: bool) -> Result<(Config, Option<PathBuf>), ConfigError> {
        let path = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None if use_default_file && Path::new(DEFAULT_FILE_NAME).is_file() => {
                Some(PathBuf::from(DEFAULT_FILE_NAME))
            }
            None => None,
        };
        match path {
            None => Ok((Config::default(), None)),
            Some(p) => {
                let text = std::fs::read_to_string(&p)
                    .map_err(|source| ConfigError::Unreadable { path: p.display().to_string(), source })?;
                Ok((Config::from_toml(&text, &p)?, Some(p)))
            }
        }
    }

    fn validate(&self) -> Result<(), String> {
        if let Some(code) = &self.input.language
            && crate::lang::parse_code(code).is_none()
        {
            return Err(format!("input.language: unknown language code `{code}` (use ISO 639-3, e.g. fra)"));
        }
        let s = &self.score;
        if !(0.0..=100.0).contains(&s.threshold) {
            return Err(format!("score.threshold must be between 0 and 100, not {}", s.threshold));
        }
        if s.scale <= 0.0 || s.reference_words <= 0.0 || !(0.0..=1.0).contains(&s.repeat_decay) {
            return Err(
                "score.scale and score.reference-words must be positive, score.repeat-decay between 0 and 1".into()
            );
        }
        let w = s.severity_weights;
        if [w.error, w.warning, w.info].iter().chain(s.family_weights.values()).any(|v| *v < 0.0 || !v.is_finite()) {
            return Err("weights must be non-negative numbers".into());
        }
        for id in self.rules.severity.keys().chain(self.rules.weight.keys()) {
            if registry::find(id).is_none() {
                return Err(format!("unknown rule `{id}` (see `mtaudit rules`)"));
            }
        }
        if self.rules.weight.values().any(|v| *v < 0.0 || !v.is_finite()) {
            return Err("rule weights must be non-negative numbers".into());
        }
        for prefix in self.rules.select.iter().chain(&self.rules.ignore) {
            if !registry::all().iter().any(|d| d.meta().id.starts_with(prefix.as_str())) {
                return Err(format!("`{prefix}` selects no rule (see `mtaudit rules`)"));
            }
        }
        if self.input.max_document_bytes == 0 {
            return Err("input.max-document-bytes must be positive".into());
        }
        Ok(())
    }

    /// The effective configuration as TOML.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// The detectors that run: selected by prefix, not ignored.
    pub fn enabled_detectors(&self) -> Vec<&'static dyn Detector> {
        let rules = &self.rules;
        registry::all()
            .iter()
            .copied()
            .filter(|d| {
                let id = d.meta().id;
                rules.select.iter().any(|p| id.starts_with(p.as_str()))
                    && !rules.ignore.iter().any(|p| id.starts_with(p.as_str()))
            })
            .collect()
    }

    /// The weight of a rule: its override or default, times its family's weight.
    pub fn rule_weight(&self, id: &str) -> f64 {
        let Some(meta) = registry::find(id) else {
            return 0.0;
        };
        let base = self.rules.weight.get(id).copied().unwrap_or(meta.default_weight);
        base * self.score.family_weights.get(&meta.family).copied().unwrap_or(1.0)
    }
}

/// Deep-merges `overlay` into `base`: tables merge key by key, other values replace.
fn merge(base: &mut toml::Table, overlay: toml::Table) {
    for (key, value) in overlay {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(key, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_parse_and_validate() {
        let c = Config::default();
        c.validate().unwrap();
        assert_eq!(c.score.threshold, 78.2);
        assert_eq!(c.enabled_detectors().len(), registry::all().len());
    }

    #[test]
    fn user_values_override_defaults_key_by_key() {
        let c = Config::from_toml(
            "[score]\nthreshold = 50\n[rules]\nignore = [\"MT4\"]\n[rules.severity]\nMT407 = \"warning\"\n",
            Path::new("x.toml"),
        )
        .unwrap();
        assert_eq!(c.score.threshold, 50.0);
        assert_eq!(c.score.scale, 40.0);
        assert!(c.enabled_detectors().iter().all(|d| !d.meta().id.starts_with("MT4")));
        assert_eq!(c.rules.severity.get("MT407"), Some(&Severity::Warning));
    }

    #[test]
    fn mistakes_are_reported_with_the_file() {
        for (text, needle) in [
            ("[score]\nthreshhold = 50\n", "unknown field"),
            ("[rules.weight]\nMT999 = 1.0\n", "unknown rule `MT999`"),
            ("[rules]\nselect = [\"XX\"]\n", "selects no rule"),
            ("[score]\nthreshold = 150\n", "between 0 and 100"),
        ] {
            let err = Config::from_toml(text, Path::new("my.toml")).unwrap_err().to_string();
            assert!(err.starts_with("my.toml: ") && err.contains(needle), "{err}");
        }
    }

    #[test]
    fn relative_lexicon_paths_follow_the_config_file() {
        let c =
            Config::from_toml("[lexicons]\ncities = \"extra/cities.tsv\"\n", Path::new("conf/mtaudit.toml")).unwrap();
        assert_eq!(c.lexicons.cities, Some(PathBuf::from("conf/extra/cities.tsv")));
    }
}
