"""Read-only SQL over an output dataset (SPEC §3, `coder query`).

The views `events`, `event_quantities`, `documents` and `rejects` are the committed parts that the
dataset's manifest lists (coder/manifest.py), each checked against its committed size and row count
and registered as an Arrow dataset: a part that fails its check is left out with the other parts of
its number (and named in a warning), files the manifest does not list are ignored. DuckDB then runs
with external access disabled, no temporary folder and its configuration locked, so no statement can
read or write a file. Only one statement runs, and only if it reads: SELECT, or EXPLAIN [ANALYZE] of a
SELECT. A timeout and Ctrl-C interrupt it; rows are streamed to the output, and the text table reads
only the rows it prints.
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import math
import os
import re
import sys
import threading
import time
import unicodedata
from pathlib import Path

import duckdb
import pyarrow.dataset as pads

from coder import manifest as mf
from coder.reference_views import register_reference_views
from coder.tables import TABLES, schema

FORMATS = ("table", "csv", "json", "parquet")
_READING = {duckdb.StatementType.SELECT}
_TABLE_MAX_WIDTH = 60   # a text-table cell longer than this is cut with an ellipsis
_TABLE_MAX_ROWS = 1000
_FETCH_ROWS = 10_000
DEFAULT_TIMEOUT = 60.0
_DOC_TABLES = ("event_quantities", "events", "documents")


class QueryError(ValueError):
    """The query was refused or failed; the message says what to change."""


class QueryInterrupted(QueryError):
    """Ctrl-C stopped the query."""


def committed_parts(root: Path) -> tuple[dict[str, list[Path]], list[str]]:
    """The files of each table that a reader may trust, and warnings about the rest."""
    warnings: list[str] = []
    parts: dict[str, list[Path]] = {t: [] for t in TABLES}
    usable = {}
    for table in TABLES:
        folder = root / table
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            warnings.append(f"{table}/ is not a plain folder (a symbolic link?): the {table} view is left empty")
        else:
            usable[table] = folder
    try:
        data = mf.load(root)
    except mf.ManifestFormatError as e:
        raise QueryError(str(e)) from None
    except mf.ManifestError as e:
        raise QueryError(f"{e}: run `coder verify --data {root} --repair`") from None
    if data is None:   # written before the manifest existed: its committed part files
        data = {"tables": mf.legacy_parts(root, {t: schema(t) for t in usable}, checksums=False), "pending": None}
    for _ in range(3):   # a run that commits meanwhile changes files: read its newer manifest again
        failed = mf.failed_parts(root, data, {t: None for t in usable}, full=False)
        newer = mf.load(root) if failed else data
        if newer is None or newer.get("commit") == data.get("commit"):
            break
        data = newer
    else:
        failed = mf.failed_parts(root, data, {t: None for t in usable}, full=False)
    broken: set[str] = set()
    entries = {t: sorted(data["tables"].get(t, {}).items()) for t in usable}
    for table, name, problem in failed:
        warnings.append(f"{table}/{name} failed its check ({problem}): left out with its batch; "
                        f"`coder verify --data {root} --repair` sets it aside and the next run recodes it")
        broken.add(name if table in _DOC_TABLES else f"{table}/{name}")
    for table, items in entries.items():
        for name, _ in items:
            if name in broken and table in _DOC_TABLES or f"{table}/{name}" in broken:
                continue
            parts[table].append(mf.locate(root, data, table, name))
        strays = [e.name for e in os.scandir(usable[table]) if e.name not in dict(items)] \
            if usable[table].is_dir() else []
        if strays:
            warnings.append(f"{table}/: {len(strays)} file(s) not in the manifest ignored ({', '.join(strays[:3])})")
    return parts, warnings


def register_dataset_views(con: duckdb.DuckDBPyConnection, root: Path) -> list[str]:
    """Register the four tables of the dataset at `root` on `con`; returns warnings. (Other read-only
    views are registered by functions like this one, before connect() locks the connection.)"""
    parts, warnings = committed_parts(root)
    for table in TABLES:
        files = [str(p) for p in parts[table]]
        source = pads.dataset(files, format="parquet", schema=schema(table)) if files else schema(table).empty_table()
        con.register(table, source)
    return warnings


def connect(data_dir: str, warn=None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the dataset's views, locked against any file access.
    `warn` receives a warning per part left out or file ignored (default: printed on stderr)."""
    root = Path(data_dir)
    if not root.is_dir():
        raise QueryError(f"no dataset at {data_dir}: pass the folder given to `coder code --out`")
    # no temporary folder: a spill file would be a way to write, and to read back, outside the dataset
    con = duckdb.connect(":memory:", config={"temp_directory": ""})
    try:
        warnings = register_dataset_views(con, root)
        register_reference_views(con)   # cameo, roles, groups, countries and distance_km()
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
    except BaseException:
        con.close()
        raise
    for w in warnings:
        (warn or (lambda m: print(f"coder query: {m}", file=sys.stderr)))(w)
    return con


_PREFIX = re.compile(r"\s+|--[^\n]*(\n|$)|/\*.*?\*/|explain\b|analy[sz]e\b|verbose\b|\([^()]*\)", re.I | re.S)


def _explained(sql: str) -> str | None:
    """The statement an EXPLAIN [ANALYZE] [(options)] shows, or None if it is not an EXPLAIN."""
    pos, saw_explain = 0, False
    while True:
        m = _PREFIX.match(sql, pos)
        if not m or m.end() == pos:
            break
        saw_explain = saw_explain or m.group(0).lower() == "explain"
        pos = m.end()
    return sql[pos:] if saw_explain else None


def check_sql(sql: str) -> str:
    """The one reading statement in `sql`, or QueryError. EXPLAIN ANALYZE runs its statement, so
    the statement it explains must read too."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as e:
        raise QueryError(f"cannot parse the SQL: {e}") from None
    if len(statements) != 1:
        raise QueryError(f"give exactly one SQL statement (got {len(statements)})")
    kind = statements[0].type
    if kind == duckdb.StatementType.EXPLAIN:
        inner = _explained(statements[0].query)
        try:
            inner_statements = duckdb.extract_statements(inner) if inner else []
        except duckdb.Error:
            inner_statements = []
        if len(inner_statements) != 1:
            raise QueryError("only EXPLAIN of one SELECT query can run over the dataset")
        kind = inner_statements[0].type
    if kind not in _READING:
        raise QueryError(f"only SELECT queries can run over the dataset (this is a {kind.name} statement): "
                         "the views are read-only; write results with --format csv|json|parquet --output")
    return sql


def _check_output(out: str, root: Path) -> None:
    target = Path(out).resolve()
    inside = root.resolve()
    if target == inside or inside in target.parents:
        raise QueryError(f"--output {out} is inside the dataset {root}: write results elsewhere")
    if target.is_dir():
        raise QueryError(f"--output {out} is a folder: give a file name")


def run_query(sql: str, data_dir: str, fmt: str = "table", out: str | None = None,
              timeout: float | None = DEFAULT_TIMEOUT, stream=None, warn=None) -> str:
    """Run one SELECT over the dataset. Returns the text output (table, csv or json) unless it was
    written to `stream` or to the file `out`; Parquet needs `out` and returns a one-line summary.
    `timeout` seconds (None: no limit) and Ctrl-C interrupt the query; `warn` receives warnings."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "parquet" and not out:
        raise QueryError("the parquet format writes a file: give an output path")
    if timeout is not None and timeout <= 0:
        raise QueryError("the timeout must be a positive number of seconds")
    check_sql(sql)
    if out:
        _check_output(out, Path(data_dir))
    con = connect(data_dir, warn)
    result: dict = {}

    def work():   # the connection is used and closed by this thread alone
        try:
            result["text"] = _execute(con, sql, fmt, out, stream)
        except BaseException as e:   # handed to the waiting thread
            result["error"] = e
        finally:
            try:
                con.close()
            except duckdb.Error:
                pass

    worker = threading.Thread(target=work, daemon=True)
    deadline = None if timeout is None else time.monotonic() + timeout
    timed_out = False
    try:
        worker.start()
        while worker.is_alive():
            worker.join(0.05)   # short waits: Ctrl-C reaches this thread between them
            if deadline is not None and time.monotonic() > deadline and not timed_out:
                timed_out = True
                _interrupt(con)
    except KeyboardInterrupt:
        # interrupted again until the thread ends: a Ctrl-C before its query has reached DuckDB
        # interrupts nothing, and the query would then run on; a second Ctrl-C must not leave the
        # thread to die with the interpreter
        while worker.is_alive():
            _interrupt(con)
            try:
                worker.join(0.05)
            except KeyboardInterrupt:
                pass
        raise QueryInterrupted("interrupted") from None
    error = result.get("error")
    if isinstance(error, duckdb.InterruptException) or (timed_out and error is not None):
        raise QueryError(f"the query ran longer than {timeout:g} s and was stopped: add a LIMIT or a "
                         "WHERE clause, or raise --timeout") from None
    if isinstance(error, duckdb.Error):
        hint = ""
        if "reading the stream registered" in str(error) or "IOError" in str(error):
            hint = f"; a part may be damaged: `coder verify --data {data_dir}` checks every part"
        raise QueryError(f"query failed: {error}{hint}") from None
    if error is not None:
        raise error
    return result["text"]


def _interrupt(con) -> None:
    try:
        con.interrupt()
    except duckdb.Error:
        pass   # the query ended (and closed its connection) meanwhile


def _execute(con, sql: str, fmt: str, out: str | None, stream) -> str:
    if fmt == "parquet":
        import pyarrow.parquet as pq
        reader = con.sql(sql).to_arrow_reader(_FETCH_ROWS)
        n = 0
        with pq.ParquetWriter(out, reader.schema, compression="zstd") as writer:
            for batch in reader:
                writer.write_batch(batch)
                n += batch.num_rows
        return f"wrote {n} rows to {out}"
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    if fmt == "table":
        rows = cursor.fetchmany(_TABLE_MAX_ROWS + 1)   # the rest is never read
        text = format_table(names, rows)
        if out:
            Path(out).write_text(text, encoding="utf-8")
        elif stream is not None:
            stream.write(text)
        return text
    sink = open(out, "w", encoding="utf-8", newline="") if out else (stream or io.StringIO())
    try:
        chunks = iter(lambda: cursor.fetchmany(_FETCH_ROWS), [])
        (_stream_csv if fmt == "csv" else _stream_json)(names, chunks, sink)
        return sink.getvalue() if isinstance(sink, io.StringIO) and sink is not stream else ""
    finally:
        if out:
            sink.close()


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


def _stream_json(names: list[str], chunks, sink) -> None:
    # one record a line inside a JSON array: valid JSON that still diffs and greps well
    first = True
    for rows in chunks:
        for row in rows:
            sink.write(("[\n" if first else ",\n") + json.dumps({n: _plain(v) for n, v in zip(names, row)},
                                                               ensure_ascii=False))
            first = False
    sink.write("[]\n" if first else "\n]\n")


def _stream_csv(names: list[str], chunks, sink) -> None:
    writer = csv.writer(sink, lineterminator="\n")
    writer.writerow(names)
    for rows in chunks:
        writer.writerows(["" if v is None else _plain(v) for v in row] for row in rows)


def format_json(names: list[str], rows: list[tuple]) -> str:
    buf = io.StringIO()
    _stream_json(names, [rows], buf)
    return buf.getvalue()


def format_csv(names: list[str], rows: list[tuple]) -> str:
    buf = io.StringIO()
    _stream_csv(names, [rows], buf)
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
    if len(rows) > len(shown):   # the caller fetched one row more than it shows: there are more
        out.append(f"(more than {len(shown)} rows, first {len(shown)} shown: add LIMIT or use --format csv)")
    else:
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
