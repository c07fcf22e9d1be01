//! The `mtaudit` binary: parse the command line, call the library, map to an exit code.

mod cli;
mod commands;
mod labelled;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // `mtaudit check ... | head`: the reader left; that is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("mtaudit: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
