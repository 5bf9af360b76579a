"""Toponym recognition: place names in a sentence, with their cue words, resolved to gazetteer places.

The language data (cue words, qualifiers such as "countryside"/ريف, stop words, population floors)
lives in coder/lexicon/<lang>/places.yaml. Matching walks the gazetteer's token trie from each token
(longest match wins), trying each token's clitic-stripped lookup forms, so بدمشق, وفي الرقة and
لحلب find Damascus, Raqqa and Aleppo without listing those spellings.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional, Sequence

from coder.geo.gazetteer import _END, _MAY_FOLD, HINT_RATIO, Gazetteer, _default, ascii_fold, folds
from coder.geo.place_starts import fold as _fold, starting as _starting
from coder.geo.place_rules import PlaceRules, Qualifier, rules  # noqa: F401 (the rules' names, read from here too)
from coder.lang import profile
from coder.model import OpenPlaceMention, Place, PlaceMention, Token, new_place_mention
from coder.spans import trie_memo


@lru_cache(maxsize=65536)
def _place_forms(norm: str, forms: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """The lookup forms a place name may take in this token. Proclitics (و ب ل) may be stripped;
    the article may not (السورية is "Syrian", not سورية "Syria"), nor, in Arabic, pronoun
    suffixes. Accent-free variants let "Serêkaniyê" match "Serekaniye"."""
    r = rules(lang)
    out = []
    # the profile leaves three-letter words whole (وتل); a name may still follow the conjunction
    if len(norm) <= 3:
        forms = forms + tuple(norm[len(p):] for p in r.short_proclitics
                              if norm.startswith(p) and len(norm) - len(p) >= 2)
    for f in forms:
        if f != norm:
            if r.article and not f.startswith(r.article) and (r.article + f) in forms:
                continue
            if not r.strip_suffixes and not (norm.endswith(f) or
                                             (r.article and f.startswith(r.article) and norm.endswith(f[1:]))):
                continue
        out.append(f)
        folded = f if f.isascii() else ascii_fold(f)   # (most forms are plain: no call)
        if folded != f:
            out.append(folded)
    return tuple(dict.fromkeys(out))


# (bound once: a method of a name imported by `from` is looked up, and a bound method made, at each call)
_may_fold = _MAY_FOLD.search


def _forms(tok: Token, lang: str) -> tuple[str, ...]:
    return _place_forms(tok.norm, tok.forms, lang)


def longest_match(trie: dict, tokens: Sequence[Token], i: int, lang: str):
    """The longest gazetteer name starting at token i: (last token index, trie node, first form)."""
    t = tokens[i]
    return _longest_from(tuple((f, trie[f]) for f in _place_forms(t.norm, t.forms, lang) if f in trie), tokens, i)


def _longest_from(starts: tuple, tokens: Sequence[Token], i: int):
    """`longest_match` from the (form, trie node) pairs token i starts, in the order of its forms."""
    best = None
    for form, node in starts:
        j = i
        while True:
            if _END in node and (best is None or j > best[0]):
                best = (j, node, form)
            if j + 1 >= len(tokens):
                break
            nxt = tokens[j + 1].norm
            node = node.get(nxt) or node.get(_fold(nxt))
            if node is None:
                break
            j += 1
    return best


def _phrase_at(table: dict, max_len: int, tokens: Sequence[Token], first: int, last: int, lang: str):
    """A phrase of `table` covering tokens[first..last] (first token through its forms)."""
    # (most phrases asked for are of one or two words: their key made without a comprehension)
    key_rest = () if last == first else (tokens[last].norm,) if last == first + 1 else \
        tuple([t.norm for t in tokens[first + 1:last + 1]])
    t = tokens[first]
    for f in _place_forms(t.norm, t.forms, lang):   # (_forms inlined: asked per phrase)
        hit = table.get((f,) + key_rest)
        if hit is not None:
            return hit, f
    return None, None


@lru_cache(maxsize=None)
def _edges(lang: str, table: str) -> tuple[frozenset, frozenset]:
    """What a phrase of one of the language's tables ("before", "cues", "destinations") can end
    with: the word of its one-word phrases (read through a token's place forms) and the last word
    of its longer ones (read as the token's norm). A token that is neither ends none of them."""
    phrases = getattr(rules(lang), table) or {}
    return frozenset(k[0] for k in phrases if len(k) == 1), frozenset(k[-1] for k in phrases if len(k) > 1)


def _may_end(edges: tuple[frozenset, frozenset], tok: Token, lang: str) -> bool:
    singles, lasts = edges
    if tok.norm in lasts:
        return True
    for f in _place_forms(tok.norm, tok.forms, lang):
        if f in singles:
            return True
    return False


# the phrase tables whose phrases end right before a name, and per language: a word as written ->
# may it end a phrase of each (a token's norm and forms follow from its text); bounded
_TABLES = ("before", "cues", "destinations")
_ENDS_NONE = (False,) * len(_TABLES)
_ENDS: dict[str, dict[str, tuple[bool, ...]]] = {}


def _ends_before(tokens: Sequence[Token], i: int, lang: str) -> tuple[bool, ...]:
    """May the word before token i end a phrase of each of _TABLES ("before" qualifiers, locative
    "cues", "destinations")? Answered once per word: most words end none, and then no phrase of
    that table is looked up before the name."""
    if i == 0:
        return _ENDS_NONE
    tok = tokens[i - 1]
    known = _ENDS.get(lang)
    if known is None or len(known) >= 200_000:
        known = _ENDS[lang] = {}
    v = known.get(tok.text)
    if v is None:
        v = known[tok.text] = tuple(_may_end(_edges(lang, table), tok, lang) for table in _TABLES)
    return v


def _qualifier_before(r: PlaceRules, tokens, i: int, lang: str):
    """The qualifier written before token i, if any (the caller has asked _ends_before whether the word
    before may end one; a longer phrase ends with one of r.before_lasts: if not, one word is read)."""
    top = r.max_before if r.max_before < i else i
    for n in range(top if top < 2 or tokens[i - 1].norm in r.before_lasts else 1, 0, -1):
        q, form = _phrase_at(r.before, r.max_before, tokens, i - n, i - 1, lang)
        if q is not None:
            return q, i - n, form
    return None, i, None


def _qualifier_after(r: PlaceRules, tokens, j: int, lang: str):
    if j + 1 >= len(tokens) or tokens[j + 1].norm not in r.after_firsts:
        return None, j
    for n in range(min(r.max_after, len(tokens) - 1 - j), 0, -1):
        q = r.after.get(tuple(t.norm for t in tokens[j + 1:j + 1 + n]))
        if q is not None:
            return q, j + n
    return None, j


def _cue_before(r: PlaceRules, tokens, i: int, lang: str, table: str = "cues") -> bool:
    """Does a phrase of the table ("cues": locative cues, "destinations") end right before token i?
    (The caller has asked _ends_before whether the word before may end one; as _qualifier_before.)"""
    phrases, longest, lasts = (r.cues, r.max_cue, r.cue_lasts) if table == "cues" else \
        (r.destinations, r.max_destination, r.destination_lasts)
    top = longest if longest < i else i
    for n in range(top if top < 2 or tokens[i - 1].norm in lasts else 1, 0, -1):
        if _phrase_at(phrases, n, tokens, i - n, i - 1, lang)[0]:
            return True
    return False


def _proclitic_locative(r: PlaceRules, tok: Token, form: Optional[str]) -> bool:
    """بدمشق, وبالرقة: a locative preposition written as a prefix of the word."""
    if not form or form == tok.norm:
        return False
    # the article's alif may drop after the preposition; a name's own first letter may not
    # (وبريطانيا is "and Britain", not وب + ريطانيا)
    short = form[1:] if r.article and form.startswith(r.article) else None
    for p in r.locative_proclitics:   # (a loop: no generator a name)
        if tok.norm == p + form or (short and tok.norm == p + short):
            return True
    return False


def _start_after_proclitic(tok: Token, form: Optional[str]) -> int:
    """Offset of the name inside its token when a proclitic was stripped and the surface text maps
    one to one onto the normalised form; else the token start (the clitic stays in the span)."""
    if form and form != tok.norm and len(tok.text) == len(tok.norm) and tok.norm.endswith(form):
        return tok.start + len(tok.norm) - len(form)
    return tok.start


def find_places(sentence_text: str, lang: str, country_hint: Optional[str] = None,
                gazetteer: Optional[Gazetteer] = None) -> list[PlaceMention]:
    """Places named in a sentence, left to right, with character offsets into `sentence_text`."""
    tokens = profile(lang).tokenise(sentence_text)
    return find_places_in_tokens(sentence_text, tokens, lang, country_hint, gazetteer)


_UNSEEN = object()
# places() stores each of PlaceMention's fields itself (coder.model._open_class): a field added stops the import
if PlaceMention.__slots__ != ("place", "start", "end", "text", "score", "locative", "typed", "destination"):
    raise ImportError("coder.geo.toponyms: PlaceMention's fields changed; update SentencePlaces.places")
_new_open = object.__new__
_NO_ALTERNATIVES: tuple = ()   # a name's other places, where it names one place only (most names)
# per trie (one language's): a word as written (its norm and forms follow from it) -> (its _starts
# pairs, None where it is a name by itself, else the words that go on from it: _follow); where it
# starts none, False, or _NONE_BUT_FOLDS if its norm is not its own ascii_fold (_starting reads both)
_STARTS: dict[int, tuple[dict, dict]] = {}
_NONE_BUT_FOLDS = ()
# per trie: (id of a name's entries, country hint) -> (those entries, their places ranked)
_RANKED: dict[int, tuple[dict, dict]] = {}


def _starts(trie: dict, tok: Token, lang: str) -> tuple:
    """What the word starts (SentencePlaces._start_tokens keeps it per word): () when no name, else
    ((form, trie node) pairs of its place forms that start a name, is it a name by itself). A
    one-word name that _name_at would drop, a stop word ("ان", "الي", "اليوم") or, where the
    language capitalises names, a word written in lower case ("bar"), is none by itself: it starts
    a name only where the next word goes on from it, and a word that can only be such a one-word
    name (every node a leaf) starts none. (Asked by _start_tokens only of a word that may start a
    name by its test there; of any other word the answer is () as well, its place forms built.)"""
    pairs = tuple([(f, trie[f]) for f in _place_forms(tok.norm, tok.forms, lang) if f in trie])
    if not pairs:
        return ()
    # the one-word name is read by the first form whose node ends a name (as _longest_from reads it)
    form = next((f for f, node in pairs if _END in node), None)
    if form is None:
        return pairs, False
    r = rules(lang)
    dropped = (r.case_sensitive and not any(map(str.isupper, tok.text))) or (form,) in r.stop \
        or (form != tok.norm and (tok.norm,) in r.stop)
    if not dropped:
        return pairs, True
    if all(len(node) == 1 and _END in node for _, node in pairs):   # leaves: one-word names only
        return ()
    return pairs, False


def _follow(pairs: tuple) -> frozenset:
    """The keys that go on from one of the nodes: the next word goes on from them, as the walk
    (_longest_from) reads it, where its norm or its ASCII fold is one (a set look-up, not a walk over
    the nodes)."""
    return frozenset([k for _, node in pairs for k, child in node.items() if child])


class SentencePlaces:
    """The places named in one sentence, found for a country hint (and the countries the sentence
    names otherwise). The names, their qualifiers and cues do not depend on the hint: they are
    found once and kept, so a second hint only ranks the names' places again."""
    # (slots: a finder is made for every sentence of a reporting document)
    __slots__ = ("text", "tokens", "lang", "gaz", "_trie", "_starts", "_names")

    def __init__(self, text: str, tokens: Sequence[Token], lang: str, gazetteer: Optional[Gazetteer] = None):
        self.text, self.tokens, self.lang = text, tokens, lang
        self.gaz = gazetteer or _default()   # (Gazetteer.default's answer, without its frame: a finder a sentence)
        self._trie = self.gaz.tries[lang]
        self._starts: Optional[list[tuple[int, tuple]]] = None   # (token index, what it starts)
        self._names: dict[int, Optional[tuple]] = {}   # (_name_at's answers)

    def places(self, country_hint: Optional[str] = None, context_countries: Iterable[str] = ()) -> list[PlaceMention]:
        if self._starts is None:
            self._starts = self._start_tokens()
        if not self._starts:   # (most sentences: no word starts a name)
            return []
        gaz, r = self.gaz, rules(self.lang)
        ranked = trie_memo(_RANKED, self._trie)
        out, alternatives = [], []   # (the places found, and each one's other places of its name)
        free = 0   # the first token not yet read as part of a name
        for i, starts in self._starts:
            if i < free:
                continue
            name = self._names.get(i, _UNSEEN)
            if name is _UNSEEN:
                name = self._names[i] = self._name_at(i, starts, r)
            if name is None:
                continue
            j, entries, key, last, q_before, q_after, locative, part, start, end, destination, owner = name
            # the ranking is a function of the name and the hint: kept across sentences
            hit = ranked.get((id(entries), country_hint))
            if hit is None or hit[0] is not entries:
                hit = ranked[(id(entries), country_hint)] = (entries, gaz.rank(entries, country_hint, soft=True))
            candidates = hit[1]
            place, score = candidates[0]
            if part:
                free = j + 1
                continue
            # (_plausible's first test asked here: only a one-word name of a town may be implausible)
            if i == j and place.precision == "locality" and not _plausible(
                    r, place, key, cued=locative or q_before or q_after,
                    foreign=place.country not in gaz.focus_countries):
                continue
            admin1 = (q_before is not None and q_before.scope == "admin1") or \
                (q_after is not None and q_after.scope == "admin1")
            if admin1:
                place = gaz.admin1_of(place) or place
            # PlaceMention(place, start, end, text, score, locative, typed, destination), made as
            # coder.model._open_class says (a store a field: a tuple assignment packs them in a tuple first)
            m = _new_open(OpenPlaceMention)
            m.place = place
            m.start = start
            m.end = end
            m.text = self.text[start:end]
            m.score = score
            m.locative = locative
            m.typed = q_before is not None or q_after is not None or (owner and place.precision in ("locality", "site"))
            m.destination = destination
            m.__class__ = PlaceMention
            out.append(m)
            alternatives.append([(p, admin1) for p, _ in candidates[1:]] if len(candidates) > 1 else _NO_ALTERNATIVES)
            free = last + 1
        if not any(alternatives):   # (most names: one place of that name; no set and no call)
            return out
        return _agree_with_sentence(out, alternatives, set(context_countries), gaz)

    def _start_tokens(self) -> list[tuple[int, tuple]]:
        """The tokens that may start a name, with their (form, node) pairs: most tokens start none,
        and a word that is no name by itself ("the", "في") starts one only where the next goes on."""
        known = trie_memo(_STARTS, self._trie)   # (what _starts answers, per word as written)
        try:
            return _starting(known, self.tokens)
        except KeyError:   # a word not seen yet (first sight only): the sentence's new words answered, then read again
            trie, lang = self._trie, self.lang
            for tok in self.tokens:
                if tok.text in known:
                    continue
                norm, forms = tok.norm, tok.forms
                # may one of the word's place forms be a first word of a name? They are some of its
                # forms, their ASCII folds and, in a word of three letters or fewer, its forms with a
                # short proclitic stripped: where no form is a key and none changes when folded (most
                # words), none is, and its place forms are not built. (Written out, not a function:
                # a frame less a new word; folds(f)'s first two tests too)
                may_start = len(norm) <= 3
                if not may_start:
                    for f in forms:
                        if f in trie:
                            may_start = True
                            break
                    else:
                        # a form's letters are the word's as written, or letters its normalisation and
                        # clitic stripping make of them, which fold to themselves where those do: a
                        # word written in ASCII and Arabic letters that fold to themselves (most) has
                        # no form that folds, told by one search of the word, not one a form
                        text = tok.text
                        if not text.isascii() and _may_fold(text) is not None:
                            for f in forms:
                                if not f.isascii() and _may_fold(f) is not None and ascii_fold(f) != f:
                                    may_start = True
                                    break
                if not may_start and norm in forms:
                    known[tok.text] = False   # no form may start a name nor folds: the norm, one of them
                    continue
                starts = _starts(trie, tok, lang) if may_start else ()
                if starts:
                    known[tok.text] = starts[0], None if starts[1] else _follow(starts[0])
                else:
                    known[tok.text] = _NONE_BUT_FOLDS if folds(norm) else False
            return _starting(known, self.tokens)

    def _name_at(self, i: int, starts: tuple, r: PlaceRules) -> Optional[tuple]:
        """The name that starts at token i, if any (the longest; not a stop word; capitalised
        where the language capitalises names), with what the words around it say, none of which
        depends on the country hint: (j, the trie's entries of the places so called at tokens[i..j],
        its key, the last token of the name with its qualifiers, the qualifier before and after,
        locative, part of a person's or an organisation's name with no cue that it is a place, the
        character span's start and end, destination, and "Baghdad's Tahrir Square": the owner where
        the place is a town or site). (A tuple, read by unpacking: a record class cost a frame and a
        store a field at each name.) `r`: the language's rules, as places() has them."""
        tokens, lang = self.tokens, self.lang
        found = _longest_from(starts, tokens, i)
        if found is None:
            return None
        j, node, form = found
        tok = tokens[i]
        if r.case_sensitive:   # (where names are capitalised, one in lower case is none)
            written = tok.text if i == j else "".join([t.text for t in tokens[i:j + 1]])
            if not any(map(str.isupper, written)):
                return None
        key = (form,) + tuple([t.norm for t in tokens[i + 1:j + 1]]) if j > i else (form,)
        # a common word is not a proclitic plus a name: برية "by land" is no ب + Reyeh
        if key in r.stop or (i == j and form != tok.norm and (tok.norm,) in r.stop):
            return None
        ends = _ends_before(tokens, i, lang)   # (before qualifiers, cues, destinations)
        q_before, first, q_form = _qualifier_before(r, tokens, i, lang) if ends[0] else (None, i, None)
        if first < i:   # the cues stand before the qualifier
            ends = _ends_before(tokens, first, lang)
        # (_qualifier_after's first test asked here: most names have no word after them that may begin one)
        q_after, last = _qualifier_after(r, tokens, j, lang) if j + 1 < len(tokens) and \
            tokens[j + 1].norm in r.after_firsts else (None, j)
        lead_tok, lead_form = (tokens[first], q_form) if first < i else (tok, form)
        plain = lead_form == lead_tok.norm   # (read by the word's own norm, as most names: no proclitic, no call)
        locative = ((not plain and _proclitic_locative(r, lead_tok, lead_form))
                    or (ends[1] and _cue_before(r, tokens, first, lang))
                    or (q_before is not None and q_before.locative) or (q_after is not None and q_after.locative))
        part = not (q_before or q_after or locative) and _part_of_a_name(r, tokens, i, j)
        destination = bool(r.destinations) and ends[2] and _cue_before(r, tokens, first, lang, "destinations")
        owner = bool(r.possessive_endings and i == j and tokens[j].text.endswith(r.possessive_endings)
                     and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper()
                     and not any(f in r.name_before for f in tokens[j + 1].forms))
        start = lead_tok.start if plain else _start_after_proclitic(lead_tok, lead_form)
        return j, node[_END], key, last, q_before, q_after, bool(locative), part, start, tokens[last].end, \
            destination, owner


def find_places_in_tokens(text: str, tokens: Sequence[Token], lang: str,
                          country_hint: Optional[str] = None,
                          gazetteer: Optional[Gazetteer] = None,
                          context_countries: Iterable[str] = ()) -> list[PlaceMention]:
    """`find_places` over tokens the caller already has (the pipeline tokenises once).
    `context_countries`: countries the sentence names otherwise (actors: "the Syrian town of")."""
    return SentencePlaces(text, tokens, lang, gazetteer).places(country_hint, context_countries)


def _agree_with_sentence(found: list[PlaceMention], alternatives: list[list], context: set[str],
                         gaz: Gazetteer) -> list[PlaceMention]:
    """A name shared by towns in several countries is the one in a country the sentence names
    otherwise: "in the town of al-Mansurah in the Raqqa countryside" is the Syrian al-Mansurah,
    "the Syrian town of Madaya" the Syrian Madaya."""
    if not any(alternatives):   # (most names: one place of that name)
        return found
    out = []
    for k, m in enumerate(found):
        others = {p.place.country for n, p in enumerate(found) if n != k and p.place.country} | context
        if m.place.country not in others:
            # never a namesake dwarfed by the chosen place (Geneva, Illinois in a text about the US)
            alt = next(((p, admin1) for p, admin1 in alternatives[k] if p.country in others
                        and (p.population == 0 or p.population * HINT_RATIO >= m.place.population)), None)
            if alt is not None:
                place = (gaz.admin1_of(alt[0]) or alt[0]) if alt[1] else alt[0]
                m = new_place_mention(place, m.start, m.end, m.text, m.score, m.locative, m.typed, m.destination)
        out.append(m)
    return out


def _part_of_a_name(r: PlaceRules, tokens: Sequence[Token], i: int, j: int) -> bool:
    """Is the name at tokens i..j part of a person's or organisation's name, with no cue that it is
    a place? "Sheikh Jasim", "جاسم بن محمد", "لواء صلاح الدين", "the Salahuddin Brigade"; and in a
    language that capitalises names, a one-word place followed by another capitalised word that is
    no place word ("Iraj Masjedi", an ambassador)."""
    before = tokens[i - 1] if i > 0 else None
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    if before is not None and not r.name_before.isdisjoint(before.forms):
        return True
    # "Judge Maria Rivera", "President Jorge Batlle": a title, a given name, then the surname
    if r.case_sensitive and i == j and i >= 2 and before.text[:1].isupper() and before.text[:1].isalpha() \
            and not r.name_before.isdisjoint(tokens[i - 2].forms):
        return True
    if after is not None and not r.name_after.isdisjoint(after.forms):
        return True
    if r.case_sensitive and i == j and after is not None and after.text[:1].isupper() \
            and after.text[:1].isalpha() and after.start == tokens[j].end + 1 \
            and not tokens[j].text.endswith(r.possessive_endings or ("\0",)):
        return True
    return False


def _plausible(r: PlaceRules, place: Place, key: tuple[str, ...], cued, foreign: bool) -> bool:
    """A one-word name of a small or very short-named town needs a cue ("in", ريف, مدينة) before
    it counts: such names are often common words too. (Asked only of a one-word name of a town, a
    place of precision "locality": SentencePlaces.places tests that first, and no other name is in doubt.)"""
    if len(key[0]) <= r.short_name_length and place.population < r.min_population_short:
        return False
    if foreign and place.population < r.min_population_foreign:
        return False
    return bool(cued) or place.population >= r.min_population_bare


def capital_mentions(text: str, tokens: Sequence[Token], mentions, lang: str,
                     gazetteer: Optional[Gazetteer] = None) -> list[PlaceMention]:
    """Capitals named by a country's adjective: "in the Iraqi capital", "مقره العاصمة العراقية".
    `mentions`: the sentence's lexicon matches; an actor match of a bare country (no role, no
    group) right beside a capital word gives that country's capital, a place by its place word."""
    r = rules(lang)
    if not r.capital_words:
        return []
    # the tokens a bare country is matched on beside a capital word, each with the first such
    # mention's country: a sentence has far fewer mentions than tokens, and most have no capital
    # word (asked first of a one-word mention: one C call, where the mention's entry is read after)
    bare: dict[int, str] = {}
    side = -1 if r.capital_adjective_after else 1   # where the capital word stands from the adjective
    capital_words, n_tokens = r.capital_words, len(tokens)
    for m in mentions:
        n = m.first
        if n == m.last and m.kind == "actor" and 0 <= n + side < n_tokens and n not in bare \
                and not capital_words.isdisjoint(tokens[n + side].forms):
            code = getattr(m.entry, "code", None)
            if code is not None and not code.role and not code.group and code.country:
                bare[n] = code.country
    if not bare:
        return []
    gaz = None
    out = []
    for n in sorted(bare):
        k = n + side   # the capital word's token
        gaz = gaz or gazetteer or Gazetteer.default()
        capital = gaz.capital(bare[n])   # from the index's head: no walk over the places
        if capital is not None:
            tok = tokens[k]
            s, e = (tok.start, tokens[n].end) if n > k else (tokens[n].start, tok.end)
            out.append(new_place_mention(capital, s, e, text[s:e], 1.0, True, True, False))
    return out
