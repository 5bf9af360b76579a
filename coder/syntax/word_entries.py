"""A sentence's words' entries in the syntax stage's per-word features (coder.syntax.Features), read
from the tokens' memos (coder.records.WordMemo) and laid end to end in one list. A module of its own:
the compiled build compiles this loop with its tokens and memos typed (word_entries.pxd), so that
their fields are read from their slots in C."""
from __future__ import annotations

from coder import is_compiled
from coder.model import Mention, Token, WordMemo

if is_compiled(__file__):   # (the compiled build reads the records' fields at the offsets it was compiled with)
    _records_layout_checked(Token, Mention, WordMemo)  # noqa: F821


def known_entries(toks, words: dict) -> list:
    """The entries in `words` (by the word as written) of the sentence's words, laid end to end: a
    list's extend by a tuple copies it in C, with no iterator per token. A known word's entry is read
    from its token's memo, as the word's first token left it there: no look-up in `words`, which
    waits on memory where it holds many. KeyError at a word not in `words` (the words before it
    have their entries in their memos)."""
    flat = []
    # (the list's bound extend, called per token: the interpreter calls it straight, where += on a
    # list goes through the number protocol before the list's own concatenation)
    extend = flat.extend
    for t in toks:
        memo = t.memo
        if memo.features_of is words:
            extend(memo.features)
        else:
            entry = memo.features = words[t.text]
            memo.features_of = words
            extend(entry)
    return flat
