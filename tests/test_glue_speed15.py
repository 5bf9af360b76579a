"""The fifteenth speed round's changes to the place and row glue, each checked against a copy of the
former code (kept below) on hand-written Arabic and English texts: choose_place tests its places in
a loop (no nested test function an event) and takes a lone usable place at once; the phrases before
a name (qualifiers, cues, destinations) are read at one word only where the word before ends no
longer phrase; code_document and
the row stage read the document's fields once; the storing check (sinks._checked) reads the coded
document's rows from the models' __dict__. And the whole output of such texts (event and quantity
rows, stored values, places, trace) against digests of what the code gave before the round."""
from __future__ import annotations

import datetime as dt
import hashlib
from itertools import product

import pyarrow as pa
import pytest

from coder import __version__
from coder.geo import toponyms
from coder.geo.events import _nearest, _owner, choose_place, in_attribution, names_actor
from coder.model import Document, PlaceMention
from coder.pipeline import code_document, document_sha, drop_repeat_mentions, resolve_document
from coder.rows import rows_for
from coder.sinks import DocumentError, StoredDocument, _checked, merge_identical_events, stored_document
from coder.tables import storable_values

D = dt.date(2021, 3, 9)

# (language, publication date, text, digest of what the code gave before this round, events)
CASES = [
    ("en", D, "Turkish jets bombed Kurdish positions near Duhok in northern Iraq on Sunday, killing four fighters.",
     "510de587285cf084", 1),
    ("en", None, "Rebels shelled Aleppo last week. Two years ago the army besieged Homs, the Syrian government said.",
     "8be90cc806bf1d05", 2),
    ("en", D, "Protesters marched in Khartoum after the funeral of a student, and police fired tear gas in Omdurman.",
     "6b8ca6bc260f3510", 3),
    ("en", D, "Iran condemned the attack, which took place in Baghdad in 2019, the foreign ministry in Tehran said.",
     "c3642c41045722aa", 1),
    ("en", D, "Israeli forces arrested 12 Palestinians in Jenin and Nablus overnight, a day after clashes in Hebron.",
     "972caffa887ddd3a", 2),
    ("en", D, "The UN envoy met Libyan officials in Tripoli on Monday. Gunmen abducted three aid workers in Sabha.",
     "0f6cfb6f70d4e8be", 2),
    ("en", None, "Rockets fired from Gaza hit Ashkelon, wounding two people. The attack drew condemnation from Egypt.",
     "96a85cb566e6dcab", 3),
    ("en", D, "Police in the Iraqi capital detained five suspects since January, officials in Basra said.",
     "e51c6bcfdf339fbf", 1),
    ("ar", D, "قصفت طائرات تركية مواقع كردية قرب دهوك شمال العراق يوم الأحد وقتلت أربعة مقاتلين.",
     "9cb71b0e2f3e9a47", 1),
    ("ar", None, "اعتقلت القوات الإسرائيلية 12 فلسطينيا في جنين ونابلس. وقبل عامين اقتحم الجيش مخيم جنين.",
     "f0c93ec3ec754028", 2),
    ("ar", D, "تظاهر آلاف في الخرطوم بعد تشييع طالب، وأطلقت الشرطة الغاز المسيل للدموع في أم درمان.",
     "421b28d21f6dc488", 2),
    ("ar", D, "أدانت الحكومة المصرية الهجوم الذي وقع في سيناء عام 2017، وقالت وزارة الخارجية في القاهرة إنه إرهابي.",
     "1a63abbcd3d76727", 1),
    ("ar", D, "التقى المبعوث الأممي مسؤولين ليبيين في العاصمة الليبية أمس. وخطف مسلحون ثلاثة عمال إغاثة في سبها.",
     "8768f1281f7abb05", 2),
    ("ar", None, "أطلقت فصائل فلسطينية صواريخ من غزة على عسقلان، وأصيب شخصان بجروح.",
     "6e06a643f10ee7e6", 1),
    ("ar", D, "قتل خمسة جنود في انفجار عبوة ناسفة في محافظة ديالى منذ يومين، بحسب مصادر أمنية في بعقوبة.",
     "d0cc45d8504033e0", 1),
    ("en", D, "Saudi-led coalition aircraft struck Sanaa and Hodeidah, killing at least 20 civilians, residents said.",
     "f9498dfdaf1a4642", 1),
    ("ar", D, "شنت طائرات التحالف غارات على صنعاء والحديدة وقتلت 20 مدنيا على الأقل.",
     "e2a0df87d6eaf458", 1),
    ("en", D, "The weather was mild in London on Tuesday.", "41a04ffbbd1d6282", 0),
]


def _digest(lang, published, text):
    """A digest of everything the coding of the text gives: the stored document (rows as validated
    and as stored), the places of each sentence, the focus, and the rows and trace of the stages."""
    doc = Document(doc_id="d1", text=text, language=lang, published=published, title="t", source="s")
    coded = code_document(doc, coded_at=dt.datetime(2001, 2, 3, 4, 5, 6))
    stored = stored_document(coded, __version__)
    lang, results, shown, focus, actor_focus = resolve_document(doc)
    drop_repeat_mentions(results)
    events, quantities = rows_for(doc, lang, document_sha(doc), results, focus, actor_focus)
    places = [[(p.place.place_id, p.start, p.end, p.text, p.score, p.locative, p.typed, p.destination) for p in ps]
              for ps in shown]
    parts = repr((coded.model_dump(mode="json"), tuple(stored), places,
                  [e.model_dump(mode="json") for e in events], [q.model_dump(mode="json") for q in quantities],
                  focus.place_id if focus else None, actor_focus.place_id if actor_focus else None,
                  [r.analysis.trace for r in results]))
    return hashlib.sha256(parts.encode()).hexdigest()[:16], len(coded.events)


@pytest.mark.parametrize("lang, published, text, digest, n_events", CASES)
def test_coding_as_before_the_round(lang, published, text, digest, n_events):
    assert _digest(lang, published, text) == (digest, n_events)


# ---------------------------------------------------------------- choose_place

def _former_choose_place(places, actors, event, other_events, speech_starts, text, moves, exclude=None,
                         target=None):
    """choose_place as it was before this round."""
    def hit(p: PlaceMention) -> bool:
        return target is not None and target[0] < p.end and p.start < target[1] \
            and p.place.precision not in ("country", "region")
    usable = [p for p in places if (not names_actor(p, actors) or (moves and (p.destination or hit(p))))
              and not in_attribution(p, event[0], event[1], speech_starts, text)]
    if exclude is not None and len(usable) > 1:
        usable = [p for p in usable if p is not exclude]
    own = [p for p in usable if _owner(p, event, other_events) is event] if other_events else usable
    usable = own or (usable if moves else [])
    if not usable:
        return None
    pool = [p for p in usable if p.locative or (moves and p.destination)] or usable
    p = _nearest(pool, event[0])
    inside = [q for q in usable if q.place.country == p.place.country
              and toponyms_specific(q) < toponyms_specific(p)]
    if inside and p.place.precision in ("country", "region", "admin1"):
        best = min(toponyms_specific(q) for q in inside)
        p = _nearest([q for q in inside if toponyms_specific(q) == best], event[0])
    return p


def toponyms_specific(p: PlaceMention) -> int:
    from coder.geo.events import SPECIFIC
    return SPECIFIC.get(p.place.precision, 5)


SENTENCES = [
    ("en", "Turkish jets bombed Kurdish positions near Duhok in northern Iraq, the ministry in Ankara said."),
    ("en", "Israel struck Damascus and Homs, and Syria condemned the raids in a statement from Damascus."),
    ("en", "The army delivered tanks to Ukraine and Poland, officials in Warsaw told reporters at the airport: done."),
    ("en", "Gunmen attacked a checkpoint in Kirkuk in Iraq's Kurdistan region and police arrested two men in Erbil."),
    ("en", "Russia condemned the strikes on Aleppo by Turkey."),
    ("ar", "قصفت طائرات تركية مواقع كردية قرب دهوك شمال العراق، وقالت الوزارة في أنقرة إن العملية مستمرة."),
    ("ar", "هاجمت إسرائيل دمشق وحمص، وأدانت سوريا الغارات في بيان من دمشق."),
    ("ar", "وصل الرئيس إلى تل أبيب ثم التقى مسؤولين في القدس."),
    ("ar", "اعتقلت الشرطة العراقية مسلحين في كركوك وأربيل في إقليم كردستان."),
]


def _place_questions():
    """(places, actors, event, other events, speech starts, text) of each event of the sentences."""
    out = []
    for lang, text in SENTENCES:
        doc = Document(doc_id="p", text=text, language=lang, published=D)
        _, results, shown, _, _ = resolve_document(doc)
        for r, places in zip(results, shown):
            spans = [(e.evidence_start, e.evidence_end) for e in r.analysis.events]
            speech = [h.mention.start for h in r.analysis.triggers if h.entry.speech]
            for k, span in enumerate(spans):
                out.append((places, r.analysis.actors, span, spans[:k] + spans[k + 1:], speech, r.sentence.text))
    return out


def test_choose_place_as_the_former_one():
    questions = _place_questions()
    assert sum(len(q[0]) for q in questions) >= 20   # the sentences name places, several to an event
    for places, actors, event, others, speech, text in questions:
        targets = [None, *[(a.start, a.end) for a in actors if a.start >= 0]]
        for moves, exclude, target, other_events in product((True, False), (None, *places[:2]), targets,
                                                             (others, [])):
            assert choose_place(places, actors, event, other_events, speech, text, moves, exclude, target) is \
                _former_choose_place(places, actors, event, other_events, speech, text, moves, exclude, target)


# ---------------------------------------------------------------- the document's fields read once

def _former_document_row(doc: Document, coded) -> dict:
    """The documents row as code_document built it before this round (each field read off the model)."""
    return {"doc_id": doc.doc_id, "title": doc.title, "source": doc.source, "url": doc.url,
            "language": coded.document.language, "published": doc.published, "n_sentences": coded.document.n_sentences,
            "n_events": len(coded.events), "sha256": document_sha(doc), "input_path": doc.input_path,
            "coded_at": dt.datetime(2001, 2, 3), "coder_version": __version__}


@pytest.mark.parametrize("lang, published, text", [
    ("en", D, "Police arrested ten protesters in Cairo on Friday."),
    ("en", None, "Police arrested ten protesters in Cairo. Two years ago protesters marched in Alexandria."),
    ("ar", D, "اعتقلت الشرطة عشرة متظاهرين في القاهرة يوم الجمعة."),
    ("ar", None, "اعتقلت الشرطة عشرة متظاهرين في القاهرة. وقبل عامين تظاهر آلاف في الإسكندرية."),
])
def test_document_fields_read_once_as_before(lang, published, text):
    doc = Document(doc_id="f1", text=text, language=lang, published=published, title="عنوان", source="wire",
                   url="http://example.org/1", input_path="in/news.jsonl", record=3)
    coded = code_document(doc, coded_at=dt.datetime(2001, 2, 3))
    assert coded.document.model_dump() == _former_document_row(doc, coded)
    assert coded.events and all(e.doc_id == "f1" and e.published == published for e in coded.events)
    assert all(e.event_date == published for e in coded.events if e.date_precision == "published")


# ---------------------------------------------------------------- the storing check

def _former_checked(coded, coder_version):
    """sinks._checked as it was before this round (each field read off the models)."""
    doc = coded.document
    if doc.coder_version != coder_version:
        raise DocumentError(f"document {doc.doc_id!r} was coded by coder_version {doc.coder_version!r} but "
                            f"the writer was opened with {coder_version!r}: open it with the same version")
    if coded.events or coded.quantities:
        doc_id = doc.doc_id
        for e in coded.events:
            if e.doc_id != doc_id:
                raise DocumentError(f"an event of document {doc_id!r} carries another doc_id: events must "
                                    "belong to the document they are added with")
        coded = merge_identical_events(coded)
        if coded.quantities:
            known = {e.event_id for e in coded.events}
            for q in coded.quantities:
                if q.event_id not in known:
                    raise DocumentError(f"a quantity of document {doc_id!r} refers to an event not in the "
                                        "document")
    try:
        rows = StoredDocument(storable_values("documents", [coded.document])[0],
                              storable_values("events", coded.events),
                              storable_values("event_quantities", coded.quantities))
    except (pa.ArrowException, ValueError, TypeError, OverflowError) as e:
        raise DocumentError(f"document {doc.doc_id!r} has a value its table cannot store "
                            f"({type(e).__name__}: {e})") from None
    return coded, rows


def _outcome(check, coded, version):
    try:
        checked, rows = check(coded, version)
    except DocumentError as e:
        return "error", str(e)
    return checked.model_dump(), tuple(rows)


def _coded_variants():
    """Coded documents as stored, and the ways one can fail the check or need merging."""
    out = []
    for lang, published, text, _, _ in CASES:
        coded = code_document(Document(doc_id="c1", text=text, language=lang, published=published),
                              coded_at=dt.datetime(2001, 2, 3))
        out.append(coded)
        if coded.events:
            twice = coded.model_copy(update={"events": coded.events + coded.events,
                                             "quantities": coded.quantities + coded.quantities})
            out.append(twice)   # one event reported twice: merged
            other = coded.events[0].model_copy(update={"doc_id": "c2"})
            out.append(coded.model_copy(update={"events": [other, *coded.events[1:]]}))
            wide = coded.events[0].model_copy(update={"sentence_index": 1 << 40})
            out.append(coded.model_copy(update={"events": [wide, *coded.events[1:]]}))
        if coded.quantities:
            out.append(coded.model_copy(update={"events": []}))
    return out


def test_storing_check_as_the_former_one():
    variants = _coded_variants()
    outcomes = [_outcome(_checked, coded, __version__) for coded in variants]
    assert outcomes == [_outcome(_former_checked, coded, __version__) for coded in variants]
    assert {o[0] for o in outcomes if o[0] == "error"} and sum(o[0] != "error" for o in outcomes) >= len(CASES)
    coded = variants[0]
    assert _outcome(_checked, coded, "0.0.0") == _outcome(_former_checked, coded, "0.0.0")
    assert _outcome(_checked, coded, "0.0.0")[0] == "error"


# ---------------------------------------------------------------- phrases before a name

def _former_qualifier_before(r, tokens, i, lang):
    """toponyms._qualifier_before as it was before this round."""
    for n in range(r.max_before if r.max_before < i else i, 0, -1):
        q, form = toponyms._phrase_at(r.before, r.max_before, tokens, i - n, i - 1, lang)
        if q is not None:
            return q, i - n, form
    return None, i, None


def _former_cue_before(r, tokens, i, lang, table="cues"):
    """toponyms._cue_before as it was before this round."""
    phrases, longest = (r.cues, r.max_cue) if table == "cues" else (r.destinations, r.max_destination)
    for n in range(longest if longest < i else i, 0, -1):
        if toponyms._phrase_at(phrases, n, tokens, i - n, i - 1, lang)[0]:
            return True
    return False


PHRASE_SENTENCES = [
    ("en", "Shelling hit the countryside of Idlib and the rural Aleppo, in the town of Saraqib north of Hama."),
    ("en", "Troops advanced on the outskirts of Mosul, close to Tal Afar, near the Syrian border and inside the city."),
    ("en", "The convoy went to Kabul, into Kandahar and towards Herat, in Herat and at the airport, southwest of Kabul."),
    ("en", "Fighting in the countryside around Raqqa; strikes northeast of Deir ez-Zor, across the river from Albu Kamal."),
    ("ar", "قصفت الطائرات ريف إدلب الجنوبي وشمال شرق حلب وجنوب غربي حماة."),
    ("ar", "تقدمت القوات على مشارف الموصل وعلى أطراف تلعفر وبالقرب من الحدود السورية وعلى مقربة من سنجار."),
    ("ar", "وصل الوفد إلى كابول ثم إلى قندهار، واشتباكات على تخوم دير الزور ومن البوكمال."),
]


@pytest.mark.parametrize("lang, text", PHRASE_SENTENCES)
def test_phrases_before_a_name_as_the_former_look_ups(lang, text):
    from coder.lang import profile
    tokens = profile(lang).tokenise(text)
    r = toponyms.rules(lang)
    found = 0
    for i in range(len(tokens) + 1):
        q = toponyms._qualifier_before(r, tokens, i, lang)
        assert q == _former_qualifier_before(r, tokens, i, lang)
        found += q[0] is not None
        for table in ("cues", "destinations"):
            cue = toponyms._cue_before(r, tokens, i, lang, table)
            assert cue == _former_cue_before(r, tokens, i, lang, table)
            found += cue
    assert found >= 4   # the sentences hold such phrases, of one word and of several
