"""The event rules' shortcuts of the fifth round answer as the longer ways did: the trace steps
written for every trigger, actor and coded trigger are formatted only when the trace is read, into
the very strings the rules formatted at once before; and cheaper per-sentence tests: the adverbs of
an object window sought only where the tags hold one, the mentions taken as places or likenesses
dropped only when there are some, the "in" clitic asked only of a name not matched as written; which
trigger owns a word worked out only for a participle."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.model import Document
from coder.pipeline import analyse_sentence, code_document, sentences
from coder.rules.types import SentenceAnalysis

DAY = dt.date(2024, 3, 4)

# the traces the rules wrote before the steps were formatted when read (a light verb's object, an
# actor group of two, two coded triggers, an actor whose code a possessive settles)
TRACES = [
    ("ar", "أطلق مسلحون النار على جنود الجيش العراقي وقوات الشرطة في بغداد.", [
        "trigger 'أطلق' -> 193 (ar.verbs.fire_weapons, verb/past), object up to 'أطلق مسلحون النار على'",
        "'بغداد' follows a locative word: a place, not an actor",
        "actor 'مسلحون' -> UAF (ar.agents.gunmen)",
        "actor 'جنود الجيش العراقي' -> IRQMIL (ar.agents.military, ar.agents.military, ar.actors.iraq)",
        "actor 'وقوات الشرطة' -> COP (ar.agents.police)",
        "'أطلق': syntax: subject the noun phrase after the verb (verb-subject order); object the noun phrase after "
        "the verb (its subject named before); target after 'على'; manner after 'في'; source 'مسلحون'=UAF, target "
        "'جنود الجيش العراقي'=IRQMIL + 'وقوات الشرطة'=COP"]),
    ("en", "Police fired tear gas at protesters and arrested 20 people in Cairo.", [
        "trigger 'fired' -> 175 (en.verbs.repress_protesters, verb/past), object up to 'fired tear gas'",
        "trigger 'arrested' -> 173 (en.verbs.arrest, verb/past)",
        "actor 'Police' -> COP (en.agents.police)",
        "actor 'protesters' -> CVL (en.agents.protesters)",
        "actor 'people in Cairo' -> EGYCVL (en.agents.civilians, en.actors.egypt_government_seat)",
        "'fired': syntax: subject the noun phrase before the verb; object the noun phrase after the verb; target "
        "after 'at'; source 'Police'=COP, target 'protesters'=CVL",
        "'arrested': syntax: subject shared with the coordinated verb; object the noun phrase after the verb; "
        "manner after 'in'; source 'Police'=COP, target 'people in Cairo'=EGYCVL",
        "'arrested': same event class as 'fired tear gas', merged into it"]),
    ("en", "The U.S. army said its forces arrested two gunmen near the border on Friday.", [
        "trigger 'said' -> 010 (en.verbs.say, verb/past)",
        "trigger 'arrested' -> 173 (en.verbs.arrest, verb/past)",
        "'forces': the possessive pronoun refers to 'U.S. army' (syntax) -> USAMIL",
        "actor 'U.S. army' -> USAMIL (en.actors.us_military)",
        "actor 'forces' -> USAMIL (en.agents.military)",
        "actor 'gunmen' -> UAF (en.agents.unidentified_armed)",
        "'said': syntax: subject the noun phrase before the verb; source 'U.S. army'=USAMIL, target 'forces'=USAMIL",
        "'arrested': syntax: subject the noun phrase before the verb; object the noun phrase after the verb; "
        "source 'forces'=USAMIL, target 'gunmen'=UAF",
        "reported speech: the reporting verb(s) 'said' are not coded; the reported event is"]),
]


def _analysis(lang: str, text: str):
    (sent,) = sentences(text, lang)
    return analyse_sentence(sent, lang, DAY).analysis


@pytest.mark.parametrize("lang,text,want", TRACES)
def test_trace_reads_as_the_strings_formatted_at_once(lang, text, want):
    a = _analysis(lang, text)
    assert any(step.__class__ is tuple for step in a.steps)    # (kept to be formatted when read)
    trace = a.trace
    assert trace == want
    assert trace is a.steps and all(step.__class__ is str for step in trace)
    assert a.trace is trace and a.trace == want     # a second reading finds them formatted


@pytest.mark.parametrize("lang,text,want", TRACES)
def test_trace_read_after_the_whole_document_is_coded(lang, text, want):
    """The rows read the rules' actors and groups, and append to the trace: the steps read once the
    whole document is coded, as `coder explain` reads them, are the ones the rules wrote."""
    import coder.pipeline as pipeline
    seen = []

    def keep(*args, **kwargs):
        seen.append(analyse(*args, **kwargs))
        return seen[-1]
    analyse, pipeline.analyse = pipeline.analyse, keep
    try:
        code_document(Document(doc_id="t", text=text, language=lang, published=DAY))
    finally:
        pipeline.analyse = analyse
    (a,) = seen
    assert a.trace[:len(want)] == want


def test_a_string_appended_after_reading_stays_and_a_later_step_is_formatted():
    a = SentenceAnalysis()
    a.steps.append(("{0!r} -> {1}".format, "x", 1))
    assert a.trace == ["'x' -> 1"]
    a.trace.append("appended by the rows")
    a.steps.append(("{0}".format, 2))
    assert a.trace == ["'x' -> 1", "appended by the rows", "2"]


def _events(a) -> list[tuple]:
    return [(e.code, e.source and e.source.code.code, e.target and e.target.code.code) for e in a.events]


@pytest.mark.parametrize("lang,text,adverbs", [
    ("ar", "قصفت طائرات حربية ريف دمشق، فجر اليوم، وقتلت خمسة مدنيين.", True),   # adverbs of time
    ("ar", "أطلق مسلحون النار على جنود الجيش العراقي وقوات الشرطة في بغداد.", False),
    ("en", "Police fired tear gas at 5,000 protesters, and arrested 20 people in Cairo.", False),
])
def test_countable_tokens_as_spelled_out(lang, text, adverbs):
    """_countable: every token counts towards an object window but punctuation, counts, actor words
    and the tokens the syntax stage tags ADV (with the tags as given, and with no adverb among them)."""
    from coder.lang import profile
    from coder.rules.counts import counts_marks_and_watched, is_number
    from coder.rules.engine import _countable
    (sent,) = sentences(text, lang)
    toks, tags = sent.tokens, _analysis(lang, text).parse.tags
    numbers, marks = counts_marks_and_watched(toks, profile(lang).CODE)[:2]
    actor_tokens = {t for x in _analysis(lang, text).actors for t in range(x.first, x.last + 1)}
    for tags_read in (tags, ["NOUN" if t == "ADV" else t for t in tags]):
        want = [not (j in marks or (j in numbers and is_number(toks[j], lang)) or j in actor_tokens
                     or tags_read[j] == "ADV") for j in range(len(toks))]
        assert _countable(toks, actor_tokens, tags_read, lang, numbers, marks) == want
    assert ("ADV" in tags) is adverbs


@pytest.mark.parametrize("lang,text,events,line", [
    # a capital read through the "in" clitic (first form past 0): where the violence happened
    ("ar", "وقع هجوم انتحاري ببغداد.", [("1831", "UAF", "IRQ")],
     "'ببغداد'=IRQGOV: a capital after 'انتحاري', where the violence happened, not its target"),
    ("en", "Gunmen attacked in Baghdad on Monday.", [("190", "UAF", "IRQ")],
     "'Baghdad'=IRQGOV: a capital after 'in', where the violence happened, not its target"),
    # a country after a locative word is a place: no actor
    ("ar", "تظاهر الآلاف ضد إسرائيل في عمان.", [("141", "CVL", "ISR")],
     "'عمان' follows a locative word: a place, not an actor"),
    # none of them: every actor mention stays
    ("ar", "قتل مسلحون خمسة جنود ببغداد.", [("190", "UAF", "MIL")], "actor 'ببغداد' -> IRQGOV (ar.actors.iraq_government)"),
])
def test_places_and_seats_of_violence(lang, text, events, line):
    a = _analysis(lang, text)
    assert _events(a) == events
    assert line in a.trace, a.trace
    placed = [x.text for x in a.mentions if x.kind == "actor" and f"{x.text!r} follows a locative word" in " ".join(a.trace)]
    assert not any(x.name in placed for x in a.actors)


@pytest.mark.parametrize("lang,text,events,line", [
    # a participle between a determiner and an actor, and one after another trigger's word
    ("en", "The army evacuated the wounded soldiers from Mosul.", [("073", "MIL", None)],
     "'wounded': participle used as an adjective, not an event"),
    ("en", "Rebels demanded releasing captured fighters.", [("100", "REB", None), ("0841", "REB", None)],
     "'captured': participle used as an adjective, not an event"),
    # a participle that is the verb: kept
    ("en", "Troops killed six suspected militants in the raid.", [("190", "MIL", "INS")],
     "'killed': syntax: subject the noun phrase before the verb; source 'Troops'=MIL, target 'militants'=INS"),
])
def test_participles_read_as_adjectives(lang, text, events, line):
    a = _analysis(lang, text)
    assert _events(a) == events
    assert line in a.trace, a.trace
