//! `mtaudit merge`: sketches of shards combined into the sketch of the whole corpus.

use super::corpus::write_sketch;
use crate::cli::MergeArgs;
use anyhow::{Context, Result};
use mtaudit::corpus_sketch::CorpusSketch;

/// `mtaudit merge`: sketches of shards into one.
pub(super) fn run(args: MergeArgs) -> Result<u8> {
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
