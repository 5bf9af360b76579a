"""Inputs as users have them: their own field names, JSONL on standard input, .json arrays."""
from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import tracemalloc

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coder.ingest import iter_inputs, jsonarray
from coder.ingest.fields import parse_field_map
from coder.model import Document, Reject

FEED = {"text": "body", "id": "guid", "date": "published_at"}


def read(*paths, **kw):
    return list(iter_inputs([str(p) for p in paths], **kw))


def test_csv_with_its_own_column_names(tmp_path):
    f = tmp_path / "feed.csv"
    f.write_text("GUID,Body,published_at,headline\n"
                 "n-1,\"The mayor of Tulkarm met farmers, he said.\",2021-03-04,Farm talks\n", encoding="utf-8")
    (whole,) = read(f)
    assert isinstance(whole, Reject) and "--text-field" in whole.reason
    (doc,) = read(f, fields=dict(FEED, title="headline"))
    assert (doc.doc_id, doc.published, doc.title) == ("n-1", dt.date(2021, 3, 4), "Farm talks")
    assert doc.text.startswith("The mayor of Tulkarm")


def test_a_mapped_column_that_is_absent_is_named_with_the_field(tmp_path):
    f = tmp_path / "feed.csv"
    f.write_text("guid,content\nx,Some words here.\n", encoding="utf-8")
    (r,) = read(f, fields=FEED)
    assert "text (named 'body')" in r.reason


def test_jsonl_and_parquet_with_their_own_names(tmp_path):
    j = tmp_path / "a.jsonl"
    j.write_text(json.dumps({"guid": 7, "body": "Rain closed the port of Aqaba.", "text": "not this"}) + "\n"
                 + json.dumps({"guid": "8"}) + "\n", encoding="utf-8")
    doc, miss = read(j, fields=FEED)
    assert (doc.doc_id, doc.text) == ("7", "Rain closed the port of Aqaba.")
    assert isinstance(miss, Reject) and "'text' (read from 'body')" in miss.reason
    p = tmp_path / "b.parquet"
    pq.write_table(pa.table({"Guid": ["p1"], "BODY": ["Talks resumed in Geneva."],
                             "published_at": [dt.date(2020, 1, 2)]}), p)
    (doc,) = read(p, fields=FEED)
    assert (doc.doc_id, doc.text, doc.published) == ("p1", "Talks resumed in Geneva.", dt.date(2020, 1, 2))


@pytest.mark.parametrize("spec, single, message", [
    ("text", {}, "not FIELD=NAME"),
    ("body=text", {}, "unknown field 'body'"),
    ("text=x,title=X", {}, "both read"),
    (None, {"text": " "}, "needs a column name"),
])
def test_bad_field_maps_are_refused(spec, single, message):
    with pytest.raises(ValueError, match=message):
        parse_field_map(spec, **single)


def test_single_options_win_over_the_map():
    assert parse_field_map("text=a, id=b", text="c", id=None) == {"text": "c", "id": "b"}


def stdin_items(data: bytes, **kw):
    return list(iter_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(data)), **kw))


def test_stdin_is_read_as_jsonl_and_named_stdin():
    data = (json.dumps({"id": "s1", "text": "Ships left Tartus at dawn."}) + "\n\n{broken\n").encode()
    doc, bad = stdin_items(data)
    assert (doc.doc_id, doc.input_path, doc.record) == ("s1", "<stdin>", 1)
    assert (bad.input_path, bad.record) == ("<stdin>", 3) and "bad JSON" in bad.reason
    (doc,) = stdin_items(gzip.compress(b'{"guid": "g", "body": "A strike hit a depot."}\n'), fields=FEED)
    assert doc.doc_id == "g"


def test_stdin_lines_are_bounded_and_read_once():
    data = json.dumps({"id": "big", "text": "x" * 100_000}).encode() + b"\n" + b'{"id": "ok", "text": "Fine."}\n'
    big, ok = stdin_items(data, max_chars=100)
    assert isinstance(big, Reject) and "longer than the limit" in big.reason and ok.doc_id == "ok"
    items = list(iter_inputs(["-", "-"], stdin=io.BufferedReader(io.BytesIO(b'{"id": "a", "text": "b"}\n'))))
    assert [i.doc_id for i in items] == ["a"]   # named twice, read once


def test_json_array_of_records(tmp_path):
    f = tmp_path / "dump.json"
    f.write_text(json.dumps([{"uuid": "a1", "content": "Protesters gathered in Amman, \"peacefully\"."},
                             [1], {"uuid": "a2"}, {"uuid": "a3", "content": "Clashes near Daraa [photos]."}],
                            ensure_ascii=False, indent=1), encoding="utf-8")
    items = read(f, fields={"id": "uuid", "text": "content"})
    assert [i.doc_id if isinstance(i, Document) else i.record for i in items] == ["a1", 2, 3, "a3"]
    assert items[0].text.endswith('"peacefully".') and items[0].record == 1


@pytest.mark.parametrize("body, reason", [
    ('{"id": "x", "text": "y"}', "not a JSON array"),
    ('[{"id": "x", "text": "y"}, {"id": "z"', "not closed"),
    ('[{"id": "x", "text": "y"}] []', "after the array"),
    ("", "empty file"),
])
def test_json_files_that_are_not_one_array(tmp_path, body, reason):
    f = tmp_path / "x.json"
    f.write_text(body, encoding="utf-8")
    assert reason in read(f)[-1].reason


def test_json_array_survives_chunk_boundaries(tmp_path, monkeypatch):
    records = [{"id": f"r{i}", "text": f"Line {i} with \\ and \" and ] and }} and , and عربي"} for i in range(40)]
    f = tmp_path / "c.json"
    f.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(jsonarray, "CHUNK", 7)
    assert [(d.doc_id, d.text) for d in read(f)] == [(r["id"], r["text"]) for r in records]


def test_json_array_streams_and_skips_an_oversized_record(tmp_path):
    f = tmp_path / "big.json"
    with f.open("w", encoding="utf-8") as out:
        out.write("[")
        out.write(json.dumps({"id": "huge", "text": "word " * 400_000}))
        for i in range(20_000):
            out.write(", " + json.dumps({"id": str(i), "text": "A convoy reached Idlib today. " * 20}))
        out.write("]")
    assert f.stat().st_size > 13_000_000
    tracemalloc.start()
    count, first = 0, None
    for item in iter_inputs([str(f)], max_chars=100_000):
        first = first or item
        count += 1
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(first, Reject) and "longer than the limit" in first.reason and first.record == 1
    assert count == 20_001
    assert peak < 8_000_000   # far below the file's size: elements are read one at a time
