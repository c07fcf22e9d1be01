//! Prints where `check`'s time goes: building the document view, then each rule, over the
//! documents of a JSONL file or of text files (one thread, the same order as `check`).
//!
//!     cargo run --release --example detector_times -- CORPUS.jsonl [MAX_DOCS]

use mtaudit::analysis::Settings;
use mtaudit::config::Config;
use mtaudit::view::View;
use std::time::{Duration, Instant};

// The binary's allocator, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: detector_times CORPUS.jsonl|FILE... [MAX_DOCS]");
        std::process::exit(2);
    };
    let max: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
    let text = std::fs::read_to_string(path).expect("readable corpus");
    let texts: Vec<String> = if path.ends_with(".jsonl") {
        text.lines()
            .take(max)
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(String::from))
            .collect()
    } else {
        vec![text]
    };
    let settings = Settings::new(Config::default()).expect("embedded settings");
    let res = settings.resources();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut build = Duration::ZERO;
    let mut mentions = Duration::ZERO;
    let mut french = Duration::ZERO;
    let mut repeats = Duration::ZERO;
    let mut per_rule = vec![Duration::ZERO; settings.detectors.len()];
    for text in &texts {
        let start = Instant::now();
        let doc = View::build("d", text.clone(), res);
        build += start.elapsed();
        // The views several rules share, timed on their own (the rules then find them built).
        let start = Instant::now();
        let _ = doc.mentions(res);
        mentions += start.elapsed();
        let start = Instant::now();
        let _ = doc.french_sentences(res);
        french += start.elapsed();
        let start = Instant::now();
        let _ = doc.repeats();
        repeats += start.elapsed();
        let mut findings = Vec::new();
        for (i, detector) in settings.detectors.iter().enumerate() {
            let start = Instant::now();
            detector.check(&doc, res, &mut findings);
            per_rule[i] += start.elapsed();
        }
    }
    let total = build + mentions + french + repeats + per_rule.iter().sum::<Duration>();
    println!(
        "{} documents, {:.1} MB, {:.2} s on one thread ({:.1} MB/s)",
        texts.len(),
        bytes as f64 / 1e6,
        total.as_secs_f64(),
        bytes as f64 / 1e6 / total.as_secs_f64()
    );
    let mut rows: Vec<(String, Duration)> = vec![
        ("document view".into(), build),
        ("name mentions (shared by the name rules)".into(), mentions),
        ("French readings and sentences (shared by the grammar rules)".into(), french),
        ("repeated lines (shared)".into(), repeats),
    ];
    rows.extend(
        settings.detectors.iter().zip(&per_rule).map(|(d, t)| (format!("{} {}", d.meta().id, d.meta().name), *t)),
    );
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    for (name, time) in rows {
        println!("{:>6.1}%  {:>7.3} s  {}", time.as_secs_f64() / total.as_secs_f64() * 100.0, time.as_secs_f64(), name);
    }
}
