"""Part-of-speech decisions: closed-class words from syntax.yaml, open-class readings from the
lexicon matches (a trigger verb form, a trigger noun, an agent or actor name), and the data rules
for the words that have both a noun and a verb reading (قصف "shelled"/"shelling", "attack") or none."""
from __future__ import annotations

from operator import attrgetter

from coder.syntax.rules import CompiledRule, SyntaxRules

VERB_READING, NOUN_READING, NAMED = 1, 2, 4
_NORM = attrgetter("norm")   # (a few words' norms, read by map: no generator frame)
_PUNCT = frozenset(",;:()\"«»،؛-–—?!؟.'[]{}/“”‘’…")
# a word _closed looks further than (a phrase it may start, a pronoun on a preposition): its bit in
# the sentence's per-word bits (coder.syntax.Features.bits), with parse()'s word lists' (below 128)
LOOKS_FURTHER = 128
_LOOKS_FURTHER_BY_BITS = tuple(bool(b & LOOKS_FURTHER) for b in range(2 * LOOKS_FURTHER))   # (by bits: no bitwise and)


def _by_reading(r: int) -> tuple[bool, bool, str]:
    """What the tagger's rule pass reads of a token's readings: both a verb and a noun or name
    reading; the rules decide its tag, whatever the word lists gave (any reading but a noun's alone);
    the kind of rules tried."""
    ambiguous = bool(r & VERB_READING and r & (NOUN_READING | NAMED))
    verb_only = r == VERB_READING
    kind = "ambiguous" if ambiguous else "named" if r & NAMED else "verb" if verb_only else "unknown"
    return ambiguous, ambiguous or bool(r & NAMED) or verb_only, kind


_BY_READING = tuple(_by_reading(r) for r in range((VERB_READING | NOUN_READING | NAMED) + 1))   # by bit mask
AMBIGUOUS = tuple(a for a, _, _ in _BY_READING)    # both a verb and a noun or name reading, by bit mask
_RULED = tuple(ruled for _, ruled, _ in _BY_READING)    # the rules decide the tag, by bit mask


def _provisional(r: int):
    """The open-class tag tag() gives a token no word list tags before the rules, by its readings: a
    verb's alone, a verb; a noun's or a name's (a name alone: a proper noun); None for a word both a
    verb and a noun or name (left untagged)."""
    if r & VERB_READING and not r & (NOUN_READING | NAMED):
        return "VERB"
    if not r & VERB_READING:
        return "PROPN" if r == NAMED else "NOUN"
    return None


# (by bit mask, read from a table: no bitwise and per token, which the interpreter (3.11) does not
# specialise)
_PROVISIONAL = tuple(_provisional(r) for r in range((VERB_READING | NOUN_READING | NAMED) + 1))


def _closed(toks, F, prof, R: SyntaxRules) -> list:
    """The tags the word lists give (None where they give none), from the sentence's features."""
    tags = F.closed_tags    # what the word alone decides (the sentence's own list: tagged in place)
    # only a word that may start a phrase, or be a preposition carrying a pronoun, reads its neighbours
    end = 0     # (the words of a phrase found take its tag, their own questions unasked)
    n = len(toks)
    phrases_started = F.phrases_started
    bits = F.bits
    # (the tokens with a bit: those with the further bit among them, a few, found in one pass with
    # parse()'s word lists)
    for i in F.special:
        if i < end or not _LOOKS_FURTHER_BY_BITS[bits[i]]:
            continue
        # (what word_closed said of the word: kept in the same pair as its entry, Features)
        tag, maybe_adp, phrases = phrases_started[toks[i].text]
        for key, ptag in phrases:
            # (a phrase has two words or more: no key built from the tokens unless the next one is its second)
            if i + len(key) <= n and toks[i + 1].norm == key[1] and tuple(map(_NORM, toks[i:i + len(key)])) == key:
                end = i + len(key)
                tags[i:end] = [ptag] * len(key)
                break
        else:
            if tag is None and maybe_adp and prof.refers_back(toks, i):
                tags[i] = "ADP"     # a preposition carrying a pronoun: عليه، إليها
    return tags


def word_closed(t, R: SyntaxRules, prof, conj: bool) -> tuple:
    """What _closed reads of a word as written (a token's norm and forms follow from its text; `conj`:
    it carries a conjunction clitic), kept with the word's other features (coder.syntax.Features):
    the tag from the word lists, whether _closed must look further than the word (a phrase it starts,
    or a pronoun on a preposition), and (that tag, maybe a preposition, the phrases it starts)."""
    fixed, tag, maybe_adp = _word_tag(t, R, prof, conj)
    phrases = () if fixed else R.phrases.get(t.norm, ())
    return tag, bool(phrases) or (tag is None and maybe_adp), (tag, maybe_adp, phrases)


def _word_tag(t, R: SyntaxRules, prof, conj: bool) -> tuple:
    """What _closed decides from the word alone (a token's norm and forms follow from its text):
    (tag fixed before any phrase, tag from the word lists, may be a preposition carrying a pronoun)."""
    w = t.norm
    first = w[:1]   # (sliced once: an Arabic letter is a new string at each slice)
    if first in _PUNCT and (w in _PUNCT or all(c in _PUNCT for c in w)):    # (most words: one test)
        return True, "PUNCT", False
    if first.isdigit():
        return True, "NUM", False
    tag = R.words.get(w)
    if tag is None and (conj or first in prof.CLITIC_COORDINATORS):
        tag = R.words.get(w[1:])     # وقد، وأن، وكان
    return False, tag, tag is None and not R.adpositions.isdisjoint(t.forms[1:])


def _word_allows(rules: list[CompiledRule], t, conj: bool, prep: bool, definite: bool) -> list[CompiledRule]:
    """Of `rules`, those whose conditions that read the word alone (its norm, its text, a conjunction
    or a preposition clitic, the article) it meets: a rule they fail never holds for that word.
    (One call a word form, the word's facts read once, not once a rule.) Each is kept without those
    conditions (_context_part), and the list ends at the first that then always holds."""
    w = t.norm
    stem = w[1:] if conj else w
    allowed = []
    for r in rules:
        if r.definite is not None and definite != r.definite:
            continue
        if r.clitic_preposition is not None and prep != r.clitic_preposition:
            continue
        if r.word and w not in r.word:
            continue
        if r.min_length and len(w) < r.min_length:
            continue
        if r.ending and (not stem.endswith(r.ending) or (stem.endswith("ي") and t.text.endswith("ى"))):
            continue    # (ى folded into ي, asked only of a word with the ending: مبنى is no nisba adjective)
        if r.prefix and not stem.startswith(r.prefix):
            continue
        part = _CONTEXT_PARTS.get(id(r))
        if part is None or part[0] is not r:
            context = _context_part(r)
            part = _CONTEXT_PARTS[id(r)] = (r, context, _always_holds(context))
        allowed.append(part[1])
        if part[2]:
            break       # (the rules after it are never tried)
    return allowed


# id of a rule -> (the rule, the same rule without the conditions on the word alone, whether that
# always holds), worked out once a rule; by id, as hashing a rule hashes all its fields (the rule
# is kept in the value: its id stays its own)
_CONTEXT_PARTS: dict[int, tuple] = {}


def _context_part(r: CompiledRule) -> CompiledRule:
    """`r` without the conditions _word_allows has checked (the word's own): what is left to ask
    of the sentence, nothing at all for many rules."""
    return CompiledRule(r.tag, r.applies, r.prev_tag, r.next_tag, r.prev_word, r.next_word, (), (), 0, None, None,
                        r.capitalised, r.next_capitalised, r.next_definite, r.prev_definite, r.definite_agrees)


def _to_try(rules: list[CompiledRule]) -> tuple:
    """The rules to try in order up to the first that asks nothing but the tag before (which picked
    `rules`): it always holds, so the rules after it are never tried and it needs no _holds call.
    (those before it, its tag or None)"""
    for n, r in enumerate(rules):
        if _always_holds(r):
            return rules[:n], r.tag
    return rules, None


def _always_holds(r: CompiledRule) -> bool:
    """The rule asks nothing but the tag before (which picked the rules tried)."""
    return not (r.word or r.next_tag or r.prev_word or r.next_word or r.min_length or r.ending or r.prefix or
                r.definite_agrees) and r.definite is None and r.clitic_preposition is None and \
        r.capitalised is None and r.next_capitalised is None and r.next_definite is None and r.prev_definite is None


def _holds(r: CompiledRule, i: int, toks, tags, prev: str, F) -> bool:
    """Every condition of a rule at token i, with `prev` the tag before: those on the sentence around
    it (_holds_in_context, what the rules tag() tries are left with), then those on the word alone.
    (Asked of the revisions only: a few verbs a sentence.)"""
    if r.prev_tag and prev not in r.prev_tag:
        return False
    return _holds_in_context(r, i, toks, tags, F) and _holds_on_word(r, i, toks, F)


def _holds_on_word(r: CompiledRule, i: int, toks, F) -> bool:
    """The conditions of a rule on the word at token i alone (its form, its clitics, its article)."""
    t = toks[i]
    w = t.norm
    if r.word and w not in r.word:
        return False
    if r.min_length and len(w) < r.min_length:
        return False
    if r.ending or r.prefix:
        stem = w[1:] if F.conj[i] else w
        if r.ending and (not stem.endswith(r.ending) or (stem.endswith("ي") and t.text.endswith("ى"))):
            return False    # (normalisation folds ى into ي: مبنى is no nisba adjective)
        if r.prefix and not stem.startswith(r.prefix):
            return False
    if r.definite is not None and F.definite[i] != r.definite:
        return False
    if r.clitic_preposition is not None and F.prep[i] != r.clitic_preposition:
        return False
    return True


def _holds_in_context(r: CompiledRule, i: int, toks, tags, F) -> bool:
    """_holds for a rule tag() tries for a word: the rules tried are picked by the tag before (their
    own allows it) and kept without the conditions on the word alone (_context_part), which the word
    met once for all (_word_allows): only the conditions on the sentence around it are asked, with
    no test left that always passes (a few per rule tried)."""
    if r.next_tag and (tags[i + 1] if i + 1 < len(toks) else "END") not in r.next_tag:
        return False
    if r.next_definite is not None and (i + 1 < len(toks) and F.definite[i + 1]) != r.next_definite:
        return False
    if r.prev_definite is not None and (i > 0 and F.definite[i - 1]) != r.prev_definite:
        return False
    # (a noun with a possessive pronoun is definite: قواته الجوية; its flag read from the sentence's
    # own, where the language keeps them per word: no method call)
    if r.definite_agrees and (i == 0 or (F.definite[i - 1] or (
            F.owned_flags[i - 1] if F.owned_flags is not None else F.owned(i - 1))) != F.definite[i]):
        return False
    if r.prev_word and (i == 0 or toks[i - 1].norm not in r.prev_word):
        return False
    if r.next_word and (i + 1 >= len(toks) or toks[i + 1].norm not in r.next_word):
        return False
    if r.capitalised is not None and (i > 0 and toks[i].text[:1].isupper()) != r.capitalised:
        return False
    if r.next_capitalised is not None and (i + 1 < len(toks) and toks[i + 1].text[:1].isupper()) != r.next_capitalised:
        return False
    return True


def _rules_to_try(R: SyntaxRules, r: int, prev: str, t, has_conj: bool, has_prep: bool, definite: bool) -> tuple:
    """The rules of a token's kind (by its readings `r`) whose tag before allows `prev` and that the
    word itself allows, with the tag if none holds (tag() keeps them per word as written, readings and
    tag before; per clitics as well where parse() cleared them). The tag if none holds is _to_try's,
    else the one its readings give the token: a noun for a word both a verb and a noun or name, the default for a word no lexicon reads
    (untagged before the rules), None for the others (they keep the tag they have)."""
    kind = _BY_READING[r][2]
    rules = R.rules_by_kind.get((kind, prev))
    if rules is None:   # the rules whose tag before allows prev, in file order, kept per (kind, prev)
        rules = R.rules_by_kind[kind, prev] = [q for q in R.rules_by_kind[kind] if not q.prev_tag or prev in q.prev_tag]
    rules, chosen = _to_try(_word_allows(rules, t, has_conj, has_prep, definite))
    # (None for no rule to try: tag() tests it by identity, not by a list's truth)
    return rules or None, chosen or ("NOUN" if AMBIGUOUS[r] else None if r else R.default_tag)


def tag(toks, read: list[int], read_at: list[int], R: SyntaxRules, prof, F) -> list[str]:
    """One tag per token (UD tag names, plus POSS and REL), from the readings the lexicons give each
    token (bits: VERB_READING, NOUN_READING, NAMED), and the tokens with any (`read_at`, in order)."""
    tags = _closed(toks, F, prof, R)
    # per token, whether it has a tag here that the rules decide whatever its tag (a list read by
    # position: no hash a token, as a set's test makes)
    ruled = [False] * len(toks)
    for i in read_at:
        r = read[i]
        if tags[i] is not None:
            # "US", "IT": an acronym the lexicons name is no closed-class word ("us", "it")
            if r & NAMED and len(toks[i].text) > 1 and toks[i].text.isupper():
                tags[i] = "PROPN"
        # provisional open-class tags, so that a rule can look at the next word
        else:
            provisional = _PROVISIONAL[r]
            if provisional is None:
                continue    # (no tag yet: visited as one)
            tags[i] = provisional
        if _RULED[r]:
            ruled[i] = True
    # a word the word lists decided that no lexicon reads otherwise keeps its tag (one with no reading
    # or a noun's alone): the others are visited in order, those still untagged and those the rules
    # decide whatever their tag (the untagged are the words the word lists leave open, whose tag was
    # None: asked of every token here, where finding those words apart in Features cost a pass over
    # the tokens more) (one pass over the tags: no list of the tokens to visit made first and merged
    # with the ruled; only the token visited is tagged, so each is read with the tag it had before)
    conj, prep, memos = F.conj, F.prep, F.tag_memos
    # the tag of the token before as it stands (each token is tagged only when visited: kept as the
    # loop passes it, not read back from the tags)
    before = "START"
    for i, t in enumerate(tags):
        if t is not None and not ruled[i]:
            before = t
            continue
        r, has_conj = read[i], conj[i]
        # (the token before has its tag by now: each untagged one gets a tag when visited, the
        # default one at least; ints compared, not tested for truth, here and below: a test of an
        # int's truth calls its type, a comparison with its jump is specialised)
        prev = "CCONJ" if has_conj else before
        # (kept with the word's features, by its readings and the tag before: the word as written
        # decides its clitics and the article, unless parse() cleared them, as for a lexicon word)
        memo = memos[i]
        if memo is not None:
            # (a word a lexicon reads: its rules by the tag before kept apart for its readings, under
            # their int, where a key of both was a tuple built and hashed at each token)
            if r > 0:
                by_prev = memo.get(r)
                if by_prev is None:
                    by_prev = memo[r] = {}
            else:
                by_prev = memo
            rules = by_prev.get(prev)
            if rules is None:
                rules = by_prev[prev] = _rules_to_try(R, r, prev, toks[i], has_conj, prep[i], F.definite[i])
        else:
            key = (r, prev, toks[i].text, has_conj, prep[i])
            rules = R.word_rules.get(key)
            if rules is None:
                if len(R.word_rules) >= 100_000:
                    R.word_rules.clear()
                rules = R.word_rules[key] = _rules_to_try(R, r, prev, toks[i], has_conj, prep[i], F.definite[i])
        rules, chosen = rules
        if rules is not None:    # (most words have none left to try (None): no iterator made for them)
            for rule in rules:
                if _holds_in_context(rule, i, toks, tags, F):
                    chosen = rule.tag
                    break
        if chosen is not None:    # (None: the token keeps its tag, _rules_to_try)
            tags[i] = before = chosen
        else:
            before = t
    if R.revisions:     # "the most widely accepted form": rules that read the tags on both sides
        # (the verbs found by list.index, in C: no Python step per token; a revision changes only
        # the verb it is on, which the next search starts past)
        i = -1
        for _ in range(tags.count("VERB")):
            i = tags.index("VERB", i + 1)
            prev = "START" if i == 0 else tags[i - 1]
            rule = _revision(R, i, toks, tags, prev, F)
            if rule is not None:
                tags[i] = rule.tag
    return tags


def _revision(R: SyntaxRules, i: int, toks, tags, prev: str, F):
    """The first revision rule (R.revisions) that holds for the verb at i, if any."""
    for r in R.revisions:    # (a loop, not next() over a generator: no generator made per verb)
        if (not r.prev_tag or prev in r.prev_tag) and _holds(r, i, toks, tags, prev, F):
            return r
    return None
