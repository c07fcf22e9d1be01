//! Snapshot tests: the full reports over the bundled corpus. A change in any finding, score
//! or message shows up here as a diff to review (`cargo insta review`).

mod common;
use common::*;

fn stdout(args: &[&str]) -> String {
    let out = mtaudit().args(args).output().expect("runs");
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn seeds_text_report() {
    insta::assert_snapshot!(stdout(&["check", "--color", "never", "corpora/seeds"]));
}

#[test]
fn samples_text_report() {
    insta::assert_snapshot!(stdout(&["check", "--color", "never", "corpora/samples"]));
}

#[test]
fn seeds_jsonl_report() {
    insta::assert_snapshot!(stdout(&["check", "--format", "jsonl", "corpora/seeds"]));
}

#[test]
fn rules_table() {
    insta::assert_snapshot!(stdout(&["rules"]));
}
