//! Expands the vendored French Hunspell dictionary into the embedded full-form lexicon.

#[path = "src/lexicon/hunspell.rs"]
#[allow(dead_code)]
mod hunspell;

use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let aff_path = root.join("data/hunspell-fr/fr.aff");
    let dic_path = root.join("data/hunspell-fr/fr.dic");
    for path in [&aff_path, &dic_path, &root.join("src/lexicon/hunspell.rs")] {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    let aff = std::fs::read_to_string(&aff_path).unwrap_or_else(|e| panic!("{}: {e}", aff_path.display()));
    let dic = std::fs::read_to_string(&dic_path).unwrap_or_else(|e| panic!("{}: {e}", dic_path.display()));
    let affixes = hunspell::AffixFile::parse(&aff).unwrap_or_else(|e| panic!("{}: {e}", aff_path.display()));
    let mut entries = Vec::new();
    hunspell::expand(&affixes, &dic, |entry| entries.push(entry))
        .unwrap_or_else(|e| panic!("{}: {e}", dic_path.display()));
    let blob = hunspell::pack(entries).unwrap_or_else(|e| panic!("packing the French lexicon: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("fr.lex");
    std::fs::write(&out, blob).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
