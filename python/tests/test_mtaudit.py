"""The Python package: the same reports as the command line, every input accounted for, the
interpreter's lock released while a batch is analysed, and `python -m mtaudit`."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import mtaudit

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "corpora").glob("*/*.txt"))


def binary():
    """The `mtaudit` binary built beside the package, else the same program through Python."""
    for profile in ("release", "debug"):
        path = ROOT / "target" / profile / "mtaudit"
        if path.is_file():
            return [str(path)]
    return [sys.executable, "-m", "mtaudit"]


def records():
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in CORPUS]


def without_origin(report):
    return {k: v for k, v in report.items() if k not in ("source", "line")}


def test_reports_equal_the_command_lines_json(tmp_path):
    batch = records()
    assert len(batch) >= 10
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch), encoding="utf-8")
    run = subprocess.run(
        binary() + ["--no-config", "check", "-q", "--format", "json", str(jsonl)],
        capture_output=True, check=True, cwd=tmp_path,
    )
    expected = json.loads(run.stdout)["inputs"]
    got = mtaudit.check(batch)
    assert [without_origin(r) for r in got] == [without_origin(r) for r in expected]
    assert all(r["type"] == "document" for r in got)
    assert {r["verdict"] for r in got} == {"accept", "reject"}


def test_texts_records_and_inputs_without_text_are_all_accounted_for():
    text = "Le gouvernement a annoncé lundi un plan de relance. Cet article a été traduit automatiquement."
    got = mtaudit.check([text, {"id": "a", "text": text}, {"id": "no-text"}, {"text": 42}, 7])
    assert [r["type"] for r in got] == ["document", "document", "error", "error", "error"]
    assert got[0]["id"] == "1" and got[1]["id"] == "a"
    assert got[0]["findings"] == got[1]["findings"]
    assert got[0]["findings"][0]["rule"] == "MT101"
    assert "no text" in got[2]["reason"]
    assert mtaudit.check([]) == []


def test_language_config_and_sites():
    sentence = "Le conseil municipal a adopté le budget."
    stated = mtaudit.check([sentence], lang="fr")[0]
    assert stated["language"]["code"] == "fra"
    auditor = mtaudit.Auditor(site_field="url")
    report = auditor.check([{"id": "p", "text": sentence, "url": "https://www.example.org/a/b"}])[0]
    assert report["site"] == "example.org"
    assert 0 < auditor.threshold < 100
    with pytest.raises(ValueError):
        mtaudit.Auditor(lang="not-a-language")
    with pytest.raises(ValueError):
        mtaudit.Auditor(config="/nonexistent/mtaudit.toml")


def test_same_reports_whatever_the_thread_count():
    batch = records() * 5
    assert mtaudit.Auditor(threads=1).check(batch) == mtaudit.Auditor(threads=2).check(batch)


def test_the_lock_is_released_while_a_batch_is_analysed():
    batch = records() * 200
    auditor = mtaudit.Auditor(threads=1)
    done = []
    worker = threading.Thread(target=lambda: done.append(auditor.check(batch)))
    ticks = 0
    worker.start()
    while worker.is_alive():
        ticks += 1
    worker.join()
    assert len(done[0]) == len(batch)
    # Had the analysis held the lock, this thread could not have run while it went on.
    assert ticks > 1000


def test_python_dash_m_runs_the_command_line():
    run = subprocess.run(
        [sys.executable, "-m", "mtaudit", "--no-config", "check", "-q", "--format", "json", str(ROOT / "corpora" / "seeds")],
        capture_output=True, check=True,
    )
    assert len(json.loads(run.stdout)["inputs"]) == 5
    bad = subprocess.run([sys.executable, "-m", "mtaudit", "no-such-command"], capture_output=True)
    assert bad.returncode == 2


def test_the_examples_run():
    sys.path.insert(0, str(ROOT / "python" / "examples"))
    import datatrove_filter

    kept = list(datatrove_filter.demo())
    assert kept and all(doc.metadata["mtaudit"]["verdict"] == "accept" for doc in kept)


def test_the_pandas_example_runs():
    pytest.importorskip("pandas", reason="pandas is not installed: the pandas example is not run")
    run = subprocess.run([sys.executable, str(ROOT / "python" / "examples" / "pandas_column.py")], capture_output=True, check=True)
    assert b"reject" in run.stdout and b"accept" in run.stdout


def test_inputs_the_command_line_rejects_get_error_records_here_too():
    text = "Le gouvernement a annoncé lundi un plan de relance pour l'industrie."
    got = mtaudit.check(["", "   \n", "a\0b", "\ufeff" + text, {"id": "s", "text": "x\ud800y"}, {"id": "\ud800", "text": text}, text])
    assert [r["type"] for r in got] == ["error", "error", "error", "document", "error", "error", "document"]
    assert "empty" in got[0]["reason"] and "binary" in got[2]["reason"]
    assert "surrogate" in got[4]["reason"] and "surrogate" in got[5]["reason"]
    # The byte-order mark is stripped, as the command line strips it: the same report.
    assert got[3]["findings"] == got[6]["findings"] and got[3]["bytes"] == got[6]["bytes"]
