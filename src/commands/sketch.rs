//! `mtaudit sketch`: the mergeable statistics of one shard.

use super::corpus::{SketchedInputs, sketch_inputs, write_sketch};
use super::options::{apply_read_args, passage_params};
use crate::cli::SketchArgs;
use anyhow::Result;
use mtaudit::analysis::Settings;
use mtaudit::config::Config;

/// `mtaudit sketch`: the mergeable statistics of one shard.
pub(super) fn run(mut config: Config, args: SketchArgs) -> Result<u8> {
    apply_read_args(&mut config, &args.read, None)?;
    let settings = Settings::new(config)?;
    let shape = args.passages.then(|| passage_params(&args.passage_shape)).transpose()?;
    let SketchedInputs { sketch, errored, unnamed } =
        sketch_inputs(&settings, &args.read, args.shard, true, shape, true)?;
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
