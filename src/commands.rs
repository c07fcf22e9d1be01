//! The subcommands: they resolve the configuration, run the library and print.

use crate::cli::{
    CheckArgs, Cli, Color, Command, CorpusArgs, DiffArgs, DiffFormat, GateArgs, MergeArgs, NamesArgs, ReadArgs,
    RulesFormat, SketchArgs,
};
use anyhow::{Context, Result, bail};
use mtaudit::analysis::{DocReport, Settings};
use mtaudit::config::Config;
use mtaudit::corpus_names::Consensus;
use mtaudit::corpus_sketch::{CorpusSketch, sketch_document};
use mtaudit::document::Document;
use mtaudit::engine::{self, Loaded, Outcome, Record};
use mtaudit::gate::Verdict;
use mtaudit::input::{InputOptions, Inputs};
use mtaudit::output::attributes::AttributeWriter;
use mtaudit::output::{
    self, AtomicFile, CsvEmitter, Emitter, Format, JsonEmitter, JsonlEmitter, Summary, Target, TextEmitter,
};
use mtaudit::passages::DocumentRef as PassageDocument;
use mtaudit::registry;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Component, Path, PathBuf};

pub fn run(cli: Cli) -> Result<u8> {
    let (config, _) = Config::discover(cli.config.as_deref(), !cli.no_config)?;
    match cli.command {
        Command::Check(args) => check(config, args),
        Command::Gate(args) => gate(config, args),
        Command::Names(args) => names(config, args),
        Command::Sketch(args) => sketch(config, args),
        Command::Merge(args) => merge(args),
        Command::Diff(args) => diff(config, args),
        Command::Eval(args) => crate::labelled::eval(config, args),
        Command::Calibrate(args) => crate::labelled::calibrate(config, args),
        Command::Rules { format } => rules(format),
        Command::Explain { rule } => explain(&rule),
        Command::Lexicon { words, json } => lexicon(config, &words, json),
        Command::Config { .. } => {
            print!("{}", config.to_toml());
            Ok(0)
        }
    }
}

/// Applies the command line's reading options to the configuration.
pub(crate) fn apply_read_args(config: &mut Config, read: &ReadArgs, min_score: Option<f64>) -> Result<()> {
    if let Some(f) = &read.text_field {
        config.input.text_field = f.clone();
    }
    if let Some(f) = &read.id_field {
        config.input.id_field = f.clone();
    }
    if let Some(code) = &read.lang {
        if mtaudit::lang::parse_code(code).is_none() {
            bail!("--lang: unknown language code `{code}` (use ISO 639-3, e.g. fra)");
        }
        config.input.language = Some(code.clone());
    }
    for (list, given) in [(&mut config.rules.select, &read.select), (&mut config.rules.ignore, &read.ignore)] {
        if let Some(prefixes) = given {
            for p in prefixes {
                if !registry::all().iter().any(|d| d.meta().id.starts_with(p.as_str())) {
                    bail!("`{p}` selects no rule (see `mtaudit rules`)");
                }
            }
            *list = prefixes.clone();
        }
    }
    if let Some(n) = min_score {
        if !(0.0..=100.0).contains(&n) {
            bail!("--min-score must be between 0 and 100");
        }
        config.score.threshold = n;
    }
    Ok(())
}

pub(crate) fn input_options(config: &Config, read: &ReadArgs, keep_records: bool) -> InputOptions {
    InputOptions {
        text_field: config.input.text_field.clone(),
        id_field: config.input.id_field.clone(),
        max_document_bytes: config.input.max_document_bytes,
        text_extensions: config.input.text_extensions.clone(),
        jsonl_extensions: config.input.jsonl_extensions.clone(),
        stdin_jsonl: read.stdin_jsonl,
        keep_records,
    }
}

pub(crate) fn threads(read: &ReadArgs) -> usize {
    read.threads.filter(|&n| n > 0).unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// A spinner on standard error, only on a terminal.
pub(crate) fn progress(quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg} [{elapsed}]")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

pub(crate) fn update(bar: &Option<indicatif::ProgressBar>, docs: u64, bytes: u64) {
    if let Some(bar) = bar {
        bar.set_message(format!("{docs} documents, {:.1} MB", bytes as f64 / 1e6));
    }
}

fn check(mut config: Config, args: CheckArgs) -> Result<u8> {
    apply_read_args(&mut config, &args.read, args.min_score)?;
    let settings = with_corpus(Settings::new(config)?, &args.read, &args.corpus)?;
    // The JSONL format is a pipeline stage: records in, the same records annotated out.
    let stage = args.format == Format::Jsonl;
    let mut read = args.read.clone();
    read.stdin_jsonl |= stage;
    let inputs = Inputs::new(&read.inputs, input_options(&settings.config, &read, stage || args.attributes.is_some()));
    let mut attributes = args
        .attributes
        .as_deref()
        .map(|dir| AttributeWriter::new(dir, &args.attributes_name, &settings.config.input.id_field, &read.inputs));
    let target = open_output(args.output.as_deref())?;
    let color = use_color(args.color, args.output.as_deref());
    let mut writer = BufWriter::new(target);
    let mut summary = Summary::new(settings.config.score.threshold);
    let bar = progress(args.read.quiet);
    {
        let out = &mut writer;
        let mut emitter: Box<dyn Emitter + '_> = match args.format {
            Format::Text => Box::new(TextEmitter::new(out, color, args.verbose)),
            Format::Json => Box::new(JsonEmitter::new(out)),
            Format::Jsonl => Box::new(JsonlEmitter::new(out, &settings.config.input.text_field)),
            Format::Csv => Box::new(CsvEmitter::new(out)),
        };
        let report_errors_on_stderr = args.format != Format::Text && !args.read.quiet;
        engine::run(
            inputs,
            &settings,
            threads(&args.read),
            |docs, bytes| update(&bar, docs, bytes),
            |outcome| {
                summary.observe(&outcome);
                if let (true, Outcome::Error(e)) = (report_errors_on_stderr, &outcome) {
                    eprintln!("mtaudit: {e}");
                }
                if let Some(writer) = &mut attributes {
                    writer.outcome(&outcome)?;
                }
                output::emit(emitter.as_mut(), &outcome)
            },
        )?;
        summary.finish();
        emitter.finish(&summary)?;
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    writer.into_inner().map_err(|e| e.into_error())?.commit()?;
    if let Some(writer) = attributes {
        let files = writer.finish()?;
        if !args.read.quiet {
            eprintln!(
                "{files} attribute files written under {}",
                args.attributes.as_deref().unwrap_or(Path::new("")).display()
            );
        }
    }
    if stage && !args.read.quiet {
        eprintln!("{}", tally_line(&summary));
    }
    Ok(if summary.tally.errored > 0 { 1 } else { 0 })
}

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

fn gate(mut config: Config, args: GateArgs) -> Result<u8> {
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

/// The one-line account of every input, for standard error.
fn tally_line(summary: &Summary) -> String {
    let t = summary.tally;
    format!(
        "{} inputs read = {} accepted + {} rejected (score below {}) + {} errored{}",
        summary.read,
        t.accepted,
        t.rejected,
        summary.threshold,
        t.errored,
        if summary.skipped > 0 { format!("; {} skipped (not documents)", summary.skipped) } else { String::new() }
    )
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
        Outcome::Document { report, record, path } => {
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

/// The corpus statistics the rules compare documents with: read from `--corpus-sketch`, or
/// gathered by a first pass over the inputs for `--name-consensus` and `--duplicates`.
fn with_corpus(settings: Settings, read: &ReadArgs, corpus: &CorpusArgs) -> Result<Settings> {
    let (sketch, names, copies) = match &corpus.corpus_sketch {
        Some(path) => (CorpusSketch::read_without_passages(path)?, true, true),
        None if corpus.name_consensus || corpus.duplicates => {
            if read.inputs.iter().any(|i| i == "-") {
                bail!(
                    "--name-consensus and --duplicates read the inputs twice, and standard input can be read only \
                     once (make a sketch with `mtaudit sketch` and pass it with --corpus-sketch)"
                );
            }
            let sketch = sketch_inputs(&settings, read, 0, corpus.name_consensus, None)?.sketch;
            (sketch, corpus.name_consensus, corpus.duplicates)
        }
        None => return Ok(settings),
    };
    let mut settings = settings;
    if names {
        settings = settings.with_name_consensus(Consensus::from_stats(&sketch.names))?;
    }
    if copies {
        settings = settings.with_copy_index(sketch.copies)?;
    }
    Ok(settings)
}

/// One pass over the inputs, sketching every document in input order.
fn sketch_inputs(
    settings: &Settings,
    read: &ReadArgs,
    shard: u32,
    names: bool,
    passages: Option<mtaudit::passages::sketch::SketchParams>,
) -> Result<SketchedInputs> {
    let res = settings.resources();
    let limit = settings.config.input.max_document_bytes;
    let inputs = Inputs::new(&read.inputs, input_options(&settings.config, read, false));
    let bar = progress(read.quiet);
    let mut sketch = CorpusSketch::new(shard, passages);
    let mut unnamed = 0u64;

    let done = std::cell::Cell::new((0u64, 0u64));
    let mut errored = 0u64;
    engine::map_ordered(
        inputs,
        threads(read),
        |item| analyse_item(item, limit, |id, text| sketch_document(id, text, res, names, passages.as_ref())),
        || update(&bar, done.get().0, done.get().1),
        |result| {
            match result {
                Ok((id, origin, doc, size)) => {
                    let (docs, bytes) = done.get();
                    done.set((docs + 1, bytes + size));
                    if origin.line.is_some() && id == origin.to_string() {
                        unnamed += 1;
                    }
                    sketch.add(doc, PassageDocument { id, source: origin.source, record_line: origin.line });
                }
                Err(e) => count_error(e, read.quiet, &mut errored),
            }
            Ok(())
        },
    )?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(SketchedInputs { sketch, errored, unnamed })
}

/// What a sketching pass over the inputs gives.
struct SketchedInputs {
    sketch: CorpusSketch,
    /// Inputs that could not be read.
    errored: u64,
    /// JSONL records without an id, named by their place in the input.
    unnamed: u64,
}

/// `mtaudit sketch`: the mergeable statistics of one shard.
fn sketch(mut config: Config, args: SketchArgs) -> Result<u8> {
    apply_read_args(&mut config, &args.read, None)?;
    let settings = Settings::new(config)?;
    let shape = args.passages.then(|| passage_params(&args.passage_shape)).transpose()?;
    let SketchedInputs { sketch, errored, unnamed } = sketch_inputs(&settings, &args.read, args.shard, true, shape)?;
    if unnamed > 0 && !args.read.quiet {
        eprintln!(
            "mtaudit: warning: {unnamed} JSONL records have no `{}` field and are named by their line; names \
             like `-:12` recur in every shard, and copies across shards are told apart by name: give every \
             record an id",
            settings.config.input.id_field
        );
    }
    write_sketch(&sketch, args.output.as_deref())?;
    if !args.read.quiet {
        eprintln!(
            "shard {}: {} documents sketched, {} errored; {} name words, {} texts and {} sentences indexed",
            args.shard,
            sketch.documents(),
            errored,
            sketch.names.spellings.len(),
            sketch.copies.distinct().0,
            sketch.copies.distinct().1,
        );
    }
    Ok(if errored > 0 { 1 } else { 0 })
}

/// `mtaudit merge`: sketches of shards into one.
fn merge(args: MergeArgs) -> Result<u8> {
    let mut merged: Option<CorpusSketch> = None;
    for path in &args.sketches {
        let sketch = if args.no_passages || args.for_shard.is_some() {
            CorpusSketch::read_without_passages(path)?
        } else {
            CorpusSketch::read(path)?
        };
        match &mut merged {
            None => merged = Some(sketch),
            Some(all) => all.merge(sketch).with_context(|| format!("merging {}", path.display()))?,
        }
    }
    let mut merged = merged.unwrap_or_default();
    if let Some(path) = &args.for_shard {
        let shard = CorpusSketch::read_without_passages(path)?;
        merged.copies.restrict_to(&shard.copies);
    }
    write_sketch(&merged, args.output.as_deref())?;
    Ok(0)
}

fn write_sketch(sketch: &CorpusSketch, output: Option<&Path>) -> Result<()> {
    let gzip = output.is_some_and(|p| p.extension().is_some_and(|e| e == "gz"));
    let mut target = open_output(output)?;
    sketch.write_to(&mut target, gzip)?;
    target.commit()?;
    Ok(())
}

/// `mtaudit names`: one pass over the inputs, merging each document's name spellings.
fn names(mut config: Config, args: NamesArgs) -> Result<u8> {
    apply_read_args(&mut config, &args.read, None)?;
    let settings = Settings::new(config)?;
    let SketchedInputs { sketch, errored, .. } = sketch_inputs(&settings, &args.read, 0, true, None)?;
    let corpus = sketch.names;
    let groups = corpus.groups();
    let mut out = BufWriter::new(Target::open(args.output.as_deref())?);
    match args.format {
        RulesFormat::Json => {
            let report = serde_json::json!({
                "documents": corpus.documents,
                "errored": errored,
                "names": corpus.spellings.len(),
                "groups": groups,
            });
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        RulesFormat::Text | RulesFormat::Markdown => {
            for g in &groups {
                writeln!(out, "{}: {} spellings, {} mentions", g.canonical, g.spellings.len(), g.mentions)?;
                for spelling in &g.spellings {
                    let (spelling, s) = (&spelling.spelling, &spelling.stats);
                    let more = if s.documents as usize > s.examples.len() { ", …" } else { "" };
                    writeln!(
                        out,
                        "  {spelling:<24} ×{:<5} in {} document{}: {}{more}",
                        s.mentions,
                        s.documents,
                        if s.documents == 1 { "" } else { "s" },
                        s.examples.join(", ")
                    )?;
                }
            }
            writeln!(
                out,
                "{} documents read, {} errored; {} distinct name words; {} names spelled several ways",
                corpus.documents,
                errored,
                corpus.spellings.len(),
                groups.len()
            )?;
        }
    }
    out.into_inner().map_err(|e| e.into_error())?.commit()?;
    Ok(if errored > 0 { 1 } else { 0 })
}

fn rules(format: RulesFormat) -> Result<u8> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        RulesFormat::Json => {
            let rules: Vec<serde_json::Value> = registry::all()
                .iter()
                .map(|d| {
                    let m = d.meta();
                    serde_json::json!({
                        "id": m.id, "name": m.name, "family": m.family, "default_severity": m.default_severity,
                        "default_weight": m.default_weight, "summary": m.summary, "explanation": m.explanation,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &rules)?;
            writeln!(out)?;
        }
        RulesFormat::Markdown | RulesFormat::Text => {
            let markdown = format == RulesFormat::Markdown;
            let header =
                ["id", "name", "family", "severity", "weight", if markdown { "what it flags" } else { "summary" }];
            let rows = registry::all().iter().map(|d| {
                let m = d.meta();
                let summary = if markdown { m.summary.replace('|', "\\|") } else { m.summary.to_string() };
                [
                    m.id.to_string(),
                    m.name.to_string(),
                    m.family.to_string(),
                    m.default_severity.to_string(),
                    m.default_weight.to_string(),
                    summary,
                ]
            });
            if markdown {
                writeln!(out, "| {} |", header.join(" | "))?;
                writeln!(out, "|---|---|---|---|---:|---|")?;
                for row in rows {
                    writeln!(out, "| {} |", row.join(" | "))?;
                }
            } else {
                let line =
                    |r: &[&str]| format!("{:<6} {:<31} {:<12} {:<8} {:>6}  {}", r[0], r[1], r[2], r[3], r[4], r[5]);
                writeln!(out, "{}", line(&header))?;
                for row in rows {
                    writeln!(out, "{}", line(&row.each_ref().map(String::as_str)))?;
                }
            }
        }
    }
    out.flush()?;
    Ok(0)
}

/// `mtaudit diff`: passages repeated across and within documents, in two passes over the
/// inputs (sketch everything, then read back the passages that have a candidate).
fn diff(mut config: Config, args: DiffArgs) -> Result<u8> {
    use mtaudit::passages::{self, DiffParams, DocumentRef, index::PassageIndex, index::SeenKeys, sketch};
    apply_read_args(&mut config, &args.read, None)?;
    if !(0.0..=1.0).contains(&args.min_similarity) {
        bail!("--min-similarity must be between 0 and 1");
    }
    let params = DiffParams::new(passage_params(&args.passages)?, args.min_similarity);
    if let Some(path) = &args.corpus_sketch {
        let mut index = passage_index_of_sketch(path, params, &config, &args.read)?;
        let pairs = index.candidates();
        return write_diff(index.finish(pairs, args.max_locations), &args, 0);
    }
    // Standard input can be read once: it is spooled to a temporary file read twice.
    let (read_inputs, spool) = spool_standard_input(&args.read)?;
    let mut read = ReadArgs { inputs: read_inputs, ..args.read.clone() };
    if spool.is_some() {
        read.stdin_jsonl = false;
    }
    let spooled_name = spool.as_ref().map(|f| f.path().display().to_string());
    let shown = |source: &str| -> String {
        match spooled_name.as_deref() {
            Some(spooled) if source.starts_with(spooled) => format!("-{}", &source[spooled.len()..]),
            _ => source.to_string(),
        }
    };
    let limit = config.input.max_document_bytes;
    let options = || input_options(&config, &read, false);
    let bar = progress(read.quiet);

    // Pass 1: every passage's place and rendering; each form sketched once.
    let mut index = PassageIndex::new(params);
    let (seen_forms, seen_renderings) = (SeenKeys::default(), SeenKeys::default());
    let first_rendering = |rendering: u64| seen_renderings.first_sight(rendering);
    let holding = std::sync::atomic::AtomicBool::new(true);
    let mut errored = 0u64;
    let done = std::cell::Cell::new((0u64, 0u64));
    engine::map_ordered(
        Inputs::new(&read.inputs, options()).enumerate(),
        threads(&read),
        |(item, input)| {
            analyse_item(input, limit, |id, text| {
                let doc = Document::segmented(id.to_string(), text);
                let hold = holding.load(std::sync::atomic::Ordering::Relaxed);
                sketch::sketch_document(
                    &doc,
                    &params.sketch,
                    |form| seen_forms.first_sight(form),
                    hold.then_some(&first_rendering as &dyn Fn(u64) -> bool),
                )
            })
            .map(|(id, origin, sketch, size)| (item, id, origin, sketch, size))
        },
        || update(&bar, done.get().0, done.get().1),
        |result| {
            match result {
                Ok((item, id, origin, sketch, size)) => {
                    let document =
                        DocumentRef { id: shown(&id), source: shown(&origin.source), record_line: origin.line };
                    index.add_document(document, item, sketch);
                    holding.store(index.holding(), std::sync::atomic::Ordering::Relaxed);
                    let (docs, bytes) = done.get();
                    done.set((docs + 1, bytes + size));
                }
                Err(e) => count_error(e, read.quiet, &mut errored),
            }
            Ok(())
        },
    )?;
    drop((seen_forms, seen_renderings));
    index.seal();
    let pairs = index.candidates();

    // Pass 2: one occurrence of each rendering that has a candidate or repeats, read back from
    // the inputs that hold them (and no further than the last of them).
    let wanted = index.wanted(&pairs);
    if let Some(&last) = wanted.keys().next_back() {
        engine::map_ordered(
            Inputs::new(&read.inputs, options()).enumerate().take(last + 1),
            threads(&read),
            |(item, input)| {
                let Some(wants) = wanted.get(&item) else { return Vec::new() };
                let Loaded::Text { id, text, .. } = engine::load(input, limit) else { return Vec::new() };
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    passages::read_back(&Document::segmented(id, text), wants, params.sketch.min_words)
                }))
                .unwrap_or_default()
            },
            || {},
            |found| {
                for (rendering, text, hashes) in found {
                    index.add_read_back(rendering, text, hashes);
                }
                Ok(())
            },
        )?;
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    write_diff(index.finish(pairs, args.max_locations), &args, errored)
}

/// The sketch parameters of the command line, checked.
fn passage_params(args: &crate::cli::PassageArgs) -> Result<mtaudit::passages::sketch::SketchParams> {
    if args.bands == 0 || args.rows == 0 || args.bands * args.rows > 1024 || args.min_words == 0 {
        bail!("--bands, --rows and --min-words must be positive, and bands × rows at most 1024");
    }
    Ok(mtaudit::passages::sketch::SketchParams { min_words: args.min_words, bands: args.bands, rows: args.rows })
}

/// `diff --corpus-sketch`: the first pass's index rebuilt from the passages of a merged sketch
/// (every shard in order, so the index is the one a single run over the corpus builds); with
/// inputs, focused on their documents.
fn passage_index_of_sketch(
    path: &Path,
    params: mtaudit::passages::DiffParams,
    config: &Config,
    read: &ReadArgs,
) -> Result<mtaudit::passages::index::PassageIndex> {
    let sketch = CorpusSketch::read(path)?;
    let Some(passages) = sketch.passages else {
        bail!("{}: this sketch records no passages (make it with `mtaudit sketch --passages`)", path.display());
    };
    if passages.params != params.sketch {
        bail!(
            "{}: the sketch's passages were made with --min-words {} --bands {} --rows {}; give the same to diff",
            path.display(),
            passages.params.min_words,
            passages.params.bands,
            passages.params.rows
        );
    }
    // Every text is in the sketch: nothing is read back.
    let mut index =
        mtaudit::passages::index::PassageIndex::new(mtaudit::passages::DiffParams { held_bytes: usize::MAX, ..params });
    let mut item = 0;
    let mut known = mtaudit::text::FastSet::default();
    for shard in passages.shards {
        for (place, mut document) in shard.documents {
            document.restore_forms(&passages.params, &mut known);
            index.add_document(place, item, document);
            item += 1;
        }
    }
    index.seal();
    if !read.inputs.is_empty() {
        let mut ids = mtaudit::text::FastSet::default();
        for input in Inputs::new(&read.inputs, input_options(config, read, false)) {
            match input {
                mtaudit::input::Item::Inline { id, .. } => {
                    ids.insert(id);
                }
                mtaudit::input::Item::File { origin, .. } => {
                    ids.insert(origin.source);
                }
                mtaudit::input::Item::Error(e) if !read.quiet => eprintln!("mtaudit: {e}"),
                _ => {}
            }
        }
        index.focus_on(&ids);
    }
    Ok(index)
}

fn write_diff(report: mtaudit::passages::DiffReport, args: &DiffArgs, errored: u64) -> Result<u8> {
    let target = open_output(args.output.as_deref())?;
    let color = use_color(args.color, args.output.as_deref());
    let mut writer = BufWriter::new(target);
    match args.format {
        DiffFormat::Text => output::diff_report::write_text(&report, color, &mut writer)?,
        DiffFormat::Json => {
            serde_json::to_writer(&mut writer, &report)?;
            writeln!(writer)?;
        }
        DiffFormat::Html => output::diff_report::write_html(&report, &mut writer)?,
    }
    writer.into_inner().map_err(|e| e.into_error())?.commit()?;
    Ok(if errored > 0 { 1 } else { 0 })
}

/// Loads an input and analyses its text with `analyse`, guarded: as in `check`, a document
/// whose analysis fails is an error and the run goes on. `Err(None)` is a skipped input.
fn analyse_item<T>(
    item: mtaudit::input::Item,
    limit: u64,
    analyse: impl FnOnce(&str, String) -> T,
) -> std::result::Result<(String, mtaudit::input::Origin, T, u64), Option<mtaudit::input::InputError>> {
    match engine::load(item, limit) {
        Loaded::Text { id, origin, text, .. } => {
            let size = text.len() as u64;
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(&id, text))) {
                Ok(result) => Ok((id, origin, result, size)),
                Err(_) => {
                    Err(Some(mtaudit::input::InputError { origin, reason: "internal error while analysing".into() }))
                }
            }
        }
        Loaded::Error(e) => Err(Some(e)),
        Loaded::Skipped { .. } => Err(None),
    }
}

/// Counts an input that could not be read (`None`: skipped, not an error) and says so on
/// standard error unless quiet.
fn count_error(error: Option<mtaudit::input::InputError>, quiet: bool, errored: &mut u64) {
    if let Some(e) = error {
        *errored += 1;
        if !quiet {
            eprintln!("mtaudit: {e}");
        }
    }
}

/// The report's destination: the file (written atomically) or standard output.
pub(crate) fn open_output(output: Option<&Path>) -> Result<Target> {
    Target::open(output)
        .with_context(|| format!("cannot write {}", output.map_or("-".into(), |p| p.display().to_string())))
}

/// Colour on a terminal unless NO_COLOR is set, never in a file.
fn use_color(color: Color, output: Option<&Path>) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Replaces `-` among the inputs by a temporary copy of standard input (named `.jsonl` with
/// `--stdin-jsonl`), for commands that read their inputs twice.
fn spool_standard_input(read: &ReadArgs) -> Result<(Vec<String>, Option<tempfile::NamedTempFile>)> {
    if !read.inputs.iter().any(|i| i == "-") {
        return Ok((read.inputs.clone(), None));
    }
    let suffix = if read.stdin_jsonl { ".jsonl" } else { ".txt" };
    let mut file = tempfile::Builder::new().prefix("mtaudit-stdin-").suffix(suffix).tempfile()?;
    std::io::copy(&mut std::io::stdin().lock(), file.as_file_mut()).context("reading standard input")?;
    let path = file.path().display().to_string();
    let inputs = read.inputs.iter().map(|i| if i == "-" { path.clone() } else { i.clone() }).collect();
    Ok((inputs, Some(file)))
}

/// `mtaudit lexicon`: what the French lexicon says about each word.
fn lexicon(config: Config, words: &[String], json: bool) -> Result<u8> {
    use mtaudit::detectors::invalid_word_form;
    use mtaudit::view::french;
    let settings = Settings::new(config)?;
    let lexicon = settings.resources().french;
    let mut out = std::io::stdout().lock();
    for word in words {
        let analyses: Vec<serde_json::Value> = lexicon
            .analyses(word)
            .map(|a| serde_json::json!({"lemma": lexicon.lemma(a.lemma), "tags": a.tags.describe()}))
            .collect();
        let known = lexicon.contains(word);
        let restored = if known { None } else { french::restored_accents(lexicon, word) };
        let near: Vec<serde_json::Value> = if known {
            Vec::new()
        } else {
            invalid_word_form::candidates(lexicon, &word.to_lowercase())
                .into_iter()
                .map(|c| serde_json::json!({"form": c.form, "lemma": c.lemma, "tags": c.description}))
                .collect()
        };
        if json {
            let record = serde_json::json!({
                "word": word, "known": known, "analyses": analyses,
                "accents_restored": restored, "near_forms": near,
            });
            writeln!(out, "{record}")?;
            continue;
        }
        if known {
            let readings: Vec<String> = analyses
                .iter()
                .map(|a| format!("{} ({})", a["lemma"].as_str().unwrap_or(""), a["tags"].as_str().unwrap_or("")))
                .collect();
            writeln!(out, "{word}: {}", readings.join("; "))?;
        } else if let Some(restored) = restored {
            writeln!(out, "{word}: unknown; with its accents: {restored}")?;
        } else if near.is_empty() {
            writeln!(out, "{word}: unknown")?;
        } else {
            let forms: Vec<String> = near
                .iter()
                .map(|c| {
                    format!(
                        "{} ({}, {})",
                        c["form"].as_str().unwrap_or(""),
                        c["lemma"].as_str().unwrap_or(""),
                        c["tags"].as_str().unwrap_or("")
                    )
                })
                .collect();
            writeln!(out, "{word}: unknown; near forms: {}", forms.join("; "))?;
        }
    }
    Ok(0)
}

fn explain(rule: &str) -> Result<u8> {
    let Some(m) = registry::find(rule) else {
        let ids: Vec<&str> = registry::all().iter().map(|d| d.meta().id).collect();
        bail!("no rule `{rule}`; the rules are {}", ids.join(", "));
    };
    println!(
        "{} {} ({}, {}, weight {})\n\n{}\n\n{}",
        m.id, m.name, m.family, m.default_severity, m.default_weight, m.summary, m.explanation
    );
    Ok(0)
}
