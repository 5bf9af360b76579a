"""The tenth speed round's fast paths in the glue give what the general paths give: the row stage's
per-sentence answers (_SentenceFacts), an event's place when it is alone in its sentence, and the
reader's Documents built through the model's validator."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from coder import rows
from coder.dates import names_a_time
from coder.dates.history import blank
from coder.ingest import iter_inputs
from coder.model import Document, Reject
from coder.pipeline import drop_repeat_mentions, resolve_document

DAY = dt.date(2021, 3, 14)

# news-like sentences written for these tests
TEXTS = [
    ("Police arrested three protesters in Basra on Sunday after a rally that turned violent, "
     "officials said.", "en", DAY),
    ("Gunmen killed two soldiers near Kirkuk, which the army retook in 2017, and wounded a third.", "en", DAY),
    ("The minister said the government would send aid to Mosul, a day after floods hit the city.", "en", None),
    ("Rebels shelled a village in Idlib two years ago, killing five civilians.", "en", None),
    ("اعتقلت الشرطة ثلاثة متظاهرين في البصرة يوم الأحد بعد مسيرة تحولت إلى أعمال عنف.", "ar", DAY),
    ("قال الوزير إن الحكومة سترسل مساعدات إلى الموصل بعد يوم من الفيضانات التي ضربت المدينة.", "ar", None),
    ("قتل مسلحون جنديين قرب كركوك في العام الماضي.", "ar", None),
]


def _results(text: str, lang: str, published):
    doc = Document(doc_id="t", text=text, language=lang, published=published)
    lang, results, _, _, _ = resolve_document(doc)
    drop_repeat_mentions(results)
    return lang, [r for r in results if r.analysis.events]


@pytest.mark.parametrize("text,lang,published", TEXTS)
def test_the_sentence_facts_are_the_answers_of_the_functions_they_stand_for(text, lang, published):
    lang, results = _results(text, lang, published)
    assert results
    for r in results:
        facts = rows._SentenceFacts(r, lang)
        assert facts.walls() == rows._relative_walls(r)
        assert facts.words() == rows._event_words(r)
        assert facts.after_walls() == rows._earlier_event_walls(r, lang)
        assert facts.names_other_time() == names_a_time(blank(r.sentence.text, r.dates), lang)
        assert facts.speech() == [h.mention.start for h in r.analysis.triggers if h.entry.speech]
        assert facts.stand_in_dates() == rows._stand_in_dates(r.sentence.text, lang)


def test_each_fact_is_found_once_a_sentence(monkeypatch):
    lang, results = _results(TEXTS[1][0], "en", DAY)
    asked = []
    for name in ("_relative_walls", "_event_words"):
        real = getattr(rows, name)
        monkeypatch.setattr(rows, name, lambda r, real=real, name=name: asked.append(name) or real(r))
    real_after = rows._earlier_event_walls
    monkeypatch.setattr(rows, "_earlier_event_walls", lambda r, lang: asked.append("after") or real_after(r, lang))
    facts = rows._SentenceFacts(results[0], lang)
    for _ in range(3):
        facts.walls(), facts.words(), facts.after_walls(), facts.names_other_time(), facts.speech()
    assert sorted(asked) == ["_event_words", "_relative_walls", "after"]


@pytest.mark.parametrize("text,lang,published", TEXTS)
def test_an_event_is_placed_among_the_same_other_events_and_words_of_speech(text, lang, published, monkeypatch):
    """choose_place is given what the general reading gives: the sentence's other events (none for
    an event alone in its sentence) and its words of speech."""
    seen = []
    real = rows.choose_place

    def recorded(places, actors, event, others, speech, *rest):
        seen.append((event, others, speech))
        return real(places, actors, event, others, speech, *rest)
    monkeypatch.setattr(rows, "choose_place", recorded)
    lang, results = _results(text, lang, published)
    for r in results:
        if not r.places:
            continue
        roots = [rows.cameo(c.code).root for c in r.analysis.events]
        facts = rows._SentenceFacts(r, lang)
        for c, root in zip(r.analysis.events, roots):
            seen.clear()
            rows._event_place(r, c, roots, root, None, facts)
            violent = root in rows.VIOLENT_ROOTS
            others = [(e.evidence_start, e.evidence_end) for e, e_root in zip(r.analysis.events, roots)
                      if e.trigger_first != c.trigger_first and not (violent and e_root in rows.VIOLENT_ROOTS)]
            speech = [h.mention.start for h in r.analysis.triggers if h.entry.speech]
            assert seen == [((c.evidence_start, c.evidence_end), others, speech)]


RECORDS = [
    {"id": "a1", "text": "Troops shelled a town near Hama.", "date": "2021-03-14", "language": "en"},
    {"id": 7, "text": "قصفت القوات بلدة قرب حماة.", "language": "ar", "title": "قصف", "source": None, "url": ""},
    {"id": "a3", "text": "Police arrested a man in Aden.", "title": 12, "source": 3.5, "url": "http://x"},
    {"id": "a4", "text": "Police arrested a man in Aden.", "title": ["not", "text"]},
    {"id": "a5", "text": "Police arrested a man in Aden.", "title": True},
]


def test_the_reader_builds_the_documents_the_model_builds(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert [type(i) for i in items] == [Document, Document, Document, Reject, Reject]
    expected = [
        Document(doc_id="a1", text=RECORDS[0]["text"], published=DAY, language="en", title=None, source=None,
                 url=None, input_path=str(path), record=1),
        Document(doc_id="7", text=RECORDS[1]["text"], published=None, language="ar", title="قصف", source=None,
                 url=None, input_path=str(path), record=2),
        Document(doc_id="a3", text=RECORDS[2]["text"], published=None, language=None, title="12", source="3.5",
                 url="http://x", input_path=str(path), record=3),
    ]
    for got, want in zip(items, expected):
        assert got == want
        assert got.__pydantic_fields_set__ == want.__pydantic_fields_set__
    assert "field 'title' must be a string, got list" in items[3].reason
    assert "field 'title' must be a string, got bool" in items[4].reason
