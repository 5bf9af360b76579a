"""The hot path's records (coder/records.py), which the compiled build makes extension types
(records.pxd): they behave as the dataclasses they were, model.py still offers them, and the .pxd
declares exactly the fields of the .py (a field missing there leaves the module, and the tokeniser
and matcher that cimport it, pure Python)."""
from __future__ import annotations

import dataclasses
import pickle
import re
from pathlib import Path

import pytest

from coder import model, records
from coder.lang import ar, en
from coder.lexicon.load import load
from coder.recognise.matcher import match

RECORDS = (records.Token, records.Sentence, records.Mention)


def test_model_still_offers_the_records():
    assert (model.Token, model.Sentence, model.Mention) == RECORDS


def _declared(pxd: Path) -> dict[str, set[str]]:
    """cdef class name -> the attribute names its `cdef public` lines declare."""
    out: dict[str, set[str]] = {}
    cls = None
    for line in pxd.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"cdef class (\w+):", line):
            cls = out.setdefault(m[1], set())
        elif cls is not None and (m := re.match(r"\s+cdef public \w+ (.+)", line)):
            cls.update(n.strip() for n in m[1].split(","))
    return out


def test_the_pxd_declares_the_fields_of_the_py():
    declared = _declared(Path(records.__file__).with_name("records.pxd"))
    expected = {c.__name__: {f.name for f in dataclasses.fields(c)} for c in RECORDS}
    expected["WordMemo"] = set(records.WordMemo.__slots__)   # (a plain class: its slots are its fields)
    assert declared == expected


def test_records_behave_as_dataclasses():
    tok = records.Token("Iraq", 4, 8, "iraq", ("iraq",))
    assert tok == records.Token(text="Iraq", start=4, end=8, norm="iraq", forms=("iraq",))
    assert tok != dataclasses.replace(tok, end=9)
    assert repr(tok) == "Token(text='Iraq', start=4, end=8, norm='iraq', forms=('iraq',))"
    m = records.Mention("actor", 1, 2, 4, 12, "Iraq army", None)
    assert (m.rule_id, m.first_form) == ("", 0)
    assert dataclasses.astuple(m) == ("actor", 1, 2, 4, 12, "Iraq army", None, "", 0)
    s = records.Sentence(0, "Iraq", 0)
    assert s.tokens == [] and s.tokens is not records.Sentence(0, "Iraq", 0).tokens
    for r in (tok, m, s):
        assert pickle.loads(pickle.dumps(r)) == r   # (worker processes)
        with pytest.raises(TypeError):
            hash(r)
    with pytest.raises(AttributeError):
        tok.other = 1


@pytest.mark.parametrize("prof,text", [
    (en, "Syrian troops shelled Idlib, killing 3 (AFP)."),
    (ar, "قصف الجيش السوري إدلب أمس، وقالت الوزارة «إن» قواته اعتقلت ٣ مسلحين."),
])
def test_tokeniser_and_matcher_make_the_records(prof, text):
    toks = prof.tokenise(text)
    mentions = match(load(prof.CODE).trie, toks, text)
    assert toks and mentions
    assert {type(t) for t in toks} == {records.Token}
    assert {type(m) for m in mentions} == {records.Mention}
    assert all(t == dataclasses.replace(t) for t in toks) and all(m == dataclasses.replace(m) for m in mentions)
