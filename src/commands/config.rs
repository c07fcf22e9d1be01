//! `mtaudit config`: the effective configuration, as TOML.

use anyhow::Result;
use mtaudit::config::Config;

pub(super) fn run(config: Config) -> Result<u8> {
    print!("{}", config.to_toml());
    Ok(0)
}
