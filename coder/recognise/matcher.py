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
# the phrases they start, as (form index, trie node, the phrases ending there, does it lead further,
# is one of them a trigger read through a clitic); most words start none, most that start one
# start a one-word phrase
_STARTS: dict[int, tuple[dict, dict]] = {}


def _ends(node: dict) -> tuple:
    """The phrases ending at `node` as (kind, entry, rule id), kept with the node's payload list."""
    # (grammar words carry no rule id: not asked, which would raise and catch per word)
    return tuple((kind, p, "" if kind == "grammar" else p.rule_id)
                 for p in node.get(END, ()) for kind in (_KIND[type(p)],))


def _first_steps(trie: dict, forms: tuple[str, ...]) -> tuple:
    """What a word with these lookup forms starts in `trie` (the _STARTS entry)."""
    steps = []
    for fi, f in enumerate(forms):
        node = trie.get(f)
        if node is not None:
            ends = _ends(node)
            through = fi > 0 and any(kind == "trigger" for kind, _, _ in ends)
            steps.append((fi, node, ends, len(node) > (END in node), through))
    return tuple(steps)


def match(trie: dict, tokens: list[Token], text: str) -> list[Mention]:
    """All matches (overlapping ones included), as mentions over token ranges."""
    out: list[Mention] = []
    n = len(tokens)
    starts = trie_memo(_STARTS, trie)
    through_form = False    # a trigger matched through a form other than the word as written
    for i in range(n):
        tok = tokens[i]
        first = starts.get(tok.forms)
        if first is None:
            first = starts[tok.forms] = _first_steps(trie, tok.forms)
        if not first:
            continue
        if len(first) == 1:
            # one form starts phrases: its one-word phrases first, then (rarely) the longer ones
            fi, node, ends, further, through = first[0]
            if ends:
                start, end = tok.start, tok.end
                for kind, p, rule_id in ends:
                    out.append(Mention(kind, i, i, start, end, text[start:end], p, rule_id, fi))
                through_form = through_form or through
            if not further or i + 1 == n:
                continue
            stack = [(i + 1, nxt, fi) for f in tokens[i + 1].forms if (nxt := node.get(f)) is not None]
        else:
            stack = [(i, node, fi) for fi, node, *_ in first]
        seen = set()
        while stack:
            j, node, fi = stack.pop()
            payloads = node.get(END)
            if payloads and (j, id(payloads)) not in seen:
                seen.add((j, id(payloads)))
                start, end = tok.start, tokens[j].end
                for p in payloads:
                    kind = _KIND[type(p)]
                    out.append(Mention(kind, i, j, start, end, text[start:end], p,
                                       "" if kind == "grammar" else p.rule_id, fi))
                    through_form = through_form or (fi > 0 and kind == "trigger")
            if j + 1 < n:
                for f in tokens[j + 1].forms:
                    nxt = node.get(f)
                    if nxt is not None:
                        stack.append((j + 1, nxt, fi))
    return _names_as_written(out, tokens) if through_form else out


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
