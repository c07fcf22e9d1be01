//! Sharded runs: sketches of shards merge into the sketch of the whole corpus, and shards
//! scored against it give what one run over the whole corpus gives.

mod common;
use common::*;
use std::path::Path;

/// A corpus where one name is spelled two ways and two documents are copies of earlier ones.
fn corpus() -> Vec<String> {
    let story = "Le conseil municipal a voté mardi un plan de rénovation des écoles. Les travaux commenceront en juin et dureront deux ans. Le maire a salué un investissement historique pour la ville.";
    [
        "Le président Loukachenko a parlé jeudi devant le Parlement à Minsk.",
        story,
        "Selon Loukachenko, les négociations doivent reprendre sans conditions.",
        "Le président biélorusse Loukachenko a reçu le ministre russe.",
        "",
        "Le président Lukashenko a averti que son armée était prête.",
        &story.to_uppercase(),
        "{broken",
        &format!("{story} Fin du communiqué."),
    ]
    .iter()
    .enumerate()
    .map(|(i, text)| match *text {
        "" => String::new(),
        "{broken" => "{broken".to_string(),
        _ => serde_json::json!({"id": format!("doc{i}"), "text": text, "site": "example.org"}).to_string(),
    })
    .collect()
}

fn run(args: &[&str], stdin: Option<&str>) -> Vec<u8> {
    let mut cmd = mtaudit();
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_string());
    }
    let out = cmd.output().unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// The stage lines without `source` and `line`, which say where the process read the record.
fn without_origin(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let report = v["mtaudit"].as_object_mut().unwrap();
            report.remove("source");
            report.remove("line");
            v
        })
        .collect()
}

fn sketch_shards(dir: &Path, lines: &[String], cuts: &[usize]) -> Vec<String> {
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(lines.len());
    bounds
        .windows(2)
        .enumerate()
        .map(|(shard, w)| {
            let input = lines[w[0]..w[1]].join("\n") + "\n";
            let path = dir.join(format!("shard{shard}.sketch.json.gz"));
            let shard = shard.to_string();
            run(&["sketch", "-q", "--stdin-jsonl", "--shard", &shard, "-o", path.to_str().unwrap(), "-"], Some(&input));
            path.to_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn shards_scored_against_the_merged_sketch_match_one_run_over_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let lines = corpus();
    let whole = dir.path().join("corpus.jsonl");
    std::fs::write(&whole, lines.join("\n") + "\n").unwrap();
    let single =
        run(&["check", "-q", "--format", "jsonl", "--name-consensus", "--duplicates", whole.to_str().unwrap()], None);
    let single = without_origin(&single);
    assert_eq!(single.len(), lines.len());
    let rules: Vec<(String, String)> = single
        .iter()
        .flat_map(|l| {
            let id = l["id"].as_str().unwrap_or("-").to_string();
            l["mtaudit"]["findings"].as_array().cloned().unwrap_or_default().into_iter().filter_map(move |f| {
                let rule = f["rule"].as_str().unwrap();
                matches!(rule, "MT303" | "MT501" | "MT502").then(|| (id.clone(), rule.to_string()))
            })
        })
        .collect();
    assert_eq!(
        rules,
        [("doc5", "MT303"), ("doc6", "MT501"), ("doc8", "MT502")].map(|(d, r)| (d.to_string(), r.to_string()))
    );

    // Three shards, sketched apart, merged in two orders: one sketch.
    let shards = sketch_shards(dir.path(), &lines, &[3, 6]);
    let merged_a = dir.path().join("a.json");
    let merged_b = dir.path().join("b.json");
    run(&["merge", "-o", merged_a.to_str().unwrap(), &shards[2], &shards[0], &shards[1]], None);
    let partial = dir.path().join("partial.json.gz");
    run(&["merge", "-o", partial.to_str().unwrap(), &shards[1], &shards[2]], None);
    run(&["merge", "-o", merged_b.to_str().unwrap(), partial.to_str().unwrap(), &shards[0]], None);
    assert_eq!(std::fs::read(&merged_a).unwrap(), std::fs::read(&merged_b).unwrap());

    // Each shard through the stage, against the whole corpus's sketch.
    let mut sharded = Vec::new();
    for (from, to) in [(0, 3), (3, 6), (6, lines.len())] {
        let input = lines[from..to].join("\n") + "\n";
        let out = run(
            &["check", "-q", "--format", "jsonl", "--corpus-sketch", merged_a.to_str().unwrap(), "-"],
            Some(&input),
        );
        sharded.extend(without_origin(&out));
    }
    assert_eq!(sharded, single);

    // The merged sketch is the single run's sketch, but for the list of shards it holds.
    let single_sketch = dir.path().join("single.json");
    run(&["sketch", "-q", "-o", single_sketch.to_str().unwrap(), whole.to_str().unwrap()], None);
    let read = |p: &Path| -> serde_json::Value { serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap() };
    let (merged, alone) = (read(&merged_a), read(&single_sketch));
    assert_eq!(merged["shards"], serde_json::json!([0, 1, 2]));
    assert_eq!(merged["names"], alone["names"]);
    for table in ["documents", "texts", "sentences"] {
        assert_eq!(merged["copies"][table], alone["copies"][table], "{table}");
    }
    // The same first holders of each text, in the same order; their order keys name shards.
    let holders = |v: &serde_json::Value| -> Vec<serde_json::Value> {
        v["copies"]["first_documents"].as_array().unwrap().iter().map(|d| d[1].clone()).collect()
    };
    assert_eq!(holders(&merged), holders(&alone));
}

#[test]
fn a_shard_merged_twice_or_a_bad_sketch_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let lines = corpus();
    let shards = sketch_shards(dir.path(), &lines, &[4]);
    mtaudit()
        .args(["merge", &shards[0], &shards[1], &shards[0]])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("shard 0 is in two of the sketches merged"));
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{}").unwrap();
    mtaudit()
        .args(["check", "--corpus-sketch", bad.to_str().unwrap(), "corpora/seeds"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.json: not an mtaudit sketch"));
}
