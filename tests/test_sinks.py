"""The Parquet dataset: layout, metadata, incremental reruns, replacement, crash safety (SPEC §3)."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from coder import sinks
from coder.model import CodedDocument, DocumentRow, EventRow, QuantityRow, Reject
from coder.sinks import DatasetError, DatasetWriter
from coder.tables import SCHEMA_VERSION, TABLES, schema

CODER = "0.1.0"
LEX = "lex-abc"
SENTENCES = [
    "Army units shelled a village north of the river on Tuesday.",
    "The minister met the envoy in the capital.",
    "Gunmen killed three guards at a checkpoint.",
    "Officials said nothing happened overnight.",
]


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_coded(doc_id: str, text: str, coder_version: str = CODER) -> CodedDocument:
    """A coded document standing in for the pipeline's output: sentences are split on "|" and every
    second one yields an event (with one quantity) whose id depends on the text and coder version."""
    digest = sha(text)
    sentences = [s for s in text.split("|") if s]
    events, quantities = [], []
    for i, sentence in enumerate(sentences):
        if i % 2:
            continue
        event_id = hashlib.sha256(f"{doc_id}/{i}/{digest}/{coder_version}".encode()).hexdigest()[:16]
        events.append(EventRow(
            event_id=event_id, doc_id=doc_id, sentence_index=i, sentence=sentence, evidence=sentence[:12],
            language="en", published=dt.date(2019, 8, 5), event_date=dt.date(2019, 8, 2),
            date_precision="day", event_code="190", event_base_code="190", event_root_code="19",
            quad_class=4, goldstein=-10.0, source_code="SYRMIL", source_country="SYR", source_role="MIL",
            latitude=36.37, longitude=41.15, quantity_value=3, quantity_qualifier="exact",
            quantity_unit="killed", fatalities=3, rule_id="en.verbs.shell", confidence=0.8,
            coder_version=coder_version))
        quantities.append(QuantityRow(event_id=event_id, value=3, qualifier="exact", unit="killed", text="three"))
    doc = DocumentRow(doc_id=doc_id, title="t", language="en", published=dt.date(2019, 8, 5),
                      n_sentences=len(sentences), n_events=len(events), sha256=digest, input_path="in.jsonl",
                      coded_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc), coder_version=coder_version)
    return CodedDocument(document=doc, events=events, quantities=quantities)


def corpus(n: int, changed: set[int] = frozenset()) -> list[tuple[str, str]]:
    out = []
    for i in range(n):
        parts = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 4)]
        if i in changed:
            parts.append("A later edition added this sentence.")
            parts.append("And this one.")
        out.append((f"doc-{i:03d}", "|".join(parts)))
    return out


def code_into(out: Path, docs, batch_docs: int = 3, coder_version: str = CODER, rejects=()) -> dict:
    with DatasetWriter(out, coder_version, LEX, batch_docs=batch_docs) as w:
        for doc_id, text in docs:
            if not w.is_current(doc_id, sha(text)):
                w.add(make_coded(doc_id, text, coder_version))
        for r in rejects:
            w.reject(r)
    return w.counts


def read(out: Path, table: str, columns: str = "*") -> list[tuple]:
    con = duckdb.connect()
    pattern = str(out / table / "**" / "*.parquet")
    if not list((out / table).rglob("*.parquet")):
        return []
    return sorted(con.execute(f"SELECT {columns} FROM read_parquet('{pattern}', hive_partitioning = true)")
                  .fetchall(), key=repr)


def snapshot(out: Path) -> dict:
    """Every table's rows, order-free; coded_at left out (it is the one column that is not a
    function of the input)."""
    doc_cols = ", ".join(n for n in schema("documents").names if n != "coded_at")
    return {"events": read(out, "events"), "event_quantities": read(out, "event_quantities"),
            "documents": read(out, "documents", doc_cols), "rejects": read(out, "rejects")}


def check_consistent(out: Path) -> None:
    """What a reader may rely on at any moment, even right after a crash."""
    events = read(out, "events", "event_id, doc_id")
    docs = read(out, "documents", "doc_id")
    assert len({e for e, _ in events}) == len(events), "an event appears twice"
    assert len(set(docs)) == len(docs), "a document appears twice"


def test_tables_are_readable_with_the_documented_glob_and_types(tmp_path):
    counts = code_into(tmp_path, corpus(5), rejects=[Reject(input_path="x.jsonl", record=2, reason="bad JSON")])
    assert counts == dict(documents=5, events=7, quantities=7, rejects=1, skipped=0, replaced=0)
    con = duckdb.connect()
    types = dict(con.execute(f"DESCRIBE SELECT * FROM read_parquet('{tmp_path}/events/**/*.parquet', "
                             "hive_partitioning = true)").fetchall()[i][:2] for i in range(len(schema("events"))))
    assert types["sentence_index"] == "INTEGER" and types["quad_class"] == "TINYINT"
    assert types["published"] == "DATE" and types["quantity_value"] == "BIGINT"
    assert types["latitude"] == "DOUBLE" and types["goldstein"] == "DOUBLE"
    for table in TABLES:
        files = list((tmp_path / table).glob("*.parquet"))
        assert files, table
        for f in files:
            meta = pq.read_schema(f).metadata
            assert meta[b"coder_version"] == CODER.encode() and meta[b"lexicon_version"] == LEX.encode()
            assert meta[b"schema_version"] == SCHEMA_VERSION.encode()
            assert pq.read_schema(f).remove_metadata() == schema(table)


def test_rerun_skips_everything_and_changes_nothing(tmp_path):
    docs = corpus(8)
    code_into(tmp_path, docs)
    before = snapshot(tmp_path)
    counts = code_into(tmp_path, docs)
    assert counts["documents"] == 0 and counts["skipped"] == 8 and counts["events"] == 0
    assert snapshot(tmp_path) == before


def test_same_input_into_fresh_folder_gives_identical_tables(tmp_path):
    code_into(tmp_path / "a", corpus(7), batch_docs=2)
    code_into(tmp_path / "b", corpus(7), batch_docs=5)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_changed_text_replaces_old_rows_in_every_table(tmp_path):
    code_into(tmp_path / "inc", corpus(9))
    counts = code_into(tmp_path / "inc", corpus(9, changed={1, 4, 8}))
    assert counts["replaced"] == 3 and counts["skipped"] == 6
    code_into(tmp_path / "fresh", corpus(9, changed={1, 4, 8}))
    assert snapshot(tmp_path / "inc") == snapshot(tmp_path / "fresh")
    check_consistent(tmp_path / "inc")


def test_new_coder_version_recodes_and_leaves_no_old_rows(tmp_path):
    code_into(tmp_path, corpus(4))
    counts = code_into(tmp_path, corpus(4), coder_version="0.2.0")
    assert counts["replaced"] == 4
    assert {v for (v,) in read(tmp_path, "events", "DISTINCT coder_version")} == {"0.2.0"}
    assert len(read(tmp_path, "documents")) == 4


def test_document_replaced_when_all_rows_of_its_batch_go(tmp_path):
    code_into(tmp_path, corpus(3), batch_docs=3)
    code_into(tmp_path, corpus(3, changed={0, 1, 2}), batch_docs=3)
    assert not (tmp_path / "documents" / "part-000001.parquet").exists()
    assert len(read(tmp_path, "documents")) == 3


def test_rejects_of_a_rerun_are_not_repeated(tmp_path):
    rejects = [Reject(input_path="in.jsonl", record=3, reason="bad JSON", raw="{"),
               Reject(input_path="in.jsonl", record=3, reason="bad JSON", raw="{"),
               Reject(input_path="in.jsonl", record=None, reason="unsupported file type")]
    code_into(tmp_path, [], rejects=rejects)
    counts = code_into(tmp_path, [], rejects=rejects)
    assert counts["rejects"] == 3   # the summary still counts what this run could not read
    assert len(read(tmp_path, "rejects")) == 2


def test_events_without_a_documents_row_are_removed_and_recoded(tmp_path):
    docs = corpus(4)
    code_into(tmp_path, docs[:2])
    # a batch killed after its events were committed and before its documents file
    stray = tmp_path / "partial"
    code_into(stray, docs[2:])
    for table in ("events", "event_quantities"):
        shutil.copy(stray / table / "part-000001.parquet", tmp_path / table / "part-000099.parquet")
    assert len(read(tmp_path, "documents")) == 2
    counts = code_into(tmp_path, docs)
    assert counts["documents"] == 2 and counts["skipped"] == 2
    code_into(tmp_path / "fresh", docs)
    assert snapshot(tmp_path) == snapshot(tmp_path / "fresh")


class _Crash(BaseException):
    """Stands for SIGKILL: not an Exception, so nothing in the writer catches it."""


def _crash_after(monkeypatch, n: int) -> None:
    real = os.replace
    calls = {"n": 0}

    def replace(src, dst):
        if calls["n"] >= n:
            raise _Crash()
        calls["n"] += 1
        real(src, dst)

    monkeypatch.setattr(sinks.os, "replace", replace)


def test_a_crash_before_any_file_move_leaves_a_consistent_dataset_that_a_rerun_completes(tmp_path, monkeypatch):
    base = tmp_path / "base"
    first, second = corpus(10), corpus(12, changed={0, 3, 4, 9})
    code_into(base, first, batch_docs=3)
    code_into(tmp_path / "fresh", second, batch_docs=3)
    expected = snapshot(tmp_path / "fresh")
    n = 0
    while True:   # crash before the 1st, 2nd, ... file move of the second run, until it completes
        out = tmp_path / f"crash{n}"
        shutil.copytree(base, out)
        _crash_after(monkeypatch, n)
        try:
            code_into(out, second, batch_docs=3)
            finished = True
        except _Crash:
            finished = False
        monkeypatch.undo()
        check_consistent(out)
        code_into(out, second, batch_docs=3)
        assert snapshot(out) == expected, f"crash before move {n}"
        shutil.rmtree(out)
        if finished:
            break
        n += 1
    assert n > 10   # the second run really moved files in many steps


_CHILD = textwrap.dedent("""
    import sys, time
    sys.path[:0] = [{tests!r}, {root!r}]
    from test_sinks import code_into, corpus
    print("ready", flush=True)
    code_into(__import__("pathlib").Path({out!r}), corpus(60, changed=set(range(0, 60, 3))), batch_docs=1)
""")


def kill_a_rerun(base: Path, out: Path, delay: float) -> None:
    """Copy the dataset `base` to `out`, start an incremental run into it in a child process
    (batches of one document, a third of the texts changed) and kill it with SIGKILL after `delay` s."""
    import time
    shutil.copytree(base, out)
    code = _CHILD.format(tests=str(Path(__file__).parent), root=str(Path(__file__).parent.parent), out=str(out))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()


def test_sigkill_at_any_moment_leaves_readable_dataset(tmp_path):
    base = tmp_path / "base"
    code_into(base, corpus(60), batch_docs=4)
    code_into(tmp_path / "fresh", corpus(60, changed=set(range(0, 60, 3))), batch_docs=4)
    expected = snapshot(tmp_path / "fresh")
    for i, delay in enumerate((0.0, 0.02, 0.05, 0.1, 0.2, 0.4)):
        out = tmp_path / f"kill{i}"
        kill_a_rerun(base, out, delay)
        check_consistent(out)
        code_into(out, corpus(60, changed=set(range(0, 60, 3))))
        assert snapshot(out) == expected, f"after a kill at {delay}s"


def test_exception_inside_the_with_block_commits_complete_documents(tmp_path):
    docs = corpus(5)
    with pytest.raises(RuntimeError):
        with DatasetWriter(tmp_path, CODER, LEX, batch_docs=100) as w:
            for doc_id, text in docs[:3]:
                w.add(make_coded(doc_id, text))
            raise RuntimeError("the pipeline failed on the fourth document")
    assert len(read(tmp_path, "documents")) == 3
    assert code_into(tmp_path, docs)["documents"] == 2


def test_a_second_writer_on_the_same_folder_is_refused(tmp_path):
    with DatasetWriter(tmp_path, CODER, LEX):
        with pytest.raises(DatasetError, match="another run"):
            DatasetWriter(tmp_path, CODER, LEX).open()


def test_document_ids_never_become_paths(tmp_path):
    code_into(tmp_path, [("../../escape", "x|y"), ("/etc/passwd", "z")])
    names = {p.name for p in tmp_path.rglob("*") if p.is_file()}
    assert all(n in (".lock", "manifest.json") or n.startswith("part-") for n in names)
    assert not (tmp_path.parent / "escape").exists()


def test_dataset_of_another_schema_version_is_refused(tmp_path, monkeypatch):
    code_into(tmp_path, corpus(2))
    monkeypatch.setattr(sinks, "SCHEMA_VERSION", "999")
    with pytest.raises(DatasetError, match="schema version"):
        code_into(tmp_path, corpus(2))


def test_add_refuses_inconsistent_documents(tmp_path):
    good = make_coded("d", "a|b|c")
    with DatasetWriter(tmp_path, CODER, LEX) as w:
        with pytest.raises(ValueError, match="coder_version"):
            w.add(make_coded("d", "a", coder_version="9"))
        bad = good.model_copy(update={"quantities": good.quantities + [good.quantities[0].model_copy(
            update={"event_id": "elsewhere"})]})
        with pytest.raises(ValueError, match="refers to an event"):
            w.add(bad)
    with pytest.raises(DatasetError, match="not open"):
        w.add(good)


def test_compact_merges_parts_and_keeps_every_row(tmp_path):
    code_into(tmp_path, corpus(10), batch_docs=2)
    before = snapshot(tmp_path)
    with DatasetWriter(tmp_path, CODER, LEX) as w:
        removed = w.compact()
    assert removed == 4
    assert len(list((tmp_path / "events").glob("*.parquet"))) == 1
    assert snapshot(tmp_path) == before
    assert code_into(tmp_path, corpus(10))["skipped"] == 10


def test_killed_compaction_is_repaired_on_open(tmp_path):
    code_into(tmp_path, corpus(4), batch_docs=2)
    before = snapshot(tmp_path)
    # the earlier format (no manifest) killed after the merged part was committed, before the old
    # parts were deleted; with a manifest a compaction is one commit and this state cannot arise
    (tmp_path / "manifest.json").unlink()
    for table in ("event_quantities", "events", "documents"):
        shutil.copy(tmp_path / table / "part-000001.parquet", tmp_path / table / "part-000007.parquet")
    with DatasetWriter(tmp_path, CODER, LEX):
        pass
    assert snapshot(tmp_path) == before
    assert not (tmp_path / "documents" / "part-000001.parquet").exists()
