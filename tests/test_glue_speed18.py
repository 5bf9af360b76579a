"""The eighteenth speed round's changes to the row, storing and writing glue, each checked against a
copy of the former code (kept below) or against digests of what the code gave before the round
(tests/test_glue_speed15.py's digest of the whole coding: rows as validated and as stored, places,
trace), on hand-written Arabic and English texts."""
from __future__ import annotations

import datetime as dt
from itertools import product
from operator import itemgetter

import pytest

from coder import __version__, tables
from coder.model import Document, EventRow
from coder.pipeline import code_document
from coder.tables import _row_plan, row_values, storable_values
from test_glue_speed15 import _digest

D = dt.date(2022, 5, 14)

# (language, publication date, text, digest of what the code gave before this round, events)
CASES = [
    ("en", D, "Militants who were arrested in Mosul in 2017 attacked a prison in Kirkuk on Friday, police said.",
     "4d958dc7c7509463", 1),
    ("en", D, "Protesters rallied in Basra after the killing of an activist in Nasiriyah, and security forces fired "
     "on them.", "f65905a5b17fbaee", 2),
    ("en", None, "Two years ago the army shelled Idlib, and last week rebels attacked Hama, killing 12 soldiers.",
     "b38cfe8dc04cd0ea", 1),
    ("en", D, "The 2014 massacre in Sinjar was remembered as Iraqi troops raided a village near Tal Afar on Thursday.",
     "6f6fe16ea2db2aa0", 1),
    ("en", D, "Rockets launched from southern Lebanon struck Kiryat Shmona, wounding three people, the army said in "
     "Tel Aviv.", "622cd675667c2872", 1),
    ("en", D, "Since 2011 the conflict has killed 300,000 people in Syria, and on Monday jets bombed Aleppo until dawn.",
     "bfa3c167583d96a9", 1),
    ("en", D, "Egypt condemned the attack in Sinai. The foreign ministry in Cairo urged calm after clashes in Gaza.",
     "2f773d86d6c91d0a", 3),
    ("ar", D, "هاجم مسلحون سجنا في كركوك يوم الجمعة، بعد اعتقال عناصر في الموصل عام 2017، بحسب الشرطة.",
     "239acd8fd884ffba", 1),
    ("ar", D, "تظاهر المئات في البصرة بعد مقتل ناشط في الناصرية، وأطلقت قوات الأمن النار عليهم.",
     "e6dbf66ca34d0d92", 2),
    ("ar", None, "قبل عامين قصف الجيش إدلب، وفي الأسبوع الماضي هاجم مسلحون حماة وقتلوا 12 جنديا.",
     "63520eed4616c469", 1),
    ("ar", D, "أطلقت صواريخ من جنوب لبنان على كريات شمونة فأصيب ثلاثة أشخاص، وقال الجيش في تل أبيب إنه رد.",
     "959bbd436f8cb64b", 1),
    ("ar", D, "منذ عام 2011 قتل النزاع 300 ألف شخص في سوريا، والاثنين قصفت طائرات حلب حتى الفجر.",
     "45b8f8cc6c55a0cd", 1),
    ("ar", D, "أدانت مصر الهجوم في سيناء. ودعت وزارة الخارجية في القاهرة إلى التهدئة بعد اشتباكات في غزة.",
     "60269e4b887292e5", 2),
    ("en", D, "The weather in Amman was calm on Sunday.", "90e142a984157c7a", 0),
]


@pytest.mark.parametrize("lang, published, text, digest, n_events", CASES)
def test_coding_as_before_the_round(lang, published, text, digest, n_events):
    assert _digest(lang, published, text) == (digest, n_events)


# ---------------------------------------------------------------- the storing check's quick path

_FORMER_PLANS: dict[str, dict] = {}


def _former_plain_values(table, rows):
    """tables._plain_values as it was before this round: a list of the rows' tuples, then a loop that
    tests each row, its strings joined and tested a row at a time."""
    values = row_values(table)
    plans = _FORMER_PLANS.get(table) or _FORMER_PLANS.setdefault(table, {})
    out = [values(r.__dict__) for r in rows]
    for row in out:
        types = tuple(map(type, row))
        try:
            plan = plans[types]
        except KeyError:
            plan = plans[types] = _row_plan(table, types)
        if plan is None:
            return None
        ints, strings = plan
        for i, low, high in ints:
            if not low <= row[i] <= high:
                return None
        text = "".join(strings(row))
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                return None
    return out


def _coded_rows():
    """(table, rows) of the coded hand-written texts: documents, events and quantities."""
    out = []
    for lang, published, text, _, _ in CASES:
        coded = code_document(Document(doc_id=f"d-{lang}", text=text, language=lang, published=published),
                              coded_at=dt.datetime(2001, 2, 3))
        out += [("documents", [coded.document]), ("events", coded.events), ("event_quantities", coded.quantities)]
    return out


def _spoilt(row, **changes):
    """The row with some values set without validation (as a caller's model_construct or assignment may)."""
    copy = row.model_copy()
    copy.__dict__.update(changes)
    return copy


def test_plain_values_as_the_former_ones():
    """Rows as coded, and rows with a value the table cannot hold in any of their places (a lone
    surrogate, an integer beyond its column, a value of another type), one bad row among good ones
    or alone: the same tuples, or None, as before."""
    coded = _coded_rows()
    events = [e for table, rows in coded if table == "events" for e in rows]
    quantities = [q for table, rows in coded if table == "event_quantities" for q in rows]
    assert len(events) >= 10 and len(quantities) >= 3
    arabic = next(e for e in events if e.language == "ar")
    bad_events = [_spoilt(arabic, evidence="\ud800"), _spoilt(events[0], source_name="x\udfff"),
                  _spoilt(events[0], sentence_index=1 << 40), _spoilt(arabic, quad_class=200),
                  _spoilt(events[0], goldstein="2.0"), _spoilt(arabic, is_background=1)]
    bad_quantities = [_spoilt(quantities[0], value=1 << 70), _spoilt(quantities[0], text="\ud83d")]
    cases = list(coded)
    for bad, good in ((bad_events, events), (bad_quantities, quantities)):
        table = "events" if good is events else "event_quantities"
        for b, k in product(bad, (0, 1, len(good))):
            cases.append((table, good[:k] + [b] + good[k:]))
            cases.append((table, [b]))
    for table, rows in cases:
        expected = _former_plain_values(table, rows)
        assert tables._plain_values(table, rows) == expected
        if rows:
            assert (expected is None) == any(r in bad_events + bad_quantities for r in rows)


def test_storable_values_raise_as_before():
    """The full check still names the first value a table cannot hold."""
    event = _coded_rows()[1][1][0]
    with pytest.raises(UnicodeEncodeError):
        storable_values("events", [event, _spoilt(event, evidence="\ud800")])
    with pytest.raises(ValueError, match="32-bit"):
        storable_values("events", [_spoilt(event, sentence_index=1 << 40)])
    assert storable_values("events", [event]) == [itemgetter(*EventRow.model_fields)(event.__dict__)]
    assert storable_values("event_quantities", []) == []


# ---------------------------------------------------------------- event ids from the codes read once

def _former_event_id(doc_id, sha, sentence_index, c):
    """rows.event_id as it was before this round: the actors' codes read from the candidate."""
    import hashlib
    source = c.source.code.code or "" if c.source else ""
    target = c.target.code.code or "" if c.target else ""
    key = f"{doc_id}|{sha}|{sentence_index}|{c.evidence_start}|{c.code}|{source}|{target}|{__version__}"
    return hashlib.sha256(key.encode()).hexdigest()[:24]


def test_event_ids_as_the_former_ones():
    """Every event candidate of the hand-written texts (with and without a source or a target): the
    id from the codes rows_for reads is the former id, and the rows carry those ids."""
    from coder.pipeline import document_sha, drop_repeat_mentions, resolve_document
    from coder.rows import event_id, rows_for
    seen = set()
    for lang, published, text, _, _ in CASES:
        doc = Document(doc_id=f"d-{lang}", text=text, language=lang, published=published)
        sha = document_sha(doc)
        lang, results, _, focus, actor_focus = resolve_document(doc)
        drop_repeat_mentions(results)
        expected = set()
        for r in results:
            for c in r.analysis.events:
                codes = tuple(a.code.code if a is not None else None for a in (c.source, c.target))
                assert event_id(doc.doc_id, sha, r.sentence.index, c, *codes) == \
                    _former_event_id(doc.doc_id, sha, r.sentence.index, c)
                expected.add(_former_event_id(doc.doc_id, sha, r.sentence.index, c))
                seen.add(tuple(code is None for code in codes))
        events, _ = rows_for(doc, lang, sha, results, focus, actor_focus)
        assert {e.event_id for e in events} <= expected
    assert {(False, False), (False, True)} <= seen   # with and without a target


# ---------------------------------------------------------------- CAMEO entries read from the table

def test_rows_read_cameo_entries_as_lookup_does(monkeypatch):
    """The row stage reads each event's CAMEO entry from the table: the same entry as lookup(), and
    lookup()'s error for a code not in the table."""
    from coder import rows
    from coder.cameo import codes, lookup
    from coder.pipeline import document_sha, drop_repeat_mentions, resolve_document
    assert all(codes().get(code) is lookup(code) for code in codes())
    lang, published, text = CASES[1][:3]
    doc = Document(doc_id="d", text=text, language=lang, published=published)
    lang, results, _, focus, actor_focus = resolve_document(doc)
    drop_repeat_mentions(results)
    events, _ = rows.rows_for(doc, lang, document_sha(doc), results, focus, actor_focus)
    assert [(e.event_code, e.event_root_code, e.event_base_code, e.quad_class, e.goldstein) for e in events] == \
        [(c, lookup(c).root, lookup(c).base, lookup(c).quad_class, lookup(c).goldstein)
         for c in (e.event_code for e in events)]
    results[0].analysis.events[0].code = "999"
    with pytest.raises(KeyError, match="'999' is not a CAMEO event code"):
        rows.rows_for(doc, lang, document_sha(doc), results, focus, actor_focus)
