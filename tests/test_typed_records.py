"""The hot path's records (coder/records.py): they behave as dataclasses, model.py still offers
them, and their fields are slots, which Python reads through a member descriptor (the compiled build
leaves them Python classes: as Cython extension types, their fields were properties, which the
Python modules read at 2.6 times the cost; tests/test_compiled.py checks the installed package)."""
from __future__ import annotations

import dataclasses
import pickle
import types

import pytest

from coder import model, records
from coder.lang import ar, en
from coder.lexicon.load import load
from coder.recognise.matcher import match

RECORDS = (records.Token, records.Sentence, records.Mention)


def test_model_still_offers_the_records():
    assert (model.Token, model.Sentence, model.Mention) == RECORDS


# the fields each record keeps in a slot of its own
SLOTS = {"Token": ("text", "start", "end", "norm", "forms", "memo"),
         "Mention": ("kind", "first", "last", "start", "end", "text", "entry", "rule_id", "first_form"),
         "WordMemo": ("starts_of", "starts", "features_of", "features", "places_of", "places", "marks_of",
                      "marks", "verb_of", "verb", "asked")}


def test_the_fields_are_slots_read_through_member_descriptors():
    for name, fields in SLOTS.items():
        cls = getattr(records, name)
        assert cls.__slots__ == fields
        assert {type(cls.__dict__[f]) for f in fields} == {types.MemberDescriptorType}, name
    for cls in (records.Token, records.Mention):
        assert tuple(f.name for f in dataclasses.fields(cls)) == SLOTS[cls.__name__]


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
