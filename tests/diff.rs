//! `mtaudit diff`: repeated passages across and within documents.

mod common;
use common::*;
use std::path::Path;

fn report(args: &[&str]) -> serde_json::Value {
    let out = mtaudit().args(["diff", "--format", "json", "-q"]).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// (seed number, line) of each member of each cluster.
fn clusters(report: &serde_json::Value) -> Vec<Vec<(String, u64)>> {
    let docs: Vec<String> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let id = d["id"].as_str().unwrap();
            Path::new(id).file_name().unwrap().to_str().unwrap()[..3].to_string()
        })
        .collect();
    report["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c["renderings"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|r| r["locations"].as_array().unwrap())
                .map(|l| (docs[l["document"].as_u64().unwrap() as usize].clone(), l["line"].as_u64().unwrap()))
                .collect()
        })
        .collect()
}

fn together(clusters: &[Vec<(String, u64)>], places: &[(&str, u64)]) -> bool {
    clusters.iter().any(|c| places.iter().all(|(doc, line)| c.contains(&(doc.to_string(), *line))))
}

#[test]
fn the_seed_passages_that_travel_between_sources_are_found() {
    let found = clusters(&report(&[&seeds()]));
    // EXPECTED.md, "Across the five".
    assert!(together(&found, &[("002", 4), ("004", 24)]), "the Kremlin spokesman: {found:?}");
    assert!(together(&found, &[("000", 12), ("004", 20)]), "the truce appeal: {found:?}");
    assert!(together(&found, &[("003", 11), ("004", 7)]), "the security guarantees: {found:?}");
    // Within 000: the title three times, the related titles, comments 10 and 11.
    assert!(together(&found, &[("000", 3), ("000", 5), ("000", 7)]), "{found:?}");
    assert!(together(&found, &[("000", 58), ("000", 60)]), "{found:?}");
    assert!(together(&found, &[("000", 82), ("000", 84)]), "{found:?}");
    // The two translations of one speech share few words: found only when asked for.
    assert!(!together(&found, &[("002", 7), ("004", 22)]));
    let loose = clusters(&report(&["--min-similarity", "0.3", "--bands", "64", "--rows", "1", &seeds()]));
    assert!(together(&loose, &[("002", 7), ("004", 22)]), "{loose:?}");
}

#[test]
fn each_rendering_carries_its_classified_word_diff() {
    let r = report(&[&seeds()]);
    let cluster = r["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["renderings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["text"].as_str().unwrap().contains("Loukachenko appelle à une \"trêve\""))
        })
        .expect("the title cluster");
    // The representative (seen twice) has no diff; the other rendering has its own.
    let renderings = cluster["renderings"].as_array().unwrap();
    assert_eq!((renderings[0]["count"].as_u64(), renderings[0]["changes"].is_null()), (Some(2), true));
    let member = renderings.iter().find(|m| m["changes"].is_array()).unwrap();
    let classes: Vec<&str> =
        member["changes"].as_array().unwrap().iter().map(|c| c["class"].as_str().unwrap()).collect();
    assert_eq!(classes, ["punctuation", "punctuation", "punctuation"]);
    assert!(
        member["pieces"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["op"] == "insert" && p["text"].as_str().unwrap().starts_with('"'))
    );
}

#[test]
fn stock_phrases_do_not_join_unrelated_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let sentences = [
        "Le ministre des Finances a présenté un budget en hausse pour la défense, a-t-il déclaré.",
        "La récolte de blé sera plus faible que prévu dans le sud du pays, a-t-il déclaré.",
        "Les négociations avec les syndicats reprendront après les vacances d'été, a-t-il déclaré.",
        "Le nouveau stade ouvrira ses portes au public au printemps prochain, a-t-il déclaré.",
    ];
    for (i, s) in sentences.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i}.txt")), s).unwrap();
    }
    let r = report(&[dir.path().to_str().unwrap()]);
    assert_eq!(r["clusters"].as_array().unwrap().len(), 0, "{r}");
}

#[test]
fn exact_copies_and_mostly_copied_documents_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Le conseil municipal a voté mardi un plan de rénovation des écoles. Les travaux commenceront en juin et dureront deux ans. Le maire a salué un investissement historique pour la ville.";
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    std::fs::write(dir.path().join("b.txt"), text.replace(". ", ".\n")).unwrap();
    std::fs::write(dir.path().join("c.txt"), format!("{text} Une réunion publique est prévue.")).unwrap();
    let r = report(&[dir.path().to_str().unwrap()]);
    let pairs: Vec<(u64, u64, &str)> = r["document_pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["first"].as_u64().unwrap(), p["second"].as_u64().unwrap(), p["relation"].as_str().unwrap()))
        .collect();
    assert!(pairs.contains(&(1, 0, "exact")), "{pairs:?}");
    assert!(pairs.contains(&(0, 2, "copy")), "{pairs:?}");
}

#[test]
fn the_html_report_stands_alone_and_escapes_document_text() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "Le texte contient <script>alert('x')</script> et des balises <b>grasses</b> ici même.";
    std::fs::write(dir.path().join("a.txt"), hostile).unwrap();
    std::fs::write(dir.path().join("b.txt"), hostile.replace("ici", "là")).unwrap();
    let out_file = dir.path().join("report.html");
    mtaudit()
        .args(["diff", "-q", "--format", "html", "--output"])
        .arg(&out_file)
        .arg(dir.path().join("a.txt"))
        .arg(dir.path().join("b.txt"))
        .assert()
        .success();
    let html = std::fs::read_to_string(&out_file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert!(!html.contains("<script") && !html.contains("<b>"), "document text is escaped");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(!html.contains("http://") && !html.contains("https://"), "no network resource");
    // Balanced structure: every opened element of the report is closed.
    for tag in ["table", "tr", "td", "th", "h2", "del", "ins", "div"] {
        let opened = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
        assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "<{tag}>");
    }
    assert!(html.contains("<del>") && html.contains("<ins>"));
}

#[test]
fn the_report_is_the_same_whatever_the_thread_count_and_stdin_works() {
    let one = mtaudit().args(["diff", "-q", "--format", "json", "-j", "1", &seeds()]).output().unwrap().stdout;
    let two = mtaudit().args(["diff", "-q", "--format", "json", "-j", "2", &seeds()]).output().unwrap().stdout;
    assert_eq!(one, two);
    let text = "Une phrase répétée deux fois dans ce texte pour le test.\n\nAutre chose entre les deux, sans rapport aucun.\n\nUne phrase répétée deux fois dans ce texte pour le test !\n";
    let out = mtaudit().args(["diff", "-q", "--format", "json", "-"]).write_stdin(text).output().unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["documents"][0]["id"], "-");
    assert_eq!(r["clusters"][0]["size"], 2);
}
