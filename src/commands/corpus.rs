//! The corpus statistics several subcommands share: a sketching pass over the inputs (`sketch`,
//! `names`, and `check`/`gate` with `--name-consensus` or `--duplicates`), `--corpus-sketch`,
//! and writing a sketch (`sketch`, `merge`).

use super::options::{
    analyse_item, count_error, for_each_report, input_options, open_output, progress, threads, update,
};
use crate::cli::{CorpusArgs, ReadArgs};
use anyhow::{Result, bail};
use mtaudit::analysis::Settings;
use mtaudit::corpus_names::Consensus;
use mtaudit::corpus_sketch::{CorpusSketch, sketch_document};
use mtaudit::engine;
use mtaudit::input::Inputs;
use mtaudit::passages::DocumentRef as PassageDocument;
use mtaudit::site_table::SiteTable;
use std::path::Path;

/// The corpus statistics the rules compare documents with: read from `--corpus-sketch`, or
/// gathered by a first pass over the inputs for `--name-consensus` and `--duplicates`.
pub(super) fn with_corpus(settings: Settings, read: &ReadArgs, corpus: &CorpusArgs) -> Result<Settings> {
    // Site counts come from each page on its own, before the corpus statistics, as each
    // shard's sketch counts them: a run over shards inherits what a single run does.
    let from_inputs = corpus.site_evidence && corpus.corpus_sketch.is_none();
    let settings = if from_inputs { with_site_evidence(settings, read)? } else { settings };
    let (settings, sketched_sites) = with_corpus_statistics(settings, read, corpus)?;
    match sketched_sites {
        Some(sites) if corpus.site_evidence => Ok(settings.with_site_evidence(sites.evidence())),
        None if corpus.site_evidence && !from_inputs => {
            bail!("--site-evidence with --corpus-sketch needs a sketch made with --site-field or --site-from-path")
        }
        _ => Ok(settings),
    }
}

/// The settings with the corpus statistics of `--corpus-sketch`, `--name-consensus` and
/// `--duplicates`, and the sketch's site counts if it has them.
fn with_corpus_statistics(
    settings: Settings,
    read: &ReadArgs,
    corpus: &CorpusArgs,
) -> Result<(Settings, Option<SiteTable>)> {
    let (mut sketch, names, copies) = match &corpus.corpus_sketch {
        Some(path) => (CorpusSketch::read_without_passages(path)?, true, true),
        None if corpus.name_consensus || corpus.duplicates => {
            if read.inputs.iter().any(|i| i == "-") {
                bail!(
                    "--name-consensus and --duplicates read the inputs twice, and standard input can be read only \
                     once (make a sketch with `mtaudit sketch` and pass it with --corpus-sketch)"
                );
            }
            let sketch = sketch_inputs(&settings, read, 0, corpus.name_consensus, None, false)?.sketch;
            (sketch, corpus.name_consensus, corpus.duplicates)
        }
        None => return Ok((settings, None)),
    };
    let sites = sketch.sites.take();
    let mut settings = settings;
    if names {
        settings = settings.with_name_consensus(Consensus::from_stats(&sketch.names));
    }
    if copies {
        settings = settings.with_copy_index(sketch.copies);
    }
    Ok((settings, sites))
}

/// `--site-evidence`: a first pass analyses every input and counts per site; the sites whose
/// pages carry strong evidence on a significant share of them are handed to MT105.
fn with_site_evidence(settings: Settings, read: &ReadArgs) -> Result<Settings> {
    if read.inputs.iter().any(|i| i == "-") {
        bail!("--site-evidence reads the inputs twice, and standard input can be read only once");
    }
    if read.site_field.is_none() && read.site_from_path.is_none() {
        bail!("--site-evidence needs the pages' sites: pass --site-field FIELD or --site-from-path N");
    }
    let mut table = SiteTable::default();
    // Errors are reported by the pass that follows.
    for_each_report(&settings, read, false, |report| table.add(&report))?;
    Ok(settings.with_site_evidence(table.evidence()))
}

/// One pass over the inputs, sketching every document in input order.
pub(super) fn sketch_inputs(
    settings: &Settings,
    read: &ReadArgs,
    shard: u32,
    names: bool,
    passages: Option<mtaudit::passages::sketch::SketchParams>,
    count_sites: bool,
) -> Result<SketchedInputs> {
    let res = settings.resources();
    let limit = settings.config.input.max_document_bytes;
    let inputs = Inputs::new(&read.inputs, input_options(&settings.config, read, false));
    let bar = progress(read.quiet);
    let mut sketch = CorpusSketch::new(shard, passages);
    let count_sites = count_sites && (read.site_field.is_some() || read.site_from_path.is_some());
    if count_sites {
        sketch.sites = Some(SiteTable::default());
    }
    let mut unnamed = 0u64;

    let done = std::cell::Cell::new((0u64, 0u64));
    let mut errored = 0u64;
    engine::map_ordered(
        inputs,
        threads(read),
        |item| {
            analyse_item(item, limit, |id, origin, text| {
                // Site counts need the findings: the document is analysed in full first.
                let (report, text) = match count_sites {
                    true => {
                        let (report, text) = mtaudit::analysis::analyze(id.to_string(), origin.clone(), text, settings);
                        (Some(report), text)
                    }
                    false => (None, text),
                };
                (sketch_document(id, text, res, names, passages.as_ref()), report)
            })
        },
        || update(&bar, done.get().0, done.get().1),
        |result| {
            match result {
                Ok((id, origin, (doc, report), size)) => {
                    if let Some(report) = report {
                        sketch.sites.get_or_insert_with(SiteTable::default).add(&report);
                    }
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
pub(super) struct SketchedInputs {
    pub(super) sketch: CorpusSketch,
    /// Inputs that could not be read.
    pub(super) errored: u64,
    /// JSONL records without an id, named by their place in the input.
    pub(super) unnamed: u64,
}

pub(super) fn write_sketch(sketch: &CorpusSketch, output: Option<&Path>) -> Result<()> {
    let gzip = output.is_some_and(|p| p.extension().is_some_and(|e| e == "gz"));
    let mut target = open_output(output)?;
    sketch.write_to(&mut target, gzip)?;
    target.commit()?;
    Ok(())
}
