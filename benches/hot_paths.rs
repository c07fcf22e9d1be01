//! Micro-benchmarks of the hot paths: segmentation, the whole analysis of a document, French
//! lexicon lookups, name grouping, MinHash sketches and anchors.
//!
//!     cargo bench --bench hot_paths
//!
//! The input is the bundled seed corpus, so the figures are for real French news pages.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mtaudit::analysis::{Settings, analyze};
use mtaudit::config::Config;
use mtaudit::document::Document;
use mtaudit::input::Origin;
use mtaudit::lexicon::words::Lexicon;
use mtaudit::passages::sketch::{self, SketchParams};
use mtaudit::resources::Resources;
use mtaudit::view::View;
use std::hint::black_box;

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpora/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

fn bytes(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.len() as u64).sum()
}

fn segmentation(c: &mut Criterion) {
    let texts = seeds();
    let res = Resources::embedded();
    let mut group = c.benchmark_group("segmentation");
    group.throughput(Throughput::Bytes(bytes(&texts)));
    group.bench_function("segmented (no language, no lines)", |b| {
        b.iter(|| texts.iter().map(|t| Document::segmented("d", t.clone()).words.len()).sum::<usize>())
    });
    group.bench_function("build (language and line kinds)", |b| {
        b.iter(|| texts.iter().map(|t| View::build("d", t.clone(), res).words.len()).sum::<usize>())
    });
    group.finish();
}

fn analysis(c: &mut Criterion) {
    let texts = seeds();
    let settings = Settings::new(Config::default()).unwrap();
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(bytes(&texts)));
    group.bench_function("every rule", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| analyze("d".into(), Origin::file("d"), t.clone(), &settings).0.findings.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn lexicon(c: &mut Criterion) {
    let lexicon = Lexicon::embedded("fra").unwrap();
    let texts = seeds();
    let words: Vec<String> = texts
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase))
        .collect();
    let mut group = c.benchmark_group("lexicon");
    group.throughput(Throughput::Elements(words.len() as u64));
    group
        .bench_function("lookup (cached)", |b| b.iter(|| words.iter().filter(|w| lexicon.lookup(w).is_some()).count()));
    group.bench_function("fst (uncached)", |b| b.iter(|| words.iter().filter(|w| lexicon.contains(w)).count()));
    group.finish();
}

fn names(c: &mut Criterion) {
    let spellings: Vec<String> = [
        "Loukachenko",
        "Lukachenko",
        "Luukachenko",
        "Lukashnikov",
        "Lukashenko",
        "Zelensky",
        "Zelenski",
        "Zelenskiy",
        "Peskov",
        "Peskow",
        "Kolesnikov",
        "Kolesnikova",
        "Podoliak",
        "Podolyak",
        "Poutine",
        "Putin",
    ]
    .iter()
    .map(|s| mtaudit::spelling::fold_name(s))
    .collect();
    let mut group = c.benchmark_group("names");
    group.throughput(Throughput::Elements(spellings.len() as u64));
    group.bench_function("group spellings", |b| b.iter(|| black_box(mtaudit::spelling::group_spellings(&spellings))));
    group.finish();
}

fn minhash(c: &mut Criterion) {
    let texts = seeds();
    let params = SketchParams::default();
    let docs: Vec<Document> = texts.iter().map(|t| Document::segmented("d", t.clone())).collect();
    let mut group = c.benchmark_group("passages");
    group.throughput(Throughput::Bytes(bytes(&texts)));
    group.bench_function("sketch every passage", |b| {
        b.iter(|| {
            docs.iter().map(|d| sketch::sketch_document(d, &params, |_| true, None).new_bands.len()).sum::<usize>()
        })
    });
    let hashes: Vec<Vec<u64>> = docs.iter().map(sketch::word_hashes).collect();
    group.bench_function("anchors", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            for h in &hashes {
                for sentence in h.chunks(25) {
                    sketch::anchors(sentence, &mut out);
                }
            }
            out.len()
        })
    });
    group.finish();
}

criterion_group!(hot_paths, segmentation, analysis, lexicon, names, minhash);
criterion_main!(hot_paths);
