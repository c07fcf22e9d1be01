//! `mtaudit check`: every document scored, every finding reported in the chosen format, with
//! dolma attribute files on request.

use super::corpus::with_corpus;
use super::options::{apply_read_args, input_options, open_output, progress, tally_line, threads, update, use_color};
use crate::cli::CheckArgs;
use anyhow::Result;
use mtaudit::analysis::Settings;
use mtaudit::config::Config;
use mtaudit::engine::{self, Outcome};
use mtaudit::input::Inputs;
use mtaudit::output::attributes::AttributeWriter;
use mtaudit::output::{
    self, CsvEmitter, Emitter, Format, HtmlEmitter, JsonEmitter, JsonlEmitter, Summary, TextEmitter,
};
use std::io::BufWriter;
use std::path::Path;

pub(super) fn run(mut config: Config, args: CheckArgs) -> Result<u8> {
    apply_read_args(&mut config, &args.read, args.min_score)?;
    let mut settings = with_corpus(Settings::new(config)?, &args.read, &args.corpus)?;
    // The HTML page shows the worst documents in full.
    settings.keep_text = args.format == Format::Html && args.html_documents > 0;
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
            Format::Html => Box::new(HtmlEmitter::new(out, usize::from(args.html_documents))),
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
