//! The HTML report opened in a real browser (headless Chromium): the rendered page holds every
//! document of the JSON report with the same counts, and markup inside a document or its name
//! stays text. A screenshot of the page is saved beside the test binaries
//! (`target/tmp/html-report.png`). Skipped, with a message, where Chromium is not installed
//! (`.ci/run` installs Debian's `chromium`, and sets `MTAUDIT_REQUIRE_BROWSER` so that a
//! missing browser fails there).

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A document that tries to break out of the text, of an attribute and of the page's title.
const HOSTILE: &str = "Le ministre a déclaré <script>document.title='pwned'</script> devant la presse.\n\
                       Un lien \"><img src=x onerror=\"document.title='pwned'\"> et ' onmouseover='x' dans le texte.\n\
                       Cet article a été traduit automatiquement par une intelligence artificielle.\n";
const HOSTILE_NAME: &str = "evil\"><img src=x onerror=alert(1)>.txt";

fn chromium() -> Option<PathBuf> {
    let candidates = std::env::var_os("MTAUDIT_CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(["chromium", "chromium-browser", "google-chrome"].map(PathBuf::from));
    candidates.into_iter().find(|c| {
        Command::new(c).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
    })
}

/// Runs headless Chromium on `page` with `args`; gives its standard output.
fn run_chromium(browser: &Path, profile: &Path, page: &Path, args: &[String]) -> String {
    let mut child = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("Chromium starts");
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut out).ok();
        out
    });
    let started = Instant::now();
    loop {
        if child.try_wait().expect("waits").is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().ok();
            panic!("Chromium did not finish within two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("reader thread")
}

fn unescape(value: &str) -> String {
    value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// The value of `attribute` in each element that opens with `opening` (`<tr class="doc"`).
fn attribute_values(dom: &str, opening: &str, attribute: &str) -> Vec<String> {
    let pattern = regex::Regex::new(&format!(r#"{attribute}="([^"]*)""#)).expect("a valid pattern");
    dom.match_indices(opening)
        .filter_map(|(at, _)| {
            let tag = &dom[at..at + dom[at..].find('>').unwrap_or(dom.len() - at)];
            pattern.captures(tag).map(|c| unescape(&c[1]))
        })
        .collect()
}

#[test]
fn the_html_report_renders_every_document_of_the_json_report() {
    let Some(browser) = chromium() else {
        // `.ci/run` installs Chromium and sets this: there, a skip would hide a broken page.
        assert!(
            std::env::var_os("MTAUDIT_REQUIRE_BROWSER").is_none(),
            "MTAUDIT_REQUIRE_BROWSER is set but no Chromium was found"
        );
        eprintln!("skipped: no Chromium found (Debian's `chromium`; set MTAUDIT_CHROMIUM to another binary)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join(HOSTILE_NAME), HOSTILE).unwrap();
    let corpus = root().join("corpora");

    let out = mtaudit().args(["check", "-q", "--format", "json"]).arg(&corpus).arg(&inputs).output().unwrap();
    let run: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let documents: BTreeMap<String, usize> = run["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["type"] == "document")
        .map(|r| (r["id"].as_str().unwrap().to_string(), r["findings"].as_array().unwrap().len()))
        .collect();
    assert!(documents.len() > 10, "the bundled corpus and the hostile document");

    let page = dir.path().join("report.html");
    let written = mtaudit()
        .args(["check", "-q", "--format", "html", "-o"])
        .arg(&page)
        .arg(&corpus)
        .arg(&inputs)
        .output()
        .unwrap();
    assert!(written.status.success());

    let profile = dir.path().join("profile");
    let dom = run_chromium(&browser, &profile, &page, &["--dump-dom".to_string()]);
    assert!(dom.contains("<title>mtaudit report</title>"), "no document's text ran as script");
    assert!(!dom.contains("<img"), "no document's markup became an element");

    // Every document is a row, with its findings count.
    let ids = attribute_values(&dom, "<tr class=\"doc\"", "data-id");
    let counts = attribute_values(&dom, "<tr class=\"doc\"", "data-findings");
    assert_eq!(ids.len(), documents.len());
    let rows: BTreeMap<String, usize> = ids.into_iter().zip(counts.iter().map(|c| c.parse().unwrap())).collect();
    assert_eq!(rows, documents);

    // The summary agrees with the JSON one.
    let summary = &run["summary"];
    for (attribute, key) in [("data-accepted", "accepted"), ("data-rejected", "rejected"), ("data-errors", "errored")] {
        let value = attribute_values(&dom, "<dl id=\"summary\"", attribute);
        assert_eq!(value, vec![summary[key].to_string()], "{attribute}");
    }

    // The worst documents are shown in full, each finding listed.
    let shown = attribute_values(&dom, "<article class=\"document", "data-id");
    let shown_findings: usize = shown.iter().map(|id| documents[id]).sum();
    assert_eq!(shown.len(), documents.len().min(50));
    assert_eq!(dom.matches("<li class=\"finding").count(), shown_findings);
    let hostile_id = documents.keys().find(|id| id.ends_with(HOSTILE_NAME)).expect("the hostile document is listed");
    assert!(shown.contains(hostile_id), "the hostile document is among the worst (its disclaimer)");
    assert!(dom.contains("&lt;script&gt;document.title="), "its markup is shown as text");

    let screenshot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report.png");
    run_chromium(
        &browser,
        &profile,
        &page,
        &[format!("--screenshot={}", screenshot.display()), "--window-size=1280,2400".to_string()],
    );
    assert!(std::fs::metadata(&screenshot).is_ok_and(|m| m.len() > 10_000), "a screenshot was taken");
    eprintln!("screenshot: {}", screenshot.display());
}
