"""The syntax stage, between recognition and the event rules: parts of speech, noun-phrase chunks
and clauses with each predicate's arguments, from per-language data (coder/lexicon/<lang>/syntax.yaml)
and the lexicon matches. TABARI-style sparse parsing, kept on spaCy-like typed records."""
from __future__ import annotations

from itertools import compress, count
from typing import Callable, Optional

from coder.lang import profile, profile_part
from coder.lexicon.grammar import by_kind
from coder.syntax.clauses import arguments
from coder.syntax.marks import _marker_roles
from coder.syntax.segmenter import CLAUSE_BREAKS, segment, _verb_groups
from coder.syntax.reference import antecedents, possessors
from coder.syntax.phrases import TANWIN, chunk_indexed
from coder.syntax.records import Chunk, Clause, Parse, Predicate
from coder.syntax.rules import rules
from coder.syntax.tagger import LOOKS_FURTHER, NAMED, NOUN_READING, VERB_READING, tag, word_closed
from coder.syntax.word_entries import known_entries

__all__ = ["Chunk", "Clause", "Parse", "Predicate", "parse", "describe"]


# what parse() asks of a word's norm, as bits (most words have none: their tokens are passed over)
# (and the punctuation that ends a clause, which segmenter.segment asks about; the chunker's tanwin;
# an anaphor, "the group", which reference.antecedents asks about; tagger.LOOKS_FURTHER, 128)
QUOTE_WORD, PARTICIPLE_PREPOSITION, MARKER_START, DIGIT, CLAUSE_PUNCT, ANAPHOR = 1, 2, 4, 8, 16, 64


class Features:
    """Per-token answers the part-of-speech rules read, computed once: a conjunction or a
    preposition clitic on the word, the article; which of parse()'s word lists the word is in; and
    what the word lists say of it (tagger.word_closed). All kept per word as written, in one entry."""

    def __init__(self, toks, prof, R):
        code = prof.CODE
        known = _FEATURES.get(code)
        if known is None or len(known[0]) >= 100_000:
            # (new dicts, renewed together in one assignment: a sentence reads the pair it had, so
            # every word with the LOOKS_FURTHER bit has its phrases in the same pair)
            known = _FEATURES[code] = ({}, {})
        words, phrases_started = known
        # a language whose possessive pronoun is on the word itself (قواته) answers refers_back per word
        # (kept per language: read here with no call a sentence)
        own = _OWNS_PER_WORD.get(code)
        if own is None:
            own = _owns_per_word(prof)
        # kept per word as written: a token's norm and forms follow from its text. The entries are
        # laid end to end in one list and each column sliced from it (coder/syntax/word_entries.py)
        try:
            flat = known_entries(toks, words)
        except KeyError:    # (a sentence with a word not seen before: the others' entries are kept)
            first_seen = _FIRST_SEEN.get(code) or _first_seen_for(prof, R)
            flat = []
            extend = flat.extend
            for t in toks:
                extend(words.get(t.text) or first_seen(t, words, phrases_started))
        # (seven fields an entry, each a column: every field is read by position in the sentence)
        self.conj = flat[0::7]    # (lists: parse() corrects them from the lexicon matches)
        self.prep = flat[1::7]
        self.definite = flat[2::7]
        bits = self.bits = flat[3::7]
        self.closed_tags = flat[4::7]
        # the word's tagging rules by the tag before (tagger.tag); None where parse() clears the
        # token's clitics (a lexicon word), whose rules are kept by its clitics as well
        self.tag_memos = flat[5::7]
        # the entry's last field is the language's own per-word flag (_first_seen_for): the possessive
        # pronoun on the word where the language writes it there; else, where the possessor is a word
        # of its own ("Russia's"), whether the word is one, which the English chunker asks of most
        # words of a phrase (a language with both has the possessors asked of its profile:
        # phrases.possessive_flags)
        flags = flat[6::7]
        self.owned_flags = flags if own else None
        self.possessive = None if own or prof.MODIFIER_AFTER_NOUN else flags
        # the tokens with a bit, in order (found by compress, in C), among them those tagger._closed
        # looks further than (LOOKS_FURTHER: a few): one pass for both. (The tokens the word lists
        # give no tag are those whose closed tag is None: tagger.tag finds them from the tags)
        self.special = list(compress(count(), bits))    # (count(): no len() call nor range made)
        self.words = words
        # what word_closed said of the words _closed looks further than (their LOOKS_FURTHER bit),
        # by the word as written: (its tag, maybe a preposition, the phrases it starts)
        self.phrases_started = phrases_started    # (renewed with the entries, above)
        self.cleared: set[int] = set()    # ids of the tokens whose clitics parse() cleared (a lexicon word)
        self._toks, self._prof = toks, prof

    def owned(self, i: int) -> bool:
        """Token i carries a possessive pronoun (قواته): as definite as a word with the article.
        (Read from the sentence's flags where the language keeps them per word.)"""
        flags = self.owned_flags
        return flags[i] if flags is not None else self._prof.refers_back(self._toks, i)


# language -> (word as written -> features, word as written -> what word_closed said of it): the
# second for the words tagger._closed looks further than alone (a few: no field of every entry,
# copied per token, for it); the two renewed together, as one pair
_FEATURES: dict[str, tuple[dict[str, tuple], dict[str, tuple]]] = {}
_OWNS_PER_WORD: dict[str, bool] = {}    # language -> its possessive pronoun is on the word (Features.owned_flags)


def _owns_per_word(prof) -> bool:
    """Is the language's possessive pronoun written on the word itself (قواته)? Kept per language in
    _OWNS_PER_WORD, which Features reads first."""
    own = _OWNS_PER_WORD.get(prof.CODE)
    if own is None:
        own = _OWNS_PER_WORD[prof.CODE] = profile_part(prof, "carries_possessive", None) is not None
    return own


def _first_seen_for(prof, R) -> Callable:
    """The function that works out the features of a word not seen before and keeps them in the
    language's entries (and, for a word tagger._closed looks further than, what word_closed said of
    it in the pair's second dict, Features): made once a language, with the profile's word_features
    (its clitics, the article, a pronoun on the word, tanwin) and the bits of parse()'s word lists."""
    features = prof.word_features   # (a clitic, the article, a pronoun, tanwin: worked out together)
    listed: dict[str, int] = {}    # a word of the word lists -> its bits (one look-up a word, not four)
    for ws, bit in ((R.quote, QUOTE_WORD), (R.participle_prepositions, PARTICIPLE_PREPOSITION),
                    (R.marker_starts, MARKER_START), (CLAUSE_BREAKS, CLAUSE_PUNCT), (R.anaphors, ANAPHOR)):
        for w in ws:
            listed[w] = listed.get(w, 0) | bit

    # (asked only where the possessor is a word of its own: false for every word where it is not)
    is_possessor = None if prof.MODIFIER_AFTER_NOUN else prof.is_possessor
    carries_possessive = _owns_per_word(prof)

    def first_seen(t, words: dict, phrases_started: dict) -> tuple:
        conj, prep, definite, own, tanwin = features(t)
        w = t.norm
        tag, further, closed = word_closed(t, R, prof, conj)
        bits = listed.get(w, 0) | (DIGIT if w[:1].isdigit() else 0) | (TANWIN if tanwin else 0) | \
            (LOOKS_FURTHER if further else 0)
        if further:    # (whether _closed looks further than the word is its LOOKS_FURTHER bit)
            phrases_started[t.text] = closed    # (the entries' own: renewed with them, Features)
        # (and the word's tagging rules, kept by tagger.tag; last, the language's own per-word flag:
        # the pronoun on the word, else whether the word is a possessor)
        v = words[t.text] = (conj, prep, definite, bits, tag, {},
                             own if carries_possessive else is_possessor is not None and bool(is_possessor(t)))
        return v
    _FIRST_SEEN[prof.CODE] = first_seen
    return first_seen


_FIRST_SEEN: dict[str, Callable] = {}   # language -> the function _first_seen_for made for it


class _View:
    """The language profile with the per-token questions the rules ask many times (clitics, the
    article, a pronoun suffix) answered from the sentence's features: a clitic or the article from
    the entry of the word as written (no token-to-position map built per sentence)."""

    def __init__(self, prof, toks, F: Features):
        self._prof, self._toks = prof, toks
        # the profile's constants the stage reads most (per phrase, predicate and clause opener), as
        # the instance's own fields: a read of a class attribute through an instance is never
        # specialised by the interpreter (3.11), a read of an instance field is
        self.CODE = prof.CODE
        self.MODIFIER_AFTER_NOUN = prof.MODIFIER_AFTER_NOUN
        self._words, self._cleared = F.words, F.cleared
        self.owned_flags = F.owned_flags   # per token, or None where the pronoun comes before the word
        self.token_flags = (F.conj, F.prep, F.definite)    # the same answers by position
        self.token_bits = F.bits
        self.possessive_flags = F.possessive    # per token, or None where no word is a possessor

    def has_conjunction_clitic(self, t) -> bool:
        return False if id(t) in self._cleared else self._words[t.text][0]

    def has_preposition_clitic(self, t) -> bool:
        return False if id(t) in self._cleared else self._words[t.text][1]

    def is_definite(self, t) -> bool:
        return self._words[t.text][2]

    def refers_back(self, ts, i: int) -> bool:
        flags = self.owned_flags
        return flags[i] if flags is not None and ts is self._toks else self._prof.refers_back(ts, i)


def _known_class(code: str) -> type:
    """The language's own view class, with the profile's constants and functions (HONORIFICS,
    MODIFIER_AFTER_NOUN, asked per phrase and per predicate) copied onto it once: it has no
    __getattr__, which would make every attribute read on the view, found or not, a slow one (and a
    part the profile lacks an AttributeError raised through Python)."""
    parts = {name: staticmethod(v) for name, v in vars(profile(code)).items()    # (staticmethod: a function stays unbound)
             if not name.startswith("__") and not hasattr(_View, name) and name not in _VIEW_FIELDS}
    cls = _KNOWN_CLASSES[code] = type(f"_Known_{code}", (_View,), parts)
    return cls


_KNOWN_CLASSES: dict[str, type] = {}    # language -> its view class
# the profile's parts _View.__init__ sets on each view (on the class as well, an instance's own
# field would no longer be read by the specialised path)
_VIEW_FIELDS = frozenset({"CODE", "MODIFIER_AFTER_NOUN"})


def parse(toks, mentions, prof, skip: frozenset[int] = frozenset()) -> Optional[Parse]:
    """Parse one sentence's tokens; `skip` holds tokens already read as dates (adverbials). None for
    a sentence a discard word with no event class marks as no event (the rules read no parse of it)."""
    # the matcher's mentions by kind (Mentions.triggers, ...: grammar words are none of them), each
    # kind read in a loop of its own (no test of the kind per mention); a list made otherwise sorted here
    triggers = getattr(mentions, "triggers", None)
    if triggers is None:
        triggers, actor_mentions, discards, _ = by_kind(mentions)
    else:
        actor_mentions, discards = mentions.actor_mentions, mentions.discards
    for m in discards:
        if not m.entry.roots:
            # a word that marks the whole sentence as no event (a discard entry of no event class of
            # its own): the rules stop at it and read nothing of the parse (rules.engine.analyse)
            return None
    R = rules(prof.CODE)
    F = Features(toks, prof, R)
    # what the stage reads of the lexicon matches: the verb triggers, the reporting verbs whose
    # complement is what was said (say, قال; not those with an object noun), actor names of several
    # words, the words of actors and agents (those of an organisation apart)
    verbs = []     # (one statement a name: an assignment to more than three targets builds a tuple)
    speech = set()
    names = []
    actorish = set()
    organisations = set()
    # and per token, which readings the lexicons give it (bits): a noun phrase of several words gives
    # the noun reading to its head only (the first word where modifiers follow the noun, else the
    # last), the rules decide the other words (طائرات حربية: حربية is an adjective)
    read = [0] * len(toks)
    head_first = prof.MODIFIER_AFTER_NOUN
    conj, prep = F.conj, F.prep     # (lists: the loops correct them in place)
    # (a word a lexicon knows as written (وزير, وفد, بوتين) carries no conjunction or preposition
    # clitic, though one of its lookup forms drops the first letter: _clear_clitics, asked in each loop)
    for m in triggers:
        first = m.first
        if (conj[first] or prep[first]) and m.first_form == 0:
            _clear_clitics(F, toks, first)
        e = m.entry
        # (a token's readings and one more read from the tables by its readings so far: no bitwise
        # or per match, here and below)
        if e.pos == "verb":
            r = read[first]
            if not _HAS_VERB_READING[r]:    # (a word several trigger entries read: listed once)
                verbs.append(first)
                read[first] = _WITH_VERB_READING[r]
        else:
            head = first if head_first else m.last
            read[head] = _WITH_NOUN_READING[read[head]]
        if e.speech and not e.objects:
            speech.add(first)
    for m in actor_mentions:    # (actors and agents)
        first = m.first
        if (conj[first] or prep[first]) and m.first_form == 0:
            _clear_clitics(F, toks, first)
        last = m.last
        if m.kind == "agent":
            if last == first:    # (most mentions are one word: no range made for them, a costly call)
                actorish.add(first)
            else:
                actorish.update(range(first, last + 1))
            head = first if head_first else last
            read[head] = _WITH_NOUN_READING[read[head]]
            continue
        if last == first:
            actorish.add(first)
            read[first] = _WITH_NAMED[read[first]]
            if m.entry.code.group:
                organisations.add(first)
            continue
        span = range(first, last + 1)
        actorish.update(span)
        for i in span:
            read[i] = _WITH_NAMED[read[i]]
        names.append((first, last))
        if m.entry.code.group:
            organisations.update(span)
    for m in discards:    # (each of an event class: its word's clitics alone)
        first = m.first
        if (conj[first] or prep[first]) and m.first_form == 0:
            _clear_clitics(F, toks, first)
    prof = (_KNOWN_CLASSES.get(prof.CODE) or _known_class(prof.CODE))(prof, toks, F)
    # الأمر، التحرك: a word with the article that a lexicon knows only as a verb is a noun (a verbal
    # noun), unless its article is the verb's own letters (prof.article_like_verb: التقى، التزموا)
    # (getattr on the language's view, which has no __getattr__: a part it lacks raises nothing)
    verb_like = getattr(prof, "article_like_verb", None)
    definite = F.definite
    for i in verbs:     # (the verb readings)
        if definite[i] and read[i] == VERB_READING and not (verb_like is not None and verb_like(toks[i])):
            read[i] = NOUN_READING
    read_at = list(compress(count(), read))     # (the words a lexicon reads: most words none)
    tags = tag(toks, read, read_at, R, prof, F)
    bits = F.bits
    # the tokens of each of parse()'s word lists, in order, in one pass over those with a bit
    reread = []
    digits = []
    clause_words = []
    marker_starts = []
    anaphor = False
    for i in F.special:
        # (the lists a word's bits put it in, read from a table by its bits: no bitwise and per list,
        # an operation the interpreter (3.11) does not specialise; the most frequent answers, a
        # marker's start alone, a clause's punctuation alone and no list, told by identity first)
        lists = _WORD_LISTS_BY_BITS[bits[i]]
        if lists is _MARKER_START_ALONE:
            marker_starts.append(i)
            continue
        if lists is _CLAUSE_WORD_ALONE:
            clause_words.append(i)
            continue
        if lists is _IN_NO_LIST:    # (tanwin, or a word tagger._closed looks further than)
            continue
        in_reread, in_clause_words, in_marker_starts, in_digits, is_anaphor = lists
        if in_reread:
            reread.append(i)
        if in_clause_words:
            clause_words.append(i)
        if in_marker_starts:
            marker_starts.append(i)
        if in_digits:
            digits.append(i)
        if is_anaphor:
            anaphor = True
    for i in reread:
        b = bits[i]
        # "said on Sunday that ...": after a reporting verb, "that" opens what was said
        if b & QUOTE_WORD and tags[i] != "SCONJ" and _after_speech(i, tags, speech):
            tags[i] = "SCONJ"
        # "published as X", "known as": after a past participle, a preposition (syntax.yaml)
        elif b & PARTICIPLE_PREPOSITION and i > 0 and tags[i - 1] == "VERB" and \
                toks[i - 1].norm.endswith(("ed", "en", "wn")) and not _clause_follows(tags, i + 1):
            tags[i] = "ADP"
    for i in skip:
        if tags[i] != "PUNCT":
            tags[i] = "ADV"
    if R.time_nouns:
        for i in digits:
            # "عام 2015", "in the year 1990": the noun and its number name a time, an adverbial
            if i > 0 and tags[i] in {"NUM", "ADV"} and \
                    (toks[i - 1].norm in R.time_nouns or not R.time_nouns.isdisjoint(toks[i - 1].forms[1:])):
                tags[i - 1] = tags[i] = "ADV"
    # the phrases, and what the later passes read of them (phrases.index_phrases): the phrase of each
    # token; the phrases' starts and ends (arguments() bisects them); the owned phrases (possessors()
    # resolves those alone); the pronouns (antecedents()); and, where the modifiers follow the noun,
    # the phrases no preposition governs (clauses._bare_chunks); and the tokens segment() visits for
    # their tag (segmenter.clause_tagged: the verbs and the clause openers, found with the phrases)
    chunks, (chunk_of, starts, ends, owned, pronouns, bare, tagged) = chunk_indexed(toks, tags, read, R, prof, names)
    groups = _verb_groups(tags, tagged)
    clauses = segment(toks, tags, R, prof, groups, speech, chunks, clause_words, tagged)
    # the argument markers: the role each gives the token after it, and the tokens of those of an
    # actor's role (Parse.markers)
    marked: set[int] = set()
    roles = _marker_roles(toks, R, marker_starts, marked)
    arguments(clauses, chunks, toks, tags, R, prof, groups, actorish, speech, read, roles, bare, (starts, ends),
              chunk_of=chunk_of)
    if owned:    # (a sentence with no owned phrase: no call; worked out when read, records.Chunk.possessor)
        possessors(clauses, chunks, actorish, owned, bounds=(starts, ends))
    if pronouns or anaphor:    # (most sentences have neither: no phrase can refer back)
        antecedents(clauses, chunks, toks, tags, R, actorish, organisations, anaphor, pronouns, bounds=(starts, ends))
    # (a bare instance with its fields set one by one, as records.new_clause makes a clause: no
    # Python frame for the dataclass __init__)
    out = _new_parse(Parse)
    out.tags = tags
    out.chunks = chunks
    out.clauses = clauses
    out.chunk_of = chunk_of
    out.conjunction_clitics = conj
    out.readings = read
    out.markers = marked
    out._predicate_at = None
    return out


_new_parse = Parse.__new__


def _clear_clitics(F: Features, toks, i: int) -> None:
    """Token i, a word a lexicon knows as written, carries no conjunction or preposition clitic: its
    flags cleared, its tagging rules no longer those kept for the word (tagger.tag)."""
    F.conj[i] = F.prep[i] = False
    F.cleared.add(id(toks[i]))
    F.tag_memos[i] = None

# by a token's readings so far (parse()'s loop over the lexicon matches): whether it has the verb
# reading, and its readings with the verb's, a noun's or a name's added, read from tables (a bitwise
# and or or per match is an operation the interpreter (3.11) does not specialise)
_READINGS = range((VERB_READING | NOUN_READING | NAMED) + 1)
_HAS_VERB_READING = tuple(bool(r & VERB_READING) for r in _READINGS)
_WITH_VERB_READING = tuple(r | VERB_READING for r in _READINGS)
_WITH_NOUN_READING = tuple(r | NOUN_READING for r in _READINGS)
_WITH_NAMED = tuple(r | NAMED for r in _READINGS)

# a word's bits (Features.bits) -> whether it is reread after tagging (a quote word or a preposition
# after a participle), a clause word (a quote word or a clause's punctuation), a marker's start, a
# number, an anaphor: the lists parse() puts it in (the same answers one tuple: parse() tells the
# most frequent apart by identity)
_MARKER_START_ALONE = (False, False, True, False, False)
_CLAUSE_WORD_ALONE = (False, True, False, False, False)
_IN_NO_LIST = (False,) * 5
_SHARED_ANSWERS = {lists: lists for lists in (_MARKER_START_ALONE, _CLAUSE_WORD_ALONE, _IN_NO_LIST)}
_WORD_LISTS_BY_BITS = tuple(_SHARED_ANSWERS.setdefault(lists, lists) for lists in (
    (bool(b & (QUOTE_WORD | PARTICIPLE_PREPOSITION)), bool(b & (QUOTE_WORD | CLAUSE_PUNCT)), bool(b & MARKER_START),
     bool(b & DIGIT), bool(b & ANAPHOR))
    for b in range((QUOTE_WORD | PARTICIPLE_PREPOSITION | MARKER_START | DIGIT | CLAUSE_PUNCT | TANWIN | ANAPHOR |
                    LOOKS_FURTHER) + 1)))


def _after_speech(i: int, tags, speech) -> bool:
    """A reporting verb, or a verb right before token i, among the four tokens before it."""
    return any(j in speech or (j == i - 1 and tags[j] == "VERB") for j in range(max(0, i - 4), i))


def _clause_follows(tags, i: int) -> bool:
    """A noun phrase and a verb from token i ("expanded as shoppers remained upbeat")."""
    while i < len(tags) and tags[i] in {"DET", "POSS", "ADJ", "NOUN", "PROPN", "NUM", "PRON"}:
        i += 1
    return i < len(tags) and tags[i] in {"VERB", "AUX"}


def describe(p: Parse, toks) -> list[str]:
    """The parse as lines for `coder explain`."""
    def span(c: Chunk) -> str:
        return " ".join(t.text for t in toks[c.start:c.end + 1])

    lines = ["pos: " + " ".join(f"{t.text}/{g}" for t, g in zip(toks, p.tags))]
    for c in p.chunks:
        mods = ", ".join(f"{rel}:{toks[i].text}" for rel, i in c.modifiers)
        owner = f" its owner: [{span(p.chunks[c.possessor])}]" if c.possessor is not None else ""
        owner += f" refers to: [{span(p.chunks[c.refers_to])}]" if c.refers_to is not None else ""
        lines.append(f"chunk [{span(c)}] head {toks[c.head].text!r} ({c.kind}){' mods ' + mods if mods else ''}{owner}")
    for cl in p.clauses:
        opened = f" opened by {toks[cl.marker].text!r}" if cl.marker is not None else ""
        lines.append(f"clause {cl.kind} [{' '.join(t.text for t in toks[cl.start:cl.end + 1])}]{opened}")
        for pr in cl.predicates:
            roles = "; ".join(f"{role} [{span(p.chunks[k])}] ({pr.how.get(role, '')})" for role, k in pr.arguments.items())
            lines.append(f"  predicate {toks[pr.verb].text!r}{' (passive)' if pr.passive else ''}: {roles or 'no arguments'}")
    return lines
