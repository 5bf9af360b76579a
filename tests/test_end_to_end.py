"""The command line on messy input, reruns and a killed run (SPEC §2-§3): nothing lost, nothing
duplicated. Sentences are written for these tests."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from coder.cli import main

GOOD_EN = "Syrian troops shelled rebel positions near Idlib on Monday, killing five fighters."
GOOD_AR = "اعتقلت الشرطة العراقية ثلاثة مسلحين في الموصل أمس."


def broken_inputs(folder: Path) -> dict[str, int]:
    """A JSONL file with every kind of bad record beside good ones, and a Latin-1 text file.
    Returns how many records each file holds."""
    lines = [
        json.dumps({"id": "good-en", "text": GOOD_EN, "date": "2024-03-05", "language": "en"}),
        json.dumps({"id": "good-ar", "text": GOOD_AR, "date": "2024-03-05"}, ensure_ascii=False),
        '{"id": "broken", "text": "unterminated',                                   # bad JSON
        json.dumps(["not", "an", "object"]),                                          # not an object
        json.dumps({"text": "Police arrested two men."}),                             # missing id
        json.dumps({"id": "no-text"}),                                                # missing text
        json.dumps({"id": "empty", "text": ""}),                                      # empty text
        json.dumps({"id": "bad-date", "text": GOOD_EN, "date": "32/13/2024"}),        # bad date
        json.dumps({"id": "controls", "text": "Gunmen\x00 attacked\x07 a\u202e checkpoint\x1b in Kirkuk."}),
        json.dumps({"id": "huge", "text": "Protesters marched. " * 110_000}),       # 2.2 MB
        json.dumps({"id": "emoji", "text": "🙂 Iraqi police arrested 3 smugglers 🙂 in Basra."}),
    ]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Les soldats fran\xe7ais ont arr\xeat\xe9 deux hommes.".encode("latin-1"))
    return {"news.jsonl": len(lines), "latin1.txt": 1}


def table(out: Path, sql: str):
    con = duckdb.connect()
    for t in ("events", "documents", "rejects"):
        con.execute(f"create view {t} as select * from read_parquet('{out}/{t}/**/*.parquet', hive_partitioning = true)")
    return con.execute(sql).fetchall()


def test_broken_records_coded_twice_lose_nothing_and_duplicate_nothing(tmp_path):
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    counts = broken_inputs(inputs)
    assert main(["code", str(inputs), "--out", str(out), "--quiet"]) == 1   # 1: some records rejected
    first = table(out, "select event_id from events order by event_id")
    docs = {r[0] for r in table(out, "select doc_id from documents")}
    rejects = table(out, "select input_path, record, reason from rejects")
    # every input record is either a coded document or a reject with a reason
    assert len(docs) + len(rejects) == sum(counts.values())
    assert {"good-en", "good-ar", "controls", "emoji"} <= docs
    reasons = " ".join(r[2] for r in rejects).lower()
    for word in ("json", "object", "id", "text", "date", "utf-8"):
        assert word in reasons, f"no reject reason mentions {word!r}: {reasons}"
    assert len(first) >= 2 and len(set(first)) == len(first)
    # the second run codes nothing again, rejects nothing twice, duplicates no event
    assert main(["code", str(inputs), "--out", str(out), "--quiet"]) == 1
    assert table(out, "select event_id from events order by event_id") == first
    assert len(table(out, "select * from rejects")) == len(rejects)
    assert len(table(out, "select * from documents")) == len(docs)


def corpus(path: Path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            text = (f"Turkish forces shelled {i + 2} villages near Afrin on Friday. " if i % 2 else
                    f"قصفت القوات التركية {i + 2} قرى قرب عفرين يوم الجمعة. ") * 3
            f.write(json.dumps({"id": f"d{i}", "text": text, "date": "2021-05-10"}, ensure_ascii=False) + "\n")


def test_a_killed_run_completed_by_a_rerun_gives_the_events_of_a_clean_run(tmp_path):
    src = tmp_path / "corpus.jsonl"
    corpus(src, 400)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    assert main(["code", str(src), "--out", str(clean), "--quiet"]) == 0
    cmd = [sys.executable, "-m", "coder.cli", "code", str(src), "--out", str(killed), "--batch", "10", "--quiet"]
    child = subprocess.Popen(cmd, cwd=Path(__file__).resolve().parent.parent)
    deadline = time.time() + 60
    while time.time() < deadline and not list((killed / "documents").glob("part-*[1-9]*.parquet")):
        time.sleep(0.05)   # wait until a batch is committed (part 0 is the empty placeholder), then kill
    # at once: on a quiet machine the compiled coder commits the other 390 documents in well under 0.3 s
    child.send_signal(signal.SIGKILL)
    child.wait()
    partial = table(killed, "select count(*) from documents")[0][0]
    assert 0 < partial < 400, f"the kill should land mid-run ({partial} documents committed)"
    assert main(["code", str(src), "--out", str(killed), "--quiet"]) == 0
    want = table(clean, "select event_id, event_code, source_code, target_code from events order by event_id")
    assert table(killed, "select event_id, event_code, source_code, target_code from events order by event_id") == want


def test_lexicon_check_with_no_language_checks_both(capsys):
    """`coder lexicon check` as the README gives it: every dictionary and supporting file of both languages."""
    assert main(["lexicon", "check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ar: ok") and "\nen: ok" in out and "5 supporting files" in out
    assert main(["lexicon", "check", "xx"]) == 2
