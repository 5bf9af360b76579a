"""Speed steps of the reader, the row checks and the writer (coder/model.py, coder/tables.py,
coder/sinks, coder/ingest, coder/runner.py): the short cuts must give what the longer way gave."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import inspect
import pickle

import pytest

from coder import model

_PLACE = model.Place("geonames:1", "Idlib", "SYR", "Idlib Governorate", 35.9, 36.6, "locality")
# (class, positional arguments, keyword arguments): every field given, and only the required ones
_RECORDS = [
    (model.ResolvedDate, (dt.date(2019, 8, 2), "day", 29, 35, "Friday"), {}),
    (model.QuantityValue, (20, "approx", "people", 3, 11, "about 20"), {}),
    (model.Place, ("geonames:1", "Idlib", "SYR", None, 35.9, 36.6, "locality", "PPLA", 165000), {}),
    (model.Place, (), dict(place_id="local:x", name="X", country=None, admin1=None, latitude=1.0, longitude=-2.5,
                           precision="site")),
    (model.PlaceMention, (_PLACE, 4, 9, "Idlib"), {}),
    (model.PlaceMention, (_PLACE, 4, 9, "Idlib", 0.5, True, False, True), {}),
    (model.PlaceMention, (), dict(place=_PLACE, start=0, end=5, text="Idlib", typed=True)),
]


def _plain_dataclass(cls):
    """The same record as dataclass() alone builds it (its generated __init__)."""
    return dataclasses.dataclass(slots=True, frozen=True)(
        type(cls.__name__, (), {"__annotations__": dict(cls.__annotations__), "__module__": cls.__module__,
                                **{f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}}))


@pytest.mark.parametrize("cls, args, kwargs", _RECORDS)
def test_a_resolved_record_is_built_as_the_dataclass_builds_it(cls, args, kwargs):
    plain = _plain_dataclass(cls)
    rec, ref = cls(*args, **kwargs), plain(*args, **kwargs)
    assert dataclasses.astuple(rec) == dataclasses.astuple(ref)
    assert repr(rec) == repr(ref)
    assert inspect.signature(cls) == inspect.signature(plain)
    twin = cls(*args, **kwargs)
    assert rec == twin and hash(rec) == hash(twin) and rec is not twin
    assert rec != dataclasses.replace(rec, **{"name" if cls is model.Place else "text": "other"})
    assert pickle.loads(pickle.dumps(rec)) == rec and copy.deepcopy(rec) == rec
    first = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(rec, first, None)
    with pytest.raises((AttributeError, TypeError)):   # (TypeError: the frozen slots __setattr__ of Python 3.11)
        rec.not_a_field = 1
    with pytest.raises(TypeError):
        cls(*args, **kwargs, no_such_field=1)
    if args:
        with pytest.raises(TypeError):
            cls(*args[:1])   # (a required field missing)


_JSON_LINES = ['{"id": "a", "text": "x"}', ' {"id": "a"}', '{"id": "a"} ', '{"id": "a"}\t', '{"id": "a"} {"id": "b"}',
               '{"id": "a"', '{"id": "a",}', '[1, 2]', '5', '"s"', 'null', 'nul', '\ufeff{"id": "a"}', '', ' ',
               '{"id": "\\ud83d"}', '{"a": NaN, "b": -Infinity}', '{"a": 1e400}', '{"a": 1, "a": 2}',
               '[' * 100_000, '{"n": ' + '7' * 5000 + '}', '{"t": "tab\tin a string"}', '{"t": "\\u00e9"}']


@pytest.mark.parametrize("line", _JSON_LINES)
def test_a_jsonl_line_is_read_as_json_loads_reads_it(line):
    import json

    from coder.ingest import _json_line
    try:
        expected = json.loads(line)
    except (ValueError, RecursionError) as e:
        with pytest.raises(type(e)) as got:
            _json_line(line)
        assert str(got.value) == str(e)
        return
    value = _json_line(line)
    assert type(value) is type(expected) and json.dumps(value) == json.dumps(expected)


@pytest.mark.parametrize("value", ["ar", "en", "AR", " en ", "ar-SY", "en_GB", "arabic", "English", "eng", "ara",
                                   "fr", "", " ", "-", None, 5, ["ar"]])
def test_a_language_code_is_read_as_before(value):
    import re

    from coder.ingest import _LANGUAGES, _language

    def by_rule(v):
        if not isinstance(v, str) or not v.strip():
            return None
        return _LANGUAGES.get(re.split(r"[-_]", v.strip().lower(), maxsplit=1)[0])
    assert _language(value) == by_rule(value)


@pytest.mark.parametrize("field", ["id", "text", "title", "source", "url"])
def test_a_lone_surrogate_escape_in_a_jsonl_field_is_still_rejected(tmp_path, field):
    from coder.ingest import iter_inputs
    from coder.model import Reject
    fields = {"id": "d1", "text": "Syrian troops shelled Idlib.", "title": "t", "source": "s", "url": "u"}
    fields[field] = "broken \\ud83d here"
    line = "{" + ", ".join(f'"{k}": "{v}"' for k, v in fields.items()) + "}"
    good = line.replace("\\ud83d", "\\u00e9")
    (tmp_path / "in.jsonl").write_text(line + "\n" + good.replace('"d1"', '"d2"') + "\n", encoding="utf-8")
    items = list(iter_inputs([str(tmp_path / "in.jsonl")]))
    assert isinstance(items[0], Reject) and f"field {field!r} holds invalid Unicode" in items[0].reason
    assert not isinstance(items[1], Reject) and "\u00e9" in getattr(items[1], "doc_id" if field == "id" else field)


def _outcome(call):
    try:
        return "value", call()
    except Exception as e:
        return type(e).__name__, str(e)


def test_the_quick_row_check_judges_every_row_shape_as_the_full_check(monkeypatch):
    from coder import tables
    from coder.model import DocumentRow, EventRow, QuantityRow
    from coder.pipeline import code_document
    coded = code_document(model.Document(doc_id="d1", text="Gunmen killed five civilians in Kirkuk on Monday.",
                                         language="en", published=dt.date(2019, 8, 5)))
    event, doc, quantity = coded.events[0], coded.document, coded.quantities[0]

    class Text(str):
        pass
    nothing = {n: None for n in EventRow.model_fields}
    shapes = {"events": [[event], [event, event.model_copy(update={"latitude": 3, "fatalities": 2})],
                         [event.model_copy(update={"sentence": "lone \ud83d"})],
                         [event.model_copy(update={"quad_class": 200})], [event.model_copy(update={"goldstein": True})],
                         [event.model_copy(update={"evidence": Text("x")})],
                         [EventRow.model_construct(**{**nothing, "event_id": "only one string"})],
                         [EventRow.model_construct(**nothing)]],
              "documents": [[doc], [doc.model_copy(update={"title": "t", "n_events": 1 << 31})],
                            [DocumentRow.model_construct(**{n: None for n in DocumentRow.model_fields})]],
              "event_quantities": [[quantity], [quantity.model_copy(update={"value": 1 << 70})],
                                   [QuantityRow.model_construct(event_id="e", value=None, qualifier=None, unit=None,
                                                                text="\udc00")]]}
    for table, row_sets in shapes.items():
        for rows in row_sets:
            quick = _outcome(lambda: tables.storable_values(table, rows))
            with monkeypatch.context() as m:
                m.setattr(tables, "_plain_values", lambda table, rows: None)
                assert quick == _outcome(lambda: tables.storable_values(table, rows)), (table, rows)


def test_the_commit_digests_an_id_the_skip_check_was_not_asked_about(tmp_path, monkeypatch):
    import coder.sinks as sinks
    from coder.pipeline import code_document, versions
    docs = [model.Document(doc_id=f"d{k}", text="Police arrested two men in Mosul.", language="en") for k in range(3)]
    digested = []
    monkeypatch.setattr(sinks, "digest", lambda text, real=sinks.digest: digested.append(text) or real(text))
    with sinks.DatasetWriter(tmp_path / "out", **versions()) as w:
        digested.clear()
        assert not w.is_current("d0", "sha")
        for d in reversed(docs):   # (d0, the one asked about, last)
            w.add(code_document(d))
    assert sorted(digested) == ["d0", "d1", "d2"]
    with sinks.DatasetWriter(tmp_path / "out", **versions()) as w:
        for d in docs:
            assert w.is_current(d.doc_id, code_document(d).document.sha256)


def _compacted_files(root, monkeypatch, held_bytes: int) -> dict[str, bytes]:
    import coder.sinks as sinks
    from coder.pipeline import code_document, versions
    from coder.sinks import compaction
    monkeypatch.setattr(compaction, "HELD_BYTES", held_bytes)
    texts = ["Police arrested two men in Mosul.", "Gunmen killed five civilians in Kirkuk on Monday.",
             "قصف الجيش السوري إدلب أمس.", "The weather was fine."]
    docs = [model.Document(doc_id=f"d{k}", text=texts[k % 4], language="ar" if k % 4 == 2 else "en",
                           published=dt.date(2019, 8, 5)) for k in range(23)]
    at = dt.datetime(2020, 1, 1)
    with sinks.DatasetWriter(root, batch_docs=4, **versions()) as w:
        for d in docs:
            w.add(code_document(d, coded_at=at))
        # a document coded again: its old part is rewritten without it, so that part is read from disk
        w.add(code_document(docs[1].model_copy(update={"text": texts[0]}), coded_at=at))
        w.flush()
        assert w.compact() > 0 and not w._held.tables
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.glob("*/*.parquet"))}


def test_the_compaction_writes_the_same_files_from_held_batches_as_from_disk(tmp_path, monkeypatch):
    from coder.manifest import part_name
    from coder.sinks import compaction
    held = []
    real = compaction.HeldParts.rows

    def rows(self, writer, table, part):
        held.append((table, part) in self.tables and self.tables[table, part][0]
                    == writer._manifest["tables"][table][part_name(part)]["sha256"])
        return real(self, writer, table, part)
    monkeypatch.setattr(compaction.HeldParts, "rows", rows)
    from_memory = _compacted_files(tmp_path / "a", monkeypatch, compaction.HELD_BYTES)
    assert any(held) and not all(held)   # (most parts from memory, the rewritten one from its file)
    held.clear()
    from_disk = _compacted_files(tmp_path / "b", monkeypatch, 0)
    assert held and not any(held)
    assert from_memory == from_disk and len(from_memory) >= 3
