//! `mtaudit eval` and `mtaudit calibrate` on small labelled sets with known answers.

mod common;
use common::*;
use std::path::Path;

const DISCLAIMER: &str = "Le conseil municipal a voté un plan de rénovation des écoles de la ville.\n\nCet article a été traduit automatiquement par une intelligence artificielle.\n";
const CLEAN: &str = "Le conseil municipal a voté un plan de rénovation des écoles de la ville.\n\nLes travaux commenceront en juin et dureront deux ans.\n";

/// Four documents in a JSONL corpus: two with a machine-translation disclaimer, two without;
/// `labels` gives each one's label in that order.
fn corpus(dir: &Path, labels: [&str; 4]) -> (String, String) {
    let texts = [DISCLAIMER, DISCLAIMER, CLEAN, CLEAN];
    let corpus: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| serde_json::json!({"id": format!("d{i}"), "text": t}).to_string() + "\n")
        .collect();
    let label_lines: String = labels
        .iter()
        .enumerate()
        .map(|(i, l)| serde_json::json!({"id": format!("d{i}"), "label": l}).to_string() + "\n")
        .collect();
    std::fs::write(dir.join("corpus.jsonl"), corpus).unwrap();
    std::fs::write(dir.join("labels.jsonl"), label_lines).unwrap();
    (dir.join("corpus.jsonl").display().to_string(), dir.join("labels.jsonl").display().to_string())
}

fn evaluate(corpus: &str, labels: &str) -> serde_json::Value {
    let out = mtaudit().args(["eval", "-q", "--format", "json", "--labels", labels, corpus]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_perfect_separator_scores_one_a_reversed_one_zero_and_ties_a_half() {
    let dir = tempfile::tempdir().unwrap();
    let (c, l) = corpus(dir.path(), ["mt", "mt", "human", "human"]);
    let perfect = evaluate(&c, &l);
    assert_eq!(perfect["roc_auc"], 1.0);
    assert_eq!(perfect["at_threshold"]["true_positives"], 2);
    assert_eq!(perfect["at_threshold"]["false_positives"], 0);
    assert_eq!(perfect["ablations"][0]["family"], "provenance");
    assert_eq!(perfect["ablations"][0]["roc_auc"], 0.5, "without the disclaimer rule nothing separates them");

    let (c, l) = corpus(dir.path(), ["human", "human", "mt", "mt"]);
    assert_eq!(evaluate(&c, &l)["roc_auc"], 0.0);

    let (c, l) = corpus(dir.path(), ["mt", "human", "mt", "human"]);
    assert_eq!(evaluate(&c, &l)["roc_auc"], 0.5);
}

#[test]
fn documents_are_found_by_path_and_unlabelled_ones_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), DISCLAIMER).unwrap();
    std::fs::write(dir.path().join("b.txt"), CLEAN).unwrap();
    std::fs::write(dir.path().join("c.txt"), CLEAN).unwrap();
    std::fs::write(dir.path().join("m.csv"), "path,label\na.txt,mt\nb.txt,human\n").unwrap();
    let r = evaluate(dir.path().to_str().unwrap(), dir.path().join("m.csv").to_str().unwrap());
    assert_eq!(
        (r["documents"].as_u64(), r["unlabelled"].as_u64(), r["roc_auc"].as_f64()),
        (Some(2), Some(1), Some(1.0))
    );
}

#[test]
fn calibrate_writes_a_configuration_that_check_uses() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [DISCLAIMER, CLEAN];
    let mut corpus = String::new();
    let mut labels = String::new();
    for i in 0..20 {
        let (text, label) = if i % 2 == 0 { (texts[0], "mt") } else { (texts[1], "human") };
        corpus += &(serde_json::json!({"id": format!("d{i}"), "text": text}).to_string() + "\n");
        labels += &(serde_json::json!({"id": format!("d{i}"), "label": label}).to_string() + "\n");
    }
    std::fs::write(dir.path().join("corpus.jsonl"), corpus).unwrap();
    std::fs::write(dir.path().join("labels.jsonl"), labels).unwrap();
    let written = dir.path().join("fitted.toml");
    let args = |extra: &[&str]| {
        let mut a: Vec<String> =
            ["calibrate", "-q", "--format", "json", "--labels"].iter().map(|s| s.to_string()).collect();
        a.push(dir.path().join("labels.jsonl").display().to_string());
        a.push("--write".into());
        a.push(written.display().to_string());
        a.extend(extra.iter().map(|s| s.to_string()));
        a.push(dir.path().join("corpus.jsonl").display().to_string());
        a
    };
    let out = mtaudit().args(args(&[])).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["cross_validated_roc_auc"], 1.0);
    let fitted = report["weights"].as_array().unwrap().iter().find(|w| w["rule"] == "MT101").unwrap();
    assert!(fitted["after"].as_f64().unwrap() > fitted["before"].as_f64().unwrap(), "{report}");

    // The file is a configuration: check reads it, and scores the disclaimer lower than before.
    let toml = std::fs::read_to_string(&written).unwrap();
    assert!(toml.contains("[rules.weight]\nMT101 = "), "{toml}");
    let score = |cmd: &mut assert_cmd::Command| -> f64 {
        let out = cmd.args(["check", "--format", "json", "-"]).write_stdin(DISCLAIMER).output().unwrap();
        let run: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        run["inputs"][0]["score"]["overall"].as_f64().unwrap()
    };
    assert!(score(&mut mtaudit_with_config(&written)) < score(&mut mtaudit()));

    // An existing file is not replaced unless asked.
    let again = mtaudit().args(args(&[])).output().unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert!(mtaudit().args(args(&["--force"])).output().unwrap().status.success());
}
