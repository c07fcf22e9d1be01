//! `mtaudit names`: the names of a corpus spelled several ways, with counts and documents.

use super::corpus::{SketchedInputs, sketch_inputs};
use super::options::apply_read_args;
use crate::cli::{NamesArgs, RulesFormat};
use anyhow::Result;
use mtaudit::analysis::Settings;
use mtaudit::config::Config;
use mtaudit::output::Target;
use std::io::{BufWriter, Write};

/// `mtaudit names`: one pass over the inputs, merging each document's name spellings.
pub(super) fn run(mut config: Config, args: NamesArgs) -> Result<u8> {
    apply_read_args(&mut config, &args.read, None)?;
    let settings = Settings::new(config)?;
    let SketchedInputs { sketch, errored, .. } = sketch_inputs(&settings, &args.read, 0, true, None, false)?;
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
