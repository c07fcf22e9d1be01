//! The subcommands, one file each. `run` resolves the configuration and hands it to the
//! subcommand; `options`, `corpus` and `labelled` hold what several subcommands share, and no
//! subcommand's file uses another's.

mod calibrate;
mod check;
mod config;
mod corpus;
mod diff;
mod eval;
mod explain;
mod gate;
mod labelled;
mod lexicon;
mod merge;
mod names;
mod options;
mod rules;
mod sites;
mod sketch;
mod train;

use crate::cli::{Cli, Command};
use anyhow::Result;
use mtaudit::config::Config;

pub fn run(cli: Cli) -> Result<u8> {
    let (config, _) = Config::discover(cli.config.as_deref(), !cli.no_config)?;
    match cli.command {
        Command::Check(args) => check::run(config, args),
        Command::Gate(args) => gate::run(config, args),
        Command::Names(args) => names::run(config, args),
        Command::Sites(args) => sites::run(config, args),
        Command::Sketch(args) => sketch::run(config, args),
        Command::Merge(args) => merge::run(args),
        Command::Diff(args) => diff::run(config, args),
        Command::Eval(args) => eval::run(config, args),
        Command::Calibrate(args) => calibrate::run(config, args),
        Command::Train(args) => train::run(config, args),
        Command::Rules { format } => rules::run(format),
        Command::Explain { rule } => explain::run(&rule),
        Command::Lexicon { lang, words, json } => lexicon::run(config, &lang, &words, json),
        Command::Config { .. } => config::run(config),
    }
}
