"""`coder query`: read-only views over a dataset, refused statements, output formats."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from coder.model import Reject
from coder.query import QueryError, display_width, format_table, run_query
from coder.tables import TABLES, schema
from test_sinks import code_into, corpus


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    out = tmp_path_factory.mktemp("dataset")
    code_into(out, corpus(6), rejects=[Reject(input_path="in.jsonl", record=4, reason="bad JSON", raw="{")])
    return str(out)


def test_views_answer_sql(data):
    text = run_query("SELECT event_root_code, count(*) AS n FROM events GROUP BY 1", data, "csv")
    assert list(csv.reader(io.StringIO(text))) == [["event_root_code", "n"], ["19", "8"]]
    joined = run_query("SELECT count(*) AS n FROM events JOIN documents USING (doc_id) "
                       "JOIN event_quantities USING (event_id)", data, "json")
    assert json.loads(joined) == [{"n": 8}]
    assert json.loads(run_query("SELECT record, reason FROM rejects", data, "json")) == \
        [{"record": 4, "reason": "bad JSON"}]


def test_missing_tables_are_empty_views_with_the_right_columns(tmp_path):
    (tmp_path / "events").mkdir()
    for table in TABLES:
        rows = json.loads(run_query(f"SELECT count(*) AS n FROM {table}", str(tmp_path), "json"))
        assert rows == [{"n": 0}]
        described = json.loads(run_query(f"DESCRIBE {table}", str(tmp_path), "json"))
        assert [r["column_name"] for r in described] == schema(table).names
    typed = json.loads(run_query("DESCRIBE events", str(tmp_path), "json"))
    assert {r["column_name"]: r["column_type"] for r in typed}["quad_class"] == "TINYINT"


@pytest.mark.parametrize("sql", [
    "CREATE TABLE t AS SELECT 1",
    "INSERT INTO events SELECT * FROM events",
    "DROP VIEW events",
    "COPY events TO '/tmp/stolen.csv'",
    "ATTACH '/tmp/other.duckdb'",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "PRAGMA enable_profiling",
    "CALL pragma_version()",
    "EXPORT DATABASE '/tmp/x'",
    "SELECT 1; SELECT 2",
])
def test_statements_that_are_not_a_single_select_are_refused(data, sql):
    with pytest.raises(QueryError, match="SELECT|one SQL statement"):
        run_query(sql, data)


@pytest.mark.parametrize("sql", [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM glob('/*')",
    "SELECT * FROM read_parquet('/tmp/**/*.parquet')",
    "SELECT * FROM '/etc/passwd'",
])
def test_reading_files_outside_the_dataset_is_refused(data, sql):
    with pytest.raises(QueryError, match="query failed"):
        run_query(sql, data)


def test_formats(data, tmp_path):
    table = run_query("SELECT doc_id, n_events FROM documents ORDER BY doc_id LIMIT 2", data)
    lines = table.splitlines()
    assert lines[1] == "| doc_id  | n_events |" and lines[3] == "| doc-000 | 1        |"
    assert lines[-1] == "(2 rows)"
    rows = json.loads(run_query("SELECT published, goldstein, latitude FROM events LIMIT 1", data, "json"))
    assert rows == [{"published": "2019-08-05", "goldstein": -10.0, "latitude": 36.37}]
    out = tmp_path / "r.parquet"
    msg = run_query("SELECT * FROM events", data, "parquet", str(out))
    assert msg == f"wrote 8 rows to {out}" and pq.read_table(out).num_rows == 8
    csv_out = tmp_path / "r.csv"
    run_query("SELECT doc_id FROM documents", data, "csv", str(csv_out))
    assert csv_out.read_text().splitlines()[0] == "doc_id"
    with pytest.raises(QueryError, match="output path"):
        run_query("SELECT 1", data, "parquet")
    with pytest.raises(QueryError, match="unknown format"):
        run_query("SELECT 1", data, "xml")


def test_text_table_pads_arabic_and_wide_text_by_display_width():
    text = format_table(["name", "n"], [("قُتِلَ", 1), ("日本", None), ("x" * 100, 2.5)])
    lines = text.splitlines()
    assert len({display_width(line) for line in lines[:-1]}) == 1   # every grid line equally wide
    assert "NULL" in text and "…" in text
    assert display_width("قُتِلَ") == 3 and display_width("日本") == 4


def test_bad_sql_and_missing_dataset_say_what_to_do(data, tmp_path):
    with pytest.raises(QueryError, match="no dataset"):
        run_query("SELECT 1", str(tmp_path / "missing"))
    with pytest.raises(QueryError, match="query failed"):
        run_query("SELECT no_such_column FROM events", data)
