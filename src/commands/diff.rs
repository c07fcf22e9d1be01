//! `mtaudit diff`: passages repeated across and within documents, read from the inputs in two
//! passes or from the passages of a corpus sketch, and the report written as text, JSON or HTML.

use super::options::{
    analyse_item, apply_read_args, count_error, input_options, open_output, passage_params, progress,
    spool_standard_input, threads, update, use_color,
};
use crate::cli::{DiffArgs, DiffFormat, ReadArgs};
use anyhow::{Result, bail};
use mtaudit::config::Config;
use mtaudit::corpus_sketch::CorpusSketch;
use mtaudit::document::Document;
use mtaudit::engine::{self, Loaded};
use mtaudit::input::Inputs;
use mtaudit::output;
use std::io::{BufWriter, Write};
use std::path::Path;

/// `mtaudit diff`: passages repeated across and within documents, in two passes over the
/// inputs (sketch everything, then read back the passages that have a candidate).
pub(super) fn run(mut config: Config, args: DiffArgs) -> Result<u8> {
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
            analyse_item(input, limit, |id, _, text| {
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
