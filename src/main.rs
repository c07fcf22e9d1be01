//! The `mtaudit` binary: parse the command line, call the library, map to an exit code.

mod cli;
mod commands;

use clap::Parser;
use std::process::ExitCode;

// Analysis allocates many small, short-lived strings and vectors per document; mimalloc's
// per-thread free lists serve them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    // SIGINT or SIGTERM: the run stops after the chunk at hand and unwinds, which removes the
    // temporary file of any output being written; a second signal ends the process at once.
    let _ = ctrlc::set_handler(|| {
        if mtaudit::engine::interrupted() {
            std::process::exit(130);
        }
        mtaudit::engine::interrupt();
    });
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if mtaudit::engine::interrupted() => {
            eprintln!(
                "mtaudit: interrupted{}",
                if e.to_string() == "interrupted" { String::new() } else { format!(": {e:#}") }
            );
            ExitCode::from(130)
        }
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
