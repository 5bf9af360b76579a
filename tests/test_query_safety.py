"""`coder query` as an attacker would use it: no statement writes, reads outside the committed
parts, or runs forever; damaged and foreign files never reach a view."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coder.query import QueryError, check_sql, run_query
from test_sinks import code_into, corpus

ROOT = Path(__file__).resolve().parent.parent


def tree_digest(root: Path) -> dict:
    """Every file under root with its checksum: the dataset before and after an attack."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".lock"}


@pytest.fixture()
def data(tmp_path):
    out = tmp_path / "d"
    code_into(out, corpus(8), batch_docs=3)
    return out


def count(out: Path, table: str = "events") -> int:
    return json.loads(run_query(f"SELECT count(*) AS n FROM {table}", str(out), "json"))[0]["n"]


# Statements that try to write, to read other files, or to change the settings. Each must be refused
# before it runs, or fail inside DuckDB, and leave every file as it was.
ESCAPES = [
    "EXPLAIN ANALYZE COPY (SELECT * FROM events WHERE false) TO '{d}/events/part-000001.parquet'",
    "explain analyze copy (select 1) to '{d}/documents/part-000777.parquet' (format parquet)",
    "EXPLAIN /* c */ ANALYZE (FORMAT json) COPY events TO '{d}/x.csv'",
    "EXPLAIN EXPLAIN ANALYZE COPY events TO '{d}/x.csv'",
    "EXPLAIN ANALYZE CREATE TABLE t AS SELECT 1",
    "EXPLAIN ANALYZE ATTACH '{d}/x.duckdb'",
    "EXPLAIN ANALYZE INSERT INTO events SELECT * FROM events",
    "COPY events TO '{d}/events/part-000999.parquet'",
    "COPY (SELECT 1) TO '{tmp}/stolen.csv'",
    "EXPORT DATABASE '{tmp}/exported'",
    "ATTACH '{tmp}/other.duckdb' AS o",
    "CREATE TABLE t AS SELECT 1", "CREATE VIEW v AS SELECT 1", "CREATE MACRO m(x) AS x",
    "DROP VIEW events", "INSERT INTO events SELECT * FROM events", "DELETE FROM events",
    "UPDATE events SET event_code = '010'", "ALTER VIEW events RENAME TO e",
    "INSTALL httpfs", "LOAD httpfs", "SET enable_external_access = true", "RESET lock_configuration",
    "SET temp_directory = '{tmp}'", "PRAGMA enable_profiling", "CALL pragma_version()",
    "SELECT 1; COPY events TO '{tmp}/x.csv'", "SELECT 1; SELECT 2", "VACUUM", "CHECKPOINT",
    "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM read_text('.tmp/x')", "SELECT * FROM read_blob('{d}/manifest.json')",
    "SELECT * FROM glob('/*')", "SELECT * FROM read_parquet('{d}/events/*.parquet')",
    "SELECT * FROM read_parquet('{tmp}/**/*.parquet')", "SELECT * FROM '/etc/passwd'",
    "SELECT * FROM '{d}/events/part-000001.parquet'", "SELECT * FROM parquet_metadata('{d}/events/*.parquet')",
    "SELECT * FROM read_json_auto('{d}/manifest.json')", "SELECT current_setting('enable_external_access') "
    "FROM events WHERE (SELECT count(*) FROM read_text('/etc/hostname')) > 0",
    "WITH x AS (SELECT * FROM read_text('/etc/hostname')) SELECT * FROM x",
    "SELECT * FROM sniff_csv('/etc/passwd')", "SELECT getenv('HOME')",
]


@pytest.mark.parametrize("sql", ESCAPES)
def test_no_statement_writes_or_reads_outside_the_dataset(data, tmp_path, sql):
    before = tree_digest(tmp_path)
    with pytest.raises(QueryError):
        run_query(sql.format(d=data, tmp=tmp_path), str(data))
    assert tree_digest(tmp_path) == before
    assert not list(tmp_path.rglob("stolen.csv")) and not (tmp_path / "exported").exists()


def test_the_escapes_tried_are_many(data):
    assert len(ESCAPES) >= 45
    # and reading statements still pass the check
    for sql in ("SELECT 1", "EXPLAIN SELECT * FROM events", "EXPLAIN ANALYZE SELECT count(*) FROM events",
                "WITH a AS (SELECT 1) SELECT * FROM a", "FROM events LIMIT 1", "DESCRIBE events"):
        check_sql(sql)
    assert "EXPLAIN_ANALYZE" in run_query("EXPLAIN ANALYZE SELECT count(*) FROM events", str(data), "csv") \
        or "Total Time" in run_query("EXPLAIN ANALYZE SELECT count(*) FROM events", str(data), "csv")


def test_temp_folder_in_the_working_directory_is_out_of_reach(data, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".tmp").mkdir()
    (tmp_path / ".tmp" / "x").write_text("secret")
    with pytest.raises(QueryError):
        run_query("SELECT * FROM read_text('.tmp/x')", str(data))
    assert count(data) == 12   # the views still answer


def test_output_inside_the_dataset_is_refused(data, tmp_path):
    for target in (data / "events" / "part-000999.parquet", data / "new.csv", data):
        with pytest.raises(QueryError, match="inside the dataset|folder"):
            run_query("SELECT * FROM events", str(data), "parquet", str(target))
    assert count(data) == 12 and not (data / "events" / "part-000999.parquet").exists()


def test_a_symlinked_table_folder_is_not_followed(data, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    code_into(elsewhere, corpus(20))
    os.rename(data / "events", tmp_path / "events-real")
    os.symlink(elsewhere / "events", data / "events")
    warnings = []
    out = json.loads(run_query("SELECT count(*) AS n FROM events", str(data), "json", warn=warnings.append))
    assert out == [{"n": 0}] and "not a plain folder" in warnings[0]


def test_stray_junk_and_foreign_files_are_ignored(data):
    (data / "events" / "junk.parquet").write_bytes(b"not parquet at all")
    pq.write_table(pa.table({"x": list(range(100))}), data / "events" / "part-000500.parquet")
    (data / "events" / "notes.txt").write_text("hello")
    warnings = []
    assert json.loads(run_query("SELECT count(*) AS n, count(event_id) AS ids FROM events", str(data), "json",
                                warn=warnings.append)) == [{"n": 12, "ids": 12}]
    assert any("not in the manifest" in w for w in warnings)


def test_a_damaged_part_is_named_and_left_out_with_its_batch(data):
    committed = json.loads((data / "manifest.json").read_text())["tables"]
    lost_events = committed["events"]["part-000001.parquet"]["rows"]
    lost_docs = committed["documents"]["part-000001.parquet"]["rows"]
    part = data / "events" / "part-000001.parquet"
    part.write_bytes(part.read_bytes()[:-40])   # truncated
    warnings = []
    rows = json.loads(run_query("SELECT (SELECT count(*) FROM events) AS e, (SELECT count(*) FROM documents) AS d",
                                str(data), "json", warn=warnings.append))
    assert rows == [{"e": 12 - lost_events, "d": 8 - lost_docs}]   # batch 1 left out of every table
    assert any("events/part-000001.parquet failed its check" in w for w in warnings)


def test_a_folder_name_with_glob_characters(tmp_path):
    out = tmp_path / "a[1]*?{x}"
    code_into(out, corpus(3))
    assert count(out, "documents") == 3


def test_the_timeout_stops_a_query_that_never_ends(data):
    started = time.monotonic()
    with pytest.raises(QueryError, match="longer than 1 s"):
        run_query("SELECT sum(range % 7) FROM range(1000000000000)", str(data), timeout=1)
    assert time.monotonic() - started < 10


def test_the_table_format_reads_only_the_rows_it_prints(data):
    started = time.monotonic()
    text = run_query("SELECT * FROM range(2000000000)", str(data))   # 2e9 rows: fetched all, 16 GB
    assert text.splitlines()[-1].startswith("(more than 1000 rows, first 1000 shown")
    assert time.monotonic() - started < 10


def test_csv_is_streamed_to_its_file(data, tmp_path):
    out = tmp_path / "r.csv"
    run_query("SELECT range AS n FROM range(300000)", str(data), "csv", str(out))
    lines = out.read_text().splitlines()
    assert lines[0] == "n" and len(lines) == 300001
    out_json = tmp_path / "r.json"
    run_query("SELECT range AS n FROM range(25000)", str(data), "json", str(out_json))
    assert len(json.loads(out_json.read_text())) == 25000


def _ctrl_c_as_at_a_terminal() -> None:
    """A child's Ctrl-C as at a terminal, whatever this process inherited: a shell starts a command
    run in the background (`pytest &`) with SIGINT ignored, and its children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


# `coder query` as the command line runs it, saying on stderr when its query is handed to DuckDB:
# Ctrl-C is then sent to a running query, however long the start-up took on a loaded machine
_ANNOUNCED_CLI = """
import sys
import coder.query as q
from coder.cli import main
execute = q._execute
def announced(*a, **k):
    print("query running", file=sys.stderr, flush=True)
    return execute(*a, **k)
q._execute = announced
sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_interrupts_a_running_query(data):
    # (PYTHONFAULTHANDLER: a child that does not stop prints where each of its threads is, on SIGABRT)
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONFAULTHANDLER="1")
    child = subprocess.Popen([sys.executable, "-c", _ANNOUNCED_CLI, "query", "SELECT sum(range % 7) FROM range(1000000000000)",
                              "--data", str(data), "--timeout", "0"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=_ctrl_c_as_at_a_terminal)
    first = child.stderr.readline()   # (the start-up: imports, the views over the dataset)
    assert first == "query running\n", first + child.communicate(timeout=60)[1][-4000:]
    time.sleep(1.0)
    started = time.monotonic()
    child.send_signal(signal.SIGINT)
    try:
        _, err = child.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGABRT)
        pytest.fail("the query went on after Ctrl-C; its threads:\n" + child.communicate()[1][-4000:])
    assert child.returncode == 130 and "interrupted" in err and "Traceback" not in err
    assert time.monotonic() - started < 10


# Ctrl-C comes while the query's thread has not yet handed it to DuckDB: one interrupt, sent while
# nothing runs, would be lost and the endless query would run on.
_EARLY_CTRL_C = """
import os, signal, sys, time
import coder.query as q
execute = q._execute
def late(*a, **k):
    os.kill(os.getpid(), signal.SIGINT)   # (the main thread, waiting on this one, receives it)
    time.sleep(0.5)
    return execute(*a, **k)
q._execute = late
try:
    q.run_query("SELECT sum(range % 7) FROM range(1000000000000)", sys.argv[1])
except q.QueryInterrupted:
    print("interrupted")
"""


def test_ctrl_c_before_the_query_has_started_still_stops_it(data):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _EARLY_CTRL_C, str(data)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=30, preexec_fn=_ctrl_c_as_at_a_terminal)
    assert done.stdout.strip() == "interrupted", done.stderr
    assert time.monotonic() - started < 30


def test_a_dataset_without_manifest_shows_its_committed_parts_only(data, tmp_path):
    before = count(data)
    (data / "manifest.json").unlink()   # as an earlier coder wrote it
    other = tmp_path / "other"
    code_into(other, corpus(3))
    # the earlier format's killed batch: events whose documents file never came
    (other / "events" / "part-000001.parquet").rename(data / "events" / "part-000090.parquet")
    pq.write_table(pa.table({"x": [1, 2]}), data / "documents" / "part-000091.parquet")
    warnings = []
    assert json.loads(run_query("SELECT count(*) AS n FROM events", str(data), "json", warn=warnings.append)) \
        == [{"n": before}]
    assert count(data, "documents") == 8 and any("not in the manifest" in w for w in warnings)


def test_a_reader_that_stops_early_is_not_an_error(data):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    query = subprocess.Popen([sys.executable, "-m", "coder.cli", "query", "SELECT * FROM range(2000000)",
                              "--data", str(data), "--format", "csv"], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert query.stdout.readline() == b"range\n"
    query.stdout.close()   # like `| head -1`
    err = query.stderr.read().decode()
    assert query.wait(timeout=30) == 0 and err == ""
