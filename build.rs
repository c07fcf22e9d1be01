//! Expands each vendored Hunspell dictionary named in `data/lexicons.txt` into an embedded
//! full-form lexicon, and writes the table that registers them (`lexicons.rs` in `OUT_DIR`).

#[path = "src/lexicon/hunspell.rs"]
#[allow(dead_code)]
mod hunspell;

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let registry_path = root.join("data/lexicons.txt");
    for path in [&registry_path, &root.join("src/lexicon/hunspell.rs")] {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    let registry =
        std::fs::read_to_string(&registry_path).unwrap_or_else(|e| panic!("{}: {e}", registry_path.display()));
    let mut codes: Vec<String> = Vec::new();
    let mut table = String::from("/// The embedded lexicons: ISO 639-3 code, packed lexicon, frequent words.\n");
    table.push_str("pub static EMBEDDED_LEXICONS: &[(&str, &[u8], &str)] = &[\n");
    for (number, line) in registry.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let place = format!("{}:{}", registry_path.display(), number + 1);
        let (code, dictionary) =
            line.split_once(char::is_whitespace).unwrap_or_else(|| panic!("{place}: expected `CODE PATH`"));
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            panic!("{place}: `{code}` is not an ISO 639-3 code (three lowercase letters)");
        }
        if codes.iter().any(|c| c == code) {
            panic!("{place}: `{code}` is registered twice");
        }
        codes.push(code.to_string());
        let dic_path = root.join("data").join(dictionary.trim());
        let aff_path = dic_path.with_extension("aff");
        for path in [&aff_path, &dic_path] {
            println!("cargo::rerun-if-changed={}", path.display());
        }
        let aff = std::fs::read_to_string(&aff_path).unwrap_or_else(|e| panic!("{}: {e}", aff_path.display()));
        let dic = std::fs::read_to_string(&dic_path).unwrap_or_else(|e| panic!("{}: {e}", dic_path.display()));
        let affixes = hunspell::AffixFile::parse(&aff).unwrap_or_else(|e| panic!("{}: {e}", aff_path.display()));
        let mut entries = Vec::new();
        hunspell::expand(&affixes, &dic, |entry| entries.push(entry))
            .unwrap_or_else(|e| panic!("{}: {e}", dic_path.display()));
        let blob = hunspell::pack(code, entries).unwrap_or_else(|e| panic!("packing the {code} lexicon: {e}"));
        let out = out_dir.join(format!("{code}.lex"));
        std::fs::write(&out, blob).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
        let frequent = root.join(format!("data/stopwords/{code}.txt"));
        println!("cargo::rerun-if-changed={}", frequent.display());
        let frequent = if frequent.is_file() {
            format!("include_str!({:?})", frequent.display().to_string())
        } else {
            "\"\"".into()
        };
        writeln!(table, "    ({code:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{code}.lex\")), {frequent}),")
            .expect("writing to a string");
    }
    // The French rules need the French lexicon: its absence is a build error, not a run-time one.
    assert!(
        codes.iter().any(|c| c == "fra"),
        "{}: the French lexicon (`fra`) must be registered",
        registry_path.display()
    );
    table.push_str("];\n");
    let out = out_dir.join("lexicons.rs");
    std::fs::write(&out, table).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
