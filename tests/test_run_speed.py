"""Speed steps of the run around the coding (coder/tables.py, coder/sinks, coder/runner.py): they
must accept and refuse exactly what the slower code did, with the same messages."""
from __future__ import annotations

import pytest

from coder.model import EventRow
from coder.tables import check_storable


def _event(**change) -> EventRow:
    base = dict(event_id="e1", doc_id="d1", sentence_index=0, sentence="قتل ثلاثة جنود", evidence="قتل",
                language="ar", event_code="111", event_base_code="111", event_root_code="11", quad_class=3,
                goldstein=-2.0, rule_id="r", confidence=0.5, coder_version="0")
    return EventRow(**{**base, **change})


class Text(str):
    """A str subclass: not a plain value, left to the full check (which passes it)."""


@pytest.mark.parametrize("rows,error", [
    ([_event(), _event(fatalities=3, latitude=1)], None),
    ([_event(), _event().model_copy(update={"sentence": Text("ok")})], None),
    ([_event().model_copy(update={"goldstein": True})], None),   # (a bool is a number to Arrow)
    # a surrogate pair split over two columns is two lone surrogates: each refused
    ([_event(source_name="\ud83d", target_name="\ude00")], UnicodeEncodeError),
    # the full check names the first column that fails, over all the rows
    ([_event(fatalities=2 ** 63), _event(sentence_index=2 ** 31)], "events.sentence_index: 2147483648 does not fit"),
    ([_event(), _event().model_copy(update={"quad_class": True})], "events.quad_class: bool True in a int column"),
    ([_event(), _event().model_copy(update={"published": "2024-03-04"})], "events.published: str '2024-03-04'"),
])
def test_the_quick_storability_check_agrees_with_the_full_one(rows, error):
    if error is None:
        check_storable("events", rows)
        return
    with pytest.raises((ValueError, TypeError, OverflowError)) as e:
        check_storable("events", rows)
    assert isinstance(e.value, error) if isinstance(error, type) else str(e.value).startswith(error)


def test_the_run_moves_what_it_has_loaded_out_of_the_collectors_sight(tmp_path):
    import datetime as dt
    import gc

    from coder.model import Document
    from coder.pipeline import versions
    from coder.runner import code_into
    from coder.sinks import DatasetWriter
    docs = [Document(doc_id=f"d{k}", text="Syrian troops shelled Idlib on Monday.", language="en",
                     published=dt.date(2019, 8, 5)) for k in range(12)]
    gc.unfreeze()
    try:
        with DatasetWriter(tmp_path / "out", **versions()) as w:
            code_into(w, docs)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_role_only_actor_located_keeps_every_other_field():
    from dataclasses import fields, replace

    from coder.model import Actor, ActorCode, Place
    from coder.rows import _located
    actor = Actor(ActorCode(None, None, "CVL"), "civilians", 3, 3, 20, 29, ("en.agents.civilians",))
    where = Place("geonames:1", "Kirkuk", "IRQ", None, 35.4, 44.4, "locality")
    placed = _located(actor, where)
    assert placed == replace(actor, code=ActorCode("IRQ", None, "CVL"))
    assert [f.name for f in fields(Actor)] == ["code", "name", "first", "last", "start", "end", "rule_ids"]
