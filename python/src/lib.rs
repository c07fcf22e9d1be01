//! The Python extension `mtaudit._mtaudit`: an auditor that scores batches of texts on the
//! library's engine (the Rust thread pool, with the interpreter's lock released) and gives each
//! report as `check --format json` writes it, and the command line itself (`python -m
//! mtaudit`). The Python package (`python/mtaudit/`) wraps both.

// The command line, compiled in from the binary's own files, so that `python -m mtaudit` is
// the same program as `mtaudit`.
#[path = "../../src/cli.rs"]
mod cli;
#[path = "../../src/commands/mod.rs"]
mod commands;

use clap::Parser;
use mtaudit::analysis::Settings;
use mtaudit::config::Config;
use mtaudit::engine;
use mtaudit::input::{InputError, Item, Origin, site_of, validate_text};
use mtaudit::output::RecordRef;
use pyo3::exceptions::{PyKeyboardInterrupt, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use std::path::Path;

// The binary's allocator: analysis allocates many small, short-lived strings and vectors per
// document. Only Rust's own allocations use it; what Python receives is copied into its objects.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The source named in the reports of documents handed over from Python.
const PYTHON_SOURCE: &str = "<python>";

/// Scores batches of documents with one configuration, loaded once.
#[pyclass(frozen, module = "mtaudit._mtaudit")]
struct Auditor {
    settings: Settings,
    threads: usize,
}

#[pymethods]
impl Auditor {
    /// `lang`: the documents' language (ISO 639-3 or 639-1) instead of identifying it;
    /// `config`: a mtaudit.toml overriding the embedded defaults; `threads`: analysis threads
    /// (default: one per core).
    #[new]
    #[pyo3(signature = (lang=None, config=None, threads=None))]
    fn new(lang: Option<String>, config: Option<String>, threads: Option<usize>) -> PyResult<Self> {
        let mut config = match config {
            None => Config::default(),
            Some(path) => {
                let text = std::fs::read_to_string(&path).map_err(|e| PyValueError::new_err(format!("{path}: {e}")))?;
                Config::from_toml(&text, Path::new(&path)).map_err(|e| PyValueError::new_err(e.to_string()))?
            }
        };
        if let Some(code) = lang {
            if mtaudit::lang::parse_code(&code).is_none() {
                return Err(PyValueError::new_err(format!(
                    "unknown language code `{code}` (use ISO 639-3 such as fra, or fr)"
                )));
            }
            config.input.language = Some(code);
        }
        let settings = Settings::new(config).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let threads =
            threads.filter(|&n| n > 0).unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        Ok(Auditor { settings, threads })
    }

    /// Scores a batch: `documents` holds, per input, `(id, text, site)`, each a str or None.
    /// Gives one record per input, in input order, as the JSON report writes it (a dict): an
    /// input whose text is missing, not a str, not valid Unicode, empty, binary or over
    /// `input.max-document-bytes` gets an error record, as the command line gives one. The
    /// interpreter's lock is released while the batch is analysed; Ctrl-C stops it after the
    /// chunk at hand (KeyboardInterrupt).
    fn check_batch<'py>(
        &self,
        py: Python<'py>,
        documents: Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyAny>)>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let limit = self.settings.config.input.max_document_bytes;
        let items: Vec<Item> = documents
            .iter()
            .enumerate()
            .map(|(index, (id, text, site))| {
                let line = Some(index as u64 + 1);
                // A field that is not valid Unicode (a lone surrogate) fails its own input only.
                let site = optional_str(site).ok().flatten();
                // A URL names its host, as `--site-field` reads it.
                let site = site.as_deref().and_then(site_of);
                let origin = Origin { source: PYTHON_SOURCE.to_string(), line, site };
                let fail = |origin: Origin, reason: String| Item::Error(InputError { origin, reason });
                let id = match optional_str(id) {
                    Ok(id) => id.unwrap_or_else(|| (index + 1).to_string()),
                    Err(reason) => return fail(origin, format!("input {}: the id {reason}", index + 1)),
                };
                let text = match optional_str(text) {
                    Ok(Some(text)) => text,
                    Ok(None) => return fail(origin, format!("input {id} has no text")),
                    Err(reason) => return fail(origin, format!("input {id}: the text {reason}")),
                };
                if text.len() as u64 > limit {
                    return fail(
                        origin,
                        format!(
                            "input {id} is {} bytes, over the limit of {limit} bytes (input.max-document-bytes)",
                            text.len()
                        ),
                    );
                }
                match validate_text(text) {
                    Ok(text) => Item::Inline { id, origin, text, record: None },
                    Err(reason) => fail(origin, format!("input {id}: {reason}")),
                }
            })
            .collect();
        drop(documents);
        let settings = &self.settings;
        let threads = self.threads;
        let run = py.detach(|| {
            let mut outcomes = Vec::with_capacity(items.len());
            let run = engine::run(
                items.into_iter(),
                settings,
                threads,
                // After each chunk: a pending Ctrl-C stops the run.
                |_, _| {
                    if Python::attach(|py| py.check_signals()).is_err() {
                        engine::interrupt();
                    }
                },
                |outcome| {
                    outcomes.push(outcome);
                    Ok(())
                },
            );
            run.map(|()| outcomes)
        });
        let outcomes = match run {
            Ok(outcomes) => outcomes,
            Err(e) if engine::interrupted() => {
                engine::clear_interrupt();
                return Err(PyKeyboardInterrupt::new_err(e.to_string()));
            }
            Err(e) => return Err(PyRuntimeError::new_err(e.to_string())),
        };
        outcomes
            .iter()
            .map(|outcome| {
                pythonize::pythonize(py, &RecordRef::of(outcome)).map_err(|e| PyRuntimeError::new_err(e.to_string()))
            })
            .collect()
    }

    /// The score below which a document is rejected.
    #[getter]
    fn threshold(&self) -> f64 {
        self.settings.config.score.threshold
    }
}

/// Runs the command line with `argv` (its first item is the program's name); gives the exit
/// code the `mtaudit` binary would. `handle_signals` (for `python -m mtaudit`, where the
/// process is the command): Ctrl-C and SIGTERM stop the run as they stop the binary's, output
/// files left whole; a library caller keeps Python's own handlers.
#[pyfunction]
#[pyo3(signature = (argv, handle_signals=false))]
fn run_cli(py: Python<'_>, argv: Vec<String>, handle_signals: bool) -> i32 {
    if handle_signals {
        let _ = ctrlc::set_handler(|| {
            if engine::interrupted() {
                std::process::exit(130);
            }
            engine::interrupt();
        });
    }
    let parsed = match cli::Cli::try_parse_from(&argv) {
        Ok(parsed) => parsed,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    py.detach(|| match commands::run(parsed) {
        Ok(code) => i32::from(code),
        Err(_) if engine::interrupted() => {
            engine::clear_interrupt();
            eprintln!("mtaudit: interrupted");
            130
        }
        Err(e) => {
            // `python -m mtaudit check ... | head`: the reader left; that is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return 0;
            }
            eprintln!("mtaudit: error: {e:#}");
            2
        }
    })
}

/// A field given as a str or None: its text, None, or why it is not text.
fn optional_str(value: &Bound<'_, PyAny>) -> Result<Option<String>, String> {
    if value.is_none() {
        return Ok(None);
    }
    if !value.is_instance_of::<PyString>() {
        return Err(format!(
            "is a {}, not a str",
            value.get_type().name().map_or_else(|_| "value".into(), |n| n.to_string())
        ));
    }
    value.extract::<String>().map(Some).map_err(|_| "is not valid Unicode (a lone surrogate)".to_string())
}

#[pymodule]
fn _mtaudit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Auditor>()?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
