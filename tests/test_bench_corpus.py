"""The benchmark's corpus from JSONL files (benchmarks/newsgen.write_from): repeated to a size, or
each text once (--distinct)."""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import newsgen  # noqa: E402

RECORDS = [
    {"text": "Rebels shelled the airport on Monday.", "language": "en"},
    {"text": "The minister met the envoy in Cairo.", "language": "en", "date": "2024-03-02"},
    {"text": "Rebels shelled the airport on Monday.", "language": "en"},   # the same text in another file
    {"text": "اعتقلت الشرطة ثلاثة أشخاص.", "language": "ar"},
]


def _sources(tmp_path: Path) -> list[str]:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS[:2]), encoding="utf-8")
    b.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS[2:]), encoding="utf-8")
    return [str(a), str(b)]


def _texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_repeated_until_the_size(tmp_path):
    out = tmp_path / "corpus.jsonl"
    written, dropped = newsgen.write_from(out, _sources(tmp_path), 10, lambda text, lang: 1)
    assert (written, dropped) == (10, 0)
    texts = _texts(out)
    assert len(texts) == 10 and texts[:4] == [r["text"] for r in RECORDS]
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(set(ids)) == 10


def test_distinct_gives_each_text_once_and_stops(tmp_path):
    out = tmp_path / "corpus.jsonl"
    written, _ = newsgen.write_from(out, _sources(tmp_path), 10, lambda text, lang: 1, distinct=True)
    assert written == 3
    assert _texts(out) == [RECORDS[0]["text"], RECORDS[1]["text"], RECORDS[3]["text"]]
    # fewer sentences asked than the texts hold: it stops at the size, as without --distinct
    written, _ = newsgen.write_from(out, _sources(tmp_path), 2, lambda text, lang: 1, distinct=True)
    assert written == 2 and len(_texts(out)) == 2


def test_records_refused_are_left_out(tmp_path):
    out = tmp_path / "corpus.jsonl"
    written, dropped = newsgen.write_from(out, _sources(tmp_path), 5, lambda text, lang: 1,
                                          keep=lambda r: r["language"] == "en", distinct=True)
    assert (written, dropped) == (2, 1)
