"""The twenty-ninth speed round of the syntax stage, checked against the former logic:
- the argument readers' per-language look-ups (marks._NOUN_READER, marks._VERB_WORDS) are read by
  their dicts' `get` bound once, not looked up and bound at each call."""
from __future__ import annotations

from coder.syntax import arguments_after_noun, clauses as clause_reader
from coder.syntax.marks import _NOUN_READER, _VERB_WORDS


def test_the_language_look_ups_are_the_dicts_own_get():
    assert arguments_after_noun._noun_reader_known.__self__ is _NOUN_READER
    assert clause_reader._verb_words_known.__self__ is _VERB_WORDS
    assert arguments_after_noun._noun_reader_known.__name__ == clause_reader._verb_words_known.__name__ == "get"
