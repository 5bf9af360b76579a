"""A small coded dataset for the tests of the report, the exports, the code tables and the README's
commands: news-like documents written for these tests (Arabic and English), a document with no event,
one that recalls history and one unreadable record."""
from __future__ import annotations

import json
from pathlib import Path

from coder.cli import main

DOCUMENTS = [
    {"id": "s-en-1", "date": "2021-03-01", "language": "en", "title": "Strike near Idlib", "source": "sample wire",
     "url": "https://news.example.org/a1",
     "text": "Syrian warplanes bombed the town of Maarat al-Numan on Sunday, killing seven civilians. "
             "Rebels shelled army positions near Saraqib."},
    {"id": "s-en-2", "date": "2021-03-09", "language": "en", "source": "sample wire",
     "text": "Police arrested 40 protesters in Baghdad on Monday. "
             "Hundreds of people protested in Basra against power cuts."},
    {"id": "s-en-3", "date": "2021-03-16", "language": "en",
     "text": "The Turkish foreign minister met his Russian counterpart in Ankara on Tuesday. "
             "Gunmen killed three soldiers at a checkpoint in Kirkuk."},
    {"id": "s-en-4", "date": "2021-03-20", "language": "en",
     "text": "The weather in the region stayed mild this week, and markets were busy."},
    {"id": "s-en-5", "date": "2021-03-25", "language": "en",
     "text": "Islamic State fighters killed dozens of soldiers at a base near Tikrit in June 2014."},
    {"id": "s-ar-1", "date": "2021-03-02", "language": "ar",
     "text": "قتل خمسة مدنيين في قصف على مدينة إدلب يوم الاثنين. وطالبت الأمم المتحدة بوقف إطلاق النار."},
    {"id": "s-ar-2", "date": "2021-03-23", "language": "ar",
     "text": "اعتقلت قوات الأمن العراقية عشرين شخصا في الموصل أمس."},
]
NO_EVENT_DOC = "s-en-4"
BACKGROUND_DOC = "s-en-5"   # history: an event dated years before publication (is_background)


def make_dataset(folder: Path) -> Path:
    """Code DOCUMENTS (and one record without an id, which is rejected) into folder/data."""
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "sample.jsonl"
    lines = [json.dumps(d, ensure_ascii=False) for d in DOCUMENTS] + ['{"id": "", "text": "no id here"}']
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = folder / "data"
    assert main(["code", str(src), "--out", str(out), "--quiet"]) == 1   # 1: the run had a reject
    return out
