"""The twenty-sixth speed round of the reader (coder/ingest), checked against a copy of the logic it
replaces on records written for these tests:
- a record's optional text fields (title, source, url) read as three values, not by a loop over
  their names into a dict spread into the Document's values; the surrogate search asks them in the
  same order;
- a date written as YYYY-MM-DD read by date.fromisoformat in place, without the call of _parse_date
  (anything else, and a ten-character text that is no date, still goes through it);
- the JSON lines reader binds the record's field map and `document` once a file."""
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
