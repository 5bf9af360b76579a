"""The nineteenth speed round's changes to the row, place and writing glue, each checked against a
copy of the former code (kept below) or against digests of what the code gave before the round
(tests/test_glue_speed15.py's digest of the whole coding: rows as validated and as stored, places,
trace), on hand-written Arabic and English texts."""
from __future__ import annotations

import datetime as dt

import pytest

from coder import __version__, rows
from coder.geo import toponyms
from coder.geo.gazetteer import Gazetteer
from coder.geo.toponyms import SentencePlaces
from coder.lang import profile
from coder.model import Document, EventRow
from coder.pipeline import code_document
from coder.spans import trie_memo
from test_glue_speed15 import _digest
from test_rows_speed28 import given_columns
from test_rules_speed15 import with_grammar
from test_rows_places_speed4 import _start_tokens_per_token

D = dt.date(2023, 2, 21)

# (language, publication date, text, digest of what the code gave before this round, events)
CASES = [
    ('en', D, 'Syrian government forces shelled rebel positions in Idlib on Monday, killing seven fighters, activists said.',
     '6e21af9da9c5a233', 1),
    ('en', None, 'Three years ago Houthi rebels attacked Marib, and last month Saudi jets bombed Saada, killing 9 people.',
     '325b3e5e047d1744', 1),
    ('en', D, "Jordan's foreign minister met his Iraqi counterpart in Amman and urged calm after clashes in Kirkuk.",
     '42100fa0863aadb7', 3),
    ('en', D, 'Gunmen who were arrested in Benghazi in 2020 stormed a police station in Derna on Sunday, police said.',
     '1fd2426b9295aa4b', 1),
    ('en', D, 'Israeli troops raided Tulkarm and detained 15 Palestinians, a day after settlers attacked Huwara.',
     '75eb6c6ea882a34d', 2),
    ('en', None, 'Lebanon condemned the strike. Protesters rallied in Beirut against the government.',
     '32f9dfc8c31ec003', 2),
    ('en', D, 'The ministry said talks would resume in Geneva next week.',
     '3c35dc769ae8f8f6', 1),
    ('ar', D, 'قصفت القوات الحكومية السورية مواقع المعارضة في إدلب يوم الاثنين وقتلت سبعة مقاتلين، بحسب ناشطين.',
     'ed3697d47253e916', 1),
    ('ar', None, 'قبل ثلاث سنوات هاجم الحوثيون مأرب، وفي الشهر الماضي قصفت طائرات سعودية صعدة وقتلت 9 أشخاص.',
     '1329bbbe92815f1f', 1),
    ('ar', D, 'التقى وزير الخارجية الأردني نظيره العراقي في عمان ودعا إلى التهدئة بعد اشتباكات في كركوك.',
     'd86c1d4a1df3e74c', 2),
    ('ar', D, 'اقتحمت القوات الإسرائيلية طولكرم واعتقلت 15 فلسطينيا، بعد يوم من هجوم مستوطنين على حوارة.',
     '67548ef0d0edfa1d', 2),
    ('ar', None, 'أدان لبنان الغارة. وتظاهر محتجون في بيروت ضد الحكومة.',
     '828a420d1da3c696', 2),
    ('ar', D, 'اعتقلت الشرطة العراقية خمسة مسلحين في الموصل، وقال مسؤول في بغداد إنهم خططوا لهجوم.',
     '45c1e8380bc1b4fe', 1),
    ('ar', D, 'قال المتحدث إن المحادثات ستستأنف في جنيف الأسبوع المقبل.',
     'a433b175b11dfbce', 1),
    ('ar', D, 'قصف الجيش الذي دخل المدينة عام 2019 مواقع المسلحين خلال الحرب في حلب يوم الاثنين، التي شهدت معارك.',
     '6ae54cd514095d94', 1),
    ('ar', D, 'اعتقلت الشرطة رجلا شارك في الانتفاضة عام 2011، والذين فروا إلى الحدود اعتقلوا أمس.',
     'fa9005ca2f8f5dbe', 1),
    ('en', D, 'Police arrested a man who took part in the 2011 uprising, which toppled the government, on Friday.',
     'f677cad03a23f39b', 2),
]


@pytest.mark.parametrize("lang, published, text, digest, n_events", CASES)
def test_coding_as_before_the_round(lang, published, text, digest, n_events):
    assert _digest(lang, published, text) == (digest, n_events)


# ---------------------------------------------------------------- event rows from a copy of the columns

def test_event_rows_given_every_column(monkeypatch):
    """Each event row's validator is given the table's columns (since the twentieth round, those
    without a value are left out, the model's default None: tests/test_places_speed20.py), which,
    completed with None, are every column in its order, as the former dict display gave them."""
    given = []
    validate = rows.event_row

    def kept(values, groups):   # (since the 27th round a row's values in column order: the columns given)
        given.append(given_columns(values, groups))
        return validate(values, groups)
    monkeypatch.setattr(rows, "event_row", kept)
    for lang, published, text, _, _ in CASES:
        coded = code_document(Document(doc_id=f"d-{lang}", text=text, language=lang, published=published),
                              coded_at=dt.datetime(2001, 2, 3))
        for event, values in zip(coded.events, given[-len(coded.events):] if coded.events else []):
            every = dict.fromkeys(EventRow.model_fields) | values
            assert list(every) == list(EventRow.model_fields)
            assert every == event.model_dump()
            assert values["coder_version"] == __version__
    assert len(given) >= 15
    # rows with and without a source, a target, a place, a count and a death toll
    for column in ("source_code", "target_code", "location_name", "quantity_value", "fatalities"):
        assert {values.get(column) is None for values in given} == {True, False}, column


# ---------------------------------------------------------------- the words that start a name, by subscript

PLACE_SENTENCES = [
    ("Fighting spread from Ras al-Ain to Tell Abyad and the outskirts of Deir ez-Zor, near the Iraqi border.", "en"),
    ("Abu Dhabi and San Francisco hosted talks; the Al Qaim crossing reopened.", "en"),
    ("Aleppo", "en"),
    ("", "en"),
    ("قصفت الطائرات ريف دير الزور ورأس العين وتل أبيض قرب الحدود العراقية", "ar"),
    ("وصل الوفد إلى أبو ظبي ثم إلى بئر السبع وجسر الشغور", "ar"),
    ("بدمشق", "ar"),
]


@pytest.mark.parametrize("text, lang", PLACE_SENTENCES)
def test_start_tokens_with_the_memo_in_every_state(text, lang, monkeypatch):
    start_tokens_in_every_memo_state(text, lang, monkeypatch)


def start_tokens_in_every_memo_state(text: str, lang: str, monkeypatch) -> tuple[list, list, dict]:
    """The tokens that may start a name are those each word starts (test_rows_places_speed4's
    reading word by word), whatever the memo knows of the sentence's words: none of them, all of
    them, or some (a word not seen yet met before, after or between known ones); and once read,
    the memo knows every word of the sentence. Gives (the tokens, the start tokens, the full memo)."""
    tokens = profile(lang).tokenise(text)
    expected = _start_tokens_per_token(text, lang)
    trie = Gazetteer.default().tries[lang]
    monkeypatch.setattr(toponyms, "_STARTS", {})
    assert SentencePlaces(text, tokens, lang)._start_tokens() == expected   # every word new
    full = dict(trie_memo(toponyms._STARTS, trie))
    assert set(full) == {t.text for t in tokens}
    assert SentencePlaces(text, tokens, lang)._start_tokens() == expected   # every word known
    for kept in (lambda k: k % 2 == 0, lambda k: k % 2 == 1, lambda k: k < len(tokens) // 2,
                 lambda k: k >= len(tokens) // 2):
        monkeypatch.setattr(toponyms, "_STARTS", {})
        memo = trie_memo(toponyms._STARTS, trie)
        memo.update((t.text, full[t.text]) for k, t in enumerate(tokens) if kept(k))
        assert SentencePlaces(text, tokens, lang)._start_tokens() == expected
        assert memo == full
    return tokens, expected, full


# ---------------------------------------------------------------- the reader: ids from the caller, the escape gate

_READ_LINES = [
    '{"id": "a1", "text": "قصف الجيش مواقع في إدلب", "date": "2023-02-21", "language": "ar"}',
    '{"id": "a2", "text": "Rebels attacked \\"Hama\\" on Monday.\\nPolice said so.", "language": "en"}',
    '{"id": "a3", "text": "broken \\ud83d escape", "language": "en"}',
    '{"id": "a4", "text": "a paired \\ud83d\\ude00 emoji and \\u0627", "language": "en"}',
    '{"id": "a1", "text": "the same id again", "language": "en"}',
    '{"id": 7, "text": "an integer id", "language": "ar"}',
    '{"id": "\\udfff", "text": "a lone surrogate in the id", "language": "en"}',
    '{"id": "a5", "text": "a title with a lone surrogate", "title": "\\ud800", "language": "en"}',
    '{"id": "a6", "text": "back\\\\slash but no escape", "language": "en"}',
    '{"id": "7", "text": "the integer id again, as a string", "language": "en"}',
]


def _former_accept(reader, doc, raw):
    """_Reader.accept as it was before this round: the id, path and record read back from the model."""
    from coder.seen import digest
    key = digest(doc.doc_id)
    first = reader.seen.get(key)
    if first is not None:
        path = next(p for p, n in reader.paths.items() if n == first[0])
        where = path + (f" record {first[1]}" if first[1] >= 0 else "")
        return reader.reject(doc.input_path, doc.record, f"duplicate id {doc.doc_id!r} (first read from "
                             f"{where}): give every document a unique id", raw, doc.doc_id)
    reader.seen.put(key, reader.paths.setdefault(doc.input_path, len(reader.paths)),
                    -1 if doc.record is None else doc.record)
    return doc


def _read(tmp_path, name, monkeypatch=None, former=False):
    from coder import ingest
    if former:   # the former accept, and the former test for an escape: the text searched for "\u"
        monkeypatch.setattr(ingest._Reader, "accept", lambda self, doc, raw, *_: _former_accept(self, doc, raw))
        document = ingest._Reader.document
        monkeypatch.setattr(ingest._Reader, "document", lambda self, fields, path, record, raw, surrogates=True:
                            document(self, fields, path, record, raw, "\\u" in raw))
    path = tmp_path / name
    path.write_text("\n".join(_READ_LINES) + "\n", encoding="utf-8")
    items = list(ingest.iter_inputs([str(path), str(path)]))   # (twice: every id of the second a duplicate)
    return [(type(i).__name__, i.model_dump()) for i in items]


def test_reader_gives_what_it_gave_before(tmp_path, monkeypatch):
    """The documents and rejects of a file (escapes, lone surrogates in each field, duplicate ids in
    the file and across two readings) as the former accept and escape test gave them."""
    now = _read(tmp_path, "in.jsonl")
    with monkeypatch.context() as m:
        before = _read(tmp_path, "in.jsonl", m, former=True)
    assert now == before
    kinds = [k for k, _ in now[:len(_READ_LINES)]]
    assert kinds.count("Document") == 5 and kinds.count("Reject") == 5
    assert all(k == "Reject" for k, _ in now[len(_READ_LINES):])
    assert [d["doc_id"] for k, d in now if k == "Document"] == ["a1", "a2", "a4", "7", "a6"]


# ---------------------------------------------------------------- relative clauses and episode heads in one pass

_GRAMMAR_SENTENCES = [
    ("ar", "قصف الجيش الذي دخل المدينة عام 2019 مواقع المسلحين خلال الحرب في حلب يوم الاثنين، التي شهدت معارك."),
    ("ar", "اعتقلت الشرطة رجلا شارك في الانتفاضة عام 2011، والذين فروا إلى الحدود اعتقلوا أمس."),
    ("ar", "هاجم مسلحون قرية في ديالى يوم الجمعة."),
    ("en", "Police arrested a man who took part in the 2011 uprising, which toppled the government, on Friday."),
    ("en", "Troops shelled Idlib on Monday."),
]


def test_walls_and_heads_as_the_two_former_scans():
    """Each sentence's relative clauses and episode heads, read in one pass, are those the two former
    scans of its mentions gave (the relative clauses as _relative_walls gives them)."""
    from coder.pipeline import resolve_document
    from coder.rows import _relative_walls, _walls_and_heads
    seen = set()
    for lang, text in _GRAMMAR_SENTENCES:
        _, results, *_ = resolve_document(Document(doc_id="g", text=text, language=lang, published=D))
        for r in results:
            # (the grammar words as mentions, as the matcher made them before the twenty-sixth round)
            heads = [(m.start, m.end) for m in with_grammar(lang, r.sentence)
                     if m.kind == "grammar" and m.entry.role == "episode_head"]
            walls = [(m.start, rows._clause_end(r.sentence.text, m.end)) for m in with_grammar(lang, r.sentence)
                     if m.kind == "grammar" and m.entry.role == "relative_marker"]
            assert _walls_and_heads(r) == (walls, heads) and _relative_walls(r) == walls, text
            seen.add((bool(walls), bool(heads)))
    assert {(True, True), (False, False), (True, False)} <= seen
