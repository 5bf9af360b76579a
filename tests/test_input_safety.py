"""Inputs that used to hang, balloon or vanish: each is read or rejected with a reason, quickly and in
bounded memory; and the `coder code` exit statuses in every such case."""
from __future__ import annotations

import gzip
import json
import os
import threading
import tracemalloc
from pathlib import Path

import pytest

from coder.cli import main
from coder.ingest import iter_inputs
from coder.model import Document, Reject
from coder.sinks import DatasetWriter


def read(*paths, **kw):
    return list(iter_inputs([str(p) for p in paths], **kw))


def reasons(items):
    return [i.reason for i in items if isinstance(i, Reject)]


def read_with_deadline(paths, seconds=10, **kw):
    """Read in a thread: a reader that blocks (a FIFO, /dev/zero) fails the test instead of hanging it."""
    out = {}
    t = threading.Thread(target=lambda: out.setdefault("items", read(*paths, **kw)), daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "the reader hung"
    return out["items"]


def test_a_fifo_and_links_to_devices_are_rejected_without_being_opened(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.jsonl")
    os.symlink("/dev/zero", folder / "zero.jsonl")
    os.symlink("/dev/null", folder / "null.txt")
    (folder / "ok.txt").write_text("The army shelled the town.")
    items = read_with_deadline([folder])
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["ok"]
    why = reasons(items)
    assert len(why) == 3 and all("regular files only" in r for r in why)
    assert any("FIFO" in r for r in why) and any("character device" in r for r in why)
    # named directly, too
    assert "regular files only" in reasons(read_with_deadline([folder / "pipe.jsonl"]))[0]


def test_an_unreadable_folder_is_a_reject(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text("Police arrested two men.")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)   # root reads any folder: stand in for chmod 000
    items = read(folder)
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["a"]
    assert any("folder cannot be read" in r and "Permission denied" in r for r in reasons(items))


def test_an_unclosed_csv_quote_is_rejected_with_its_line(tmp_path):
    f = tmp_path / "news.csv"
    f.write_text('id,text\n1,"A fine row."\n2,"This quote is never closed.\n3,Swallowed row.\n4,Another.\n')
    items = read(f)
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["1"]
    why = reasons(items)
    assert len(why) == 1 and "unclosed quote" in why[0] and "line 3" in why[0]


def test_a_stray_quote_inside_a_field_is_a_row_reject_and_the_file_goes_on(tmp_path):
    f = tmp_path / "news.csv"
    f.write_text('id,text\n1,"Closed" then text\n2,Next row.\n')
    items = read(f)
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["2"]
    assert "check its quotes" in reasons(items)[0]


def test_a_huge_single_line_gzip_is_rejected_in_bounded_memory(tmp_path):
    for name in ("big.csv.gz", "big.jsonl.gz"):
        f = tmp_path / name
        with gzip.open(f, "wb", compresslevel=1) as g:
            if name.endswith("csv.gz"):
                g.write(b"id,text\n1,")
            else:
                g.write(b'{"id": "1", "text": "')
            chunk = b"x" * (1 << 20)
            for _ in range(64):   # 64 MB on one line, max_chars 1000
                g.write(chunk)
            g.write(b"\n2,ok\n" if name.endswith("csv.gz") else b'"}\n{"id": "2", "text": "ok"}\n')
        tracemalloc.start()
        items = read(f, max_chars=1000)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert peak < 8 << 20, f"{name}: peak {peak} bytes"
        assert [i.doc_id for i in items if isinstance(i, Document)] == ["2"]
        assert "longer than the limit" in reasons(items)[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_encodings_are_read_from_their_byte_order_mark(tmp_path, encoding):
    text = "قصف الجيش المدينة"
    bom = {"utf-16-be": "\ufeff"}.get(encoding, "")
    (tmp_path / "a.jsonl").write_bytes((bom + json.dumps({"id": "j", "text": text}, ensure_ascii=False)
                                        + "\n").encode(encoding))
    (tmp_path / "b.csv").write_bytes((bom + f"id,text\nc,{text}\n").encode(encoding))
    (tmp_path / "t.txt").write_bytes((bom + text).encode(encoding))
    items = read(tmp_path)
    assert not reasons(items)
    assert [(i.doc_id, i.text) for i in items] == [("j", text), ("c", text), ("t", text)]


def test_a_broken_utf16_file_is_one_reject(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_bytes(b"\xff\xfe" + '{"id": "1", "text": "ok"}\n'.encode("utf-16-le") + b"\x00\xd8")   # lone surrogate
    items = read(f)
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["1"]
    assert len(reasons(items)) == 1


def _code(tmp_path, *inputs, out=None):
    return main(["code", *map(str, inputs), "--out", str(out or tmp_path / "out"), "--quiet"])


def test_exit_statuses(tmp_path, capsys):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g", "text": "Police arrested two men.", "date": "2019-08-05"}) + "\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    assert _code(tmp_path, good) == 0
    assert _code(tmp_path, good, bad) == 1
    assert main(["code", str(tmp_path / "missing"), "--out", str(tmp_path / "o2"), "--quiet"]) == 1
    capsys.readouterr()
    with DatasetWriter(tmp_path / "out", "x", "y"):   # another run holds the folder
        assert _code(tmp_path, good) == 2
    err = capsys.readouterr().err
    assert "another run is writing" in err and "Traceback" not in err
    (tmp_path / "file").write_text("x")
    assert _code(tmp_path, good, out=tmp_path / "file") == 2
    assert main(["query", "COPY events TO 'x.csv'", "--data", str(tmp_path / "out")]) == 2
    assert main(["query", "SELECT 1", "--data", str(tmp_path / "none")]) == 2
    assert main(["verify", "--data", str(tmp_path / "out")]) == 0
    (tmp_path / "out" / "events" / "junk.parquet").write_bytes(b"junk")
    assert main(["verify", "--data", str(tmp_path / "out")]) == 1
    assert main(["verify", "--data", str(tmp_path / "out"), "--repair"]) == 0
    assert main(["verify", "--data", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_a_publication_date_of_year_1_or_9999(tmp_path):
    f = tmp_path / "edge.jsonl"
    f.write_text("\n".join(json.dumps({"id": d, "text": "The army shelled the town yesterday, a week after "
                                       "last year's talks. Three days ago police arrested two men.", "date": d})
                           for d in ("0001-01-01", "9999-12-31")) + "\n")
    assert _code(tmp_path, f) == 0


def test_an_output_folder_inside_an_input_folder_is_not_read(tmp_path):
    (tmp_path / "news.txt").write_text("Police arrested two men.")
    assert _code(tmp_path, tmp_path, out=tmp_path / "out") == 0
    assert _code(tmp_path, tmp_path, out=tmp_path / "out") == 0   # the dataset's own files are not input
