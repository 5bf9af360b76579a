"""The clause reader's per-sentence shortcuts (coder/syntax/clauses.py) find the phrases each
predicate reads as the per-clause scans they replace did, on the syntax corpus's sentences."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coder.lang import profile
from coder.lexicon.load import load
from coder.pipeline import sentences
from coder.recognise.matcher import match
from coder.syntax import clauses as clause_reader
from coder.syntax import parse

CORPUS = Path(__file__).resolve().parent / "corpus"


def _phrases_in(chunks, start: int, end: int) -> list[int]:
    """The phrases inside tokens start..end, in text order (the per-clause scan)."""
    return [k for k in sorted(range(len(chunks)), key=lambda j: chunks[j].start)
            if start <= chunks[k].start and chunks[k].end <= end]


def _before_as_scanned(p, cl, chunks, clauses) -> list[int]:
    """The phrases a predicate reads before its verb, from the clause's phrases: after the last
    verb before it that describes no noun, none of the describing verbs' own arguments."""
    inside = _phrases_in(chunks, cl.start, cl.end)
    if cl.continues is not None:
        head = clauses[cl.continues]
        inside = _phrases_in(chunks, head.start, head.end) + inside
    if not cl.predicates:
        return [k for k in inside if chunks[k].end < p.first]
    describing = [q for q in cl.predicates if "patient" in q.inherited or
                  q.how.get("subject") == clause_reader._DESCRIBES]
    cut = next((q for q in reversed(cl.predicates) if q not in describing), None)
    theirs = {a for q in describing for r, a in q.arguments.items() if r not in ("patient", "subject")}
    return [k for k in inside if chunks[k].end < p.first and (cut is None or chunks[k].start > cut.verb)
            and k not in theirs]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_phrases_before_a_predicate_as_the_clause_scan(lang, monkeypatch):
    seen = []
    for name in ("_after_noun", "_before_noun"):
        read = getattr(clause_reader, name)

        def checked(p, cl, prev, before, after, coordinated, chunks, toks, tags, prof, actorish, clauses,
                    *rest, read=read):
            assert before == _before_as_scanned(p, cl, chunks, clauses)
            seen.append(p)
            return read(p, cl, prev, before, after, coordinated, chunks, toks, tags, prof, actorish, clauses, *rest)
        monkeypatch.setattr(clause_reader, name, checked)
    data = yaml.safe_load((CORPUS / lang / "syntax.yaml").read_text(encoding="utf-8"))
    for case in data["cases"]:
        sent = sentences(case["text"], lang)[0]
        parse(sent.tokens, match(load(lang).trie, sent.tokens, sent.text), profile(lang))
    assert len(seen) > len(data["cases"])


@pytest.mark.parametrize("tags", [[], ["ADV"], ["ADV", "PUNCT", "ADP"], ["NOUN"], ["ADV", "VERB", "PART"]])
def test_tag_sets_answer_as_the_per_token_tests(tags):
    from coder.syntax import arguments_after_noun as arabic_reader    # (the sets moved there with _after_noun)
    assert arabic_reader._BETWEEN_PHRASES.issuperset(tags) == all(t in ("ADV", "PUNCT", "PART", "ADP") for t in tags)
    assert arabic_reader._AUXILIARY.issuperset(tags) == all(t in ("ADV", "PART", "AUX") for t in tags)
    assert arabic_reader._CLAUSE_OPENING.issuperset(tags) == \
        all(t in ("PUNCT", "CCONJ", "SCONJ", "ADV", "PART", "AUX") for t in tags)
