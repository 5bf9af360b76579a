"""English: normalisation, sentence ends, tokens, lookup forms."""
from __future__ import annotations

import re
import unicodedata

from coder.lang.common import AS_ITSELF, DIGITS, NO_FORMAT, split_by, tokens_by

CODE = "en"
# Word order: the subject precedes the verb; a passive is marked by an auxiliary (was killed).
VERB_SUBJECT_ORDER = False
MODIFIER_AFTER_NOUN = False   # adjectives come before their noun (Syrian troops)
CASED_SCRIPT = True   # a capitalised word inside a sentence may be a proper name's ("Fire Department")
RELATIVE_CLAUSES_ARE_BACKGROUND = True   # "X, who had been arrested in May," is background to the news (measured: +0.01..0.03 F1)
# role nouns that are also adjectives: before a noun they describe it ("official contact", "an official visit")
ADJECTIVAL_AGENTS = frozenset({"official"})
CLITIC_COORDINATORS: tuple[str, ...] = ()
# words for built places: "the Europe Bridge", "Damascus Gate" name a place, not the actor (coder/rules/names.py)
# (not the places that are actors of their own, as a university or a hospital: "Baghdad University" is Iraq's)
FACILITY_WORDS = frozenset({"bridge", "square", "street", "avenue", "boulevard", "road", "highway", "airport",
                            "stadium", "hotel", "gate", "mosque", "church", "cathedral", "tower", "dam", "port",
                            "harbour", "harbor", "crossing", "sea"})   # "the South China Sea": a sea, not China
# verbs of dying: "X died of torture" makes X the victim (coder/rules/deaths.py); "in police custody": held by
DEATH_VERBS = frozenset({"died", "dies", "die", "succumbed", "perished"})
CUSTODY_WORDS = frozenset({"custody", "detention", "captivity"})
# nouns that name an act told before them: ", a decision condemned by X" is X reacting to that act
APPOSED_ACT_NOUNS = frozenset({"decision", "move", "step", "measure", "ruling", "announcement", "policy", "ban",
                               "order", "action", "law", "verdict", "sentence", "plan", "deal", "proposal"})

# Abbreviations whose period does not end a sentence (single capitals are initials: "George W. Bush").
_ABBREV = frozenset("mr mrs ms dr prof gen lt col maj capt sgt sen rep gov pres st jr sr no vs etc inc ltd "
                    "co corp jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k a.m p.m i.e e.g".split())
# Possessive quantifiers and the look-behind keep a long run of punctuation linear, not quadratic;
# opened by one character class, as Arabic's (coder/lang/ar.py), it matches what
# "(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]*[A-Z0-9])|\n+" matches (tests/test_tok_speed.py).
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<![.!?].)[.!?]*+[\"'”’)\]]*+(?=\s+[\"'“‘(\[]*[A-Z0-9]))")
_BOUNDARY_STARTS = ".!?\n"   # (the class a boundary begins with: split_by searches a text for them first)
_LAST_WORD = re.compile(r"([\w.]+)$")


def _is_abbreviation(text: str, m: re.Match) -> bool:
    if text[m.start()] != ".":
        return False
    w = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
    if not w:
        return False
    word = w.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREV
# Words (with inner apostrophes/hyphens/periods of acronyms), numbers with separators, or one symbol.
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|\w+(?:['’.-]\w+)*|[^\w\s]", re.UNICODE)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


_FOLD = {**AS_ITSELF, **NO_FORMAT, **DIGITS, **_QUOTES}   # one translate a word, as Arabic's (coder/lang/ar.py)


def normalise(s: str) -> str:
    return s.translate(_FOLD).lower()


def _unaccented(norm: str) -> str:
    """"nicolás" -> "nicolas": names keep their accents in news copy, not always in the lexicons."""
    return "".join(c for c in unicodedata.normalize("NFKD", norm) if not unicodedata.combining(c))


def lookup_forms(norm: str, raw: str = "") -> tuple[str, ...]:
    """The token itself; without its accents; without a possessive ('s); acronyms without periods
    (U.S. -> us)."""
    if not norm.isascii():
        plain = _unaccented(norm)
        if plain != norm:
            return (norm,) + lookup_forms(plain, raw)
    forms = [norm]
    if norm.endswith("'s") and len(norm) > 2:
        forms.append(norm[:-2])
    if "." in norm and len(norm) > 1:
        forms.append(norm.replace(".", ""))
    if norm.endswith("n't") and len(norm) > 3:   # didn't, won't: read as "not" by the negation rule
        forms.append("not")
    return tuple(forms)


def starts_with_preposition(token, form: int) -> bool:
    """English prepositions are words of their own, never part of the next word."""
    return False


def read_as_in(token, form: int) -> bool:
    """English writes "in" as a word of its own."""
    return False


def carries_of(token) -> bool:
    """Is the token "of", a word of its own in English ("the withdrawal of U.S. troops": the genitive
    of a noun whose genitive is its doer is its agent)?"""
    return token.norm == "of"


def starts_with_coordinator(token, form: int) -> bool:
    """English conjunctions are words of their own."""
    return False


def is_definite(token) -> bool:
    """English marks definiteness with a word of its own ("the"), not on the noun."""
    return False


def read_as_purpose(token, form: int) -> bool:
    """English says what for with "to" + verb, read by the infinitive rule, not inside the word."""
    return False


_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})


def refers_back(tokens, i: int) -> bool:
    """Is token i owned by a pronoun ("its forces", "their troops")?"""
    return i > 0 and tokens[i - 1].norm in _POSSESSIVES


def refers_to_many(tokens, i: int) -> bool:
    """Is token i owned by a plural pronoun ("their troops"), which may refer to a compound subject?"""
    return i > 0 and tokens[i - 1].norm == "their"


def split_sentences(text: str) -> list[tuple[int, int]]:
    return split_by(text, _BOUNDARY, veto=_is_abbreviation, ends=_BOUNDARY_STARTS)


def _acronym(word: str) -> str | None:
    """Short capitalised acronyms (US, UN, IS, EU) only match in capitals: "us" is a pronoun."""
    letters = word.replace(".", "")
    return "=" + letters if 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper() else None


def _forms(norm: str, raw: str) -> tuple[str, ...]:
    key = _acronym(raw)
    return (key,) + lookup_forms(norm, raw) if key else lookup_forms(norm, raw)


_WORDS: dict = {}   # chunk of text between spaces -> its words (tokens_by)
CHUNK_FOLDS: dict = {}   # chunk -> its fold, where its words' norms give it (tokens_by; coder/lang/chunk_folds.py)


def tokenise(text: str):
    return tokens_by(text, _WORD, normalise, _forms, _WORDS, CHUNK_FOLDS)


def phrase_tokens(phrase: str, keep_article: bool = False) -> list[str]:
    """How a lexicon phrase is tokenised for the matcher (same rules as the text); English has no
    article clitic, so `keep_article` changes nothing."""
    return [_acronym(m.group()) or normalise(m.group()) for m in _WORD.finditer(phrase)]


# ---------------------------------------------------------------- morphology for lexicon compilation

_VOWELS = set("aeiou")


def _regular_forms(w: str) -> dict[str, set[str]]:
    """s, past/participle and -ing forms; where doubling the last consonant is uncertain both
    spellings are produced (a form that is no English word never occurs in text, so it costs nothing)."""
    if w.endswith("ee"):                  # agree: agreed, agreeing
        past, ing = {w + "d"}, {w + "ing"}
    elif w.endswith("e"):
        past, ing = {w + "d"}, {w[:-1] + "ing"}
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        past, ing = {w[:-1] + "ied"}, {w + "ing"}
    else:
        past, ing = {w + "ed"}, {w + "ing"}
        if len(w) >= 3 and w[-1] not in _VOWELS | set("wxy") and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            past.add(w + w[-1] + "ed")
            ing.add(w + w[-1] + "ing")
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = w + "es"
    elif w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        third = w[:-1] + "ies"
    else:
        third = w + "s"
    return {"base": {w}, "s": {third}, "past": past, "participle": set(past), "ing": ing}


_VERB_PREFIXES = ("re", "over", "under", "out", "with", "mis", "up")


def _prefixed_irregular(w: str, irregular: dict[str, list[str]]):
    """"retake" -> retook, retaken; "withhold" -> withheld: a prefix before an irregular verb of four
    letters or more keeps its forms (a shorter one may be a mere ending: "relay" is no "re-lay")."""
    for p in _VERB_PREFIXES:
        if w.startswith(p) and w[len(p):] in irregular and len(w) - len(p) > 3:
            return [p + f for f in irregular[w[len(p):]]]
    return None


def verb_forms(lemma: str, irregular: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(surface phrase, tag) for every inflection of a verb lemma; tag is base|s|past|participle|ing.
    In a multi-word verb ("carry out") the first word is inflected."""
    head, _, rest = lemma.strip().partition(" ")
    forms = _regular_forms(head.lower())
    irr = irregular.get(head.lower()) or _prefixed_irregular(head.lower(), irregular)
    if irr:
        forms["past"] = {irr[0]}
        forms["participle"] = set(irr[1:2] or irr[:1])
    out = []
    for tag, words in forms.items():
        for w in sorted(words):
            out.append(((w + " " + rest).strip(), tag))
    return out


def adjective_forms(adj: str) -> list[str]:
    """A demonym and its plural noun: Iraqi -> Iraqi, Iraqis."""
    return [adj, adj + "s"] if not adj.endswith("s") else [adj]


def is_future_form(token, form: int) -> bool:
    """English marks the future with separate words ("will", grammar.yaml future_markers)."""
    return False


def is_imperfect_verb(token) -> bool:
    """English tells the present by the verb forms the lexicon lists (tag "s"), not by a prefix."""
    return False


def has_conjunction_clitic(token) -> bool:
    """English conjunctions are words of their own."""
    return False


def has_preposition_clitic(token) -> bool:
    """English prepositions are words of their own."""
    return False


def word_features(token) -> tuple[bool, bool, bool, None, bool]:
    """What the syntax stage keeps of a word not seen before (coder.syntax.Features): no clitic, no
    article on the word, no possessive pronoun on it (None: refers_back reads the word before), no
    tanwin."""
    return False, False, False, None, False


def carries_subject(token) -> bool:
    """English verbs carry no subject of their own."""
    return False


def is_possessor(token) -> bool:
    """"Russia's", "the group's": the word owns the noun phrase after it."""
    return len(token.norm) > 2 and token.norm.endswith("'s")
