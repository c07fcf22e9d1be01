//! What the subcommands share about reading and writing: the command line's reading options
//! applied to the configuration, input options, threads, the progress spinner, guarded loading
//! of one input, the report's destination and colour, standard input spooled for a second
//! reading, and the one-line tally on standard error.

use crate::cli::{Color, ReadArgs};
use anyhow::{Context, Result, bail};
use mtaudit::config::Config;
use mtaudit::engine::{self, Loaded};
use mtaudit::input::InputOptions;
use mtaudit::output::{Summary, Target};
use mtaudit::registry;
use std::io::IsTerminal;
use std::path::Path;

/// Applies the command line's reading options to the configuration.
pub(super) fn apply_read_args(config: &mut Config, read: &ReadArgs, min_score: Option<f64>) -> Result<()> {
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
    config.style.command_line_models = read.models.clone();
    if let Some(n) = min_score {
        if !(0.0..=100.0).contains(&n) {
            bail!("--min-score must be between 0 and 100");
        }
        config.score.threshold = n;
    }
    Ok(())
}

pub(super) fn input_options(config: &Config, read: &ReadArgs, keep_records: bool) -> InputOptions {
    InputOptions {
        text_field: config.input.text_field.clone(),
        id_field: config.input.id_field.clone(),
        max_document_bytes: config.input.max_document_bytes,
        text_extensions: config.input.text_extensions.clone(),
        jsonl_extensions: config.input.jsonl_extensions.clone(),
        stdin_jsonl: read.stdin_jsonl,
        keep_records,
        site_field: read.site_field.clone(),
        site_from_path: read.site_from_path.map(usize::from),
    }
}

pub(super) fn threads(read: &ReadArgs) -> usize {
    read.threads.filter(|&n| n > 0).unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// A spinner on standard error, only on a terminal.
pub(super) fn progress(quiet: bool) -> Option<indicatif::ProgressBar> {
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

pub(super) fn update(bar: &Option<indicatif::ProgressBar>, docs: u64, bytes: u64) {
    if let Some(bar) = bar {
        bar.set_message(format!("{docs} documents, {:.1} MB", bytes as f64 / 1e6));
    }
}

/// The sketch parameters of the command line, checked.
pub(super) fn passage_params(args: &crate::cli::PassageArgs) -> Result<mtaudit::passages::sketch::SketchParams> {
    if args.bands == 0 || args.rows == 0 || args.bands * args.rows > 1024 || args.min_words == 0 {
        bail!("--bands, --rows and --min-words must be positive, and bands × rows at most 1024");
    }
    Ok(mtaudit::passages::sketch::SketchParams { min_words: args.min_words, bands: args.bands, rows: args.rows })
}

/// Loads an input and analyses its text with `analyse`, guarded: as in `check`, a document
/// whose analysis fails is an error and the run goes on. `Err(None)` is a skipped input.
pub(super) fn analyse_item<T>(
    item: mtaudit::input::Item,
    limit: u64,
    analyse: impl FnOnce(&str, &mtaudit::input::Origin, String) -> T,
) -> std::result::Result<(String, mtaudit::input::Origin, T, u64), Option<mtaudit::input::InputError>> {
    match engine::load(item, limit) {
        Loaded::Text { id, origin, text, .. } => {
            let size = text.len() as u64;
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(&id, &origin, text))) {
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

/// One analysing pass over the inputs, with the progress bar: `on_report` gets every
/// document's report in input order; inputs that could not be read are said on standard error
/// (when `report_errors` and not quiet) and counted. For the commands that read the reports
/// rather than print them (`eval`, `calibrate`, `sites`, the first pass of `--site-evidence`).
pub(super) fn for_each_report(
    settings: &mtaudit::analysis::Settings,
    read: &ReadArgs,
    report_errors: bool,
    mut on_report: impl FnMut(mtaudit::analysis::DocReport),
) -> Result<u64> {
    let inputs = mtaudit::input::Inputs::new(&read.inputs, input_options(&settings.config, read, false));
    let bar = progress(read.quiet);
    let mut errored = 0u64;
    engine::run(
        inputs,
        settings,
        threads(read),
        |docs, bytes| update(&bar, docs, bytes),
        |outcome| {
            match outcome {
                engine::Outcome::Document { report, .. } => on_report(*report),
                engine::Outcome::Error(e) if report_errors => count_error(Some(e), read.quiet, &mut errored),
                engine::Outcome::Error(_) => errored += 1,
                engine::Outcome::Skipped { .. } => {}
            }
            Ok(())
        },
    )?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(errored)
}

/// Counts an input that could not be read (`None`: skipped, not an error) and says so on
/// standard error unless quiet.
pub(super) fn count_error(error: Option<mtaudit::input::InputError>, quiet: bool, errored: &mut u64) {
    if let Some(e) = error {
        *errored += 1;
        if !quiet {
            eprintln!("mtaudit: {e}");
        }
    }
}

/// The report's destination: the file (written atomically) or standard output.
pub(super) fn open_output(output: Option<&Path>) -> Result<Target> {
    Target::open(output)
        .with_context(|| format!("cannot write {}", output.map_or("-".into(), |p| p.display().to_string())))
}

/// Colour on a terminal unless NO_COLOR is set, never in a file.
pub(super) fn use_color(color: Color, output: Option<&Path>) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Replaces `-` among the inputs by a temporary copy of standard input (named `.jsonl` with
/// `--stdin-jsonl`), for commands that read their inputs twice.
pub(super) fn spool_standard_input(read: &ReadArgs) -> Result<(Vec<String>, Option<tempfile::NamedTempFile>)> {
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

/// The one-line account of every input, for standard error.
pub(super) fn tally_line(summary: &Summary) -> String {
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
