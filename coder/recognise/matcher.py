"""Find every lexicon phrase in a sentence by walking the compiled token trie.

Each token offers its lookup forms (itself, then clitic-stripped readings); a phrase matches when
each of its keys is one of the forms of consecutive tokens. The cost is a few dict look-ups per
token, whatever the size of the lexicon.

Grammar words (negation, coordinators, markers: a dozen a sentence) are not made mentions: the
rules read them by role, so the matcher gathers them into one index a sentence, kept on the list
of mentions it returns (Mentions.grammar_roles, .grammar_markers). A word's light verbs (make, take,
شن: dozens of entries each) make one trigger mention for those of one kind, whose entry holds them
(coder.lexicon.light_verbs). `match(..., with_grammar=True)` makes a mention of every entry, grammar
words too, in the order the matcher found them (`coder explain`)."""
from __future__ import annotations

from coder import is_compiled
from coder.lexicon.grammar import Mentions
from coder.lexicon.light_verbs import light_verb_phrases
from coder.lexicon.load import END, ActorRef, AgentRef, DiscardRef, GrammarRef, Trigger
from coder.model import Mention, Token, WordMemo
from coder.spans import trie_memo

_KIND = {Trigger: "trigger", ActorRef: "actor", AgentRef: "agent", GrammarRef: "grammar", DiscardRef: "discard"}


# per trie: a word as written -> the phrases its lookup forms start (see _word_steps). Keyed by the
# token's text, which the tokeniser shares between the tokens of one word (coder.lang.common.tokens_by),
# so that a look-up finds its key as the same string, with its hash kept: a tuple of forms would be
# hashed again at each token. (A word's forms follow from its text: the tokeniser works them out
# from it.) Most words start none, most that start one start a one-word phrase
_STARTS: dict[int, dict] = {}
_new = Mention.__new__   # (bound once: see coder/lang/common.py _new)
# the compiled build makes each mention in C, its fields stored into its slots at once
# (coder/slots.pxd; as the tokens: coder/lang/common.py _TOKENS_MADE_IN_C)
_MENTIONS_MADE_IN_C = is_compiled(__file__)
if _MENTIONS_MADE_IN_C:   # (and reads the tokens' and memos' fields at the offsets it was compiled with: checked)
    _records_layout_checked(Token, Mention, WordMemo)  # noqa: F821
# per trie, where match is given its language's reader of word kinds (`word_kinds`): the same,
# each entry's last field the word's kind, and a word that starts nothing but has a kind given one;
# where it is also given the first words of the date markers, the kinds carry _DATE_MARKER too
_KIND_STARTS: dict[int, dict] = {}
_DATED_KIND_STARTS: dict[int, dict] = {}
_NO_GRAMMAR = ((), ())   # (a word's grammar roles and entries where it starts none)
# the entry of a word that starts nothing but has a kind, with its kind after these
_STARTS_NOTHING = (None, None, (), None, (), ())
_COUNT, _PUNCT, _WATCHED = 1, 2, 4  # (a kind's bits, as coder.rules.counts sets them: a stage imports no other)
_DATE_MARKER = 8    # (the matcher's own bit: one of the word's forms starts a date marker)
_ONLY_DATE_MARKER = (_DATE_MARKER, ())


def _ends(node: dict, light_verbs_as_one: bool = False) -> tuple:
    """The phrases ending at `node` as (kind, entry, rule id), kept with the node's payload list; with
    `light_verbs_as_one`, its light-verb entries gathered in the pass (no phrase made of each) and
    put where the first of them stood as coder.lexicon.light_verbs.light_verb_phrases makes them."""
    out = []
    light = None    # (most nodes hold no light verb)
    for p in node.get(END, ()):
        kind = _KIND[type(p)]
        if light_verbs_as_one and kind == "trigger" and p.objects:
            if light is None:
                light, at = [p], len(out)
            else:
                light.append(p)
            continue
        # (grammar words carry no rule id: not asked, which would raise and catch per word)
        out.append((kind, p, "" if kind == "grammar" else p.rule_id))
    if light is not None:
        out[at:at] = light_verb_phrases(light)
    return tuple(out)


def _first_steps(trie: dict, forms: tuple[str, ...], *, light_verbs_as_one: bool = False) -> tuple:
    """What a word with these lookup forms starts in `trie`: () for nothing; (form index, node, the
    phrases ending there (_ends), the keys of the node where it leads further, else None) where one
    form starts phrases, as most that start any; (None, those steps, (), None) where several do."""
    steps = []
    for fi, f in enumerate(forms):
        # most forms start nothing: tested by the dict's own `in`, not by a get() that a trie read
        # from the cache answers in Python (coder.cache.LazyTrie, which decodes a key's subtree then)
        if f in trie:
            node = trie.get(f)
            # (the keys are tested against the next word's forms: kept as a frozenset, whose
            # isdisjoint() costs about two thirds of a dict view's)
            steps.append((fi, node, _ends(node, light_verbs_as_one),
                          frozenset(node) if len(node) > (END in node) else None))
    if len(steps) == 1:
        return steps[0]
    return (None, tuple(steps), (), None) if steps else ()


def _word_steps(trie: dict, forms: tuple[str, ...], word_kind=0) -> tuple:
    """The _STARTS entry of a word: its _first_steps with, where one form starts phrases, the
    grammar words ending at its first node apart: (form index, node, the other phrases ending
    there, the keys further, the roles of those grammar words, their entries); among those other
    phrases, its light verbs of one kind as one (coder.lexicon.light_verbs). (The lexicon puts a
    node's grammar entries before its others, coder.lexicon.load.compile_lexicon: `with_grammar`
    makes their mentions first, where they stood among the node's phrases.) Last, the word's `word_kind`
    (match's `word_kinds`): a word that starts nothing but has one, (None, None, (), None, (), (), word_kind)."""
    first = _first_steps(trie, forms, light_verbs_as_one=True)
    if not first:
        return _STARTS_NOTHING + (word_kind,) if word_kind else first
    # (asked of every word seen for the first time, most with no grammar word: loops, no generator's frame)
    for kind, _, _ in first[2]:
        if kind == "grammar":
            break
    else:
        return first + _NO_GRAMMAR + (word_kind,)
    others, roles, grammar = [], [], []
    for e in first[2]:
        if e[0] == "grammar":
            roles.append(e[1].role)
            grammar.append(e[1])
        else:
            others.append(e)
    return (first[0], first[1], tuple(others), first[3], tuple(roles), tuple(grammar), word_kind)


def match(trie: dict, tokens: list[Token], text: str, with_grammar: bool = False, word_kinds=None,
          date_marker_firsts=None) -> Mentions:
    """All matches (overlapping ones included) but grammar words, as mentions over token ranges;
    the grammar words as the list's index (Mentions), also as mentions `with_grammar`. With
    `word_kinds`, the trie's language's reader of a word's kind (coder.rules.counts.word_kinds), also
    the sentence's counts, punctuation and watched forms (Mentions.word_kinds), gathered in this walk,
    kept with each word's first steps: the rules make no pass of their own for them. With
    `date_marker_firsts` too (coder.dates.markers.marker_first_words), the positions of the words
    whose forms start a date marker (Mentions.date_marker_words), for the rows' marker scan.
    (Typed in the compiled build: matcher.pxd; a plain loop, no closure.)"""
    out = Mentions()
    roles: dict[str, set[int]] = {}
    markers: list[tuple] = []
    out.grammar_roles, out.grammar_markers = roles, markers
    # the mentions sorted by kind as they are made (Mentions.triggers, ...): the rules and the pipeline
    # make no pass of their own to sort them
    triggers, actors, discards = [], [], []
    out.triggers, out.actor_mentions, out.discards = triggers, actors, discards
    out.actor_words = actor_words = set()
    n = len(tokens)
    dated = None
    if word_kinds is None:
        starts = trie_memo(_STARTS, trie)
        out.word_kinds = None
    else:
        numbers, marks, watched = set(), set(), set()
        out.word_kinds = (numbers, marks, watched)
        if date_marker_firsts is None:
            starts = trie_memo(_KIND_STARTS, trie)
        else:
            starts = trie_memo(_DATED_KIND_STARTS, trie)
            dated = []
    out.date_marker_words = dated
    # (locals, read at each mention; starts.get stays a method call, which the compiled build makes
    # a dict look-up in C)
    new, mention = _new, Mention
    in_c = _MENTIONS_MADE_IN_C
    for i, tok in enumerate(tokens):
        # (a known word's steps read from its token's memo, as the word's first token left them
        # there: no look-up in `starts`, which waits on memory where it holds many words)
        memo = tok.memo
        if memo.starts_of is starts:
            first = memo.starts
        else:
            first = starts.get(tok.text)
            if first is not None:
                memo.starts_of, memo.starts = starts, first
        # (one test for a word known to start something, as most words with an entry are: the
        # words that start nothing, () as known and None as new, are told apart only then)
        if not first:
            if first is not None:
                continue
            kind = word_kinds(tok) if word_kinds is not None else 0
            # (the marker test with the kind, once a word; inline: a new word costs no call more)
            if dated is not None and not date_marker_firsts.isdisjoint(tok.forms):
                kind = (kind[0] | _DATE_MARKER, kind[1]) if kind else _ONLY_DATE_MARKER
            # (most new words start nothing: told by the trie's own `in` on their forms, no frame)
            for f in tok.forms:
                if f in trie:
                    first = _word_steps(trie, tok.forms, kind)
                    break
            else:
                first = _STARTS_NOTHING + (kind,) if kind else ()
            starts[tok.text] = first
            memo.starts_of, memo.starts = starts, first
            if not first:
                continue
        fi, node, ends, next_keys, word_roles, grammar, kind = first
        if kind:    # (0 without a reader of kinds; with one, 0 for most words)
            bits, forms = kind
            if bits == _WATCHED:    # (most words with a kind: a watched word alone, or punctuation)
                watched.update(forms)
            elif bits == _PUNCT:
                marks.add(i)
            else:   # (a marker word is most often also watched: في, in)
                if bits & _COUNT:
                    numbers.add(i)
                if bits & _PUNCT:
                    marks.add(i)
                if bits & _WATCHED:
                    watched.update(forms)
                if bits & _DATE_MARKER:
                    dated.append(i)
            if node is None:    # (a word with a kind that starts nothing)
                continue
        if fi is not None:
            if word_roles:
                # the word's grammar roles, compiled with its first steps: no mention made for each
                for role in word_roles:
                    idx = roles.get(role)   # (no empty set built for each marker, as setdefault would)
                    if idx is None:
                        roles[role] = {i}
                    else:
                        idx.add(i)
                markers.append((i, i, grammar))
                if with_grammar:
                    _grammar_mentions(out, grammar, i, i, tok.start, tok.end, tok.text, fi)
            # one form starts phrases: its one-word phrases first, then (rarely) the longer ones. (No
            # clitic_triggers here: a name as written and an event word read through a clitic at one
            # word are started by two of its forms.)
            if with_grammar:    # (an entry a mention, light verbs too, as the node lists them)
                ends = _listed_ends(node)
            if ends:
                start, end, written = tok.start, tok.end, tok.text   # (a one-word phrase's text is its token's)
                for kind, p, rule_id in ends:
                    if in_c:    # (the compiled build: made in C, its fields stored into its slots)
                        m = _mention_made_in_c(mention, kind, i, i, start, end, written, p, rule_id, fi)  # noqa: F821
                    else:
                        # (the fields set one by one on a bare instance: calling the dataclass's
                        # __init__ costs a Python frame per mention; tests check every field is set)
                        m = new(mention)
                        m.kind = kind
                        m.first = m.last = i
                        m.start = start
                        m.end = end
                        m.text = written
                        m.entry = p
                        m.rule_id = rule_id
                        m.first_form = fi
                    out.append(m)
                    if kind == "trigger":
                        triggers.append(m)
                    elif kind == "discard":
                        discards.append(m)
                    else:   # (an actor or an agent: no grammar word is a mention here)
                        actors.append(m)
                        actor_words.add(i)
            if next_keys is None or i + 1 == n or next_keys.isdisjoint(tokens[i + 1].forms):
                continue
            stack = []   # (a loop, not a comprehension: a function object and a frame a phrase)
            for f in tokens[i + 1].forms:
                if f in node:
                    stack.append((i + 1, node[f], fi))
        else:   # (node: the steps of the forms that start phrases)
            stack = []
            for step_fi, step_node, _, _ in node:
                stack.append((i, step_node, step_fi))
        seen = set()
        through_clitic = False  # a trigger of this word read through a clitic off its first letter
        while stack:
            j, node, fi = stack.pop()
            payloads = node.get(END)
            if payloads is not None and type(payloads) is not list:
                # below a word's first node, a trie read from the cache holds a callable that
                # builds the payloads when first reached (coder.cache.Deferred): kept built
                payloads = node[END] = payloads()
            if payloads and (j, id(payloads)) not in seen:
                seen.add((j, id(payloads)))
                start, end = tok.start, tokens[j].end
                written = text[start:end]
                for p in payloads:
                    kind = _KIND[type(p)]
                    if kind == "grammar":   # (into the index: a marker's every word takes its role)
                        _add_marker(roles, markers, p, i, j)
                        if with_grammar:
                            _grammar_mentions(out, (p,), i, j, start, end, written, fi)
                        continue
                    if in_c:
                        m = _mention_made_in_c(mention, kind, i, j, start, end, written, p, p.rule_id, fi)  # noqa: F821
                    else:
                        m = new(mention)   # (a bare instance, as above: no Python frame a mention)
                        m.kind = kind
                        m.first = i
                        m.last = j
                        m.start = start
                        m.end = end
                        m.text = written
                        m.entry = p
                        m.rule_id = p.rule_id
                        m.first_form = fi
                    out.append(m)
                    if kind == "trigger":
                        triggers.append(m)
                        if not through_clitic and _through_clitic(tok, fi):
                            through_clitic = True
                    elif kind == "discard":
                        discards.append(m)
                    else:
                        actors.append(m)
                        actor_words.update(range(i, j + 1))
            if j + 1 < n:
                for f in tokens[j + 1].forms:
                    nxt = node.get(f)
                    if nxt is not None:
                        stack.append((j + 1, nxt, fi))
        if through_clitic:  # (rare: the word's mentions, the last made, are read again only then)
            _names_as_written(out, tokens, i)
    return out


def _listed_ends(node: dict) -> tuple:
    """The phrases but grammar words ending at a word's first node, an entry each (no light verbs
    as one), in the lexicon's order (`match(..., with_grammar=True)`)."""
    return tuple(e for e in _ends(node) if e[0] != "grammar")


def _add_marker(roles: dict[str, set[int]], markers: list[tuple], entry: GrammarRef, first: int, last: int) -> None:
    """A grammar word found past a word's first node (or at a word several of whose forms start
    phrases) into the sentence's index."""
    idx = roles.get(entry.role)
    if idx is None:
        roles[entry.role] = idx = set()
    idx.update(range(first, last + 1))
    markers.append((first, last, (entry,)))


def _grammar_mentions(out: Mentions, grammar: tuple, first: int, last: int, start: int, end: int,
                      written: str, fi: int) -> None:
    """The mentions of grammar words (`match(..., with_grammar=True)` only), as the rest are made."""
    for p in grammar:
        out.append(Mention("grammar", first, last, start, end, written, p, "", fi))


def _through_clitic(tok: Token, form: int) -> bool:
    """Was the lookup form `form` of the token read with a clitic off its first letter?"""
    return form > 0 and tok.forms[form][:1] != tok.norm[:1]


def _names_as_written(out: Mentions, tokens: list[Token], i: int) -> None:
    """A name the lexicon knows as written is not also an event word read through a clitic off its
    first letter (بايدن is Biden, not ب + a form of أيد): the trigger mentions so read at token i
    that such a name starting there covers are taken out of `out`, whose last mentions are token i's.
    (Asked at the word itself, once its mentions are made: no pass over the sentence's mentions.)"""
    begin = len(out)
    while begin and out[begin - 1].first == i:
        begin -= 1
    name_ends = [m.last for m in out[begin:] if m.kind in ("actor", "agent") and m.first_form == 0]
    if name_ends:
        kept = [m for m in out[begin:] if not (m.kind == "trigger" and _through_clitic(tokens[i], m.first_form) and
                                               m.last <= max(name_ends))]
        if len(kept) < len(out) - begin:
            out[begin:] = kept
            # the triggers taken out leave the matcher's list of triggers too (a plain list has none)
            triggers = getattr(out, "triggers", None)
            if triggers is not None:
                triggers[:] = [m for m in triggers if m.first != i or any(m is k for k in kept)]
