"""The twenty-ninth speed round of the syntax stage, checked against the former logic on
hand-written Arabic and English sentences:
- a pronoun's or anaphor's antecedent (`refers_to`) is worked out when first read, not for every
  such phrase of every parse: reference.antecedents leaves in the phrase what referent_of reads and
  makes it a records.PendingReference, whose `refers_to` is a property (every other phrase's is read
  from its slot); once read, the phrase is a Chunk again. The answers are those of the former
  antecedents(), kept here, run on copies of what parse() handed it.
- the argument readers' per-language look-ups (marks._NOUN_READER, marks._VERB_WORDS) are read by
  their dicts' `get` bound once, not looked up and bound at each call."""
from __future__ import annotations

import copy
import pickle

import pytest

import coder.syntax as syntax
from coder.lang import profile
from coder.syntax import arguments_after_noun, clauses as clause_reader, parse
from coder.syntax.marks import _NOUN_READER, _VERB_WORDS
from coder.syntax.records import Chunk, PendingReference, _REFERS_TO_SLOT
from coder.syntax.reference import _names
from test_syntax_speed15 import _inputs
from test_syntax_speed21 import _speaker_or_agent_before   # (reference._speaker_or_agent as it was)

SENTENCES = [
    ("en", "Russia said it had completed the withdrawal after the talks."),
    ("en", "The bombers killed 20 people when they blew themselves up near the market."),
    ("en", "Police arrested two rebels and questioned them, and the group denied the charges."),
    ("en", "The minister met the envoy and told him that they would resume the talks."),
    ("en", "The commander urged him to withdraw his forces from the city."),
    ("ar", "قال الجيش إنه قتل عشرة مسلحين في المدينة."),
    ("ar", "اعتقلت الشرطة المتهمين وقالت إنهم اعترفوا بالهجوم."),
    ("ar", "أعلنت الحركة أنها ستواصل القتال وقالت الجماعة إنها لن تتراجع."),
    ("ar", "قالت الحكومة إن الجماعة هاجمت القرية وإنها قتلت ثلاثة جنود."),
    ("ar", "هو قال إن الجيش قتل المسلحين."),
]


def _former_antecedents(clauses, chunks, toks, tags, R, actorish, named, anaphor=True, pronouns=None) -> None:
    """antecedents() as it read before the round: every referring phrase resolved at once."""
    anaphors, found = R.anaphors, []
    for k in range(len(chunks)) if anaphor or pronouns is None else pronouns:
        c = chunks[k]
        if c.kind == "pronoun":
            if tags[c.head] in {"PRON", "SCONJ"}:
                found.append((k, True))
        elif anaphor and c.kind == "np" and toks[c.head].norm in anaphors and \
                not any(i in actorish for i in range(c.start, c.end + 1) if i != c.head):
            found.append((k, False))
    if not found:
        return
    subject_of = {}
    for cl in clauses:
        for pr in cl.predicates:
            if "subject" in pr.arguments:
                subject = pr.arguments["subject"]
                for role, a in pr.arguments.items():
                    if role != "subject":
                        subject_of[a] = subject
    for k, pronoun in found:
        pool = actorish if pronoun else named
        if pronoun:
            j = _speaker_or_agent_before(k, clauses, chunks, pool)
            if j is not None:
                chunks[k].refers_to = j
                continue
        for j in range(k - 1, -1, -1):
            if j == subject_of.get(k) or chunks[j].kind == "pronoun":
                continue
            if _names(pool, chunks[j]):
                chunks[k].refers_to = j
                break


def _parsed_with_former(monkeypatch, lang: str, text: str):
    """The parse, and the antecedents the former antecedents() finds on copies of what parse()
    hands antecedents() (None where it hands nothing)."""
    given = {}
    own = syntax.antecedents

    def kept(clauses, chunks, toks, tags, R, actorish, named, anaphor=True, pronouns=None, **kwargs):
        theirs = copy.deepcopy(chunks)
        _former_antecedents(copy.deepcopy(clauses), theirs, toks, tags, R, actorish, named, anaphor, pronouns)
        given["former"] = [c.refers_to for c in theirs]
        return own(clauses, chunks, toks, tags, R, actorish, named, anaphor, pronouns, **kwargs)
    monkeypatch.setattr(syntax, "antecedents", kept)
    toks, mentions = _inputs(lang, text)
    return parse(toks, mentions, profile(lang)), given.get("former")


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_antecedents_read_as_the_former_pass_found_them(monkeypatch, lang, text):
    p, former = _parsed_with_former(monkeypatch, lang, text)
    assert former is not None, "the sentence has no referring phrase"
    assert [c.refers_to for c in p.chunks] == former


@pytest.mark.parametrize("lang,text", SENTENCES)
def test_an_antecedent_is_worked_out_when_first_read(lang, text):
    toks, mentions = _inputs(lang, text)
    p = parse(toks, mentions, profile(lang))
    pending = [c for c in p.chunks if type(c) is PendingReference]
    assert pending and all(type(_REFERS_TO_SLOT.__get__(c, Chunk)) is tuple for c in pending)
    assert all(_REFERS_TO_SLOT.__get__(c, Chunk) is None for c in p.chunks if type(c) is Chunk)
    answers = [c.refers_to for c in pending]
    # (kept once read: the slot holds the answer, and the phrase is a plain Chunk again)
    assert all(type(c) is Chunk for c in p.chunks)
    assert [_REFERS_TO_SLOT.__get__(c, Chunk) for c in pending] == answers == [c.refers_to for c in pending]


def test_the_sentences_reach_the_changed_tests():
    """Both languages have a referring phrase whose antecedent is found and one whose antecedent is
    None, and an anaphor ("the group", الجماعة) is found."""
    found, unresolved, anaphors = set(), set(), 0
    for lang, text in SENTENCES:
        toks, mentions = _inputs(lang, text)
        p = parse(toks, mentions, profile(lang))
        for c in p.chunks:
            if type(c) is PendingReference:
                anaphors += c.kind == "np"
                (found if c.refers_to is not None else unresolved).add(lang)
    assert found == {"ar", "en"} and unresolved and anaphors


def test_a_pending_phrase_compares_shows_and_copies_as_the_chunk_it_becomes():
    def pending() -> Chunk:
        c = Chunk("pronoun", 4, 4, 4)
        c.__class__ = PendingReference
        c.refers_to = (4, [{4: 1}])    # (what referent_of reads: the answers already worked out)
        return c
    plain = Chunk("pronoun", 4, 4, 4, refers_to=1)
    assert pending() == plain and plain == pending() and pending() != Chunk("pronoun", 4, 4, 4)
    assert repr(pending()) == repr(plain)
    for copied in (copy.copy(pending()), copy.deepcopy(pending()), pickle.loads(pickle.dumps(pending()))):
        assert copied.refers_to == 1 and copied == plain
    c = pending()
    c.refers_to = None     # (set before read: the value set is read)
    assert c.refers_to is None and type(c) is Chunk


def test_the_language_look_ups_are_the_dicts_own_get():
    assert arguments_after_noun._noun_reader_known.__self__ is _NOUN_READER
    assert clause_reader._verb_words_known.__self__ is _VERB_WORDS
    assert arguments_after_noun._noun_reader_known.__name__ == clause_reader._verb_words_known.__name__ == "get"
