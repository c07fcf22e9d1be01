//! The command line (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use mtaudit::output::Format;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "mtaudit",
    version,
    about = "Audit text for machine-translation artifacts and scrape boilerplate: score, gate, report."
)]
pub struct Cli {
    /// Configuration file (default: ./mtaudit.toml if present, else the embedded defaults).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore ./mtaudit.toml and use the embedded defaults.
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Score documents and report every finding.
    Check(CheckArgs),
    /// Accept or reject each document against a score threshold.
    Gate(GateArgs),
    /// Find passages repeated across and within documents and show how the renderings differ.
    #[command(mut_arg("inputs", |a| a.required(false).required_unless_present("corpus_sketch")))]
    Diff(DiffArgs),
    /// Measure accuracy on labelled documents: ROC AUC, precision and recall, ablations.
    Eval(EvalArgs),
    /// Fit the score's rule weights and threshold to labelled documents; write a configuration.
    Calibrate(CalibrateArgs),
    /// Fit a style-profile model (rule MT801) to labelled documents of one language; write it
    /// as JSON for `check --model`.
    Train(TrainArgs),
    /// List the names of a corpus that are spelled several ways, with counts and documents.
    Names(NamesArgs),
    /// One row per site, worst first: pages, share rejected, translation-score quantiles, share
    /// of pages with translation evidence per family, the rules that fired most, example pages.
    #[command(mut_arg("inputs", |a| a.required(false).required_unless_present("sketch")))]
    Sites(SitesArgs),
    /// Write the mergeable statistics of a shard (name spellings, text and sentence
    /// fingerprints), for `merge` and `--corpus-sketch`.
    Sketch(SketchArgs),
    /// Combine sketches of shards into the sketch of the whole corpus (any order, any grouping).
    Merge(MergeArgs),
    /// List the rules.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Explain one rule.
    Explain {
        /// Rule id (MT101) or name (machine-translation-disclaimer).
        rule: String,
    },
    /// Look words up in a lexicon (French by default): lemmas and tags, or the near forms of a non-word.
    Lexicon {
        /// The lexicon's language: an ISO 639-1 or 639-3 code with an embedded lexicon
        /// (`fr`, `en`); an unknown code lists them.
        #[arg(long, default_value = "fr", value_name = "CODE")]
        lang: String,
        /// Words to look up.
        #[arg(required = true, value_name = "WORD")]
        words: Vec<String>,
        /// One JSON object per word instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the effective configuration.
    Config {
        /// Print it as TOML (the default).
        #[arg(long)]
        show: bool,
    },
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    #[arg(long, short = 'f', value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Word-level similarity (0 to 1) for two passages to count as one.
    #[arg(long, value_name = "S", default_value_t = 0.5)]
    pub min_similarity: f64,
    #[command(flatten)]
    pub passages: PassageArgs,
    /// Occurrences listed per rendering (0: all); the counts are always complete.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub max_locations: usize,
    /// Cluster the passages of the corpus this sketch describes (made with `sketch
    /// --passages`, merged with `merge`) instead of reading them from the inputs; with
    /// inputs, report only the clusters that involve their documents (by id).
    #[arg(long, value_name = "FILE")]
    pub corpus_sketch: Option<PathBuf>,
}

/// What a passage is, and how passages are sketched.
#[derive(Debug, Args, Clone, Copy)]
pub struct PassageArgs {
    /// Sentences shorter than this many words are not passages.
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub min_words: usize,
    /// MinHash bands (more bands find less similar pairs, at more candidates).
    #[arg(long, value_name = "N", default_value_t = 32)]
    pub bands: usize,
    /// MinHash rows per band (more rows make candidates stricter).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub rows: usize,
}

/// Which documents are machine translations.
#[derive(Args, Debug, Clone)]
pub struct LabelArgs {
    /// Labels: JSONL, or a CSV/TSV manifest with a header, naming each document by id or path
    /// (relative to the labels file) with `mt` or `human`.
    #[arg(long, value_name = "FILE")]
    pub labels: PathBuf,
    /// Field holding the label.
    #[arg(long, value_name = "FIELD", default_value = "label")]
    pub label_field: String,
    /// Fields naming the document, tried in order (comma-separated).
    #[arg(long, value_name = "FIELDS", value_delimiter = ',', default_value = "id,path")]
    pub key_field: Vec<String>,
    /// Field grouping documents that share content (one story's translations): a group stays
    /// in one cross-validation fold.
    #[arg(long, value_name = "FIELD")]
    pub group_field: Option<String>,
}

#[derive(Args, Debug)]
pub struct EvalArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub labels: LabelArgs,
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct CalibrateArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub labels: LabelArgs,
    /// Cross-validation folds for the out-of-sample figures.
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub folds: usize,
    /// Strength of the pull of each weight towards its configured value (the embedded
    /// defaults were fitted with 10: labelled sets are small).
    #[arg(long, value_name = "L", default_value_t = 10.0)]
    pub l2: f64,
    /// The configuration file to write.
    #[arg(long, value_name = "FILE", default_value = "mtaudit.toml")]
    pub write: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(Args, Debug)]
pub struct TrainArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    #[command(flatten)]
    pub labels: LabelArgs,
    /// The model file to write.
    #[arg(long, short = 'o', value_name = "FILE", required_unless_present = "evaluate")]
    pub output: Option<PathBuf>,
    /// Replace the model file if it exists.
    #[arg(long)]
    pub force: bool,
    /// Do not train: print the figures of this model on the labelled documents.
    #[arg(long, value_name = "MODEL", conflicts_with_all = ["output", "force"])]
    pub evaluate: Option<PathBuf>,
    /// Cross-validation folds for the out-of-fold figures (`--group-field` keeps a group in one).
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub folds: usize,
    /// Strength of the pull of every standardised weight towards zero.
    #[arg(long, value_name = "L", default_value_t = 30.0)]
    pub l2: f64,
    /// Only the features whose names start with one of these prefixes (comma-separated, e.g.
    /// `fw-,sentence-`; the names are in a model file).
    #[arg(long, value_delimiter = ',', value_name = "PREFIXES")]
    pub features: Vec<String>,
    /// Documents shorter than this many words are left out, and the model does not judge them
    /// (with `--evaluate`, the model's own minimum applies).
    #[arg(long, value_name = "N", default_value_t = 150)]
    pub min_words: usize,
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Clusters with inline word diffs
    Text,
    /// The whole report as one JSON document
    Json,
    /// One self-contained HTML page
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
    /// The table of the README.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// How to read the inputs and which rules to run.
#[derive(Args, Debug, Clone)]
pub struct ReadArgs {
    /// Files, directories (read recursively) and `-` for standard input. `.jsonl`/`.ndjson`
    /// files hold one document per line; `.gz` and `.zst` are decompressed.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// JSONL field holding the text.
    #[arg(long, value_name = "FIELD")]
    pub text_field: Option<String>,
    /// JSONL field holding the document id.
    #[arg(long, value_name = "FIELD")]
    pub id_field: Option<String>,
    /// Read standard input as JSONL instead of one text (implied by `check --format jsonl`).
    #[arg(long)]
    pub stdin_jsonl: bool,
    /// JSONL field naming each document's site: a URL gives its host (lower-cased, without
    /// `www.`), any other value is taken as it is.
    #[arg(long, value_name = "FIELD")]
    pub site_field: Option<String>,
    /// For files in folders: each file's site is the first N folders under the input folder.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub site_from_path: Option<u16>,
    /// Run only rules whose id starts with one of these prefixes (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "PREFIXES")]
    pub select: Option<Vec<String>>,
    /// Do not run rules whose id starts with one of these prefixes (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "PREFIXES")]
    pub ignore: Option<Vec<String>>,
    /// Every document is in this language (ISO 639-3 such as `fra`, or `fr`): no identification.
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// A style-profile model written by `mtaudit train` (repeatable, one per language); it
    /// replaces the embedded model of its language.
    #[arg(long = "model", value_name = "FILE")]
    pub models: Vec<PathBuf>,
    /// No progress bar and no per-input messages on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Score threshold for the verdict column (default: score.threshold of the configuration).
    #[arg(long, value_name = "N")]
    pub min_score: Option<f64>,
    /// Colour in text output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// In text output, also list documents without findings.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// In HTML output, how many of the worst documents are shown in full, with their findings
    /// marked in their text (every document is in the table, up to 10,000), at most 1,000.
    #[arg(long, value_name = "N", default_value_t = 50, value_parser = clap::value_parser!(u16).range(0..=1000))]
    pub html_documents: u16,
    /// Also write, for each JSONL input file, an attribute file in dolma's layout under DIR
    /// (same relative path and compression; one line per input line: id, scores, finding spans).
    #[arg(long, value_name = "DIR")]
    pub attributes: Option<PathBuf>,
    /// The experiment name of the attributes: keys are `NAME__mtaudit__score`, ….
    #[arg(long, value_name = "NAME", default_value = "mtaudit", requires = "attributes")]
    pub attributes_name: String,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

#[derive(Args, Debug)]
pub struct NamesArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Text (default) or JSON.
    #[arg(long, short = 'f', value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SitesFormat {
    Text,
    Json,
    Csv,
}

#[derive(Args, Debug)]
pub struct SitesArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    #[arg(long, short = 'f', value_enum, default_value_t = SitesFormat::Text)]
    pub format: SitesFormat,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// List only sites with at least this many pages.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_pages: u64,
    /// Read the counts from this sketch (`sketch --site-field …` of each shard, then `merge`)
    /// instead of analysing inputs.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    pub sketch: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct GateArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Documents scoring below this are rejected (default: score.threshold of the configuration).
    #[arg(long, value_name = "N")]
    pub min_score: Option<f64>,
    /// Copy accepted files here (inputs are never moved or modified).
    #[arg(long, value_name = "DIR")]
    pub accept_dir: Option<PathBuf>,
    /// Copy rejected files here.
    #[arg(long, value_name = "DIR")]
    pub reject_dir: Option<PathBuf>,
    /// Write one line per input (verdict, score, reason) to this file: JSONL, or CSV if it ends in .csv.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Write rejected JSONL records, annotated, to this file (accepted ones go to standard output).
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

/// Corpus statistics for the rules that compare a document with the rest of its corpus.
#[derive(Args, Debug, Clone)]
pub struct CorpusArgs {
    /// First count the name spellings of all inputs, then flag documents that depart from
    /// the corpus's agreed spelling (MT303). Reads the inputs twice.
    #[arg(long)]
    pub name_consensus: bool,
    /// First index the texts and sentences of all inputs, then flag documents that repeat an
    /// earlier one exactly (MT501) or mostly (MT502). Reads the inputs twice.
    #[arg(long)]
    pub duplicates: bool,
    /// Compare every document with the corpus this sketch describes (from `sketch` and
    /// `merge`) instead of with the inputs: both MT303 and MT501/MT502 run. For scoring one
    /// shard against the whole corpus.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["name_consensus", "duplicates"])]
    pub corpus_sketch: Option<PathBuf>,
    /// First analyse all inputs and count, per site (`--site-field`, `--site-from-path`), the
    /// pages with strong machine-translation evidence; then every page of a site where that
    /// share is significant inherits it (MT105). Reads the inputs twice.
    #[arg(long)]
    pub site_evidence: bool,
}

#[derive(Args, Debug)]
pub struct SketchArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// This shard's number. Number shards in corpus order: where copies of a text are in
    /// several shards, the one in the lowest shard is the original.
    #[arg(long, value_name = "N", default_value_t = 0, value_parser = clap::value_parser!(u32).range(..(1i64 << 24)))]
    pub shard: u32,
    /// Also record the passages of every document, with their texts, for `diff
    /// --corpus-sketch` (the sketch then holds about the shard's distinct sentences).
    #[arg(long)]
    pub passages: bool,
    #[command(flatten)]
    pub passage_shape: PassageArgs,
    /// Write the sketch here (atomically; gzip-compressed if it ends in `.gz`) instead of
    /// standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// Sketch files (`.gz` ones are decompressed).
    #[arg(required = true, value_name = "SKETCH")]
    pub sketches: Vec<PathBuf>,
    /// Leave the passages out of the merged sketch: what `check --corpus-sketch` needs, a
    /// fraction of the size.
    #[arg(long)]
    pub no_passages: bool,
    /// Keep only what scoring the shard of this sketch needs: the first holders of the texts
    /// and sentences it holds (names whole, no passages). For corpora whose sketch outgrows
    /// the memory of one scoring process.
    #[arg(long, value_name = "SHARD_SKETCH")]
    pub for_shard: Option<PathBuf>,
    /// Write the merged sketch here (atomically; gzip-compressed if it ends in `.gz`) instead
    /// of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}
