"""Find every lexicon phrase in a sentence by walking the compiled token trie.

Each token offers its lookup forms (itself, then clitic-stripped readings); a phrase matches when
each of its keys is one of the forms of consecutive tokens. The cost is a few dict look-ups per
token, whatever the size of the lexicon."""
from __future__ import annotations

from coder.lexicon.load import END, ActorRef, AgentRef, DiscardRef, GrammarRef, Trigger
from coder.model import Mention, Token
from coder.spans import trie_memo

_KIND = {Trigger: "trigger", ActorRef: "actor", AgentRef: "agent", GrammarRef: "grammar", DiscardRef: "discard"}


# per trie: a word's lookup forms (the tuple the tokeniser shares between tokens of one word) ->
# the phrases they start, as (form index, trie node); most words start none
_STARTS: dict[int, tuple[dict, dict]] = {}


def match(trie: dict, tokens: list[Token], text: str) -> list[Mention]:
    """All matches (overlapping ones included), as mentions over token ranges."""
    out: list[Mention] = []
    n = len(tokens)
    starts = trie_memo(_STARTS, trie)
    for i in range(n):
        forms = tokens[i].forms
        first = starts.get(forms)
        if first is None:
            first = starts[forms] = tuple((fi, node) for fi, f in enumerate(forms)
                                          if (node := trie.get(f)) is not None)
        if not first:
            continue
        if len(first) == 1:     # (most words start phrases through one form only)
            fi, node = first[0]
            stack = [(i, node, fi)]
        else:
            stack = [(i, node, fi) for fi, node in first]
        seen = set()
        while stack:
            j, node, fi = stack.pop()
            payloads = node.get(END)
            if payloads and (j, id(payloads)) not in seen:
                seen.add((j, id(payloads)))
                start, end = tokens[i].start, tokens[j].end
                for p in payloads:
                    kind = _KIND[type(p)]
                    # (grammar words carry no rule id: not asked, which would raise and catch per word)
                    out.append(Mention(kind, i, j, start, end, text[start:end], p,
                                       "" if kind == "grammar" else p.rule_id, fi))
            if j + 1 < n:
                for f in tokens[j + 1].forms:
                    nxt = node.get(f)
                    if nxt is not None:
                        stack.append((j + 1, nxt, fi))
    return _names_as_written(out, tokens)


def _names_as_written(out: list[Mention], tokens: list[Token]) -> list[Mention]:
    """A name the lexicon knows as written is not also an event word read through a clitic off its
    first letter (بايدن is Biden, not ب + a form of أيد)."""
    names = {(m.first, m.last) for m in out if m.kind in ("actor", "agent") and m.first_form == 0}
    if not names:
        return out
    def through_clitic(m: Mention) -> bool:
        t = tokens[m.first]
        return m.first_form > 0 and t.forms[m.first_form][:1] != t.norm[:1]
    return [m for m in out if not (m.kind == "trigger" and through_clitic(m) and
                                   any(f == m.first and m.last <= l for f, l in names))]
