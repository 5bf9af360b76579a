"""Each predicate's arguments, in the clauses coder/syntax/segmenter.py finds: which verb groups
predicate, and for each its subject, object and the phrases that markers introduce (the target
after against/على/ضد, the agent after by/على يد, the recipient). The reader of a language whose
modifiers follow the noun (Arabic) is coder/syntax/arguments_after_noun.py.
Whom pronouns and possessives refer to is coder/syntax/reference.py."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import Sequence

from coder import is_compiled
from coder.model import Mention, Token, WordMemo
from coder.syntax.modifiers import _expletive, _governed_list, _reduced_relative
from coder.syntax.marks import (HAS_NO_OBJECT, IS_IMPERSONAL, IS_PASSIVE_VOWEL, _VERB_WORDS, _marker_roles, _no_mark,
                                verb_bits as verb_bits_of)
from coder.syntax.marks import _carries_pronoun, _carries_pronoun_word  # noqa: F401 (read from here by tests)
from coder.syntax.phrases import _GOVERNED_KINDS, flags_asked, possessive_flags
from coder.syntax.records import Chunk, Clause, Predicate, _new_predicate
from coder.syntax.arguments_after_noun import _after_noun, _inherit

# the compiled build makes each predicate in C, its fields stored into its slots, and reads the
# records' fields at the offsets it was compiled with, checked here (coder/syntax/record_slots.pxd)
_PREDICATES_MADE_IN_C = is_compiled(__file__)
if _PREDICATES_MADE_IN_C:
    _records_layout_checked(Token, Mention, WordMemo)  # noqa: F821
    _clause_layout_checked(Predicate, Clause)  # noqa: F821
# (bound once: a method of a name imported by `from` is looked up and bound at each call)
_verb_words_known = _VERB_WORDS.get


def _bare_chunks(chunks: list[Chunk], toks, tags, prof, prep) -> list[bool]:
    """Per chunk: no preposition governs it (a subject or object may be one). Answered once a
    sentence (every predicate of a clause reads the phrases before it); `prep`: per token, it carries
    a preposition clitic."""
    if prof.MODIFIER_AFTER_NOUN:
        # (a language whose modifiers follow the noun marks the possessor by the idafa, on no word of
        # its own: is_possessor is false for every word, and the chunker makes no possessor phrase)
        # (the tests as a conditional's: a comparison whose result is a value, not a jump, is never
        # specialised by the interpreter (3.11))
        return [False if c.kind in _GOVERNED_KINDS or prep[c.start] or (c.start and tags[c.start - 1] == "ADP") else True
                for c in chunks]
    possessive = possessive_flags(toks, prof)
    out = []
    for c in chunks:
        if c.kind in _GOVERNED_KINDS:
            out.append(False)
            continue
        start = c.start
        if start > 0 and possessive[start - 1]:
            # "in Russia's far east", "in Ms Pugh's right lung": what governs the possessor governs the phrase
            start -= 1
            while start > 0 and tags[start - 1] in {"PROPN", "NOUN", "ADJ", "DET", "NUM"}:
                start -= 1
        out.append((start == 0 or tags[start - 1] != "ADP") and not prep[c.start])
    return out


def _oblique_conjunct(c: Chunk, chunks: list[Chunk], toks, tags, prof) -> bool:
    """"the deal between Aoun and Hariri has", "an investor with luck and savings could": a phrase
    coordinated with one a preposition governs is governed by it too."""
    while c.start >= 2 and tags[c.start - 1] == "CCONJ":
        first = next((d for d in chunks if d.end == c.start - 2), None)
        if first is None:
            return False
        if first.kind in {"np", "pronoun"} and first.start > 0 and tags[first.start - 1] == "ADP":
            return True
        c = first
    return _governed_list(c, chunks, toks, tags)


def _passive_mark(prof):
    """The language's test for a passive written with a vowel (_no_mark where it has none). (The
    language's view parse() passes has no __getattr__: getattr answers a part it lacks without
    raising.)"""
    return getattr(prof, "marks_passive", _no_mark)


def _introduced(roles: dict[int, str], starts: list[int], chunk_of: list[int] | None = None) -> list[tuple[int, str]]:
    """The phrases an argument marker introduces, as (chunk index, role) in text order: a predicate
    takes those among the phrases after it. (A token starts at most one phrase: its phrase read from
    `chunk_of`, each token's phrase, where given, else found by bisecting the phrases' starts; no role
    look-up per phrase and predicate.)"""
    introduced = []
    # (the tokens sorted alone, ints, which the sort compares by its fast path: no (token, role) pair
    # built and compared)
    for i in sorted(roles):
        if chunk_of is not None:
            k = chunk_of[i]
            if k >= 0 and starts[k] == i:
                introduced.append((k, roles[i]))
        else:
            k = bisect_left(starts, i)
            if k < len(starts) and starts[k] == i:
                introduced.append((k, roles[i]))
    return introduced


def arguments(clauses: list[Clause], chunks: list[Chunk], toks, tags, R, prof, groups, actorish: set[int],
              speech: frozenset[int] | set[int] = frozenset(), lexical: Sequence[int] = (),
              roles: dict[int, str] | None = None, bare: list[bool] | None = None, bounds: tuple | None = None,
              chunk_of: list[int] | None = None) -> None:
    """Fill every clause's predicates with their arguments (chunk indices). `groups`: (first, verb)
    in text order, as _verb_groups gives them. `lexical`: per token, the readings the lexicons give
    it (none: 0); `roles`: the role of the argument marker before each token that follows one
    (marks._marker_roles); `bare`: _bare_chunks'; `bounds`: the chunks' (starts, ends); `chunk_of`: each
    token's chunk (-1 outside chunks); if known."""
    # the chunks are in text order and none overlaps another (as the chunker makes them): their starts
    # and their ends both ascend, so the phrases of a clause, or before or after a verb, are a range of
    # chunk indices found by bisecting them (no test per phrase); a clause's verb groups, by bisecting
    # the verbs
    starts, ends = bounds or ([c.start for c in chunks], [c.end for c in chunks])
    # the chunk indices, sliced for the phrases before and after a verb (a slice costs less than a
    # list made from a range); every slice below ends by the last phrase, so a longer list of the
    # indices, made once, serves a sentence of fewer phrases (no list made per sentence)
    indices = _INDICES if len(chunks) <= len(_INDICES) else [*range(len(chunks))]
    verbs = []    # (a loop, not a comprehension: a sentence has a few verbs)
    for _, v in groups:
        verbs.append(v)
    if roles is None:    # (once a sentence: the same for every predicate)
        roles = _marker_roles(toks, R, _marker_start_tokens(toks, R))
    introduced = _introduced(roles, starts, chunk_of) if roles else ()
    flags = getattr(prof, "token_flags", None)    # (per token: clitics and the article, by position)
    conj, prep, definite = flags if flags is not None else flags_asked(toks, prof)
    bare = _bare_chunks(chunks, toks, tags, prof, prep) if bare is None else bare
    marks_passive, after_noun = getattr(prof, "marks_passive", _no_mark), prof.MODIFIER_AFTER_NOUN    # (_passive_mark)
    # what the loop asks of a verb, per word as written (a token's text decides it): a look-up, not
    # a call and set tests per predicate
    verb_words = _verb_words_known(prof.CODE)
    if verb_words is None or len(verb_words) >= 100_000:
        verb_words = _VERB_WORDS[prof.CODE] = {}
    english, read = not after_noun, _after_noun if after_noun else _before_noun
    # (a clause from the first token, or to the last, most clauses: its bound on the verbs and the
    # phrases is the first or past the last, with no bisection)
    last = len(toks) - 1
    in_c = _PREDICATES_MADE_IN_C
    for cl in clauses:
        start, end = cl.start, cl.end
        mine = groups[(bisect_left(verbs, start) if start > 0 else 0):
                      (bisect_right(verbs, end) if end != last else len(verbs))]
        if cl.kind == "relative" and cl.marker is not None:
            # the nearest phrase that ends before the marker, at most one token before it, past a
            # possessor (found by bisecting: a phrase that starts at the marker or later ends there or
            # later, and the phrases before the last that ends before it end earlier still)
            marker = cl.marker
            k, k_end = bisect_left(starts, marker), bisect_left(ends, marker)
            k = (k if k < k_end else k_end) - 1    # (conditionals, not min() or max(): costly calls)
            while k >= 0 and marker - ends[k] <= 2 and chunks[k].kind == "possessor":
                k -= 1
            cl.antecedent = k if k >= 0 and marker - ends[k] <= 2 else None
        if not mine:
            continue    # (a clause with no verb group has no predicate: none of the bounds below asked)
        # the phrases before the clause's verbs: those of the clause a relative clause interrupted (its
        # subject), then the clause's own from `opening` (one that starts and ends before a verb of the
        # clause lies inside it)
        head = clauses[cl.continues] if cl.continues is not None else None
        resumed = range(bisect_left(starts, head.start), bisect_right(ends, head.end)) if head is not None else ()
        opening = bisect_left(starts, start) if start > 0 else 0
        # the phrases that end in the clause, bisected once a clause, not once a predicate
        clause_end = bisect_right(ends, end) if end != last else len(ends)
        describing = []    # the predicates so far that describe a noun (English), with their own objects
        prev = cl.predicates[-1] if cl.predicates else None    # (then kept as each is appended: no negative index a predicate)
        # the first phrase after prev's verb (kept from the predicate before in the clause: no bisection again)
        prev_after = bisect_right(starts, prev.verb) if prev is not None else 0
        for n, (f, v) in enumerate(mine):
            # (records.new_predicate in place, `passive` set right after: no call per predicate)
            if in_c:    # (the compiled build: made in C, its fields stored into its slots; passive set below)
                p = _predicate_made_in_c(Predicate, v, f, False, {}, {}, set())  # noqa: F821
            else:
                p = _new_predicate(Predicate)
                p.verb = v
                p.first = f
                p.arguments = {}
                p.how = {}
                p.inherited = set()
            memo = toks[v].memo   # (the verb's bits from its memo where kept: marks.verb_bits)
            verb_bits = memo.verb if memo.verb_of is verb_words else \
                verb_bits_of(toks[v], R, marks_passive, verb_words, prof.CLITIC_COORDINATORS)
            # (a passive auxiliary among the words of the verb group before the verb, asked by a set
            # test of their norms: a generator here would make the function's locals cells)
            p.passive = after_noun is False and not R.passive_aux.isdisjoint(map(_NORM, toks[f:v])) \
                and (toks[v].norm.endswith(("ed", "en", "wn", "ne", "t"))) \
                and not (toks[v].norm in R.stance and v + 1 < len(toks) and toks[v + 1].norm == "to") or \
                IS_PASSIVE_VOWEL[verb_bits]   # a written vowel: قُتل (the bits' tables: no bitwise and)
            # (the phrases of the clause that start after the verb, before the next verb group)
            # (lists, as the readers take them)
            # (after the clause's last verb group, those that end by the clause's end: a phrase that ends
            # by it starts by it, so the phrases that start by it, bisected apart, are never fewer)
            first_after = bisect_right(starts, v)
            if n + 1 < len(mine):
                after_end = bisect_left(starts, mine[n + 1][0])
                if clause_end < after_end:
                    after_end = clause_end
            else:
                after_end = clause_end
            after = indices[first_after:after_end]
            if not describing:
                # the phrases that end before f (those of the interrupted clause first), after the verb
                # before if any
                lo, hi = prev_after, bisect_left(ends, f)
                before = indices[(opening if opening > lo else lo):hi]
                if resumed:
                    before = indices[(resumed.start if resumed.start > lo else lo):
                                     (resumed.stop if resumed.stop < hi else hi)] + before
            else:
                # after the verb before, past participles that describe a noun ("the district controlled by
                # X was") and -ing forms ("Europeans visiting the region identified"), with their own objects
                before = _before_described(cl, describing, resumed, opening, starts, ends, f)
            coordinated = prev is not None and (tags[f - 1] == "CCONJ" or conj[f])
            read(p, cl, prev, before, after, coordinated, chunks, toks, tags, prof, actorish, clauses, speech, lexical,
                 # a later verb of the clause, not an infinitive ("gathered outside parliament to demand"),
                 # which only the English rules read
                 english and _later_finite(toks, mine, n), R, bare, prep, conj,
                 verb_bits, definite)
            if IS_IMPERSONAL[verb_bits] and "object" in p.arguments:
                # يمكن حفظها، يجب الانسحاب: the phrase after an impersonal verb is its subject
                p.arguments["subject"], p.how["subject"] = p.arguments.pop("object"), "the phrase after an impersonal verb"
                p.inherited.discard("subject")
            if HAS_NO_OBJECT[verb_bits] or (p.passive and "patient" not in p.arguments):
                # "became president", "remained calm", "was killed there": no object
                p.arguments.pop("object", None)
            for k, role in introduced:    # (in text order: none after the phrases after the verb)
                if k >= after_end:
                    break
                if k >= first_after and role not in p.arguments:
                    p.arguments[role] = k
                    # (kept per word as written: the repr of a marker word tests its letters one by
                    # one for printing, once a word, not once a predicate)
                    marker_word = toks[chunks[k].start - 1].text
                    how = _AFTER_MARKER.get(marker_word)
                    if how is None:
                        if len(_AFTER_MARKER) >= 10_000:
                            _AFTER_MARKER.clear()
                        how = _AFTER_MARKER[marker_word] = f"after {marker_word!r}"
                    p.how[role] = how
            cl.predicates.append(p)
            prev = p
            prev_after = first_after
            if english and ("patient" in p.inherited or p.how.get("subject") == _DESCRIBES):
                describing.append(p)    # (only the English reader gives a participle its noun)


_DESCRIBES = "the noun the -ing form describes"
_INDICES = [*range(512)]    # (arguments(): chunk indices, sliced; never changed)
_AFTER_MARKER: dict[str, str] = {}    # a marker word as written -> "after '<word>'", how its phrase's role was found
_NORM = attrgetter("norm")


# (the helpers below hold the comprehensions and generators arguments() once held: a function with
# one makes every local it reads a cell, read and set through the cell in the whole function)
def _marker_start_tokens(toks, R) -> list[int]:
    """The tokens that may start an argument marker (R.marker_starts), in order."""
    return [i for i, t in enumerate(toks) if t.norm in R.marker_starts]


def _before_described(cl: Clause, describing: list[Predicate], resumed, opening: int, starts: list[int], ends: list[int],
                      f: int) -> list[int]:
    """English, after a participle or an -ing form that describes a noun: the phrases before the verb
    group at f, after the verb before it, less the describing predicates' own objects."""
    cut = next((q for q in reversed(cl.predicates) if q not in describing), None)
    theirs = {a for q in describing for r, a in q.arguments.items() if r not in {"patient", "subject"}}
    return [k for k in [*resumed, *range(opening, bisect_left(starts, f))] if ends[k] < f and
            (cut is None or starts[k] > cut.verb) and k not in theirs]


def _later_finite(toks, mine: list[tuple[int, int]], n: int) -> bool:
    """A verb group of the clause after its n-th that is not an infinitive ("gathered outside
    parliament to demand")."""
    for f2, _ in mine[n + 1:]:    # (a loop, not any() over a generator: no generator made per predicate)
        if f2 == 0 or toks[f2 - 1].norm != "to":
            return True
    return False


_QUOTES = frozenset({",", '"', "'", "”", "’", "“"})
# (the sets _before_noun tests, made once: a set difference in the test would build a new set at
# every question, once a token in the scan for a quotation mark)
_QUOTES_BUT_COMMA = _QUOTES - {","}
_QUOTATION_MARKS = _QUOTES - {",", "'"}


def _before_noun(p, cl, prev, before, after, coordinated, chunks, toks, tags, prof, actorish, clauses,
                 speech=frozenset(), lexical=(), later: bool = False, R=None, bare=(), prep=(), conj=(),
                 verb_bits: int | None = None, definite=()) -> None:
    """English: subject before the verb, object after it; an infinitive or a gerund after a
    preposition has none of its own; a participle right after a verb's object describes that
    noun ("told the crowd gathered there", "five civilians killed in"): it is the participle's patient;
    after a quotation the speaker follows the verb ("..., said the minister"). (`verb_bits` and `definite`, which
    _after_noun reads, are unread here: the two readers share one signature.)"""
    # the previous verb's object is not this verb's subject ("arrested the suspects and charged them")
    bare_before = []
    for k in before:
        if not bare[k] or (coordinated and prev is not None and k in prev.arguments.values()):
            continue
        start = chunks[k].start
        # (only a phrase after a conjunction or a comma is coordinated with a governed one or a member
        # of a governed list: _oblique_conjunct is asked of those alone)
        if start >= 1 and (tags[start - 1] == "CCONJ" or toks[start - 1].norm == ",") and \
                _oblique_conjunct(chunks[k], chunks, toks, tags, prof):
            continue
        bare_before.append(k)
    before_verb = tags[p.first - 1] if p.first > 0 else "START"
    word_before = toks[p.first - 1].norm if p.first > 0 else ""
    if word_before == "to" or (before_verb == "ADP" and toks[p.verb].norm.endswith("ing")):
        # "the decision to arrest the commanders angered ...": an infinitive's object may stand
        # before the main verb
        _object(p, after, chunks, toks, tags, bare, before_verb=True)
        return
    # (the phrases before end before the verb group, in ascending order: only the last two can end
    # one or two tokens before it)
    right_after = [k for k in before[-2:] if (chunks[k].end == p.first - 1 or
                   (chunks[k].end == p.first - 2 and toks[p.first - 1].norm == ",")) and bare[k]]
    nxt = tags[p.verb + 1] if p.verb + 1 < len(toks) else "END"
    if nxt == "ADP" and toks[p.verb + 1].norm in {"to", "on", "with", "for", "out", "up", "off", "down", "back", "away"}:
        nxt = "COMPLEMENT"     # "agreed to", "called on", "carried out": the verb's own complement or particle
    near = _reduced_relative(p, cl, prev, before, right_after, coordinated, later, nxt, chunks, toks, tags, speech, R)
    if near is not None:
        # "told the crowd gathered there", "the essay, published as X, was", "the area controlled by
        # X was": a participle describing the noun before it (after another verb that has its subject,
        # or before the clause's own verb or copula) is no finite verb; that noun is its patient
        p.arguments["patient"], p.how["patient"] = near, "a participle after the noun it describes"
        p.passive = True
        p.inherited.add("patient")
        _object(p, after, chunks, toks, tags, bare)
        return
    if p.first == p.verb and right_after and toks[p.verb].norm.endswith("ing") and chunks[right_after[-1]].end == p.first - 1:
        # "a school sheltering families": the noun before an -ing form does what it says
        p.arguments["subject"], p.how["subject"] = right_after[-1], _DESCRIBES
        p.inherited.add("subject")
        # its object may stand right before the clause's verb ("Europeans visiting the region praised")
        _object(p, after, chunks, toks, tags, bare, before_verb=True)
        return
    # "..., said the minister", "..., says Tarlo." (the speaker closes the sentence)
    quoted = word_before in _QUOTES_BUT_COMMA or (word_before == "," and (
        any(t.norm in _QUOTATION_MARKS for t in toks[:p.first]) or
        (after and chunks[after[0]].end + 2 >= len(toks))))
    if quoted and p.verb in speech and after and chunks[after[0]].start == p.verb + 1 and \
            (chunks[after[0]].end + 1 >= len(toks) or tags[chunks[after[0]].end + 1] == "PUNCT"):
        p.arguments["subject"], p.how["subject"] = after[0], "the speaker after a quotation"
        return
    if coordinated and prev is not None and "subject" not in prev.arguments and not bare_before:
        # "has refused to deploy troops and has urged ...": the infinitive has no subject; the verb
        # it depends on shares its own
        prev = next((q for q in reversed(cl.predicates) if "subject" in q.arguments), prev)
    if coordinated and prev is not None and "subject" in prev.arguments and not bare_before:
        p.arguments["subject"], p.how["subject"] = prev.arguments["subject"], "shared with the coordinated verb"
        p.inherited.add("subject")     # taken from the verb before it, not its own
    elif prev is None and before_verb == "CCONJ" and bare_before and \
            not (cl.kind == "relative" and cl.marker is not None and chunks[bare_before[0]].start < cl.marker):
        # "He was gracious and took it", "was born in Poole, Dorset, but grew up": a verb joined to
        # a copula shares its subject, the clause's first phrase
        p.arguments["subject"], p.how["subject"] = bare_before[0], "shared with the coordinated copula"
        p.inherited.add("subject")
    elif bare_before and not (cl.kind == "relative" and cl.marker is not None and chunks[bare_before[-1]].start < cl.marker):
        k = bare_before[-1]
        # "Yuan Shikai, the President of China, considered": the phrase before an apposition
        if len(bare_before) >= 2 and toks[chunks[k].start - 1].norm == "," and \
                chunks[bare_before[-2]].end == chunks[k].start - 2 and \
                toks[chunks[k].end + 1].norm == "," if chunks[k].end + 1 < len(toks) else False:
            k = bare_before[-2]
        k = _before_apposition(k, bare_before, p.first, chunks, toks)
        k = _past_embedded_object(k, cl, prev, coordinated, chunks, bare)
        p.arguments["subject"], p.how["subject"] = k, "the noun phrase before the verb"
    else:
        _inherit(p, cl, clauses, "the subject of the clause it depends on")
    if p.verb not in speech:
        _object(p, after, chunks, toks, tags, bare)
    _expletive(p, chunks, toks, tags, R)
    k = p.arguments.get("subject")
    if k is not None and p.how.get("subject") == "the noun phrase before the verb":
        p.arguments["subject"] = _first_conjunct(k, chunks, toks, tags)
        if p.first == p.verb and toks[p.verb].norm.endswith("ing") and not prof.MODIFIER_AFTER_NOUN:
            # "in a message explaining why", "..., gently knocking": an -ing form with no auxiliary
            # has no subject of its own; the phrase before is who it is about
            p.how["subject"] = "the noun phrase before the -ing form"
            p.inherited.add("subject")


def _past_embedded_object(k: int, cl: Clause, prev, coordinated: bool, chunks: list[Chunk], bare: list[bool]) -> int:
    """"A UN review of plans to cut carbon says", "the date for cutting the first steel would help":
    the phrase before the verb is the object of an infinitive or gerund with no subject of its own
    inside the subject; the subject is the phrase before that verb."""
    if coordinated or prev is None or "subject" in prev.arguments or prev.arguments.get("object") != k:
        return k
    objects = {q.arguments.get("object") for q in cl.predicates if "subject" not in q.arguments}
    verbs = [q.first for q in cl.predicates if "subject" in q.arguments]
    last_finite = max((v for v in verbs if v < prev.first), default=cl.start - 1)
    earlier = [j for j in range(len(chunks)) if last_finite < chunks[j].start and chunks[j].end < prev.first
               and cl.start <= chunks[j].start and j not in objects and bare[j]]
    return max(earlier, key=lambda j: chunks[j].start) if earlier else k


def _before_apposition(k: int, bare_before: list[int], first: int, chunks: list[Chunk], toks) -> int:
    """"Pakistan, a key ally in the war, has refused", "Iran's envoy to Iraq, Iraj Masjedi, denied":
    a noun phrase between commas right before the verb renames the last bare phrase before the first
    comma, which is the subject."""
    if first < 2 or toks[first - 1].norm != ",":
        return k
    # the appositive: the bare phrases that start right after a comma, none of them the first
    for n in range(len(bare_before) - 1, 0, -1):
        j = bare_before[n]
        if chunks[j].start > 0 and toks[chunks[j].start - 1].norm == ",":
            opening = chunks[j].start - 1
            if any(toks[i].norm == "," for i in range(opening + 1, first - 1)):
                return k      # more than one comma inside: a list, not one apposition
            head = bare_before[n - 1]
            return head if chunks[head].end < opening else k
    return k


def _first_conjunct(k: int, chunks: list[Chunk], toks, tags) -> int:
    """"BA and IAG have cracked it": a coordination is headed by its first conjunct. (The chunks
    are in text order, as the chunker makes them: the phrase before chunk k is k - 1.)"""
    pos = k
    listed_before = False
    while pos > 0:
        prev = chunks[pos - 1]
        gap = range(prev.end + 1, chunks[pos].start)
        # "X and Y", "X, Y and Z" (a comma only in a list that a conjunction closes), not ", and"
        # (which joins clauses) nor a phrase after a preposition
        words = [toks[i].norm for i in gap]
        in_list = prev.start > 0 and toks[prev.start - 1].norm == ","
        listed = (words == [","] and listed_before) or \
            (len(gap) == 2 and words[0] == "," and tags[gap[1]] == "CCONJ" and in_list)   # "X, Y, and Z"
        if not gap or not (all(tags[i] == "CCONJ" for i in gap) or listed) or prev.kind != "np" or \
                (prev.start > 0 and tags[prev.start - 1] == "ADP"):
            break
        listed_before = True
        pos -= 1
    return pos


def _object(p, after, chunks, toks, tags, bare: list[bool], before_verb: bool = False) -> None:
    if after:
        k = after[0]
        c = chunks[k]
        gap = [i for i in range(p.verb + 1, c.start) if tags[i] not in {"ADV", "PART"}]
        # (a verb after it makes it a subject, not an -ing form: "stopped investors flocking to")
        follows_verb = c.end + 1 < len(toks) and tags[c.end + 1] in {"VERB", "AUX"} and not before_verb and \
            not (tags[c.end + 1] == "VERB" and toks[c.end + 1].norm.endswith("ing"))
        # "stopped fighting", "kept coming": a bare -ing form right after the verb is its complement
        gerund = c.start == c.end == p.verb + 1 and toks[c.start].norm.endswith("ing")
        if not gap and bare[k] and not follows_verb and not gerund:
            p.arguments["object"], p.how["object"] = k, "the noun phrase after the verb"
