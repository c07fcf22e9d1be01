//! The command line: formats, gate, inputs, exit codes, determinism.

mod common;
use common::*;
use predicates::prelude::*;
use std::io::Write;
use std::path::Path;

const FRENCH: &str = "Le conseil municipal a adopté lundi soir le budget de la ville pour l'année prochaine, après un long débat entre la majorité et l'opposition sur la hausse des impôts locaux.\n";
const FRENCH_MT: &str = "SEOUL - Le gouvernement a annoncé jeudi un plan de relance pour l'industrie, selon un communiqué publié par le ministère.\n\nCe texte a été traduit automatiquement par une intelligence artificielle.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn every_output_format_on_the_seeds() {
    // text
    mtaudit()
        .args(["check", "--color", "never"])
        .arg(seeds())
        .assert()
        .success()
        .stdout(predicate::str::contains("error[MT101]: machine-translation disclaimer (en)"))
        .stdout(predicate::str::contains("5 inputs read: 2 accepted, 3 rejected (score below 78.2), 0 errored"));
    // json: one document with every input and the summary
    let out = mtaudit().args(["check", "--format", "json"]).arg(seeds()).output().unwrap();
    assert!(out.status.success());
    let run: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(run["inputs"].as_array().unwrap().len(), 5);
    assert_eq!(run["summary"]["read"], 5);
    let first = &run["inputs"][1]["findings"][0];
    for key in
        ["rule", "name", "family", "severity", "start", "end", "line", "column", "evidence", "message", "contribution"]
    {
        assert!(!first[key].is_null(), "finding lacks {key}: {first}");
    }
    // jsonl: one line per input, the report under `mtaudit`; the summary on standard error
    let out = mtaudit().args(["check", "--format", "jsonl"]).arg(seeds()).output().unwrap();
    let reports = stage_reports(&out.stdout);
    assert_eq!(reports.len(), 5);
    assert!(reports.iter().all(|r| r["type"] == "document"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("5 inputs read"));
    // csv: a header and a row per document
    let out = mtaudit().args(["check", "--format", "csv"]).arg(seeds()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6);
    assert!(lines[0].starts_with("id,source,line,status,score,translation,boilerplate,verdict"));
    assert!(lines[2].contains("MT101:1"));
}

#[test]
fn contributions_add_up_to_the_points_lost() {
    for (_, doc) in documents(&jsonl_records(&[&seeds()])) {
        let lost = 100.0 - doc["score"]["overall"].as_f64().unwrap();
        let points: f64 =
            doc["findings"].as_array().unwrap().iter().map(|f| f["contribution"]["points"].as_f64().unwrap()).sum();
        assert!((lost - points).abs() < 0.1, "{}: lost {lost}, contributions {points}", doc["id"]);
    }
}

#[test]
fn output_is_identical_for_one_two_and_eight_threads() {
    let run = |command: &str, threads: &str, format: &str| {
        mtaudit().args([command, "-q", "--format", format, "-j", threads, "corpora"]).output().unwrap().stdout
    };
    for (command, format) in [("check", "json"), ("check", "text"), ("check", "csv"), ("diff", "json")] {
        let one = run(command, "1", format);
        assert!(!one.is_empty());
        for threads in ["2", "8"] {
            assert_eq!(one, run(command, threads, format), "{command} {format}, {threads} threads");
        }
        assert_eq!(one, run(command, "8", format), "{command} {format}, again");
    }
}

#[test]
fn output_file_is_written_whole_and_nothing_is_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    mtaudit()
        .args(["check", "-q", "--format", "json", "--output"])
        .arg(&out)
        .arg(seeds())
        .assert()
        .success()
        .stdout("");
    let run: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(run["summary"]["read"], 5);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, vec![std::ffi::OsString::from("report.json")]);
}

#[test]
fn jsonl_input_plain_and_compressed_with_ids_and_fields() {
    let dir = tempfile::tempdir().unwrap();
    let lines = format!(
        "{}\n{}\n{}\n",
        serde_json::json!({"doc": "a", "body": FRENCH}),
        serde_json::json!({"doc": 7, "body": FRENCH_MT}),
        serde_json::json!({"body": FRENCH})
    );
    write(dir.path(), "plain.jsonl", lines.as_bytes());
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(lines.as_bytes()).unwrap();
    write(dir.path(), "b.jsonl.gz", &gz.finish().unwrap());
    write(
        dir.path(),
        "c.ndjson.zst",
        &ruzstd::encoding::compress_to_vec(lines.as_bytes(), ruzstd::encoding::CompressionLevel::Fastest),
    );
    let records = jsonl_records(&["--text-field", "body", "--id-field", "doc", dir.path().to_str().unwrap()]);
    let docs: Vec<&serde_json::Value> = records.iter().filter(|r| r["type"] == "document").collect();
    assert_eq!(docs.len(), 9, "{records:?}");
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(&ids[..2], &["a", "7"]);
    assert!(ids[2].ends_with("b.jsonl.gz:3"), "{}", ids[2]);
    assert_eq!(docs[1]["line"], 2);
    assert!(rules_of(docs[1]).contains(&"MT101".to_string()));
}

#[test]
fn standard_input_as_text_and_as_jsonl() {
    let records = |args: &[&str], stdin: String| {
        let out = mtaudit().args(["check", "--format", "json"]).args(args).arg("-").write_stdin(stdin).output();
        let run: serde_json::Value = serde_json::from_slice(&out.unwrap().stdout).unwrap();
        run["inputs"].as_array().unwrap().clone()
    };
    let text = records(&[], FRENCH_MT.to_string());
    assert_eq!(text[0]["id"], "-");
    assert!(rules_of(&text[0]).contains(&"MT101".to_string()));
    let line = serde_json::json!({"id": "x", "text": FRENCH}).to_string();
    let jsonl = records(&["--stdin-jsonl"], line);
    assert_eq!((&jsonl[0]["id"], &jsonl[0]["source"], &jsonl[0]["line"]), (&"x".into(), &"-".into(), &1.into()));
}

#[test]
fn the_jsonl_format_is_a_stage_one_annotated_line_per_input_line() {
    let input = [
        serde_json::json!({"id": "a", "text": FRENCH_MT, "url": "https://example.org/a", "mtaudit": "old"}).to_string(),
        "{not json".to_string(),
        String::new(),
        serde_json::json!({"id": "b", "body": FRENCH}).to_string(),
        serde_json::json!({"id": "c", "text": FRENCH, "n": [1, 2]}).to_string(),
    ]
    .join("\n");
    let out = mtaudit().args(["check", "--format", "jsonl", "-j", "2", "-"]).write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "two lines are errors");
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 5, "one line per input line, the blank one included");
    // The input's fields are kept, in order, the text included; the report replaces a field
    // of the same name.
    let a = lines[0].as_object().unwrap();
    assert_eq!(a.keys().collect::<Vec<_>>(), ["id", "text", "url", "mtaudit"]);
    assert_eq!(a["text"], FRENCH_MT);
    assert_eq!(a["mtaudit"]["type"], "document");
    assert_eq!(a["mtaudit"]["verdict"], "reject");
    assert!(rules_of(&a["mtaudit"]).contains(&"MT101".to_string()));
    let kinds: Vec<(&str, u64)> = lines
        .iter()
        .map(|l| (l["mtaudit"]["type"].as_str().unwrap(), l["mtaudit"]["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(kinds, [("document", 1), ("error", 2), ("skipped", 3), ("error", 4), ("document", 5)]);
    assert_eq!(lines[3]["mtaudit"]["reason"], "no `text` field");
    assert_eq!(lines[4]["n"], serde_json::json!([1, 2]));
    assert_eq!(lines[4]["mtaudit"]["verdict"], "accept");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("4 inputs read = 1 accepted + 1 rejected"), "{stderr}");
}

/// `check --format jsonl -` with its standard input and output piped to the test.
fn spawn_stage() -> std::process::Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("mtaudit"))
        .args(["--no-config", "check", "-q", "--format", "jsonl", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn the_stage_answers_each_line_without_waiting_for_the_end_of_its_input() {
    use std::io::{BufRead, Write};
    let mut child = spawn_stage();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    for id in ["first", "second"] {
        writeln!(stdin, "{}", serde_json::json!({"id": id, "text": FRENCH})).unwrap();
        stdin.flush().unwrap();
        // Standard input is still open: the answer must come anyway.
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let answer: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(answer["id"], id);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn every_kind_of_bad_input_is_reported_with_its_path_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a_good.txt", FRENCH.as_bytes());
    write(d, "b_invalid_utf8.txt", b"Le conseil a vot\xe9 le budget.");
    write(d, "c_empty.txt", b"");
    write(d, "d_binary.txt", b"\x7fELF\x00\x01\x02 binary");
    write(d, "e_huge.txt", &vec![b'a'; 4096]);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(FRENCH.repeat(50).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    write(d, "f_truncated.txt.gz", &gz[..gz.len() / 2]);
    let jsonl = format!(
        "{}\nnot json at all\n{}\n{}\n[1, 2]\n",
        serde_json::json!({"id": "ok", "text": FRENCH}),
        serde_json::json!({"id": "no-text"}),
        serde_json::json!({"id": "number", "text": 42})
    );
    write(d, "g_records.jsonl", jsonl.as_bytes());
    write(d, "h_image.png", b"\x89PNG");
    std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("i_dangling.txt")).unwrap();
    let fifo = std::process::Command::new("mkfifo").arg(d.join("h_pipe.txt")).status();
    assert!(fifo.is_ok_and(|s| s.success()), "mkfifo");
    std::fs::create_dir(d.join("j_loop")).unwrap();
    std::os::unix::fs::symlink(d, d.join("j_loop").join("back")).unwrap();
    let config_dir = tempfile::tempdir().unwrap();
    let config = config_dir.path().join("small.toml");
    std::fs::write(&config, "[input]\nmax-document-bytes = 1000\n").unwrap();

    let out = mtaudit_with_config(&config)
        .args(["check", "-q", "--format", "json"])
        .arg(d)
        .arg(d.join("k_missing.txt"))
        // Unreadable even by root: reading a process's memory at offset 0 fails.
        .arg("/proc/self/mem")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "some inputs failed");
    let run: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut records = run["inputs"].as_array().unwrap().clone();
    records.push(run["summary"].clone());
    let errors: Vec<String> = records
        .iter()
        .filter(|r| r["type"] == "error")
        .map(|r| {
            let source = r["source"].as_str().unwrap();
            let name = source.strip_prefix(d.to_str().unwrap()).unwrap_or(source).trim_start_matches('/');
            match r["line"].as_u64() {
                Some(line) => format!("{name}:{line}: {}", r["reason"].as_str().unwrap()),
                None => format!("{name}: {}", r["reason"].as_str().unwrap()),
            }
        })
        .collect();
    let expected_prefixes = [
        "b_invalid_utf8.txt: invalid UTF-8 at byte 16",
        "c_empty.txt: empty document",
        "d_binary.txt: binary content (NUL byte at offset 4)",
        "e_huge.txt: file is 4096 bytes, over the limit of 1000 bytes",
        "f_truncated.txt.gz: read failed",
        "g_records.jsonl:2: invalid JSON",
        "g_records.jsonl:3: no `text` field",
        "g_records.jsonl:4: the `text` field is a number, not a string",
        "g_records.jsonl:5: the line is not a JSON object",
        "i_dangling.txt: no such file or directory (or a dangling link)",
        "j_loop/back: directory loop",
        "k_missing.txt: no such file or directory",
        "proc/self/mem: read failed",
    ];
    assert_eq!(errors.len(), expected_prefixes.len(), "{errors:#?}");
    for (error, prefix) in errors.iter().zip(expected_prefixes) {
        assert!(error.starts_with(prefix), "{error} should start with {prefix}");
    }
    let summary = records.last().unwrap();
    assert_eq!(summary["read"], 2 + 13);
    assert_eq!(summary["errored"], 13);
    assert_eq!(summary["skipped"], 2, "the png, and the pipe (which would block)");
    assert_eq!(summary["accepted"].as_u64().unwrap() + summary["rejected"].as_u64().unwrap(), 2);
}

#[test]
fn gate_copies_writes_a_manifest_and_exits_by_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let (accept, reject, manifest) = (dir.path().join("ok"), dir.path().join("ko"), dir.path().join("m.csv"));
    let before: Vec<_> = std::fs::read_dir(root().join("corpora/seeds")).unwrap().map(|e| e.unwrap().path()).collect();
    mtaudit()
        .args(["gate", "--accept-dir"])
        .arg(&accept)
        .arg("--reject-dir")
        .arg(&reject)
        .arg("--manifest")
        .arg(&manifest)
        .arg(seeds())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("5 inputs read = 2 accepted + 3 rejected (score below 78.2) + 0 errored"));
    let count = |d: &Path| walk(d).len();
    assert_eq!(count(&accept), 2);
    assert_eq!(count(&reject), 3);
    assert!(accept.join("corpora/seeds/002_36e462129fe93b33.txt").is_file());
    assert_eq!(
        std::fs::read(accept.join("corpora/seeds/002_36e462129fe93b33.txt")).unwrap(),
        std::fs::read(root().join("corpora/seeds/002_36e462129fe93b33.txt")).unwrap()
    );
    let csv = std::fs::read_to_string(&manifest).unwrap();
    assert_eq!(csv.lines().count(), 6);
    let after: Vec<_> = std::fs::read_dir(root().join("corpora/seeds")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(before, after, "inputs untouched");
    // Everything accepted at threshold 0; nothing at 100.
    mtaudit().args(["gate", "-q", "--min-score", "0"]).arg(seeds()).assert().code(0);
    mtaudit().args(["gate", "-q", "--min-score", "100"]).arg(seeds()).assert().code(1);
    // An errored input makes the gate fail with 2.
    mtaudit().args(["gate", "-q", "--min-score", "0", "corpora/seeds", "no/such/file.txt"]).assert().code(2);
}

fn walk(d: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(d).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() { out.extend(walk(&p)) } else { out.push(p) }
    }
    out
}

#[test]
fn gate_on_jsonl_streams_accepted_records_and_writes_rejects() {
    let dir = tempfile::tempdir().unwrap();
    let rejects = dir.path().join("rejects.jsonl");
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "good", "text": FRENCH, "lang": "fr"}),
        serde_json::json!({"id": "mt", "text": FRENCH_MT})
    );
    let out = mtaudit()
        .args(["gate", "-q", "--stdin-jsonl", "--rejects"])
        .arg(&rejects)
        .arg("-")
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let accepted: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(accepted["id"], "good");
    assert_eq!(accepted["text"], FRENCH);
    assert_eq!(accepted["lang"], "fr");
    assert_eq!(accepted["mtaudit"]["verdict"], "accept");
    let keys: Vec<&String> = accepted.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "text", "lang", "mtaudit"], "input fields keep their order");
    let rejected: serde_json::Value = serde_json::from_str(std::fs::read_to_string(&rejects).unwrap().trim()).unwrap();
    assert_eq!(rejected["id"], "mt");
    assert!(rejected["mtaudit"]["rules"]["MT101"].as_u64() == Some(1));
}

#[test]
fn gate_refuses_to_copy_into_its_own_input() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", FRENCH.as_bytes());
    mtaudit()
        .args(["gate", "--accept-dir"])
        .arg(dir.path().join("accepted"))
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is inside the input directory"));
}

#[test]
fn rules_explain_and_config() {
    mtaudit().arg("rules").assert().success().stdout(predicate::str::contains("MT101  machine-translation-disclaimer"));
    let out = mtaudit().args(["rules", "--format", "json"]).output().unwrap();
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rules.as_array().unwrap().len() >= 12);
    mtaudit()
        .args(["explain", "MT102"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("MT102 foreign-dateline (provenance, warning, weight 26.1)"))
        .stdout(predicate::str::contains("Why it matters:"));
    mtaudit().args(["explain", "imperial-units"]).assert().success().stdout(predicate::str::starts_with("MT202"));
    mtaudit().args(["explain", "MT999"]).assert().code(2).stderr(predicate::str::contains("no rule `MT999`"));
    mtaudit().args(["config", "--show"]).assert().success().stdout(predicate::str::contains("threshold = 78.2"));
}

#[test]
fn configuration_selects_rules_and_overrides_severity() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("mtaudit.toml");
    std::fs::write(&config, "[rules]\nignore = [\"MT4\"]\n[rules.severity]\nMT202 = \"info\"\n").unwrap();
    let out = mtaudit_with_config(&config)
        .args(["check", "--format", "jsonl"])
        .arg("corpora/seeds/001_5850d522661397fc.txt")
        .output()
        .unwrap();
    let doc = stage_reports(&out.stdout).remove(0);
    let rules = rules_of(&doc);
    assert!(rules.iter().all(|r| !r.starts_with("MT4")), "{rules:?}");
    let units = doc["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "MT202").unwrap();
    assert_eq!(units["severity"], "info");
    // A mistake in the file is a usage error naming the file.
    std::fs::write(&config, "[score]\nthreshhold = 5\n").unwrap();
    mtaudit_with_config(&config)
        .args(["check"])
        .arg(seeds())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mtaudit.toml"));
    // Options on the command line.
    let records = jsonl_records(&["--select", "MT1", "corpora/seeds/001_5850d522661397fc.txt"]);
    assert_eq!(rules_of(&records[0]), vec!["MT102", "MT101"]);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..200 {
        write(dir.path(), &format!("doc{i:03}.txt"), FRENCH_MT.as_bytes());
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mtaudit"))
        .args(["--no-config", "check", "-q", "--format", "jsonl", "-j", "1"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn usage_errors_exit_with_2() {
    mtaudit().arg("check").assert().code(2);
    mtaudit().args(["check", "--format", "xml", "corpora"]).assert().code(2);
    mtaudit().args(["gate", "--min-score", "150", "corpora"]).assert().code(2);
}

#[test]
fn the_readme_rule_table_is_the_registry() {
    let out = mtaudit().args(["rules", "--format", "markdown"]).output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains(&table), "README.md's rule table is out of date: paste `mtaudit rules --format markdown`");
}

#[test]
fn names_lists_the_corpus_spellings_of_each_name() {
    mtaudit()
        .args(["names", "corpora/seeds"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Loukachenko: 4 spellings, 47 mentions"))
        .stdout(predicate::str::contains(
            "  Lukachenko               ×2     in 1 document: corpora/seeds/001_5850d522661397fc.txt",
        ))
        .stdout(predicate::str::contains("5 documents read, 0 errored;"));
    let out = mtaudit()
        .args(["names", "--format", "json", "corpora/seeds", "corpora/samples/records.jsonl"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"], 8);
    let podoliak = report["groups"].as_array().unwrap().iter().find(|g| g["canonical"] == "Podoliak").unwrap();
    assert_eq!(podoliak["spellings"][1]["spelling"], "Podolyak");
    assert_eq!(podoliak["spellings"][1]["documents"], 1);
}

#[test]
fn check_flags_a_document_that_departs_from_the_corpus_spelling() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("a.txt", "Le président Loukachenko a parlé jeudi devant le Parlement à Minsk."),
        ("b.txt", "Selon Loukachenko, les négociations doivent reprendre sans conditions."),
        ("c.txt", "Le président biélorusse Loukachenko a reçu le ministre russe."),
        ("d.txt", "Le président Lukashenko a averti que son armée était prête."),
    ] {
        write(dir.path(), name, text.as_bytes());
    }
    let records = jsonl_records(&["--name-consensus", dir.path().to_str().unwrap()]);
    let flagged: Vec<(String, String)> = documents(&records)
        .into_iter()
        .flat_map(|(name, d)| {
            d["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["rule"] == "MT303")
                .map(move |f| (name.clone(), f["message"].as_str().unwrap().to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(
        flagged,
        vec![(
            "d.txt".to_string(),
            "`Lukashenko`: the corpus writes `Loukachenko` (3 of 4 mentions, in 3 documents)".to_string()
        )]
    );
    // Without the option the rule is silent; with standard input it cannot run.
    assert!(
        documents(&jsonl_records(&[dir.path().to_str().unwrap()]))
            .iter()
            .all(|(_, d)| !rules_of(d).contains(&"MT303".to_string()))
    );
    mtaudit()
        .args(["check", "--name-consensus", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input can be read only once"));
}

#[test]
fn a_stated_language_skips_identification() {
    // Too short for identification; with `--lang fr` the French rules run.
    let run = |lang: Option<&str>| {
        let mut cmd = mtaudit();
        cmd.args(["check", "--format", "jsonl", "--select", "MT6"]);
        if let Some(code) = lang {
            cmd.args(["--lang", code]);
        }
        let out = cmd.arg("-").write_stdin(serde_json::json!({"text": "Il ne en veut pas."}).to_string()).output();
        stage_reports(&out.unwrap().stdout).remove(0)
    };
    let forced = run(Some("fr"));
    assert_eq!(forced["language"]["code"], "fra");
    assert_eq!(forced["language"]["method"], "forced");
    assert_eq!(forced["findings"][0]["evidence"], "ne en");
    assert_ne!(run(None)["language"]["method"], "forced");
    mtaudit().args(["check", "--lang", "xx-none", "-"]).write_stdin("x").assert().code(2);
}

#[test]
fn lexicon_looks_words_up() {
    let out = mtaudit().args(["lexicon", "soient", "négocierent", "defendre"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        [
            "soient: être (subjonctif présent 3pl)",
            "négocierent: unknown; near forms: négocièrent (négocier, passé simple 3pl); négocient (négocier, indicatif présent subjonctif présent 3pl); négociaient (négocier, imparfait 3pl)",
            "defendre: unknown; with its accents: défendre",
        ]
    );
}

#[test]
fn lexicon_looks_words_up_in_the_english_lexicon_too() {
    let out = mtaudit().args(["lexicon", "--lang", "en", "negotiated", "informations"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "negotiated: negotiate\ninformations: unknown\n");
    let out = mtaudit().args(["lexicon", "--lang", "xx", "word"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("the embedded lexicons are: fra, eng"));
}

#[test]
fn a_user_french_dictionary_replaces_the_embedded_one() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("mtaudit.toml");
    let dic = root().join("tests/fixtures/mini-dictionary/mini.dic");
    std::fs::write(&config, format!("[lexicons]\nfrench-dictionary = {:?}\n", dic.display().to_string())).unwrap();
    let out = mtaudit_with_config(&config).args(["lexicon", "chantèrent", "soient"]).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "chantèrent: chanter (passé simple 3pl)\nsoient: unknown\n");
    std::fs::write(&config, "[lexicons]\nfrench-dictionary = \"missing.dic\"\n").unwrap();
    let out = mtaudit_with_config(&config).args(["lexicon", "soient"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("missing.aff"));
}

#[test]
fn duplicates_flags_later_copies_of_earlier_documents() {
    let dir = tempfile::tempdir().unwrap();
    let original = "Le conseil municipal a voté mardi un plan de rénovation des écoles. Les travaux commenceront en juin et dureront deux ans. Le maire a salué un investissement historique pour la ville. Les parents d'élèves ont accueilli la nouvelle avec soulagement.";
    write(dir.path(), "a.txt", original.as_bytes());
    write(dir.path(), "b.txt", original.replace(". ", ".\n\n").as_bytes());
    write(
        dir.path(),
        "c.txt",
        format!("{original} Une réunion publique aura lieu le mois prochain en mairie.").as_bytes(),
    );
    let flagged = |extra: &[&str]| -> Vec<(String, String)> {
        let out = mtaudit().args(["check", "--format", "jsonl"]).args(extra).arg(dir.path()).output().unwrap();
        stage_reports(&out.stdout)
            .into_iter()
            .filter(|r| r["type"] == "document")
            .flat_map(|r| {
                let id =
                    std::path::Path::new(r["id"].as_str().unwrap()).file_name().unwrap().to_str().unwrap().to_string();
                r["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|f| f["rule"].as_str().unwrap().starts_with("MT50"))
                    .map(move |f| (id.clone(), f["rule"].as_str().unwrap().to_string()))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    assert_eq!(
        flagged(&["--duplicates"]),
        [("b.txt".to_string(), "MT501".to_string()), ("c.txt".to_string(), "MT502".to_string())]
    );
    assert!(flagged(&[]).is_empty(), "silent without the option");
    // The gate rejects the exact copy.
    let out = mtaudit()
        .args(["gate", "--duplicates", "--quiet", "--manifest"])
        .arg(dir.path().join("m.jsonl"))
        .arg(dir.path().join("a.txt"))
        .arg(dir.path().join("b.txt"))
        .output()
        .unwrap();
    let manifest = std::fs::read_to_string(dir.path().join("m.jsonl")).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(manifest.lines().any(|l| l.contains("b.txt") && l.contains("\"reject\"")), "{manifest}");
    mtaudit().args(["check", "--duplicates", "-"]).write_stdin("x").assert().code(2);
}

#[test]
fn an_interrupted_run_leaves_the_previous_output_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("corpora/seeds/001_5850d522661397fc.txt")).unwrap();
    let lines: String =
        (0..3000).map(|i| serde_json::json!({"id": i.to_string(), "text": text}).to_string() + "\n").collect();
    let big = dir.path().join("big.jsonl");
    std::fs::write(&big, lines).unwrap();
    let out = dir.path().join("out.json");
    for (signal, previous) in [("-INT", None), ("-TERM", Some("the previous report\n"))] {
        match previous {
            Some(content) => std::fs::write(&out, content).unwrap(),
            None => {
                let _ = std::fs::remove_file(&out);
            }
        }
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("mtaudit"))
            .args(["--no-config", "check", "-q", "--format", "json", "--output"])
            .arg(&out)
            .arg(&big)
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(300));
        std::process::Command::new("kill").arg(signal).arg(child.id().to_string()).status().unwrap();
        assert_eq!(child.wait().unwrap().code(), Some(130), "{signal}");
        match previous {
            Some(content) => assert_eq!(std::fs::read_to_string(&out).unwrap(), content),
            None => assert!(!out.exists()),
        }
        // No temporary file is left behind.
        let mut names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        let expected: Vec<&str> = if previous.is_some() { vec!["big.jsonl", "out.json"] } else { vec!["big.jsonl"] };
        assert_eq!(names, expected, "{signal}");
    }
}

#[test]
fn a_generated_corpus_gives_the_same_output_at_any_thread_count() {
    // 200 documents cut from the seeds' paragraphs in a fixed pseudo-random order.
    let mut paragraphs: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(root().join("corpora/seeds")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        paragraphs.extend(text.split("\n\n").map(str::to_string));
    }
    paragraphs.sort();
    let dir = tempfile::tempdir().unwrap();
    let mut state: u64 = 7;
    let mut lines = String::new();
    for doc in 0..200 {
        let mut text = String::new();
        for _ in 0..4 {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            text.push_str(&paragraphs[(state >> 33) as usize % paragraphs.len()]);
            text.push_str("\n\n");
        }
        lines.push_str(&(serde_json::json!({"id": format!("g{doc}"), "text": text}).to_string() + "\n"));
    }
    let corpus = dir.path().join("generated.jsonl");
    std::fs::write(&corpus, lines).unwrap();
    let run = |command: &str, format: &str, threads: &str| {
        mtaudit().args([command, "-q", "--format", format, "-j", threads]).arg(&corpus).output().unwrap().stdout
    };
    for (command, format) in [("check", "jsonl"), ("diff", "json")] {
        let one = run(command, format, "1");
        assert!(one.len() > 1000);
        assert_eq!(one, run(command, format, "2"), "{command}, 2 threads");
        assert_eq!(one, run(command, format, "8"), "{command}, 8 threads");
    }
}

#[test]
fn an_idle_stage_stops_at_an_interruption() {
    // Standard input stays open and silent: the stage must still stop when asked.
    let mut child = spawn_stage();
    std::thread::sleep(std::time::Duration::from_millis(300));
    std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed().as_secs() < 10, "still running 10 s after SIGINT");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(130));
}

/// Six pages of one site, four of them with a disclaimer and a foreign dateline, and two
/// pages of another site without any.
fn two_sites(dir: &Path) -> String {
    let mut lines = String::new();
    for i in 0..6 {
        let text = if i < 4 { FRENCH_MT } else { FRENCH };
        let url = format!("https://www.Edition.example:8080/fr/{i}?utm=x");
        lines.push_str(&serde_json::json!({"id": format!("e{i}"), "url": url, "text": text}).to_string());
        lines.push('\n');
    }
    for i in 0..2 {
        lines.push_str(
            &serde_json::json!({"id": format!("o{i}"), "url": "http://other.example/", "text": FRENCH}).to_string(),
        );
        lines.push('\n');
    }
    write(dir, "pages.jsonl", lines.as_bytes());
    dir.join("pages.jsonl").to_str().unwrap().to_string()
}

#[test]
fn sites_lists_each_site_worst_first_from_a_url_field() {
    let dir = tempfile::tempdir().unwrap();
    let input = two_sites(dir.path());
    let out = mtaudit().args(["sites", "-q", "-f", "json", "--site-field", "url", &input]).output().unwrap();
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = report["rows"].as_array().unwrap();
    assert_eq!(report["pages"], 8);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["site"], "edition.example");
    assert_eq!(rows[0]["pages"], 6);
    assert_eq!(rows[0]["rejected"], 4);
    assert_eq!(rows[0]["evidence_by_family"]["provenance"], 4.0 / 6.0);
    assert_eq!(rows[0]["examples"][0], "e0");
    assert_eq!(rows[1]["site"], "other.example");
    assert_eq!(rows[1]["evidence_share"], 0.0);
    let csv = mtaudit().args(["sites", "-q", "-f", "csv", "--site-field", "url", &input]).output().unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(csv.starts_with(
        "site,pages,rejected,rejected_share,median_translation,low_translation,evidence_share,evidence_provenance"
    ));
    assert_eq!(csv.lines().count(), 3);
}

#[test]
fn site_evidence_passes_a_sites_evidence_on_to_its_other_pages() {
    let dir = tempfile::tempdir().unwrap();
    let input = two_sites(dir.path());
    let records = jsonl_records(&["--site-field", "url", "--site-evidence", &input]);
    let docs: Vec<(String, &serde_json::Value)> =
        documents(&records).into_iter().map(|(_, d)| (d["id"].as_str().unwrap().to_string(), d)).collect();
    assert_eq!(docs.len(), 8);
    for (id, doc) in &docs {
        let inherits = rules_of(doc).contains(&"MT105".to_string());
        assert_eq!(inherits, id.starts_with('e'), "{id}");
        assert_eq!(doc["site"], if id.starts_with('e') { "edition.example" } else { "other.example" });
    }
    let (_, clean_page) = docs.iter().find(|(id, _)| id == "e5").unwrap();
    let message = clean_page["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "MT105").unwrap()["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.starts_with("4 of 6 pages of edition.example carry strong machine-translation evidence (MT101 on 4")
    );
    // Without the option, nothing is inherited; without sites, the option is refused.
    let plain = jsonl_records(&["--site-field", "url", &input]);
    assert!(documents(&plain).iter().all(|(_, d)| !rules_of(d).contains(&"MT105".to_string())));
    mtaudit()
        .args(["check", "--site-evidence", &input])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--site-field"));
}

#[test]
fn site_from_path_takes_the_first_folders_under_the_input_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("a.example/2024")).unwrap();
    write(&dir.path().join("a.example/2024"), "p.txt", FRENCH.as_bytes());
    write(dir.path(), "loose.txt", FRENCH.as_bytes());
    let record = serde_json::json!({"id": "r", "text": FRENCH}).to_string();
    write(&dir.path().join("a.example"), "more.jsonl", record.as_bytes());
    let records = jsonl_records(&["--site-from-path", "1", dir.path().to_str().unwrap()]);
    let docs = documents(&records);
    let site_of = |suffix: &str| docs.iter().find(|(id, _)| id.ends_with(suffix)).map(|(_, d)| d["site"].clone());
    assert_eq!(site_of("p.txt"), Some(serde_json::json!("a.example")));
    assert_eq!(site_of("loose.txt"), Some(serde_json::Value::Null));
    // A JSONL file's records without a site of their own are on its folder's.
    assert_eq!(site_of("more.jsonl"), Some(serde_json::json!("a.example")));
}

#[test]
fn site_counts_of_shards_merge_into_the_counts_of_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = two_sites(dir.path());
    let text = std::fs::read_to_string(&input).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    write(dir.path(), "s0.jsonl", (lines[..3].join("\n") + "\n").as_bytes());
    write(dir.path(), "s1.jsonl", (lines[3..].join("\n") + "\n").as_bytes());
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    for shard in ["0", "1"] {
        let (shard_input, sketch) = (path(&format!("s{shard}.jsonl")), path(&format!("s{shard}.json")));
        mtaudit()
            .args(["sketch", "-q", "--shard", shard, "--site-field", "url", &shard_input, "-o", &sketch])
            .assert()
            .success();
    }
    mtaudit().args(["merge", &path("s0.json"), &path("s1.json"), "-o", &path("all.json")]).assert().success();
    let from_sketch = mtaudit().args(["sites", "-f", "json", "--sketch", &path("all.json")]).output().unwrap();
    let from_inputs = mtaudit().args(["sites", "-q", "-f", "json", "--site-field", "url", &input]).output().unwrap();
    assert!(from_sketch.status.success());
    assert_eq!(String::from_utf8_lossy(&from_sketch.stdout), String::from_utf8_lossy(&from_inputs.stdout));
    // Each shard scored against the merged sketch inherits as a single run does.
    let inherited = |records: &[serde_json::Value]| -> Vec<String> {
        documents(records)
            .into_iter()
            .filter(|(_, d)| rules_of(d).contains(&"MT105".to_string()))
            .map(|(_, d)| d["id"].as_str().unwrap().to_string())
            .collect()
    };
    let single = inherited(&jsonl_records(&["--site-field", "url", "--site-evidence", &input]));
    let mut sharded = Vec::new();
    for shard in ["0", "1"] {
        let shard_input = path(&format!("s{shard}.jsonl"));
        let args = ["--site-field", "url", "--site-evidence", "--corpus-sketch", &path("all.json"), &shard_input];
        sharded.extend(inherited(&jsonl_records(&args)));
    }
    assert_eq!(sharded, single);
    assert_eq!(single.len(), 6);
}
