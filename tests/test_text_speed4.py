"""Speed steps of the text stages (round 4): what they changed must give what was there before."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.dates import find_dates
from coder.pipeline import _dated_tokens, sentences

TEXTS = [
    ("en", "On Monday, 3 March 2014, troops shelled the town; two days later, on March 5, they left."),
    ("en", "Police arrested 12 people in Cairo yesterday and released them on Friday."),
    ("ar", "قصف الجيش السوري مدينة إدلب يوم الاثنين 5 آب 2019 وأمس قتل ثلاثة مدنيين."),
    ("ar", "اعتقلت الشرطة عشرة أشخاص في القاهرة."),
]


@pytest.mark.parametrize("lang,text", TEXTS)
def test_dated_tokens_are_the_tokens_overlapping_a_date(lang, text):
    for sent in sentences(text, lang):
        dates = find_dates(sent.text, lang, dt.date(2019, 8, 6))
        expected = frozenset(i for d in dates for i, t in enumerate(sent.tokens)
                             if t.start < d.end and d.start < t.end)
        assert _dated_tokens(sent.tokens, dates) == expected


def test_code_into_collects_young_objects_less_often_and_restores_the_threshold(tmp_path, monkeypatch):
    import gc

    from coder import runner
    from coder.model import Document
    from coder.pipeline import versions
    from coder.sinks import DatasetWriter

    seen = []
    real = runner.code_checked
    monkeypatch.setattr(runner, "code_checked", lambda *a: seen.append(gc.get_threshold()[0]) or real(*a))
    before = gc.get_threshold()
    docs = [Document(doc_id=f"d{k}", text="Police arrested two men in Mosul.", language="en") for k in range(2)]
    with DatasetWriter(tmp_path / "out", **versions()) as w:
        runner.code_into(w, docs)
    assert seen == [max(before[0], runner.YOUNG_COLLECTION)] * 2
    assert gc.get_threshold() == before


def test_a_worker_collects_young_objects_as_the_one_process_loop_does():
    import gc
    from concurrent.futures import ProcessPoolExecutor

    from coder import parallel, runner

    with ProcessPoolExecutor(1, mp_context=parallel._context(), initializer=parallel._init_worker,
                             initargs=(None,)) as pool:
        young = pool.submit(gc.get_threshold).result()[0]
    assert young == max(gc.get_threshold()[0], runner.YOUNG_COLLECTION)
