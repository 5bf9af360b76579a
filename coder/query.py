"""Read-only SQL over an output dataset (SPEC §3, `coder query`).

The views `events`, `event_quantities`, `documents` and `rejects` read DIR/<table>/**/*.parquet; a
table with no files is an empty view with the right columns. Only reading statements run: the SQL
is parsed by DuckDB and anything but SELECT (and EXPLAIN) is refused; then file access outside the
dataset's tables is switched off and the configuration locked, so read_csv('/etc/passwd'),
ATTACH, COPY ... TO, INSTALL/LOAD and SET all fail inside DuckDB as well.
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import math
import os
import unicodedata
from pathlib import Path

import duckdb

from coder.reference_views import register_reference_views
from coder.tables import TABLES, empty_select

FORMATS = ("table", "csv", "json", "parquet")
_ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
_TABLE_MAX_WIDTH = 60   # a text-table cell longer than this is cut with an ellipsis
_TABLE_MAX_ROWS = 1000


class QueryError(ValueError):
    """The query was refused or failed; the message says what to change."""


def _sql_string(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _has_files(folder: Path) -> bool:
    return folder.is_dir() and any(folder.rglob("*.parquet"))


def connect(data_dir: str) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the four read-only views, locked against file access."""
    root = Path(data_dir)
    if not root.is_dir():
        raise QueryError(f"no dataset at {data_dir}: pass the folder given to `coder code --out`")
    con = duckdb.connect(":memory:")
    allowed = []
    for table in TABLES:
        folder = (root / table).resolve()
        if _has_files(folder):
            pattern = str(folder / "**" / "*.parquet")
            source = (f"SELECT * FROM read_parquet({_sql_string(pattern)}, hive_partitioning = true, "
                      "union_by_name = true)")
            allowed.append(str(folder) + os.sep)
        else:
            source = empty_select(table)
        con.execute(f'CREATE VIEW "{table}" AS {source}')
    register_reference_views(con)   # cameo, roles, groups, countries and distance_km()
    con.execute(f"SET allowed_directories = [{', '.join(map(_sql_string, allowed))}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def check_sql(sql: str) -> str:
    """The one reading statement in `sql`, or QueryError."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as e:
        raise QueryError(f"cannot parse the SQL: {e}") from None
    if len(statements) != 1:
        raise QueryError(f"give exactly one SQL statement (got {len(statements)})")
    kind = statements[0].type
    if kind not in _ALLOWED:
        raise QueryError(f"only SELECT queries can run over the dataset (this is a {kind.name} statement): "
                         "the views are read-only; write results with --format csv|json|parquet --output")
    return sql


def run_query(sql: str, data_dir: str, fmt: str = "table", out: str | None = None) -> str:
    """Run one SELECT over the dataset. Returns the text output (table, csv or json); with `out` it is
    also written there. Parquet needs `out` and returns a one-line summary."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "parquet" and not out:
        raise QueryError("the parquet format writes a file: give an output path")
    check_sql(sql)
    con = connect(data_dir)
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq
            table = con.sql(sql).to_arrow_table()
            pq.write_table(table, out, compression="zstd")
            return f"wrote {table.num_rows} rows to {out}"
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    except duckdb.Error as e:
        raise QueryError(f"query failed: {e}") from None
    finally:
        con.close()
    text = {"table": format_table, "csv": format_csv, "json": format_json}[fmt](names, rows)
    if out:
        Path(out).write_text(text, encoding="utf-8")
    return text


# ---------------------------------------------------------------- output formats

def _plain(value):
    """A value as JSON/CSV want it: dates in ISO form, decimals as numbers, NaN as null."""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.hex()
    return value


def format_json(names: list[str], rows: list[tuple]) -> str:
    # one record a line inside a JSON array: valid JSON that still diffs and greps well
    lines = [json.dumps({n: _plain(v) for n, v in zip(names, row)}, ensure_ascii=False) for row in rows]
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def format_csv(names: list[str], rows: list[tuple]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if v is None else _plain(v) for v in row])
    return buf.getvalue()


def display_width(s: str) -> int:
    """Terminal columns: combining marks and format controls take none, wide CJK/emoji take two."""
    width = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _cell(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    text = str(_plain(value)) if not isinstance(value, str) else value
    text = " ".join(text.split())   # a newline inside a cell would break the grid
    if display_width(text) > _TABLE_MAX_WIDTH:
        cut = []
        width = 0
        for ch in text:
            width += display_width(ch)
            if width > _TABLE_MAX_WIDTH - 1:
                break
            cut.append(ch)
        text = "".join(cut) + "…"
    return text


def format_table(names: list[str], rows: list[tuple], max_rows: int = _TABLE_MAX_ROWS) -> str:
    shown = [[_cell(v) for v in row] for row in rows[:max_rows]]
    header = [_cell(n) for n in names]
    widths = [display_width(h) for h in header]
    for row in shown:
        for i, c in enumerate(row):
            widths[i] = max(widths[i], display_width(c))

    def line(cells):
        return "| " + " | ".join(c + " " * (w - display_width(c)) for c, w in zip(cells, widths)) + " |"

    rule = "+-" + "-+-".join("-" * w for w in widths) + "-+"
    out = [rule, line(header), rule, *(line(r) for r in shown), rule]
    more = len(rows) - len(shown)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}"
               + (f", first {len(shown)} shown: add LIMIT or use --format csv" if more else "") + ")")
    return "\n".join(out) + "\n"
