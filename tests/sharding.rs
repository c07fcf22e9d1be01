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
        "Les élèves de l'école été évacués à Genève vendredi. Ce texte a été généré par une intelligence artificielle.",
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

    // A shard's view of the merged sketch scores it as the whole sketch does, from less.
    let view = dir.path().join("view2.json");
    run(&["merge", "--for-shard", &shards[2], "-o", view.to_str().unwrap(), merged_a.to_str().unwrap()], None);
    assert!(std::fs::metadata(&view).unwrap().len() < std::fs::metadata(&merged_a).unwrap().len());
    let input = lines[6..].join("\n") + "\n";
    let with = |sketch: &Path| {
        without_origin(&run(
            &["check", "-q", "--format", "jsonl", "--corpus-sketch", sketch.to_str().unwrap(), "-"],
            Some(&input),
        ))
    };
    let scored = with(&view);
    assert_eq!(scored, with(&merged_a));
    assert!(scored.iter().any(|l| l["mtaudit"]["findings"].to_string().contains("MT501")), "the copies are found");

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
    mtaudit()
        .args(["diff", "--corpus-sketch", &shards[0]])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("this sketch records no passages"));
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{}").unwrap();
    mtaudit()
        .args(["check", "--corpus-sketch", bad.to_str().unwrap(), "corpora/seeds"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.json: not an mtaudit sketch"));
}

#[test]
fn attribute_files_mirror_the_jsonl_inputs_line_for_line_in_dolma_layout() {
    let dir = tempfile::tempdir().unwrap();
    let documents = dir.path().join("documents");
    std::fs::create_dir_all(documents.join("sub")).unwrap();
    let lines = corpus();
    std::fs::write(documents.join("a.jsonl"), lines[..5].join("\n") + "\n").unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, (lines[5..].join("\n") + "\n").as_bytes()).unwrap();
    std::fs::write(documents.join("sub/b.jsonl.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(documents.join("notes.txt"), "Une note sans attributs, car ce n'est pas du JSONL.").unwrap();
    let attributes = dir.path().join("attributes/exp");
    let out = mtaudit()
        .args(["check", "-q", "--format", "csv", "--attributes", attributes.to_str().unwrap()])
        .args(["--attributes-name", "exp", documents.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "one line is not JSON");
    let mut files: Vec<String> = walk(&attributes);
    files.sort();
    assert_eq!(files, ["a.jsonl", "sub/b.jsonl.gz"]);
    let read_lines = |path: &Path| -> Vec<serde_json::Value> {
        let bytes = std::fs::read(path).unwrap();
        let text = if path.extension().is_some_and(|e| e == "gz") {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut s).unwrap();
            s
        } else {
            String::from_utf8(bytes).unwrap()
        };
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    };
    let mut attribute_lines = read_lines(&attributes.join("a.jsonl"));
    attribute_lines.extend(read_lines(&attributes.join("sub/b.jsonl.gz")));
    assert_eq!(attribute_lines.len(), lines.len(), "one attribute line per input line");
    for (input, attrs) in lines.iter().zip(&attribute_lines) {
        let Ok(record) = serde_json::from_str::<serde_json::Value>(input) else {
            assert_eq!(attrs, &serde_json::json!({"id": null, "attributes": {}}));
            continue;
        };
        let Some(text) = record["text"].as_str() else {
            assert_eq!(attrs["id"], serde_json::Value::Null);
            continue;
        };
        assert_eq!(attrs["id"], record["id"]);
        let chars: Vec<char> = text.chars().collect();
        let score = &attrs["attributes"]["exp__mtaudit__score"][0];
        assert_eq!((score[0].as_u64(), score[1].as_u64()), (Some(0), Some(chars.len() as u64)));
        assert!(attrs["attributes"]["exp__mtaudit__reject"][0][2].is_f64());
    }
    // Spans are in characters (Python's string indexes): each covers its finding's evidence.
    let out = mtaudit().args(["check", "--format", "json", documents.to_str().unwrap()]).output().unwrap();
    let run: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut checked = 0;
    for report in run["inputs"].as_array().unwrap().iter().filter(|r| r["type"] == "document") {
        let Some(attrs) = attribute_lines.iter().find(|a| a["id"] == report["id"]) else { continue };
        let input = lines.iter().find(|l| l.contains(&format!("\"id\":{}", report["id"]))).unwrap();
        let chars: Vec<char> =
            serde_json::from_str::<serde_json::Value>(input).unwrap()["text"].as_str().unwrap().chars().collect();
        for finding in report["findings"].as_array().unwrap() {
            let key = format!("exp__mtaudit__{}", finding["rule"].as_str().unwrap());
            let spans = attrs["attributes"][&key].as_array().unwrap();
            let covered: Vec<String> = spans
                .iter()
                .map(|s| chars[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize].iter().collect())
                .collect();
            assert!(covered.iter().any(|c| c == finding["evidence"].as_str().unwrap()), "{key}: {covered:?}");
            checked += 1;
        }
    }
    assert!(checked >= 2, "findings checked: {checked}");
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            out.extend(walk(&path).into_iter().map(|f| format!("{name}/{f}")));
        } else {
            out.push(path.file_name().unwrap().to_str().unwrap().to_string());
        }
    }
    out
}

#[test]
fn diff_from_merged_passage_sketches_is_the_single_run_s_diff() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = corpus();
    for (i, text) in [
        "Les pompiers sont intervenus rapidement pour éteindre l'incendie du hangar. Personne n'a été blessé.",
        "Les pompiers sont intervenus très rapidement pour éteindre l'incendie du hangar. Une enquête est ouverte.",
    ]
    .into_iter()
    .enumerate()
    {
        lines.push(serde_json::json!({"id": format!("fire{i}"), "text": text}).to_string());
    }
    let whole = dir.path().join("corpus.jsonl");
    std::fs::write(&whole, lines.join("\n") + "\n").unwrap();
    let without_sources = |stdout: Vec<u8>| {
        let mut report: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
        for doc in report["documents"].as_array_mut().unwrap() {
            let doc = doc.as_object_mut().unwrap();
            doc.remove("source");
            doc.remove("record_line");
        }
        report
    };
    let single = without_sources(run(&["diff", "-q", "--format", "json", whole.to_str().unwrap()], None));
    assert!(single["clusters"].as_array().unwrap().len() >= 2, "{single}");

    let mut sketches = Vec::new();
    for (shard, (from, to)) in [(0, 4), (4, 7), (7, lines.len())].into_iter().enumerate() {
        let input = lines[from..to].join("\n") + "\n";
        let path = dir.path().join(format!("p{shard}.json"));
        let shard = shard.to_string();
        let sketch = |threads: &str| {
            let args = ["sketch", "-q", "--passages", "--stdin-jsonl", "-j", threads, "--shard", &shard, "-o"];
            run(&[&args[..], &[path.to_str().unwrap(), "-"]].concat(), Some(&input));
            std::fs::read(&path).unwrap()
        };
        assert_eq!(sketch("1"), sketch("3"), "a sketch does not depend on the thread count");
        sketches.push(path.to_str().unwrap().to_string());
    }
    let merged = dir.path().join("merged.json.gz");
    run(&["merge", "-o", merged.to_str().unwrap(), &sketches[2], &sketches[0], &sketches[1]], None);
    let from_sketch =
        without_sources(run(&["diff", "--format", "json", "--corpus-sketch", merged.to_str().unwrap()], None));
    assert_eq!(from_sketch, single);

    // With inputs: only the clusters that involve their documents.
    let shard = dir.path().join("middle.jsonl");
    std::fs::write(&shard, lines[4..7].join("\n") + "\n").unwrap();
    let focused = run(
        &["diff", "-q", "--format", "json", "--corpus-sketch", merged.to_str().unwrap(), shard.to_str().unwrap()],
        None,
    );
    let focused: serde_json::Value = serde_json::from_slice(&focused).unwrap();
    let ids: Vec<&str> = focused["documents"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap()).collect();
    let clusters = focused["clusters"].as_array().unwrap();
    assert!(!clusters.is_empty() && clusters.len() < single["clusters"].as_array().unwrap().len());
    for cluster in clusters {
        let involved =
            cluster["renderings"].as_array().unwrap().iter().flat_map(|r| r["locations"].as_array().unwrap().clone());
        assert!(
            involved.map(|l| ids[l["document"].as_u64().unwrap() as usize]).any(|id| id == "doc8" || id == "doc9"),
            "{cluster}"
        );
    }

    // A sketch made with other parameters is refused by diff.
    mtaudit()
        .args(["diff", "--corpus-sketch", merged.to_str().unwrap(), "--bands", "16"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--bands 32"));
}

#[test]
fn two_inputs_that_would_share_an_attribute_file_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("x.jsonl"), corpus()[0].clone() + "\n").unwrap();
    }
    let attributes = dir.path().join("attributes");
    let (a, b) = (dir.path().join("a/x.jsonl"), dir.path().join("b/x.jsonl"));
    mtaudit()
        .args(["check", "-q", "--attributes", attributes.to_str().unwrap(), a.to_str().unwrap(), b.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("was already written for another input"));
}
