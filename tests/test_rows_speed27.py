"""The twenty-sixth speed round of the run around the coding (the reader, the storing check, the
document loop), checked against a copy of the logic it replaces on records written for these tests,
or against what the code before the round did:
- a record's optional text fields (title, source, url) read as three values, not by a loop over
  their names into a dict spread into the Document's values; the surrogate search asks them in the
  same order;
- a date written as YYYY-MM-DD read by date.fromisoformat in place, without the call of _parse_date
  (anything else, and a ten-character text that is no date, still goes through it);
- the JSON lines reader binds the record's field map and `document` once a file;
- the storing check and the document loop: see below."""
from __future__ import annotations

import datetime as dt
import itertools
import json

import pytest

from coder import ingest
from coder.ingest import _OPTIONAL_TEXT, _SURROGATE, _as_text, _LANGUAGES, _language, _parse_date, _Reader
from coder.model import Document, assembled


def _former_document(self: _Reader, fields, path, record, raw, surrogates=True):
    """_Reader.document as it was before the round."""
    doc_id = fields.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        return self.reject(path, record, f"missing id: every record needs a non-empty {self.fields.label('id')}", raw)
    if not isinstance(doc_id, str):
        return self.reject(path, record, f"id must be a string or integer, got {type(doc_id).__name__}", raw)
    text = fields.get("text")
    if text is None:
        return self.reject(path, record, f"missing text: every record needs a {self.fields.label('text')} "
                           "field", raw, doc_id)
    if not isinstance(text, str):
        return self.reject(path, record, f"text must be a string, got {type(text).__name__}", raw, doc_id)
    if not text.strip():
        return self.reject(path, record, "empty text: nothing to code", raw, doc_id)
    if len(text) > self.max_chars:
        return self.reject(path, record, f"text has {len(text)} characters, over the limit of "
                           f"{self.max_chars}: split the document or raise the limit", raw, doc_id)
    extra = {}
    plain = doc_id.__class__ is str and text.__class__ is str and path.__class__ is str
    for name in _OPTIONAL_TEXT:
        value = fields.get(name)
        if value is not None and value.__class__ is not str:
            value, problem = _as_text(name, value)
            if problem:
                return self.reject(path, record, problem, raw, doc_id)
            plain = plain and (not value or value.__class__ is str)
        extra[name] = value or None
    for name, value in (("id", doc_id), ("text", text), *extra.items()) if surrogates else ():
        if value and _SURROGATE.search(value):
            return self.reject(path, record, f"field {name!r} holds invalid Unicode (a lone surrogate, "
                               "e.g. a broken \\ud83d escape or undecodable bytes): fix the text encoding",
                               raw, doc_id)
    published = fields.get("date")
    if published is not None:
        published, problem = _parse_date(published)
        if problem:
            return self.reject(path, record, problem, raw, doc_id)
    language = fields.get("language")
    if language is not None:
        language = (language.__class__ is str and _LANGUAGES.get(language)) or _language(language)
    published = published or self.default_date
    values = {"doc_id": doc_id, "text": text, "published": published, "language": language or self.language,
              **extra, "input_path": path, "record": record}
    if plain and (published is None or published.__class__ is dt.date) and \
            (record is None or record.__class__ is int):
        return self.accept(assembled(Document, values), raw, doc_id, path, record)
    return self.accept(ingest._document(values), raw, doc_id, path, record)


def _shown(item):
    """What a Document or a Reject holds, with the fields set and the exact classes of the values."""
    return (type(item).__name__, item.model_dump(), sorted(item.model_fields_set),
            {k: type(v).__name__ for k, v in item.__dict__.items()})


_DATES = [None, "", "2019-08-05", "2019-8-5", " 2019-08-05", "2019-08-05 ", "2019-02-30", "2019-13-01",
          "20190805", "2019-W32-1", "2019-08-05T23:30:00-04:00", "2019-08-05T14:30:00Z", "yesterday",
          "ab-cd-efgh", "0000-01-01", dt.date(2019, 8, 5), dt.datetime(2019, 8, 5, 23, 30), 2019, 5.5, True]
_OPTIONALS = [None, "", "Reuters", 7, 2.5, False, ["a"], "bad \ud83d"]


def _records():
    texts = ["Troops shelled the town on Monday.", "  ", "قصف الجيش المدينة أمس.", "text \udc00 here"]
    ids = ["a1", 17, "", "  ", None, True, "id \ud800"]
    for k, (doc_id, text) in enumerate(itertools.product(ids, texts)):
        yield {"id": doc_id, "text": text, "date": _DATES[k % len(_DATES)], "language": "en"}
    for k, date in enumerate(_DATES):
        for lang in (None, "ar", "EN", "ar-SY", "arabic", "fr", 3, ""):
            yield {"id": f"d{k}", "text": "The army shelled Idlib.", "date": date, "language": lang}
    for title, source, url in itertools.product(_OPTIONALS, repeat=3):
        yield {"id": "o", "text": "Police arrested two men.", "title": title, "source": source, "url": url}


@pytest.mark.parametrize("surrogates", [True, False])
@pytest.mark.parametrize("default_date", [None, dt.date(2001, 2, 3)])
def test_document_is_the_former_logic(surrogates, default_date):
    now = _Reader(default_date, 1_000_000, None)
    before = _Reader(default_date, 1_000_000, None)
    n = 0
    for number, record in enumerate(_records(), 1):
        # (each record under a new id where it has one, so that no duplicate-id reject differs in kind)
        if isinstance(record.get("id"), str) and record["id"].strip() and "\ud800" not in record["id"]:
            record = dict(record, id=f"{record['id']}-{number}")
        got = now.document(record, "in.jsonl", number, "raw", surrogates)
        want = _former_document(before, record, "in.jsonl", number, "raw", surrogates)
        assert _shown(got) == _shown(want), record
        n += 1
    assert n > 600


def test_a_duplicate_id_is_still_refused():
    reader = _Reader(None, 1_000_000, None)
    first = reader.document({"id": "x", "text": "Gunmen stormed a checkpoint.", "date": "2019-08-05"}, "a.jsonl", 1, "")
    again = reader.document({"id": "x", "text": "Gunmen stormed a checkpoint.", "date": "2019-08-05"}, "a.jsonl", 2, "")
    assert isinstance(first, Document) and first.published == dt.date(2019, 8, 5)
    assert type(again).__name__ == "Reject" and "duplicate id" in again.reason


def test_jsonl_file_reads_as_before(tmp_path):
    """A JSON lines file of records written for this test: every Document and Reject the reader gives,
    as the former logic gives them for the same lines."""
    # (escaped as \\uXXXX every other line, and where a field holds a lone surrogate, which UTF-8 cannot)
    lines = [json.dumps(r, default=str, ensure_ascii=bool(k % 2) or any(isinstance(v, str) and _SURROGATE.search(v)
                                                                       for v in r.values()))
             for k, r in enumerate(itertools.islice(_records(), 0, None, 7))]
    lines[3:3] = ["", "not json", "[1, 2]", '{"id": "m", "text": "x", "title": {"a": 1}}']
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = [_shown(item) for item in ingest.iter_inputs([str(path)])]

    original = _Reader.document
    try:
        _Reader.document = _former_document
        want = [_shown(item) for item in ingest.iter_inputs([str(path)])]
    finally:
        _Reader.document = original
    assert got == want
    assert len(got) > 50


# ---------------------------------------------------------------- the storing check and the loop
# - sinks._checked reads the documents row's version and id, and each event's doc_id, from their
#   __dict__, and calls merge_identical_events only for two events or more (it gave one back as it was);
# - runner._code_one asks whether debug messages are wanted before Logger.debug.

from coder import runner  # noqa: E402
from coder.pipeline import code_document, versions  # noqa: E402
from coder.sinks import DatasetWriter, DocumentError, check_document, merge_identical_events, stored_document  # noqa: E402

_TEXTS = [("Syrian troops shelled Idlib on Monday, killing five civilians.", "en"),
          ("Police arrested two men in Basra. Protesters marched in Baghdad.", "en"),
          ("قصف الجيش السوري مدينة إدلب أمس.", "ar"),
          ("The weather was fine.", "en")]


def _coded():
    return [code_document(Document(doc_id=f"s{k}", text=t, language=lang, published=dt.date(2019, 8, 5)))
            for k, (t, lang) in enumerate(_TEXTS)]


def test_one_event_is_what_merging_gave():
    for coded in _coded():
        if len(coded.events) == 1:
            assert merge_identical_events(coded) is coded
            assert check_document(coded, versions()["coder_version"]) is coded


def test_identical_events_are_still_merged():
    coded = next(c for c in _coded() if c.events)
    twice = coded.model_copy(update={"events": coded.events * 2, "quantities": coded.quantities * 2})
    checked = check_document(twice, versions()["coder_version"])
    assert len(checked.events) == 1 and checked.document.n_events == 1
    assert stored_document(twice, versions()["coder_version"]).events == \
        stored_document(coded, versions()["coder_version"]).events


def test_the_checks_refuse_as_before():
    coded = next(c for c in _coded() if c.events)
    version = coded.document.coder_version
    with pytest.raises(DocumentError, match=f"was coded by coder_version '{version}' but the writer was opened "
                                            "with 'other'"):
        check_document(coded, "other")
    foreign = coded.model_copy(update={"events": [coded.events[0].model_copy(update={"doc_id": "elsewhere"})]})
    with pytest.raises(DocumentError, match="carries another doc_id"):
        check_document(foreign, versions()["coder_version"])


def test_debug_message_still_written(tmp_path, caplog):
    v = versions()
    doc = Document(doc_id="d1", text=_TEXTS[0][0], language="en", published=dt.date(2019, 8, 5))
    with DatasetWriter(tmp_path / "out", v["coder_version"], v["lexicon_version"]) as writer:
        with caplog.at_level("DEBUG", logger="coder.runner"):
            runner.code_into(writer, [doc])
        assert [r.getMessage() for r in caplog.records if r.getMessage().startswith("coded d1")] == \
            [f"coded d1: {len(code_document(doc).events)} events"]
        caplog.clear()
        with caplog.at_level("INFO", logger="coder.runner"):
            runner.code_into(writer, [Document(doc_id="d2", text=_TEXTS[1][0], language="en")])
        assert not any(r.getMessage().startswith("coded d2") for r in caplog.records)
