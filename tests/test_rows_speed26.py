"""The twenty-sixth speed round of the row stage (coder/rows.py, rows_for), each change checked against
a copy of the logic it replaces, and the rows of documents written for these tests against digests of
what the code before the round made of them:
- the actors' codes for the id and the row read by ActorCode.code's concatenation written out, not
  through the property;
- `_located` called only for a role-only actor (no country, no group): for any other it gave the
  actor back unchanged;
- an event with a place, a count or a date of its own is not asked whether its act is named in
  general: `unanchored`, asked after it, is false for such an event;
- in a sentence that names no place, an event's place is the document's, coarser, made once a
  document (the answer of _event_place's first test), and no origin of fire is looked for;
- `_years_back` is not called without a stand-in reading (it answered False)."""
from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from types import SimpleNamespace

import pytest

from coder import rows
from coder.model import Actor, ActorCode, Document, Place, PlaceMention
from coder.pipeline import code_document
from coder.rules.reality import unanchored

_PARTS = (None, "", "SYR", "ISI", "MIL", "GOV")


def _code_as_written_out(code: ActorCode):
    """The concatenation rows_for now writes out for an actor's code."""
    return (code.country or "") + (code.group or "") + (code.role or "") or None


@pytest.mark.parametrize("country, group, role", list(itertools.product(_PARTS, repeat=3)))
def test_code_written_out_is_the_property(country, group, role):
    code = ActorCode(country, group, role)
    assert _code_as_written_out(code) == code.code


def _former_located(actor, where):
    """rows._located as rows_for called it before the round: for every actor, when the event has a place."""
    return rows._located(actor, where) if actor is not None else None


def _located_now(actor, where):
    """The gate rows_for asks before calling rows._located now."""
    if actor is None:
        return None
    code = actor.code
    return rows._located(actor, where) if code.role and not (code.country or code.group) else actor


_WHERES = [Place("geonames:1", "Kirkuk", "IRQ", None, 35.4, 44.4, "locality"),
           Place("local:x", "Somewhere", None, None, 0.0, 0.0, "locality"),
           Place("region:mea", "Middle East", "MEA", None, 29.0, 41.0, "region"),
           Place("geonames:2", "Gaza", "PS", None, 31.5, 34.5, "locality")]


@pytest.mark.parametrize("country, group, role", list(itertools.product(_PARTS, repeat=3)))
def test_located_gate_gives_what_located_gave(country, group, role):
    actor = Actor(ActorCode(country, group, role), "gunmen", 1, 1, 5, 11)
    for where in _WHERES:
        now, before = _located_now(actor, where), _former_located(actor, where)
        assert now == before
        if before is actor:
            assert now is actor
    assert _located_now(None, _WHERES[0]) is None


_MENTION = PlaceMention(_WHERES[0], 3, 9, "Kirkuk")
_DATE = rows.find_dates("killed on 5 March 2021", "en", dt.date(2021, 3, 9))[0]


@pytest.mark.parametrize("place, quantities, date",
                         list(itertools.product((None, _MENTION), ((), ("q",)), (None, _DATE))))
def test_unanchored_needs_no_place_count_or_date(place, quantities, date):
    """The gate rows_for asks first (no place, no count, no date) is implied by unanchored itself."""
    for source, target in itertools.product((None, "actor"), repeat=2):
        if unanchored(source, target, place, quantities, date):
            assert place is None and not quantities and date is None


@pytest.mark.parametrize("focus", [None, *_WHERES, Place("local:y", "Camp", "SYR", None, 0.0, 0.0, "site")])
def test_no_place_answer_is_event_places_first_test(focus):
    """rows_for's answer for a sentence that names no place, made once a document, is what
    _event_place gave for each of its events."""
    unplaced = (None, rows.COARSER.get(focus.precision, "country") if focus is not None else None)
    sentence = SimpleNamespace(places=[])
    for root in ("01", "19", "14"):
        assert rows._event_place(sentence, None, [root], root, focus, None) == unplaced
    assert rows.launched_from(sentence, None, "ar") is None and rows.launched_from(sentence, None, "en") is None


def test_years_back_without_a_reading_is_false():
    assert rows._years_back(None, None, None) is False


# ---------------------------------------------------------------- rows of written documents

DOCUMENTS = [
    # (doc id, language, publication date, text)
    ("ar-generic", "ar", None, "القتل جريمة لا تغتفر. التفجيرات تنشر الخوف بين الناس."),
    ("ar-generic-dated", "ar", dt.date(2021, 3, 9), "القتل جريمة لا تغتفر، والهجوم وقع في مديرية ميدان شار أمس."),
    ("ar-role-only", "ar", dt.date(2020, 6, 2), "قتل مسلحون خمسة مدنيين في كركوك يوم الاثنين."),
    ("ar-role-only-undated", "ar", None, "هاجم مسلحون نقطة تفتيش للشرطة في الموصل وقتلوا ثلاثة من عناصرها."),
    ("ar-fired-from", "ar", dt.date(2019, 8, 5), "أطلقت صواريخ من جنوب لبنان على شمال إسرائيل، وردت القوات الإسرائيلية بقصف مدفعي."),
    ("ar-named", "ar", dt.date(2018, 1, 20), "اعتقلت قوات الأمن العراقية عشرين متظاهرا في البصرة بعد اشتباكات مع الشرطة."),
    ("ar-statement", "ar", None, "قالت وزارة الخارجية السورية إنها تدين الغارات الإسرائيلية على دمشق."),
    ("ar-habit", "ar", None, "طاغية يقتل البشر بطائراته ويهدم البيوت."),
    ("ar-two-sentences", "ar", dt.date(2022, 11, 1),
     "شن الجيش غارات على مواقع المتمردين قرب الحدود. وقتل في الغارات عشرة مسلحين بحسب مصادر محلية."),
    ("en-role-only", "en", dt.date(2019, 8, 5), "Five civilians were killed by gunmen in Kirkuk on Monday."),
    ("en-police", "en", None, "Police fired tear gas at protesters in Tehran after the funeral of a woman who died in custody."),
    ("en-fired-from", "en", dt.date(2021, 5, 12), "Militants fired rockets from Gaza at Israeli towns, and Israeli jets struck targets in Gaza."),
    ("en-statement", "en", dt.date(2020, 2, 3), "Turkey condemned the attack on its soldiers in Idlib and threatened to retaliate."),
    ("en-undated-history", "en", None, "Soldiers shelled the village two years ago, killing 12 people, officials said."),
    ("en-bombings", "en", None, "Bombings spread fear across the region."),
]

# sha-256 (first 16 hex digits) of each document's rows (rows_digest) as the code before the round made them
DIGESTS = {
    "ar-generic": "e169dd034e9d3fb8",
    "ar-generic-dated": "4ed095f69094fe77",
    "ar-role-only": "78e89c0677234c51",
    "ar-role-only-undated": "ed1f64a621b69481",
    "ar-fired-from": "83e2409c507e421a",
    "ar-named": "2e75b95f84816241",
    "ar-statement": "44f05649dd4c1c08",
    "ar-habit": "b3ffeb699fc8d378",
    "ar-two-sentences": "4967ca068f5bc1fc",
    "en-role-only": "e40b825aca55d22e",
    "en-police": "381ca9be0309a3e4",
    "en-fired-from": "a03ff33e2ecb2834",
    "en-statement": "071c09add2e2bde6",
    "en-undated-history": "c466cb6025283baf",
    "en-bombings": "bbd0ead7ad73ebbc",
}


def rows_digest(coded) -> str:
    """The rows' values, fields set and types, in order (event rows, then quantity rows)."""
    parts = []
    for row in list(coded.events) + list(coded.quantities):
        values = row.model_dump()
        parts.append([type(row).__name__, sorted(row.model_fields_set),
                      {k: [repr(v), type(v).__name__] for k, v in values.items()}])
    parts.append(coded.document.n_events)
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:16]


def _coded(doc_id, lang, published, text):
    return code_document(Document(doc_id=doc_id, text=text, language=lang, published=published),
                         coded_at=dt.datetime(2000, 1, 1))


@pytest.mark.parametrize("doc_id, lang, published, text", DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_rows_as_before_the_round(doc_id, lang, published, text):
    assert rows_digest(_coded(doc_id, lang, published, text)) == DIGESTS[doc_id]


def test_documents_exercise_the_changes(monkeypatch):
    """The documents hold what the changes touch: role-only actors placed, an act named in general
    and not coded, events with and without a place of their own."""
    placed, not_coded = [], []
    former_located = rows._located

    def located(actor, where):
        out = former_located(actor, where)
        placed.append(out is not actor)
        return out

    def unanchored_seen(*args):
        out = unanchored(*args)
        not_coded.append(out)
        return out
    monkeypatch.setattr(rows, "_located", located)
    monkeypatch.setattr(rows, "unanchored", unanchored_seen)
    coded = [_coded(*d) for d in DOCUMENTS]
    assert any(placed) and any(not_coded) and not all(not_coded)
    assert any(e.location_name for c in coded for e in c.events)
    assert any(e.location_name is None for c in coded for e in c.events)
    assert sum(len(c.events) for c in coded) >= 15
