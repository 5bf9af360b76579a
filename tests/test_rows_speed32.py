"""The thirty-second speed round of the run around the coding, checked against the former logic:
- coded_at's clock (pipeline._coded_now) below Python 3.12 is datetime.utcnow, one C call, where it
  was _utc_now's reading of now(timezone.utc) moved onto the naive epoch: the same naive UTC time,
  between two readings of the former clock made around it;
- the storing check of the run's loop (runner._stored_values) does not test the events' sentence and
  evidence, slices of the document's text, for a lone surrogate where hashing the text
  (pipeline.document_sha, now by strict UTF-8 first) found none in it
  (pipeline.text_has_no_surrogate), nor the values the coder makes itself (the event's id, a hex
  digest; the document's id, the documents row's; the CAMEO codes; the coder version): the same
  hashes as the former document_sha, kept here, and the same rows stored or refused as by the
  former check, over texts written for these tests, clean and holding a lone surrogate, and rows
  spoilt in each string column;
- the JSON lines reader with no field map takes each record as read, not through FieldMap.pick
  (which gave it back): the same Documents and Rejects as through pick."""
from __future__ import annotations

import datetime as dt
import sys
import warnings

import pyarrow as pa
import pytest

import hashlib
import json
import re
from dataclasses import replace

from coder import __version__, ingest, pipeline, runner, tables
from coder.cameo import codes as cameo_codes
from coder.ingest.fields import FieldMap
from coder.model import Document
from coder.runner import code_checked
from coder.tables import schema

DAY = dt.date(2019, 8, 12)


def _former_clock() -> dt.datetime:
    """pipeline._utc_now as coded_at read it before this round."""
    epoch, epoch_utc = dt.datetime(1970, 1, 1), dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
    return epoch + (dt.datetime.now(dt.timezone.utc) - epoch_utc)


def test_coded_at_clock_is_the_former_clock():
    for _ in range(200):
        before = _former_clock()
        with warnings.catch_warnings():
            warnings.simplefilter("error")   # (never a deprecated call)
            got = pipeline._coded_now()
        after = _former_clock()
        assert got.__class__ is dt.datetime and got.tzinfo is None
        assert before <= got <= after


def test_coded_at_clock_by_python_version():
    if sys.version_info < (3, 12):
        assert pipeline._coded_now == dt.datetime.utcnow
    else:
        assert pipeline._coded_now is pipeline._utc_now


@pytest.mark.parametrize("as_values", [False, True])
def test_a_documents_coded_at_is_read_from_that_clock(as_values):
    doc = Document(doc_id="d", text="Syrian troops shelled Idlib on Monday.", language="en", published=DAY)
    before = _former_clock()
    coded = pipeline.code_document(doc, as_values=as_values)
    after = _former_clock()
    coded_at = coded[0][10] if as_values else coded.document.coded_at
    assert coded_at.__class__ is dt.datetime and coded_at.tzinfo is None and before <= coded_at <= after
    given = dt.datetime(2001, 2, 3, 4, 5, 6)
    coded = pipeline.code_document(doc, coded_at=given, as_values=as_values)
    assert (coded[0][10] if as_values else coded.document.coded_at) == given


# ---------------------------------------------------------------- the text's slices in the storing check

def _former_sha(doc: Document) -> str:
    """pipeline.document_sha before this round."""
    return hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()


TEXTS = [
    ("en", "Syrian troops shelled the town of Idlib on Monday, killing five civilians. Rebels answered "
           "with rockets on Tuesday."),
    ("en", "Police arrested ten protesters in central Cairo yesterday, and the interior minister "
           "condemned the march."),
    ("ar", "قصف الجيش السوري مدينة إدلب يوم الاثنين وقتل خمسة مدنيين. ورد المسلحون بالصواريخ."),
    ("ar", "اعتقلت الشرطة عشرة متظاهرين في وسط القاهرة أمس، وندد وزير الداخلية بالمسيرة."),
    ("en", "Gunmen killed three soldiers near the border \ud83d on Friday."),
    ("ar", "قتل مسلحون ثلاثة جنود قرب الحدود \udc00 يوم الجمعة."),
    ("en", "The weather was fine \ud83d today."),
    ("ar", "😀 قصف الجيش السوري مدينة إدلب يوم الاثنين."),
]


def _docs() -> list[Document]:
    return [Document(doc_id=f"s{k}", text=text, language=lang, published=DAY, title="عنوان" if k % 2 else None)
            for k, (lang, text) in enumerate(TEXTS)]


def test_the_hash_is_the_former_one_and_tells_of_a_lone_surrogate():
    docs = _docs()
    for doc in docs:
        assert pipeline.document_sha(doc) == _former_sha(doc)
        has_one = any(0xD800 <= ord(ch) <= 0xDFFF for ch in doc.text)
        assert pipeline.text_has_no_surrogate(doc) is (not has_one)
        assert pipeline.document_sha(doc) == _former_sha(doc)   # (the remembered one)
    # (known only of the document hashed last: the last text, clean, a non-BMP character in it)
    assert [pipeline.text_has_no_surrogate(d) for d in docs] == [False] * (len(docs) - 1) + [True]
    pipeline.document_sha(docs[0])
    assert pipeline.text_has_no_surrogate(docs[0]) and not pipeline.text_has_no_surrogate(docs[1])
    assert not pipeline.text_has_no_surrogate(Document(doc_id="s0", text=docs[0].text, language="en"))


def _former_stored_values(rows: tuple, coder_version: str):
    """runner._stored_values before this round: every string of the rows tested."""
    document, events, quantities = rows
    if document[runner._CODER_VERSION] != coder_version:
        return None
    if events or quantities:
        doc_id, ids = document[tables._DOCUMENT_ID], set()
        for e in events:
            if e[tables._EVENT_DOC_ID] != doc_id:
                return None
            ids.add(e[tables._EVENT_ID])
        if len(ids) != len(events):
            return None
        for q in quantities:
            if q[tables._QUANTITY_EVENT_ID] not in ids:
                return None
    strings = []
    for table, rows_of in (("documents", [document]), ("events", events), ("event_quantities", quantities)):
        types = [f.type for f in schema(table)]
        for row in rows_of:
            for value, typ in zip(row, types):
                if typ == pa.string() and value is not None:
                    strings.append(value)
            for value, typ in zip(row, types):
                if pa.types.is_integer(typ) and value is not None and not \
                        -(1 << (typ.bit_width - 1)) <= value < 1 << (typ.bit_width - 1):
                    return None
    try:
        "".join(strings).encode("utf-8")
    except UnicodeEncodeError:
        return None
    return (document, events, quantities)


def _spoilt_events(events: list[tuple]) -> list[list[tuple]]:
    """The events with a lone surrogate put into each string column of one of them in turn (but the
    columns validation holds to literals, which a row made by validating it cannot hold so)."""
    out = []
    for k, field in enumerate(schema("events")):
        if field.type == pa.string() and field.name not in ("language", "date_precision", "geo_precision", "quantity_qualifier"):
            for bad in ("\ud83d", "x\udfff y"):
                value = events[0][k]
                out.append([events[0][:k] + ((value or "") + bad,) + events[0][k + 1:], *events[1:]])
    return out


def test_the_storing_check_stores_and_refuses_as_the_former_one():
    stored = refused = skipped = 0
    for doc in _docs():
        rows = pipeline.code_document(doc, as_values=True)
        checked = pipeline.text_has_no_surrogate(doc)
        assert checked is all(not 0xD800 <= ord(ch) <= 0xDFFF for ch in doc.text)
        cases = [rows] + [(rows[0], events, rows[2]) for events in (_spoilt_events(rows[1]) if rows[1] else [])]
        for case in cases:
            want = _former_stored_values(case, __version__)
            got = runner._stored_values(case, __version__, checked)
            spoilt = [schema("events").names[k] for k, (a, b) in enumerate(zip(case[1][0], rows[1][0])) if a != b] \
                if case[1] else []
            if checked and len(spoilt) == 1 and spoilt[0] in tables.OF_THE_TEXT + tables.OF_THE_CODER \
                    and spoilt != ["doc_id"]:
                # (a text free of lone surrogates has no such slice, the coder makes no such value of
                # its own: the check no longer looks there; another document's id is refused as before)
                # (refused still for what else the spoilt value breaks: a quantity's event by its id)
                k = schema("events").names.index(spoilt[0])
                clean_case = (case[0], [case[1][0][:k] + ("x" + str(k),) + case[1][0][k + 1:], *case[1][1:]], case[2])
                assert want is None and (got is None) is (_former_stored_values(clean_case, __version__) is None)
                skipped += got is not None
                continue
            assert (got is None) is (want is None), (doc.doc_id, spoilt)
            if want is not None:
                assert tuple(got) == want
            assert runner._stored_values(case, __version__) == got   # (the check of every string)
            stored += got is not None
            refused += got is None
    assert stored >= 5 and refused >= 30 and skipped >= 4


def test_a_text_holding_a_lone_surrogate_is_refused_as_before():
    for doc in _docs():
        got = code_checked(doc, __version__)
        if any(0xD800 <= ord(ch) <= 0xDFFF for ch in doc.text) and \
                got.__class__ is not runner.StoredDocument:
            assert "UnicodeEncodeError" in got.reason and "storing" in got.reason
        elif got.__class__ is runner.StoredDocument:
            want = _former_stored_values(pipeline.code_document(doc, coded_at=got.document[10], as_values=True),
                                         __version__)
            assert want is not None and tuple(got) == want
    reasons = [code_checked(doc, __version__) for doc in _docs()[4:6]]
    assert all(r.__class__ is not runner.StoredDocument for r in reasons)


def test_what_the_check_leaves_is_the_texts_or_the_coders():
    """What the storing check leaves untested of the coder's rows where the text is clean is the
    text's own (tables.OF_THE_TEXT: each event's sentence and evidence stand in the document's text
    as they are) or the coder's (tables.OF_THE_CODER: a hex digest, the documents row's id, CAMEO
    codes of its table, all ASCII, the coder version)."""
    # (the actors' names and the place as written left out too since the thirty-third round: see
    # tests/test_rows_speed33.py)
    assert tables.OF_THE_TEXT == ("sentence", "evidence", "source_name", "target_name", "location_text")
    assert tables.OF_THE_CODER == ("event_id", "doc_id", "event_code", "event_base_code", "event_root_code",
                                   "coder_version")
    names = schema("events").names
    column = {name: names.index(name) for name in tables.OF_THE_TEXT + tables.OF_THE_CODER}
    table = cameo_codes()
    assert all(c.isascii() for e in table.values() for c in (e.code, e.base, e.root))
    seen = 0
    for doc in _docs():
        document, events, _ = pipeline.code_document(doc, as_values=True)
        for e in events:
            assert e[column["sentence"]] in doc.text and e[column["evidence"]] in e[column["sentence"]]
            assert re.fullmatch("[0-9a-f]{24}", e[column["event_id"]]) and e[column["doc_id"]] == document[0]
            entry = table[e[column["event_code"]]]
            assert (e[column["event_base_code"]], e[column["event_root_code"]]) == (entry.base, entry.root)
            assert e[column["coder_version"]] == __version__ == document[-1]
            seen += 1
    assert seen >= 6


def test_the_plan_keeps_the_codes_where_the_table_is_not_ascii(monkeypatch):
    from coder import cameo
    names = schema("events").names
    tested = {names[i] for i in _indices(tables._event_strings_of_the_coder())}
    assert {"source_country", "rule_id", "location_name"} <= tested
    assert not tested & set(tables.OF_THE_TEXT + tables.OF_THE_CODER)
    entry = next(iter(cameo_codes().values()))
    monkeypatch.setattr(cameo, "codes", lambda: {"x": replace(entry, root="١")})
    kept = {names[i] for i in _indices(tables._event_strings_of_the_coder())}
    assert kept - tested == {"event_code", "event_base_code", "event_root_code", "coder_version"}


def _indices(getter) -> set[int]:
    """The indices an itemgetter reads (read back by handing it a row of its indices)."""
    return set(getter(range(100)))


# ---------------------------------------------------------------- the JSON lines reader with no field map

_RECORDS = [
    {"id": "r1", "text": "Syrian troops shelled Idlib on Monday.", "date": "2019-08-12", "language": "en"},
    {"id": 2, "text": "قصف الجيش السوري إدلب أمس.", "title": "عنوان", "body": "not the text"},
    {"id": "r3", "text": "   ", "source": "wire"},
    {"id": "r4", "body": "Police arrested ten protesters in Cairo.", "url": "http://x/4"},
    {"id": "r1", "text": "A repeated id."},
    ["not", "an", "object"],
    {"id": "r6", "text": "Bad escape \\ud83d here.", "date": "12/08/2019"},
]


def _read(tmp_path, fields) -> list:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _RECORDS), encoding="utf-8")
    return [(item.__class__.__name__, item.model_dump()) for item in ingest.iter_inputs([str(path)], fields=fields)]


def test_records_read_with_no_field_map_as_through_the_former_pick(tmp_path, monkeypatch):
    now = _read(tmp_path, None)
    asked = []
    former_pick = FieldMap.pick

    def pick(self, record):   # (the former reader called pick on every record, which gave it back)
        asked.append(record)
        return former_pick(self, record)
    monkeypatch.setattr(FieldMap, "pick", pick)
    assert _read(tmp_path, None) == now and not asked
    # (a map that names each field as itself goes through pick, as every record did before)
    assert _read(tmp_path, {f: f for f in ("id", "text")}) == now and len(asked) == len(_RECORDS) - 1
    mapped = _read(tmp_path, {"text": "body"})
    assert mapped != now and [kind for kind, _ in mapped].count("Document") == 2
    assert [kind for kind, _ in now] == ["Document", "Document", "Reject", "Reject", "Reject", "Reject", "Reject"]
