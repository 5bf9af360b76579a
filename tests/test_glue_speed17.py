"""The seventeenth speed round's changes to the place, row, reader and writer glue, each checked
against a copy of the former code (kept below) or against digests of what the code gave before the
round (tests/test_glue_speed15.py's cases), on hand-written Arabic and English texts; and
benchmarks/instructions.py's --run, which counts the whole loop of `coder code`."""
from __future__ import annotations

import gc
import importlib.util
import json
from pathlib import Path

import pytest

from coder.model import Document
from coder.pipeline import code_document

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

TEXTS = [
    {"id": "en1", "text": "Turkish jets bombed Kurdish positions near Duhok on Sunday. The army said it was over.",
     "date": "2021-03-09", "language": "en"},
    {"id": "ar1", "text": "قصفت طائرات تركية مواقع كردية قرب دهوك يوم الأحد.", "date": "2021-03-09T10:00:00Z",
     "language": "ar"},
    {"id": "empty", "text": "", "date": None, "language": "en"},   # rejected by the reader: no row
]


def _instructions():
    spec = importlib.util.spec_from_file_location("instructions_under_test", BENCHMARKS / "instructions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_instructions_run_codes_the_sample_through_the_whole_loop(tmp_path, capsys, monkeypatch):
    """--run (its inner part, without valgrind): the sample read as JSON lines, coded and written;
    the documents and sentences it reports are those the reader accepts and code_document counts."""
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "sample.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in TEXTS),
                                      encoding="utf-8")
    module = _instructions()
    threshold = gc.get_threshold()
    try:
        module.code_sample(dev, 1, cold=False, run=True)
    finally:   # (the run sets the collector as `coder code` does: put back for the other tests)
        gc.unfreeze()
        gc.set_threshold(*threshold)
    expected = sum(code_document(Document(doc_id=r["id"], text=r["text"], language=r["language"])).document.n_sentences
                   for r in TEXTS if r["text"])
    assert capsys.readouterr().out.split() == ["SENTENCES", str(expected), "DOCUMENTS", "2"]
