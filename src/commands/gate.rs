//! `mtaudit gate`: accept or reject each document; copies into the accept and reject
//! directories, the manifest, and JSONL records passed through or set aside.

use super::corpus::with_corpus;
use super::options::{apply_read_args, input_options, progress, tally_line, threads, update};
use crate::cli::GateArgs;
use anyhow::{Context, Result, bail};
use mtaudit::analysis::{DocReport, Settings};
use mtaudit::config::Config;
use mtaudit::engine::{self, Outcome, Record};
use mtaudit::gate::Verdict;
use mtaudit::input::Inputs;
use mtaudit::output::{self, AtomicFile, CsvEmitter, Emitter, Summary};
use std::io::{BufWriter, Write};
use std::path::{Component, Path, PathBuf};

/// Gate's one line per input: JSONL, or CSV by the file's extension.
enum Manifest {
    Jsonl(BufWriter<AtomicFile>),
    Csv(Box<CsvEmitter<BufWriter<AtomicFile>>>),
}

/// Where gate's copies and records go.
struct GateOutputs {
    accept_dir: Option<PathBuf>,
    reject_dir: Option<PathBuf>,
    manifest: Option<Manifest>,
    rejects: Option<BufWriter<AtomicFile>>,
    stdout: BufWriter<std::io::StdoutLock<'static>>,
    text_field: String,
}

pub(super) fn run(mut config: Config, args: GateArgs) -> Result<u8> {
    apply_read_args(&mut config, &args.read, args.min_score)?;
    let settings = with_corpus(Settings::new(config)?, &args.read, &args.corpus)?;
    for dir in [&args.accept_dir, &args.reject_dir].into_iter().flatten() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let dir_abs = dir.canonicalize()?;
        for input in &args.read.inputs {
            if let Ok(input_abs) = Path::new(input).canonicalize()
                && input_abs.is_dir()
                && dir_abs.starts_with(&input_abs)
            {
                bail!("{} is inside the input directory {input}: copies would be read as inputs", dir.display());
            }
        }
    }
    let mut outs = GateOutputs {
        accept_dir: args.accept_dir.clone(),
        reject_dir: args.reject_dir.clone(),
        manifest: match &args.manifest {
            Some(p) => {
                let file =
                    BufWriter::new(AtomicFile::create(p).with_context(|| format!("cannot write {}", p.display()))?);
                Some(if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
                    Manifest::Csv(Box::new(CsvEmitter::new(file)))
                } else {
                    Manifest::Jsonl(file)
                })
            }
            None => None,
        },
        rejects: match &args.rejects {
            Some(p) => {
                Some(BufWriter::new(AtomicFile::create(p).with_context(|| format!("cannot write {}", p.display()))?))
            }
            None => None,
        },
        stdout: BufWriter::new(std::io::stdout().lock()),
        text_field: settings.config.input.text_field.clone(),
    };
    let quiet = args.read.quiet;
    let mut summary = Summary::new(settings.config.score.threshold);
    let bar = progress(quiet);
    let inputs = Inputs::new(&args.read.inputs, input_options(&settings.config, &args.read, true));
    engine::run(
        inputs,
        &settings,
        threads(&args.read),
        |docs, bytes| update(&bar, docs, bytes),
        |outcome| {
            summary.observe(&outcome);
            gate_outcome(&mut outs, &outcome, quiet, bar.as_ref())
        },
    )?;
    summary.finish();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    outs.stdout.flush()?;
    let manifest = match outs.manifest.take() {
        Some(Manifest::Jsonl(w)) => Some(w),
        Some(Manifest::Csv(mut csv)) => {
            csv.finish(&summary)?;
            Some(csv.into_inner()?)
        }
        None => None,
    };
    if let Some(w) = manifest {
        w.into_inner().map_err(|e| e.into_error())?.commit()?;
    }
    if let Some(w) = outs.rejects.take() {
        w.into_inner().map_err(|e| e.into_error())?.commit()?;
    }
    eprintln!("{}", tally_line(&summary));
    Ok(summary.tally.gate_exit_code() as u8)
}

fn gate_outcome(
    outs: &mut GateOutputs,
    outcome: &Outcome,
    quiet: bool,
    bar: Option<&indicatif::ProgressBar>,
) -> std::io::Result<()> {
    let say = |line: String| match bar {
        Some(b) => b.println(line),
        None => eprintln!("{line}"),
    };
    match &mut outs.manifest {
        Some(Manifest::Csv(csv)) => output::emit(csv.as_mut(), outcome)?,
        Some(Manifest::Jsonl(w)) => {
            serde_json::to_writer(&mut *w, &manifest_line(outcome)).map_err(std::io::Error::from)?;
            w.write_all(b"\n")?;
        }
        None => {}
    }
    match outcome {
        Outcome::Error(e) => {
            if !quiet {
                say(format!("error   {e}"));
            }
        }
        Outcome::Skipped { .. } => {}
        Outcome::Document { report, record, path, .. } => {
            if let Some(record) = record {
                let annotated = annotate(record, report, &outs.text_field);
                let out: &mut dyn Write = match (report.verdict, &mut outs.rejects) {
                    (Verdict::Accept, _) => &mut outs.stdout,
                    (Verdict::Reject, Some(w)) => w,
                    (Verdict::Reject, None) => return Ok(()),
                };
                serde_json::to_writer(&mut *out, &annotated).map_err(std::io::Error::from)?;
                out.write_all(b"\n")?;
            } else {
                if !quiet {
                    say(format!("{:<7} {:>5.1}  {}", report.verdict.as_str(), report.score.overall, report.id));
                }
                let dir = match report.verdict {
                    Verdict::Accept => &outs.accept_dir,
                    Verdict::Reject => &outs.reject_dir,
                };
                if let Some(dir) = dir {
                    copy_into(dir, &report.origin.source, path.as_deref(), report)?;
                }
            }
        }
    }
    Ok(())
}

/// The manifest line of an outcome.
fn manifest_line(outcome: &Outcome) -> serde_json::Value {
    match outcome {
        Outcome::Document { report, .. } => serde_json::json!({
            "id": report.id, "source": report.origin.source, "line": report.origin.line,
            "verdict": report.verdict, "score": report.score.overall,
            "translation": report.score.translation, "boilerplate": report.score.boilerplate,
            "findings": report.findings.len(),
        }),
        Outcome::Error(e) => {
            serde_json::json!({"id": e.origin.to_string(), "source": e.origin.source, "line": e.origin.line, "verdict": "error", "reason": e.reason})
        }
        Outcome::Skipped { origin, reason } => {
            serde_json::json!({"id": origin.to_string(), "source": origin.source, "verdict": "skipped", "reason": reason})
        }
    }
}

/// The input record with its text restored and mtaudit's verdict added under one key.
fn annotate(record: &Record, report: &DocReport, text_field: &str) -> serde_json::Map<String, serde_json::Value> {
    let mut fields = record.fields.clone();
    fields.insert(text_field.to_string(), serde_json::Value::String(record.text.clone()));
    let mut rules = std::collections::BTreeMap::new();
    for f in &report.findings {
        *rules.entry(f.rule).or_insert(0u32) += 1;
    }
    fields.insert(
        "mtaudit".into(),
        serde_json::json!({
            "score": report.score.overall, "translation": report.score.translation, "boilerplate": report.score.boilerplate,
            "verdict": report.verdict, "language": report.language.code, "rules": rules,
        }),
    );
    fields
}

/// Copies a document file into `dir` under its relative path, atomically. Documents that are
/// not files (standard input, JSONL records) are not copied; they appear in the manifest.
fn copy_into(dir: &Path, source: &str, path: Option<&Path>, report: &DocReport) -> std::io::Result<()> {
    let Some(src) = path else { return Ok(()) };
    let relative: PathBuf = Path::new(source).components().filter(|c| matches!(c, Component::Normal(_))).collect();
    let target =
        dir.join(if relative.as_os_str().is_empty() { PathBuf::from(format!("{}.txt", report.id)) } else { relative });
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = AtomicFile::create(&target)?;
    std::io::copy(&mut std::fs::File::open(src)?, &mut file)?;
    file.commit()
}
