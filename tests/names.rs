//! Name rules on documents written for them: names of many origins, with injected
//! misspellings that must be found and real-world variation that must be accepted.

mod common;
use common::*;

fn name_findings(file: &str) -> Vec<String> {
    let records = jsonl_records(&["--select", "MT30", file]);
    let (_, doc) = documents(&records).into_iter().next().expect("one document");
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} {}", f["severity"].as_str().unwrap(), f["message"].as_str().unwrap()))
        .collect()
}

#[test]
fn french_names_from_many_origins() {
    assert_eq!(
        name_findings("tests/fixtures/names_fr.txt"),
        vec![
            "info one name spelled 2 ways: Netanyahou ×1, Netanyahu ×1",
            "info one name spelled 2 ways: Soeharto ×1, Suharto ×1",
            "error one name spelled 2 ways: Pyongyang ×1, Pyeongyang ×1; Pyeongyang is no transliteration of it",
            "info one name spelled 2 ways: Zelensky ×1, Zelenski ×1",
            "error one name spelled 2 ways: Mohammed ×1, Mouhammed ×1; Mouhammed is no transliteration of it",
        ]
    );
}

#[test]
fn english_names_from_many_origins() {
    // Kharkiv/Kharkov (a renaming), Erdogan/Erdoğan (diacritics), Li Qiang/Li, Sisi: accepted.
    assert_eq!(
        name_findings("tests/fixtures/names_en.txt"),
        vec![
            "info one name spelled 2 ways: Shoigu ×1, Shoygu ×1",
            "info one name spelled 2 ways: Netanyahu ×1, Netanyahou ×1",
            "info one name spelled 2 ways: Subianto ×1, Soebianto ×1",
            "error one name spelled 2 ways: Pyongyang ×1, Pyeongyang ×1; Pyeongyang is no transliteration of it",
        ]
    );
}
