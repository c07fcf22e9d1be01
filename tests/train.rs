//! `mtaudit train` and `check --model` on a small labelled set whose two kinds differ in one
//! statistic: one kind writes sentences of even length full of commas, the other sentences of
//! uneven length without them.

mod common;
use common::*;
use std::path::Path;

const CLAUSES: &[&str] = &[
    "le conseil municipal a voté le budget",
    "les habitants attendent des travaux",
    "la mairie promet une réponse rapide",
    "le quartier manque de places en crèche",
    "les commerçants demandent un parking",
    "la préfecture suit le dossier de près",
];

/// A French document of 12 sentences: `commas` joins two clauses with a comma in every
/// sentence; otherwise sentences of one to three clauses joined by `et`.
fn document(seed: usize, commas: bool) -> String {
    let mut text = String::new();
    for s in 0..12 {
        let a = CLAUSES[(seed + s) % CLAUSES.len()];
        let b = CLAUSES[(seed + 2 * s + 1) % CLAUSES.len()];
        let sentence = if commas {
            format!("{a}, {b}, selon lui")
        } else if s % 3 == 0 {
            a.to_string()
        } else {
            format!("{a} et {b} et {}", CLAUSES[(seed + s + 3) % CLAUSES.len()])
        };
        let mut chars = sentence.chars();
        let first = chars.next().unwrap().to_uppercase().collect::<String>();
        text.push_str(&format!("{first}{}. ", chars.as_str()));
    }
    text
}

/// Twenty documents per kind in `dir`, labelled in `labels.jsonl` (each pair of seeds one group).
fn labelled_set(dir: &Path) {
    let mut labels = String::new();
    for i in 0..40 {
        let mt = i % 2 == 0;
        let name = format!("d{i:02}.txt");
        std::fs::write(dir.join(&name), document(i / 2, mt)).unwrap();
        let label = if mt { "mt" } else { "human" };
        labels.push_str(&serde_json::json!({"path": name, "label": label, "story": format!("s{}", i / 4)}).to_string());
        labels.push('\n');
    }
    std::fs::write(dir.join("labels.jsonl"), labels).unwrap();
}

/// `train` for French documents of 20 words or more, grouped by story, writing `model`.
fn train(labels: &Path, model: &Path, inputs: &str, extra: &[&str]) -> std::process::Output {
    mtaudit()
        .args(["train", "--lang", "fr", "--min-words", "20", "--group-field", "story", "--labels"])
        .arg(labels)
        .arg("-o")
        .arg(model)
        .args(extra)
        .arg(inputs)
        .output()
        .unwrap()
}

#[test]
fn a_model_is_trained_written_evaluated_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    labelled_set(dir.path());
    let d = dir.path().to_str().unwrap();
    let labels = dir.path().join("labels.jsonl");
    let model = dir.path().join("model.json");
    let out = train(&labels, &model, d, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("40 labelled documents in `fra`: 20 machine translations, 20 human texts\n"),
        "{stdout}"
    );
    assert!(stdout.contains("ROC AUC out of fold: 1.000\n"), "{stdout}");
    assert!(
        stdout.contains("warns from p ≥ 0.60 (at most 2.5% of the human texts reach it out of fold)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("heaviest features"), "{stdout}");

    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&model).unwrap()).unwrap();
    assert_eq!(written["format"], "mtaudit-style-model/2");
    assert_eq!(written["language"], "fra");
    assert_eq!(written["min_words"], 20);
    assert_eq!(written["warn_from"], 0.6, "no human text comes near the model's lowest threshold");
    assert_eq!(written["training"]["group_field"], "story");
    let comma = written["features"].as_array().unwrap().iter().find(|f| f["name"] == "comma").unwrap();
    assert!(comma["weight"].as_f64().unwrap() > 0.0, "commas speak for the `mt` kind: {comma}");

    // A model of the chosen features only.
    let commas = dir.path().join("commas.json");
    assert!(train(&labels, &commas, d, &["--features", "comma,fw-et"]).status.success());
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&commas).unwrap()).unwrap();
    let names: Vec<&str> =
        written["features"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["comma", "fw-et"]);

    // The same model on the same documents, without training.
    let out = mtaudit()
        .args(["train", "-q", "--format", "json", "--labels"])
        .arg(&labels)
        .arg("--evaluate")
        .arg(&model)
        .arg(d)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let figures: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(figures["roc_auc"], 1.0);
    assert_eq!(figures["machine_translations_flagged"], 20);
    assert_eq!(figures["human_texts_flagged"], 0);

    // check --model: the comma documents get MT801 with the features that pushed, the others
    // nothing.
    let reports =
        jsonl_records(&["--model", model.to_str().unwrap(), &format!("{d}/d00.txt"), &format!("{d}/d01.txt")]);
    let style = |r: &serde_json::Value| {
        r["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "MT801").map(|f| f["message"].clone())
    };
    let flagged = style(&reports[0]).expect("the comma document is flagged");
    assert!(flagged.as_str().unwrap().starts_with("reads like machine translation by its style (p = "), "{flagged}");
    assert!(flagged.as_str().unwrap().contains(" than in human text"), "{flagged}");
    assert_eq!(style(&reports[1]), None);
}

#[test]
fn train_refuses_what_it_cannot_do_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    labelled_set(dir.path());
    let d = dir.path().to_str().unwrap();
    let labels = dir.path().join("labels.jsonl");
    std::fs::write(dir.path().join("taken.json"), "{}").unwrap();
    let run = |extra: &[&str]| {
        let out = mtaudit().args(["train", "-q", "--labels"]).arg(&labels).args(extra).arg(d).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stdout));
        String::from_utf8(out.stderr).unwrap()
    };
    let taken = dir.path().join("taken.json");
    assert!(run(&["-o", taken.to_str().unwrap()]).contains("exists: pass --force"));
    let new = dir.path().join("m.json");
    let too_short = run(&["--min-words", "1000", "-o", new.to_str().unwrap()]);
    assert!(too_short.contains("no labelled document long enough"), "{too_short}");
    assert!(!new.exists(), "nothing is written");
    assert!(run(&["--evaluate", taken.to_str().unwrap()]).contains("taken.json"));
    let model_flag = run(&["--model", taken.to_str().unwrap(), "-o", new.to_str().unwrap()]);
    assert!(model_flag.contains("--model, --select and --ignore do not apply"), "{model_flag}");
    let bad = mtaudit().args(["check", "--model"]).arg(&taken).arg(d).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("taken.json"));
}

#[test]
fn one_group_gives_no_out_of_fold_figures_and_calibrate_keeps_the_model() {
    let dir = tempfile::tempdir().unwrap();
    labelled_set(dir.path());
    let d = dir.path().to_str().unwrap();
    let labels = dir.path().join("labels.jsonl");
    // Every document in one group: no fold can be held out.
    let one_group = dir.path().join("one-group.jsonl");
    let text = std::fs::read_to_string(&labels).unwrap().replace("\"story\":\"s", "\"story\":\"all\",\"x\":\"");
    std::fs::write(&one_group, text).unwrap();
    let model = dir.path().join("model.json");
    let out = train(&one_group, &model, d, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ROC AUC out of fold: n/a"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no out-of-fold figures"));
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(&model).unwrap()).unwrap();
    assert!(written["training"]["out_of_fold_roc_auc"].is_null());

    // A model of one language evaluated as another is refused with the reason.
    let out = mtaudit()
        .args(["train", "-q", "--lang", "en", "--evaluate"])
        .arg(&model)
        .arg("--labels")
        .arg(&labels)
        .arg(d)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("--lang eng and a model of `fra`"));

    // calibrate writes the model it was fitted with into the configuration.
    let config = dir.path().join("fitted.toml");
    let out = mtaudit()
        .args(["calibrate", "-q", "--model"])
        .arg(&model)
        .arg("--labels")
        .arg(&labels)
        .arg("--write")
        .arg(&config)
        .arg(d)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = std::fs::read_to_string(&config).unwrap();
    assert!(written.contains("[style]\nmodels = ["), "{written}");
    assert!(written.contains("model.json"), "{written}");
    mtaudit_with_config(&config).args(["check", "-q"]).arg(d).assert().code(predicates::ord::le(1));
}
