"""Damaged, foreign and half-committed datasets: every case is detected, named, and repaired by the
next run (or `coder verify --repair`) with nothing lost; a document that breaks a stage is a reject."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coder import manifest as mf
from coder import runner
from coder.model import Document
from coder.query import run_query
from coder.sinks import DatasetWriter, merge_identical_events
from coder.verify import problems, verify
from test_sinks import CODER, LEX, code_into, corpus, make_coded, snapshot

DOCS = corpus(9)


@pytest.fixture()
def dataset(tmp_path):
    out = tmp_path / "d"
    code_into(out, DOCS, batch_docs=3)
    fresh = tmp_path / "fresh"
    code_into(fresh, DOCS, batch_docs=3)
    return out, snapshot(fresh)


def committed(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text())["tables"]


def rerun(out: Path) -> tuple[dict, list[str]]:
    with DatasetWriter(out, CODER, LEX, batch_docs=3) as w:
        warnings = list(w.warnings)
        for doc_id, text in DOCS:
            if not w.is_current(doc_id, make_coded(doc_id, text).document.sha256):
                w.add(make_coded(doc_id, text))
    return w.counts, warnings


def _truncate(p: Path):
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


def _flip(p: Path):
    data = bytearray(p.read_bytes())
    data[len(data) // 2] ^= 0xFF
    p.write_bytes(bytes(data))


def _delete(p: Path):
    p.unlink()


def _replace_with_foreign(p: Path):
    pq.write_table(pa.table({"x": list(range(100))}), p)


def _symlink_to_dev_zero(p: Path):
    p.unlink()
    os.symlink("/dev/zero", p)


DAMAGE = {"truncated": _truncate, "bit flipped": _flip, "deleted": _delete,
          "foreign schema": _replace_with_foreign, "link to a device": _symlink_to_dev_zero}


@pytest.mark.parametrize("table", ["events", "documents", "event_quantities"])
@pytest.mark.parametrize("how", list(DAMAGE))
def test_a_damaged_part_is_named_and_its_documents_recoded(dataset, table, how):
    out, expected = dataset
    DAMAGE[how](out / table / "part-000002.parquet")
    assert any(f"{table}/part-000002.parquet" in p for p in problems(out))
    counts, warnings = rerun(out)
    assert any("part 2 failed its check" in w and table in w for w in warnings)
    assert counts["documents"] == 3 and counts["skipped"] == 6   # exactly the damaged batch is coded again
    assert snapshot(out) == expected
    assert problems(out) == []


def test_a_damaged_rejects_part_is_dropped_and_its_rejects_come_back(tmp_path):
    from coder.model import Reject
    rej = [Reject(input_path="in.jsonl", record=i, reason="bad JSON", raw="{") for i in range(3)]
    code_into(tmp_path, [], rejects=rej)
    part = next(n for n, e in committed(tmp_path)["rejects"].items() if e["rows"] == 3)
    _truncate(tmp_path / "rejects" / part)
    code_into(tmp_path, [], rejects=rej)
    assert json.loads(run_query("SELECT count(*) AS n FROM rejects", str(tmp_path), "json")) == [{"n": 3}]


def test_stray_files_are_set_aside_not_deleted(dataset):
    out, expected = dataset
    (out / "events" / "junk.parquet").write_bytes(b"junk")
    pq.write_table(pa.table({"x": [1] * 100}), out / "documents" / "part-000050.parquet")
    shutil.copy(out / "events" / "part-000001.parquet", out / "events" / "part-000077.parquet")
    (out / "rejects" / "sub").mkdir()
    assert len(problems(out)) == 4
    _, warnings = rerun(out)
    assert len([w for w in warnings if "not in the dataset's manifest" in w]) == 4
    assert snapshot(out) == expected   # what a reader of the raw files sees is the dataset again
    assert (out / ".quarantine" / "events" / "junk.parquet").read_bytes() == b"junk"
    assert (out / ".quarantine" / "documents" / "part-000050.parquet").exists()


def test_a_lost_or_damaged_manifest_is_rebuilt_from_the_files(dataset):
    out, expected = dataset
    (out / "manifest.json").unlink()
    _, warnings = rerun(out)
    assert any("no manifest" in w for w in warnings) and snapshot(out) == expected
    (out / "manifest.json").write_text("{ not json")
    counts, warnings = rerun(out)
    assert counts["skipped"] == 9 and snapshot(out) == expected
    assert (out / ".quarantine" / "manifest.json").exists()


def test_a_commit_interrupted_after_its_record_is_finished_and_readers_see_it_whole(tmp_path, monkeypatch):
    out = tmp_path / "d"
    code_into(out, DOCS[:6], batch_docs=3)
    calls = {"n": 0}
    real = mf.apply_pending

    def killed_before_applying(root, data):   # the commit point passed; no file moved yet
        staged = mf.pending_dir(root, data)
        if staged is not None and staged.is_dir():
            calls["n"] += 1
            raise KeyboardInterrupt
        real(root, data)

    monkeypatch.setattr(mf, "apply_pending", killed_before_applying)
    with pytest.raises(KeyboardInterrupt):
        code_into(out, DOCS, batch_docs=3)
    monkeypatch.setattr(mf, "apply_pending", real)
    assert calls["n"] == 1
    # the new batch is still in the staging folder: coder query reads it from there, whole
    assert json.loads(run_query("SELECT count(*) AS n FROM documents", str(out), "json")) == [{"n": 9}]
    assert any("interrupted" in p for p in problems(out))
    report, healthy = verify(str(out), repair=True)
    assert not healthy and problems(out) == []
    fresh = tmp_path / "fresh"
    code_into(fresh, DOCS, batch_docs=3)
    assert snapshot(out) == snapshot(fresh)


def test_verify_reports_and_repairs(dataset, tmp_path):
    out, expected = dataset
    report, healthy = verify(str(out))
    assert healthy and "healthy" in report[0]
    _truncate(out / "events" / "part-000001.parquet")
    (out / "events" / "junk.parquet").write_bytes(b"junk")
    report, healthy = verify(str(out))
    assert not healthy and "would repair" in report[0] and len(report) == 3
    assert (out / "events" / "junk.parquet").exists()   # without --repair nothing changes
    report, _ = verify(str(out), repair=True)
    assert "repaired" in report[0] and problems(out) == []
    counts, _ = rerun(out)
    assert counts["documents"] == 3 and snapshot(out) == expected
    with pytest.raises(ValueError, match="no dataset"):
        verify(str(tmp_path / "nothing"))


def test_identical_events_are_merged_not_fatal(tmp_path):
    coded = make_coded("twice", "a|b|c")
    doubled = coded.model_copy(update={"events": coded.events * 2, "quantities": coded.quantities * 2})
    merged = merge_identical_events(doubled)
    assert len(merged.events) == len(coded.events) and merged.document.n_events == len(coded.events)
    with DatasetWriter(tmp_path, CODER, LEX) as w:
        w.add(doubled)
    rows = json.loads(run_query("SELECT count(*) AS n FROM events", str(tmp_path), "json"))
    assert rows == [{"n": len(coded.events)}]


def test_a_document_that_breaks_a_stage_is_one_reject_and_the_run_goes_on(tmp_path, monkeypatch):
    import coder.pipeline as pipeline
    real = pipeline.code_document

    def fragile(doc):
        if "explode" in doc.text:
            raise RuntimeError("boom")
        coded = real(doc)
        if "unstorable" in doc.text:   # a row the writer cannot accept
            return coded.model_copy(update={"quantities": [*coded.quantities, *make_coded("x", "a").quantities]})
        return coded

    monkeypatch.setattr(pipeline, "code_document", fragile)
    docs = [Document(doc_id=f"d{i}", text=t, language="en", input_path="in.jsonl", record=i)
            for i, t in enumerate(["The army shelled the town.", "This will explode the coder.",
                                   "An unstorable report: the army shelled the town.", "Police arrested two men."])]
    with DatasetWriter(tmp_path, pipeline.__version__, LEX) as w:
        runner.code_into(w, docs)
    assert w.counts["documents"] == 2 and w.counts["rejects"] == 2
    rows = json.loads(run_query("SELECT doc_id, reason FROM rejects ORDER BY doc_id", str(tmp_path), "json"))
    assert [r["doc_id"] for r in rows] == ["d1", "d2"]
    assert "while coding" in rows[0]["reason"] and "RuntimeError: boom" in rows[0]["reason"]
    assert "while storing" in rows[1]["reason"] and "refers to an event" in rows[1]["reason"]


def test_after_a_kill_coder_query_sees_whole_batches_only(tmp_path):
    from test_sinks import kill_a_rerun
    base = tmp_path / "base"
    code_into(base, corpus(60), batch_docs=4)
    for i, delay in enumerate((0.05, 0.15, 0.3)):
        out = tmp_path / f"kill{i}"
        kill_a_rerun(base, out, delay)
        seen = json.loads(run_query(
            "SELECT (SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)) AS orphans, "
            "(SELECT count(*) FROM documents) AS docs, (SELECT count(DISTINCT doc_id) FROM documents) AS ids",
            str(out), "json"))[0]
        assert seen["orphans"] == 0 and seen["docs"] == seen["ids"] == 60
        assert all("interrupted" in p for p in problems(out))   # nothing damaged, at most a commit to finish


def test_a_text_that_reports_one_meeting_twice_is_coded_not_fatal(tmp_path):
    from coder import __version__
    text = "Brazil, Chile, and Peru met yesterday and Brazil, Chile, and Peru met yesterday."
    doc = Document(doc_id="twice", text=text, language="en", input_path="in.jsonl", record=1)
    with DatasetWriter(tmp_path, __version__, LEX) as w:
        runner.code_into(w, [doc, Document(doc_id="next", text="Police arrested two men.", language="en")])
    assert w.counts["documents"] == 2 and w.counts["rejects"] == 0
    row = json.loads(run_query("SELECT (SELECT count(*) FROM events WHERE doc_id = 'twice') AS n, "
                               "(SELECT count(DISTINCT event_id) FROM events) AS ids, "
                               "(SELECT count(*) FROM events) AS total, "
                               "(SELECT n_events FROM documents WHERE doc_id = 'twice') AS n_events",
                               str(tmp_path), "json"))[0]
    assert row["n"] == row["n_events"] > 0 and row["ids"] == row["total"]


def test_a_manifest_of_another_format_is_never_rebuilt(dataset):
    from coder.sinks import DatasetError
    out, _ = dataset
    data = json.loads((out / "manifest.json").read_text())
    data["format"] = 99
    (out / "manifest.json").write_text(json.dumps(data))
    with pytest.raises(DatasetError, match="format 99"):
        rerun(out)
    with pytest.raises(ValueError, match="format 99"):
        verify(str(out))
    assert json.loads((out / "manifest.json").read_text())["format"] == 99


def test_verify_waits_for_no_writer(dataset):
    out, _ = dataset
    with DatasetWriter(out, CODER, LEX):
        with pytest.raises(ValueError, match="another run is writing"):
            verify(str(out))
    assert verify(str(out))[1]
