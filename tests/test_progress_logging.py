"""The progress line (terminal only, throttled, with an ETA when the record count is known) and
--log-level."""
from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from coder.cli import parser
from coder.progress import Progress, count_records

ROOT = Path(__file__).resolve().parent.parent
ENV = dict(os.environ, CODER_CACHE_DIR=os.environ.get("CODER_CACHE_DIR", "/tmp/coder-cache-tests"))


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_progress_line_rate_eta_and_throttle():
    out, clock = io.StringIO(), Clock()
    p = Progress(out, total=100, interval=0.5, clock=clock)
    clock.now += 2
    p.update(20, {"documents": 18, "events": 7, "rejects": 2})
    line = out.getvalue()
    assert "20 records of 100" in line and "10.0 records/s" in line and "7 events" in line
    assert "2 rejects" in line and "ETA 0:00:08" in line
    clock.now += 0.1
    p.update(21, {})
    assert out.getvalue() == line        # redrawn at most every interval
    p.close()
    assert out.getvalue().endswith("\r\x1b[K")
    quiet = io.StringIO()
    Progress(quiet).close()              # nothing drawn, nothing to clear
    assert quiet.getvalue() == ""


def test_no_eta_without_a_total():
    out, clock = io.StringIO(), Clock()
    p = Progress(out, clock=clock)
    clock.now += 1
    p.update(5, {"documents": 5})
    assert "ETA" not in out.getvalue() and "5 records " in out.getvalue()


def test_count_records(tmp_path):
    (tmp_path / "a.txt").write_text("One story.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": 1}\n{"id": 2}\n{"id": 3}', encoding="utf-8")  # no final newline
    pq.write_table(pa.table({"id": ["x", "y"], "text": ["s", "t"]}), tmp_path / "c.parquet")
    assert count_records([str(tmp_path)]) == 6
    (tmp_path / "d.csv").write_text("id,text\n", encoding="utf-8")
    assert count_records([str(tmp_path)]) is None
    assert count_records(["-"]) is None


def test_log_level_before_or_after_the_subcommand():
    assert parser().parse_args(["--log-level", "debug", "describe"]).log_level == "debug"
    assert parser().parse_args(["describe", "--log-level", "info"]).log_level == "info"
    assert parser().parse_args(["describe"]).log_level == "warning"
    assert parser().parse_args(["lexicon", "check", "--log-level", "error"]).log_level == "error"


def _code(args, tmp_path, stderr=subprocess.PIPE, stdin=None):
    return subprocess.run([sys.executable, "-m", "coder.cli", "code", *args], cwd=ROOT, env=ENV,
                          input=stdin, stdout=subprocess.PIPE, stderr=stderr)


def test_piped_run_has_no_progress_and_logs_at_the_level_asked(tmp_path):
    feed = "\n".join(json.dumps({"guid": f"g{i}", "body": "Police in Mosul arrested a smuggler."}) for i in range(3))
    done = _code(["-", "--out", str(tmp_path / "out"), "--field-map", "id=guid,text=body",
                  "--log-level", "info"], tmp_path, stdin=feed.encode())
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "\r" not in err and "coded 3 documents" in err
    assert "coder: INFO coder.ingest: reading JSONL from standard input" in err
    quiet = _code(["-", "--out", str(tmp_path / "out2"), "--field-map", "id=guid,text=body", "--quiet"],
                  tmp_path, stdin=feed.encode())
    assert quiet.returncode == 0 and quiet.stderr == b""


def test_terminal_run_shows_progress_then_the_summary(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps({"id": str(i), "text": "Jordan closed a border crossing."})
                           for i in range(2)) + "\n", encoding="utf-8")
    leader, follower = pty.openpty()
    try:
        # the first record is always drawn (later ones at most twice a second)
        done = subprocess.run([sys.executable, "-m", "coder.cli", "code", str(f), "--out", str(tmp_path / "out")],
                              cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=follower, timeout=300)
        os.close(follower)
        follower = None
        err = b""
        while True:
            try:
                piece = os.read(leader, 65536)
            except OSError:
                break
            if not piece:
                break
            err += piece
    finally:
        if follower is not None:
            os.close(follower)
        os.close(leader)
    text = err.decode()
    assert done.returncode == 0, text
    assert "1 record of 2" in text and "ETA" in text and "\x1b[K" in text
    assert text.rstrip().endswith(f"-> {tmp_path / 'out'}")
