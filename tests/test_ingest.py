"""Input readers: every format, every kind of broken record becomes a Reject that says what to fix."""
from __future__ import annotations

import datetime as dt
import gzip
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from coder.ingest import iter_inputs
from coder.model import Document, Reject

AUG5 = dt.date(2019, 8, 5)


def read(*paths, **kw):
    return list(iter_inputs([str(p) for p in paths], **kw))


def docs(items):
    return [i for i in items if isinstance(i, Document)]


def rejects(items):
    return [i for i in items if isinstance(i, Reject)]


def jsonl(path, *records):
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)
                              for r in records) + "\n", encoding="utf-8")
    return path


def test_jsonl_fields_and_line_numbers(tmp_path):
    f = jsonl(tmp_path / "news.jsonl",
              {"id": "a1", "text": "Troops entered the town.", "date": "2019-08-05", "language": "en",
               "title": "T", "source": "S", "url": "http://x"},
              "",
              {"id": 7, "text": "قصفت الطائرات القرية.", "date": "2019-08-05T23:30:00-04:00", "language": "AR"})
    out = read(f)
    assert [d.doc_id for d in out] == ["a1", "7"]
    a, b = out
    assert (a.published, a.language, a.title, a.source, a.url, a.record) == (AUG5, "en", "T", "S", "http://x", 1)
    assert (b.published, b.language, b.record) == (AUG5, "ar", 3)   # date as written, not shifted to UTC
    assert b.input_path == str(f)


@pytest.mark.parametrize("line, reason", [
    ('{"id": "x", "text": ', "bad JSON"),
    ('["id", "text"]', "not a JSON object"),
    ('{"text": "no id here"}', "missing id"),
    ('{"id": "", "text": "empty id"}', "missing id"),
    ('{"id": {"a": 1}, "text": "t"}', "id must be a string"),
    ('{"id": "x"}', "missing text"),
    ('{"id": "x", "text": 5}', "text must be a string"),
    ('{"id": "x", "text": "   \\n "}', "empty text"),
    ('{"id": "x", "text": "t", "date": "last Friday"}', "unparseable date"),
    ('{"id": "x", "text": "t", "date": "2019-02-30"}', "unparseable date"),
    ('{"id": "x", "text": "t", "date": 1565000000}', "unparseable date"),
    ('{"id": "x", "text": "t", "title": ["a"]}', "field 'title' must be a string"),
    ('{"id": "x", "text": "bad \\ud83d escape"}', "invalid Unicode"),
])
def test_broken_jsonl_records_are_rejected_with_a_reason(tmp_path, line, reason):
    f = jsonl(tmp_path / "in.jsonl", {"id": "ok", "text": "fine"}, line, {"id": "ok2", "text": "fine"})
    out = read(f)
    assert [d.doc_id for d in docs(out)] == ["ok", "ok2"]   # the run goes on after the bad line
    (r,) = rejects(out)
    assert reason in r.reason and r.record == 2 and r.input_path == str(f)
    assert r.raw == line[:1000]


def test_reject_raw_is_cut_to_1000_characters(tmp_path):
    f = jsonl(tmp_path / "in.jsonl", '{"id": "x", "text": "' + "y" * 5000)
    (r,) = read(f)
    assert len(r.raw) == 1000 and "bad JSON" in r.reason


def test_text_over_the_limit_is_rejected_without_reading_the_whole_line(tmp_path):
    f = jsonl(tmp_path / "in.jsonl", {"id": "big", "text": "w" * 50_000}, {"id": "next", "text": "ok"},
              {"id": "mid", "text": "z" * 900})
    out = read(f, max_chars=1000)
    assert [d.doc_id for d in docs(out)] == ["next", "mid"]
    (r,) = rejects(out)
    assert r.record == 1 and "limit of 1000" in r.reason


def test_latin1_bytes_are_a_reject_not_mojibake(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"id": "a", "text": "caf\xe9 au lait"}\n{"id": "b", "text": "plain"}\n')
    out = read(f)
    assert [d.doc_id for d in docs(out)] == ["b"]
    (r,) = rejects(out)
    assert "not valid UTF-8" in r.reason and "0xe9" in r.reason and r.record == 1
    t = tmp_path / "latin.txt"
    t.write_bytes("déjà vu".encode("latin-1"))
    (r,) = read(t)
    assert isinstance(r, Reject) and "Latin-1" in r.reason and r.doc_id == "latin"


def test_utf8_and_utf16_boms_are_read(tmp_path):
    a = tmp_path / "bom.jsonl"
    a.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "b", "text": "with a BOM"}).encode() + b"\n")
    assert read(a)[0].doc_id == "b"
    t = tmp_path / "bom.txt"
    t.write_bytes(b"\xef\xbb\xbfText after a BOM.")
    assert read(t)[0].text == "Text after a BOM."
    u = tmp_path / "wide.txt"
    u.write_bytes("wide text".encode("utf-16"))   # the issue asks for encodings read from their BOM
    assert read(u)[0].text == "wide text"


def test_gzipped_jsonl_and_a_truncated_gzip(tmp_path):
    good = tmp_path / "a.ndjson.gz"
    with gzip.open(good, "wt", encoding="utf-8") as f:
        for i in range(50):
            f.write(json.dumps({"id": f"g{i}", "text": f"Sentence number {i} about a strike."}) + "\n")
    assert len(docs(read(good))) == 50
    cut = tmp_path / "b.jsonl.gz"
    cut.write_bytes(good.read_bytes()[:-30])
    out = read(cut)
    assert rejects(out) and "unreadable file" in rejects(out)[-1].reason
    assert "complete" in rejects(out)[-1].reason


def test_txt_id_from_stem_and_date_from_name_or_default(tmp_path):
    (tmp_path / "2019-08-02_report.txt").write_text("The envoy arrived.", encoding="utf-8")
    (tmp_path / "undated.txt").write_text("The envoy left.", encoding="utf-8")
    (tmp_path / "2019-13-45-weird.txt").write_text("Not a date in the name.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    out = read(tmp_path, default_date=AUG5, language="en")
    by_id = {i.doc_id: i for i in out}
    assert by_id["2019-08-02_report"].published == dt.date(2019, 8, 2)   # the file's own date wins
    assert by_id["undated"].published == AUG5 and by_id["undated"].language == "en"
    assert by_id["2019-13-45-weird"].published == AUG5
    assert isinstance(by_id["empty"], Reject) and "empty text" in by_id["empty"].reason
    assert by_id["undated"].record == 1 and by_id["undated"].text == "The envoy left."
    assert read(tmp_path / "undated.txt")[0].published is None


def test_csv_rows_quotes_and_bad_rows(tmp_path):
    f = tmp_path / "in.csv"
    f.write_bytes("ID,text,date,language,extra\n"
                  'c1,"Two lines,\nwith a comma",2019-08-05,en,zz\n'
                  "c2,,2019-08-05,en,\n"
                  "c3,Short row\n".encode("utf-8") + b"c4,caf\xe9,,,\n" + "c5,آخر سطر,,ar,\n".encode("utf-8"))
    out = read(f)
    assert [d.doc_id for d in docs(out)] == ["c1", "c3", "c5"]
    c1 = docs(out)[0]
    assert c1.text == "Two lines,\nwith a comma" and c1.published == AUG5 and c1.record == 1
    reasons = {r.record: r.reason for r in rejects(out)}
    assert "empty text" in reasons[2] and "not valid UTF-8" in reasons[4]


def test_csv_without_required_columns_is_one_reject(tmp_path):
    f = tmp_path / "in.csv"
    f.write_text("name,body\na,b\n", encoding="utf-8")
    (r,) = read(f)
    assert "no id or text column" in r.reason


def test_parquet_input_with_typed_dates(tmp_path):
    f = tmp_path / "in.parquet"
    pq.write_table(pa.table({
        "id": pa.array([1, 2, 3], pa.int64()),
        "text": ["First text.", "", "Third text."],
        "date": pa.array([dt.date(2019, 8, 5), None, dt.date(2019, 8, 1)], pa.date32()),
        "language": ["en", "en", "xx"],
    }), f)
    out = read(f, default_date=dt.date(2000, 1, 1))
    d1, r2, d3 = out
    assert (d1.doc_id, d1.published, d1.language, d1.record) == ("1", AUG5, "en", 1)
    assert isinstance(r2, Reject) and r2.record == 2 and "empty text" in r2.reason
    assert d3.language is None and d3.published == dt.date(2019, 8, 1)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(f.read_bytes()[:100])
    (r,) = read(broken)
    assert "unreadable Parquet" in r.reason


def test_duplicate_ids_across_files_keep_the_first(tmp_path):
    jsonl(tmp_path / "a.jsonl", {"id": "same", "text": "first"})
    jsonl(tmp_path / "b.jsonl", {"id": "same", "text": "second"})
    first, dup = read(tmp_path)
    assert first.text == "first" and "duplicate id 'same'" in dup.reason and "a.jsonl" in dup.reason


def test_folders_are_walked_in_sorted_order_skipping_hidden_files(tmp_path):
    for name in ("b.txt", "a.txt", "sub/c.txt", ".hidden.txt", ".git/d.txt", "notes.md"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(f"Text of {name}.", encoding="utf-8")
    out = read(tmp_path, tmp_path / "a.txt")   # a file named twice is read once
    assert [i.doc_id if isinstance(i, Document) else i.reason[:11] for i in out] == \
        ["a", "b", "unsupported", "c"]
    assert read(tmp_path) == out


def test_missing_path_and_unknown_language_option(tmp_path):
    (r,) = read(tmp_path / "nope.jsonl")
    assert "no such file" in r.reason
    with pytest.raises(ValueError, match="language"):
        read(tmp_path, language="fr")


def test_reader_streams_instead_of_loading_the_file(tmp_path):
    f = jsonl(tmp_path / "many.jsonl", *({"id": str(i), "text": "t"} for i in range(1000)))
    it = iter_inputs([str(f)])
    assert next(it).doc_id == "0"   # a generator: nothing after the first line has been parsed
    assert sum(1 for _ in it) == 999
