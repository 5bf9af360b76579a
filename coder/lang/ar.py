"""Arabic: normalisation, sentence ends, tokens, and the clitic-stripped forms the lexicons are
looked up by (و/ف conjunctions, ب/ل/ك prepositions, the article ال, the future س, pronoun suffixes)."""
from __future__ import annotations

import re
from functools import lru_cache

from coder.lang.common import AS_ITSELF, DIGITS, NO_FORMAT, split_by, tokens_by
from coder.lang.per_word import per_word as _per_word

CODE = "ar"
# Word order: news Arabic is mostly verb-subject-object (قالت الوزارة), also subject-first.
VERB_SUBJECT_ORDER = True
MODIFIER_AFTER_NOUN = True   # adjectives and genitives follow their noun (القوات السورية)
# The script has no capitals: no word is marked as a name's by its first letter (no Arabic trigger's
# first word has a cased letter: tests/test_rules_speed17.py)
CASED_SCRIPT = False
# Verb-subject order puts the subject's name, title and the time and place adverbials between a light
# verb and its object ("أبدى وزير الخارجية النرويجي يوناس ستور، أمس في أوسلو، أسفه"): a wider object window
OBJECT_WINDOW = 7
RELATIVE_CLAUSES_ARE_BACKGROUND = False   # the Arabic gold codes them (measured: -0.01 root F1 when skipped)
# Conjunctions written as a prefix: ودعت = و + دعت ("and called"), which coordinates two verbs.
CLITIC_COORDINATORS = ("و", "ف")
_COORDINATOR_CLITICS = "".join(CLITIC_COORDINATORS)     # (the letters, joined once)

# harakat, Quranic marks, tatweel (a word ends in ة whatever marks follow: text.rstrip(_MARK_CHARS))
_MARK_CHARS = "".join(map(chr, [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE), 0x0640]))
_MARKS = re.compile(f"[{_MARK_CHARS}]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                          "ک": "ك", "ی": "ي", "ی": "ي", "ھ": "ه", "ۀ": "ه"})
# Possessive quantifiers and the look-behind keep a long run of punctuation linear, not quadratic.
# Opened by one character class (a sentence end or a line break), which the regex engine skips
# the text by, not by a look-behind and an alternation tried at each character; it matches what
# "(?<![.!?؟؛])[.!?؟؛]++[\"'»”)\]]*+(?=\s)|\n+" matches (tests/test_tok_speed.py).
_BOUNDARY = re.compile(r"[.!?؟؛\n](?:(?<=\n)\n*|(?<![.!?؟؛].)[.!?؟؛]*+[\"'»”)\]]*+(?=\s))")
_BOUNDARY_STARTS = ".!?؟؛\n"   # (the class a boundary begins with: split_by searches a text for them first)
# A word: letters/digits with combining marks and tatweel inside; numbers with separators; a symbol.
# Written as its first character, any but a space or "_", then what follows by the kind of that
# character (a digit, a letter, a symbol): a pattern that opens with one character class lets the
# regex engine skip the spaces between words by that class instead of trying each alternative at
# each space; it matches what "\d+(?:[.,٫٬]\d+)*|[^\W\d_][\w...]*|[^\w\s]" matches (tests/test_tok_speed.py).
_WORD = re.compile(r"[^\s_](?:(?<=\d)\d*(?:[.,٫٬]\d+)*|(?<=[^\W\d_])[\w\u064b-\u065f\u0670\u0640]*|(?<=[^\w\s]))",
                   re.UNICODE)

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه")
_FUTURE_OK = set("يتنا")
# The suffixes grouped by their last letter (order kept): a new word tests only those it could end with
_SUFFIXES_BY_LAST = {c: tuple(s for s in _SUFFIXES if s[-1] == c) for c in {s[-1] for s in _SUFFIXES}}
# وزارة, وزارتها, وزارات (ministry) are not و + زارت (and she visited)
_MINISTRY = ("وزاره", "وزارت", "وزارا")   # س + imperfect prefix: سيقتل -> يقتل


# format controls and marks deleted, letters and digits folded: one translate a word (no key of one
# table is a character another maps to, so one pass does what the four did in turn)
_FOLD = {**AS_ITSELF, **NO_FORMAT, **dict.fromkeys(map(ord, _MARK_CHARS)), **_LETTERS, **DIGITS}


def normalise(s: str) -> str:
    """Fold spelling variants that news Arabic uses interchangeably; Latin words are lower-cased."""
    return s.translate(_FOLD).lower()


def _strip_article(w: str, out: list[str]) -> None:
    if w.startswith("ال") and len(w) >= 4:
        out.append(w[2:])


# A form's last letter is the word's (each form is the word less letters in front), so the pronoun
# suffixes a word may end with are looked up once, by that letter; ه is the pronoun only for a word
# not written with a ta marbuta (see lookup_forms); a word that ends in none of ا م ن ه tests none.
_SUFFIXES_AT_END = {c: v for c, v in _SUFFIXES_BY_LAST.items() if c != "ه"}
# the letters a clitic in front (conjunction, preposition, future س) may be: a word that begins with
# none of them, as most, is read only without its article
_CLITIC_FIRST = frozenset(_CONJ + _PREP + ("س",))


@lru_cache(maxsize=65536)   # (the quantities ask it per word after a number; tokenise keeps its own cache)
def lookup_forms(norm: str, raw: str = "") -> tuple[str, ...]:
    """The token and its readings with clitics removed, fewest removals first.

    وبالدواعش -> بالدواعش, الدواعش, دواعش; للصحفيين -> الصحفيين, صحفيين; مرتزقته -> مرتزقه.
    `raw` (the token as written) tells a ta marbuta from the pronoun ه, which normalisation
    merges: محافظة is never read as محافظ + ه."""
    if not norm or not ("\u0600" <= norm[0] <= "\u06ff"):
        return (norm,)
    if norm[0] in _CLITIC_FIRST:
        forms = _without_clitics(norm)
    elif norm.startswith("ال") and len(norm) >= 4:
        forms = [norm, norm[2:]]
    else:
        forms = [norm]
    last = norm[-1]
    if last == "ه":
        if raw.rstrip(_MARK_CHARS).endswith("ة"):
            return tuple(dict.fromkeys(forms)) if len(forms) > 2 else tuple(forms)
        suffixes = _SUFFIXES_BY_LAST["ه"]
    else:
        suffixes = _SUFFIXES_AT_END.get(last)
    if suffixes is not None:
        for w in list(forms):
            for suf in suffixes:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    stem = w[: -len(suf)]
                    forms.append(stem)
                    if stem.endswith("ت"):   # ta marbuta before a suffix: مرتزقت(ه) -> مرتزقه
                        forms.append(stem[:-1] + "ه")
                    break
    # (each once, in order: every form but the word is shorter than it, so two are distinct)
    return tuple(dict.fromkeys(forms)) if len(forms) > 2 else tuple(forms)


def _without_clitics(norm: str) -> list[str]:
    """The word and its readings without the clitics in front (conjunction, then preposition or
    future س, then the article), in that order."""
    forms = [norm]
    stems = [norm]
    if norm[0] in _CONJ and len(norm) >= 4 and not norm.startswith(_MINISTRY):
        stems.append(norm[1:])
    for w in list(stems):
        if w.startswith("لل") and len(w) >= 4:
            stems.append("ال" + w[2:])
        elif w[0] in _PREP and len(w) >= 4:
            stems.append(w[1:])
        if w[0] == "س" and len(w) >= 4 and w[1] in _FUTURE_OK:
            stems.append(w[1:])
    for w in stems[1:]:
        forms.append(w)
    for w in list(stems):
        _strip_article(w, forms)
    return forms


def refers_back(tokens, i: int) -> bool:
    """Does token i carry a possessive pronoun (قواته "its forces", جنودها "her soldiers")?"""
    # (_owned's kept answer read here, from the word's memo (coder.lang.per_word): the syntax stage
    # asks for every token, and calling _owned costs a frame more a token)
    t = tokens[i]
    asked = t.memo.asked
    owned = None if asked is None else asked[_OWNED_AT]
    return _owned(t) if owned is None else owned


@_per_word
def _owned(t) -> bool:
    """Token t carries a possessive pronoun (Arabic: on the word itself)."""
    if t.text.rstrip(_MARK_CHARS).endswith("ة"):
        return False
    n = t.norm
    # (only the suffixes that end in its last letter can end it: no generator over all eight)
    for suf in _SUFFIXES_BY_LAST.get(n[-1:], ()):
        if n.endswith(suf) and len(n) - len(suf) >= 3 and n[:-len(suf)] in t.forms:
            return True
    return False


_OWNED_AT = _owned.at   # (where a word's memo keeps its answer: per_word)
carries_possessive = _owned   # refers_back read on the word alone: the syntax stage keeps it per word


def _without_conjunction(n: str) -> str:
    return n[1:] if n[:1] in _CONJ and len(n) >= 5 else n


def _read_through(token, form: int, clitics: str, after_conjunction: bool = False) -> bool:
    """Did the lookup form that matched (`form`, not the word as written) take off one of
    `clitics` at the front of the word (after a conjunction, if allowed)?"""
    if not form:    # the word as written (most matches) is read through no clitic: nothing to work out
        return False
    n = token.norm
    if after_conjunction and n[:1] in _CONJ and len(n) >= 5:   # (_without_conjunction, inlined: a frame less)
        n = n[1:]
    # ووفد -> وفد: a stem that begins with the clitic's letter was still read through it
    return len(n) >= 4 and n[0] in clitics and \
        (not token.forms[form].startswith(n[0]) or token.forms[form] == n[1:])


def starts_with_preposition(token, form: int) -> bool:
    """بالمرتزقة, كالجيش: read through a preposition clitic, the word opens a new phrase and is not
    part of the actor phrase before it (تهديد ... أوروبا بالمرتزقة is Europe, then mercenaries;
    سفير بولندا stays one)."""
    # (the first test of _read_through made here: most matches are the word as written, and the call
    # costs a frame; the same in the three askers below)
    return form != 0 and _read_through(token, form, "بك")


def read_as_in(token, form: int) -> bool:
    """ببغداد, وبدمشق: the lookup form that matched is the word without بـ "in" in front (بغداد as
    written matches whole)."""
    if not form:
        return False
    n = _without_conjunction(token.norm)
    return n[:1] == "ب" and token.forms[form] == n[1:]


def carries_of(token) -> bool:
    """لطيران, للجيش, ولقوات: the word carries لـ "of", the genitive of an indefinite noun before it
    (غارة لطيران التحالف = غارة طيران التحالف)."""
    n = _without_conjunction(token.norm) if has_conjunction_clitic(token) else token.norm
    return len(n) >= 4 and n[0] == "ل" and (n[1:] in token.forms or (n.startswith("لل") and "ال" + n[2:] in token.forms))


def starts_with_coordinator(token, form: int) -> bool:
    """وتركيا, والعاهل, وقوات: read through the conjunction clitic, the word opens the next conjunct
    ("روسيا وتركيا" is Russia and Turkey, two actors of one group)."""
    return form != 0 and _read_through(token, form, _COORDINATOR_CLITICS)


def read_as_purpose(token, form: int) -> bool:
    """للمطالبة, لمنع, للاحتجاج: an event word read through the clitic ل says what for (a verb
    form so read is a verbal noun, not a finite verb). ب is left out: after قام, أقدم, بدأ (قام
    الجيش بقصف) the verbal noun is the event itself."""
    return form != 0 and _read_through(token, form, "ل", after_conjunction=True)


@_per_word
def is_definite(token) -> bool:
    """القوات, والجيش, للشرطة: the word carries the article (after a conjunction or preposition).
    Written with a hamza, أل/إل/آل is no article (ألبومين، أليخاندرا، آلاف), though spelling folds it."""
    n = _without_conjunction(token.norm)
    at = len(token.norm) - len(n)     # where n starts in the word as written, its marks taken out
    if n[:1] in _PREP and n[1:3] == "ال":
        n, at = n[1:], at + 1
    if not n.startswith(("ال", "لل")):
        return False    # (the word as written is read only for a word that may carry the article)
    return not _MARKS.sub("", token.text)[at:].startswith(("أل", "إل", "آل"))


def split_sentences(text: str) -> list[tuple[int, int]]:
    return split_by(text, _BOUNDARY, ends=_BOUNDARY_STARTS)


_WORDS: dict = {}   # chunk of text between spaces -> its words (tokens_by)
CHUNK_FOLDS: dict = {}   # chunk -> its fold, where its words' norms give it (tokens_by; coder/lang/chunk_folds.py)


# (tokens_by keeps a word's forms with its chunk: asked through the lru_cache, each new word would
# also pay for a cache entry no other caller shares, as they ask with the norm alone)
_forms_of_word = lookup_forms.__wrapped__


def tokenise(text: str):
    return tokens_by(text, _WORD, normalise, _forms_of_word, _WORDS, CHUNK_FOLDS)


def phrase_tokens(phrase: str, keep_article: bool = False) -> list[str]:
    """How a lexicon phrase is keyed: normalised, with the article removed, so that الجيش in a
    lexicon matches الجيش, والجيش, جيش in text (text tokens offer their article-less form)."""
    out = []
    for m in _WORD.finditer(phrase):
        w = normalise(m.group())
        if w.startswith("ال") and len(w) >= 4 and not keep_article:
            w = w[2:]
        out.append(w)
    return out


# ---------------------------------------------------------------- morphology for lexicon compilation

def _past_forms(p: str) -> list[str]:
    if p.endswith(("ا", "ي")) and len(p) >= 3:     # دعا، رمى/رمي، أجرى: دعت، دعوا
        s = p[:-1]
        return [p, s + "ت", s + "وا", s + "تا", p + "ا", s + "ين", p + "ت", p + "نا", p + "تم"]
    return [p, p + "ت", p + "وا", p + "ا", p + "تا", p + "ن", p + "نا", p + "تم"]


def _present_forms(y: str) -> list[str]:
    stem = y[1:] if y[:1] in ("ي", "ت", "ن", "ا") else y
    out = []
    for pre in ("ي", "ت", "ن", "ا"):
        out.append(pre + stem)
    for pre in ("ي", "ت"):
        base = stem[:-1] if stem.endswith(("و", "ي")) and len(stem) >= 3 else stem
        out += [pre + base + "ون", pre + base + "وا", pre + stem + "ان", pre + base + "ين"]
    out.append("ي" + stem + "ن")
    return out


def verb_forms(spec: str) -> list[tuple[str, str]]:
    """All conjugations of a lexicon verb written "past|present" (قتل|يقتل) or "past": every
    person, number and gender of the perfect and imperfect (the future سـ and object pronouns are
    handled at lookup). Multi-word verbs conjugate their first word: "أطلق|يطلق سراح"."""
    words = spec.split()
    head, rest = words[0], " ".join(words[1:])
    past, _, present = head.partition("|")
    past, present = normalise(past), normalise(present)
    forms = [(f, "past") for f in _past_forms(past)]
    if present:
        forms += [(f, "present") for f in _present_forms(present)]
    seen: dict[str, str] = {}
    for f, tag in forms:
        seen.setdefault((f + " " + rest).strip(), tag)
    return list(seen.items())


def adjective_forms(adj: str) -> list[str]:
    """A nisba adjective in every gender, number and case: عراقي -> عراقية، عراقيون، عراقيين، عراقيات، عراقيا ..."""
    words = normalise(adj).split()
    # every word of a multi-word nisba agrees: كوري جنوبي -> كوريين جنوبيين; ا is the accusative
    # ending of the indefinite (مصورا فرنسيا)
    return [" ".join(w + suf for w in words) for suf in ("", "ه", "ون", "ين", "ات", "ان", "تان", "تين", "ا")]


def is_future_form(token, form: int) -> bool:
    """سيستقبل, وسيقدم: the verb was read through the future prefix سـ (a plan, not a deed)."""
    return form != 0 and _read_through(token, form, "س", after_conjunction=True)


@_per_word
def is_imperfect_verb(token) -> bool:
    """يصيب, ويقتل: a word the syntax stage reads as a verb that opens with the imperfect's ي (the present
    of a third person). Past verbs also open with ت (تظاهر) and ن (نفذ), so only ي is read."""
    n = _without_conjunction(token.norm) if has_conjunction_clitic(token) else token.norm
    return len(n) >= 4 and n[0] == "ي"


@_per_word
def has_conjunction_clitic(token) -> bool:
    """وقصفت, فاعتقل: the word carries و or ف in front (one of its lookup forms is the word without it)."""
    n = token.norm
    return len(n) >= 4 and n[0] in _CONJ and n[1:] in token.forms


@_per_word
def has_preposition_clitic(token) -> bool:
    """بالقصف, لقسد, للجيش, وبغارة: the word carries بـ, لـ or كـ in front (after a conjunction, if any)."""
    n = _without_conjunction(token.norm) if has_conjunction_clitic(token) else token.norm
    if len(n) < 4 or n[0] not in _PREP:
        return False
    if n[0] == "ك" and not n.startswith("كال") and not has_tanwin(token):
        # كـ "as" comes before the article or an indefinite noun written with tanwin (كرئيسٍ); كلينتون،
        # كبير، كثير are words of their own
        return False
    return n[1:] in token.forms or (n.startswith("لل") and "ال" + n[2:] in token.forms)


# the answers word_features keeps, in the order it returns them
_FEATURE_ANSWERS = (has_conjunction_clitic.answers, has_preposition_clitic.answers, is_definite.answers, _owned.answers)


def word_features(token) -> tuple[bool, bool, bool, bool, bool]:
    """What the syntax stage keeps of a word not seen before (coder.syntax.Features), in one pass
    over the word: has_conjunction_clitic, has_preposition_clitic, is_definite, carries_possessive
    and has_tanwin, as each answers; the first four kept in their answers, where a later question
    of the word finds them. (The questions' own functions stay the reference: a change to one is a
    change here too, and tests/test_syntax_firstsight.py compares the two on every word it has.)"""
    n, text, forms = token.norm, token.text, token.forms
    conj = len(n) >= 4 and n[0] in _CONJ and n[1:] in forms
    tanwin = "\u064b" in text or "\u064c" in text or "\u064d" in text
    bare = n[1:] if n[:1] in _CONJ and len(n) >= 5 else n    # (_without_conjunction)
    p = bare if conj else n     # (has_preposition_clitic takes off a conjunction clitic only)
    # (كـ "as" before the article or tanwin only, as has_preposition_clitic asks)
    prep = len(p) >= 4 and p[0] in _PREP and (p[0] != "ك" or p.startswith("كال") or tanwin) and \
        (p[1:] in forms or (p.startswith("لل") and "ال" + p[2:] in forms))
    at = len(n) - len(bare)
    if bare[:1] in _PREP and bare[1:3] == "ال":
        bare, at = bare[1:], at + 1
    definite = bare.startswith(("ال", "لل")) and not _MARKS.sub("", text)[at:].startswith(("أل", "إل", "آل"))
    own = False
    suffixes = _SUFFIXES_BY_LAST.get(n[-1:])    # (most words end in none: the ta marbuta unasked)
    if suffixes is not None and not text.rstrip(_MARK_CHARS).endswith("ة"):
        for suf in suffixes:
            if n.endswith(suf) and len(n) - len(suf) >= 3 and n[:-len(suf)] in forms:
                own = True
                break
    for answers in _FEATURE_ANSWERS:   # (each bounded, as _per_word bounds it)
        if len(answers) >= 100_000:
            answers.clear()
    conjunctions, prepositions, articles, possessives = _FEATURE_ANSWERS
    conjunctions[text], prepositions[text], articles[text], possessives[text] = conj, prep, definite, own
    return conj, prep, definite, own, tanwin


def is_possessor(token) -> bool:
    """Arabic marks the possessor by the idafa (the genitive after the noun), not on the word itself."""
    return False


# honorifics that open a person's name after his office ("رئيس دولة الإمارات الشيخ محمد بن زايد"):
# the name renames the phrase before it; an office title (الرئيس، الملك) there starts a new phrase
# the first word of a compound name, whose definite second word is the name's own (عبد الله، أبو القاسم)
NAME_JOINERS = frozenset(normalise(w) for w in ("عبد", "أبو", "أبي", "أبا", "ابن", "بن", "آل", "ذو", "ذي"))

HONORIFICS = frozenset(normalise(w) for w in ("الشيخ", "السيد", "السيدة", "الأمير", "الأميرة", "الدكتور",
                                              "الدكتورة", "اللواء", "العميد", "العقيد", "الفريق", "المشير"))


_DAMMA = "\u064f"


def marks_passive(token) -> bool:
    """قُتل، اعتُقل، أُعلن: a past verb written with a damma is a passive (its active carries none);
    a present form's damma (يُقاتل، تُعلن) is no sign of one."""
    t = token.text
    base = t[1:] if t[:1] in _CONJ and len(t) > 3 else t
    return len(base) > 2 and base[0] not in "يتن" and _DAMMA in base[:-1]


def carries_subject(token) -> bool:
    """قتلوا، يقاتلون، يتفقان، قررتا: a verb with a plural or dual subject suffix carries its subject.
    A verb before its subject is singular (قتل المسلحون), so the noun phrase after such a verb is its
    object. (ون after ا is the root's: يتعاون "cooperates" is singular.)"""
    # (agreement's kept answer read here, as refers_back reads _owned's: the call through _per_word
    # costs a frame more a token)
    asked = token.memo.asked
    known = None if asked is None else asked[_AGREEMENT_AT]
    return (agreement(token) if known is None else known)[1] in ("plural", "dual")


_OBJECT_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")


@_per_word
def agreement(token) -> tuple[str, str]:
    """A verb's subject agreement from its affixes as (gender, number), "" where they do not tell:
    يقاتلون/قتلوا masculine plural, يتفقان dual, قررتا feminine dual, قصفت/تتقدم feminine singular,
    يقصف/قصف masculine singular. (ت after ا may be the root's: مات; ون after ا too: يتعاون; a ت in
    front is a feminine present or a past of the forms تفعّل/تفاعل: تقصف, تقدم.)"""
    n = token.norm
    if has_conjunction_clitic(token):
        n = n[1:]
    # an object pronoun: قتلته، شنتها (the ta marbuta asked only of a word that ends as one)
    if n.endswith(_OBJECT_SUFFIXES) and not token.text.rstrip(_MARK_CHARS).endswith("ة"):
        for suffix in _OBJECT_SUFFIXES:
            if n.endswith(suffix) and len(n) - len(suffix) >= 3:
                n = n[:-len(suffix)]
                break
    if n[:1] == "س" and len(n) > 4 and n[1:2] in ("ي", "ت", "ن", "ا"):
        n = n[1:]     # the future prefix: سيواصلون
    if len(n) < 3:
        return "", ""
    if n.endswith("وا") and len(n) >= 4:
        return "masculine", "plural"
    imperfect = n[:1] in ("ي", "ت")
    if imperfect and len(n) >= 5 and n[-3:-2] != "ا" and n.endswith("ون") and not (len(n) == 5 and n[1] == "ت"):
        # (يتكون "consists" is the singular of a root in ون, as يتعاون)
        return "masculine", "plural"
    if imperfect and len(n) >= 5 and n[-3:-2] != "ا" and n.endswith("ان"):
        return "", "dual"
    if n.endswith("تا") and len(n) >= 5:
        return "feminine", "dual"
    if n[0] == "ي":
        return "masculine", "singular"
    if n[0] == "ت":
        # تقصف "she shells", but تقدم، تعرض "he advanced, was exposed" (a past of the forms تفعّل/تفاعل)
        return ("feminine" if n.startswith(("تت", "تست")) else ""), "singular"
    if n.endswith("ت"):
        return ("", "") if n[-2:-1] == "ا" else ("feminine", "singular")
    if n[:1] in ("ن", "أ", "ا") and len(n) == 4:
        return "", ""     # نقصف (we), أعلن (announced) or أعلن (I announce)
    return "masculine", "singular"


_AGREEMENT_AT = agreement.at   # (where a word's memo keeps its (gender, number): per_word)
# the relative pronouns' gender and number (a verb right after one agrees with it when it is its subject)
RELATIVES = {normalise(w): a for w, a in (
    ("الذي", ("masculine", "singular")), ("التي", ("feminine", "singular")), ("الذين", ("masculine", "plural")),
    ("اللذين", ("masculine", "dual")), ("اللذان", ("masculine", "dual")), ("اللتين", ("feminine", "dual")),
    ("اللتان", ("feminine", "dual")), ("اللواتي", ("feminine", "plural")), ("اللاتي", ("feminine", "plural")),
    ("اللائي", ("feminine", "plural")))}


def disagree(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two (gender, number) pairs that cannot belong to one subject: the genders differ, or one is
    plural or dual and the other singular. (A verb before its subject is singular, so only a verb
    after it, or a pronoun, is compared on number.)"""
    if a[0] and b[0] and a[0] != b[0]:
        return True
    return bool(a[1] and b[1]) and (a[1] == "singular") != (b[1] == "singular")


_THAT = frozenset(normalise(w) for w in ("أن", "إن"))
_THAT_PRONOUNS = ("هما", "هم", "هن", "ها", "ه", "نا", "ني")


@_per_word
def subject_pronoun(token) -> bool:
    """أنه، إنها، بأنهم: أنّ/إنّ carrying a pronoun, the subject of the clause it opens (أعلنت الوزارة
    أنها قصفت مواقع: the ministry shelled)."""
    n = token.norm
    if has_conjunction_clitic(token):
        n = n[1:]
    if n[:1] in ("ب", "ل") and n[1:3] in _THAT:
        n = n[1:]
    return n[:2] in _THAT and n[2:] in _THAT_PRONOUNS


_FATHATAN = "\u064b"


@_per_word
def adverbial_accusative(token) -> bool:
    """رسمياً، عالياً، قائلاً، حاملةً: an indefinite accusative (tanwin fath, as written) that is an adverb
    (a nisba ending) or describes the subject's state (the active participle فاعل), not an object
    (عقداً، تهديداً، فرصةً are objects)."""
    if _FATHATAN not in token.text:
        return False
    w = token.norm
    if has_conjunction_clitic(token):
        w = w[1:]
    stem = w[:-1] if w.endswith(("ا", "ه", "ة")) else w     # the alif of the tanwin, or ة
    if stem.endswith("ي") and len(stem) >= 4:
        return True     # رسمياً، شهرياً، عالياً
    return len(stem) == 4 and stem[1] == "ا"     # قائلاً، ساهراً، حاملةً


@_per_word
def circumstantial(token) -> bool:
    """مطالبين، منددين، مرددين: an indefinite plural active participle of a derived verb (مُفاعِل،
    مُفعِّل، مُتفعِّل، مُستفعِل) in the accusative, after a verb and its subject, says what the subject
    was doing meanwhile (a حال), not what the verb acts on."""
    w = token.norm
    if has_conjunction_clitic(token):
        return False
    return w.startswith("م") and w.endswith("ين") and len(w) >= 6 and not w.startswith("مسلح")


def has_tanwin(token) -> bool:
    """شخصاً، تقريرٌ، مكانٍ: written with nunation, the word is indefinite and no idafa's first term."""
    t = token.text      # (three substring searches: a set test would make and hash a string per letter)
    return "\u064b" in t or "\u064c" in t or "\u064d" in t


_NOMINATIVE_POSSESSED = ("ؤه", "ؤها", "ؤهم", "ؤهما", "ؤهن", "ؤنا", "ؤكم")


def nominative(token) -> bool:
    """شهرٌ، أداؤنا، المستثمرون: written in the nominative (tanwin damm, the hamza on و before a
    pronoun, a sound plural in ون with the article), the case of a subject and never of an object."""
    if "\u064c" in token.text:
        return True
    n = _without_conjunction(token.norm)
    if n.endswith(_NOMINATIVE_POSSESSED) and len(n) >= 5:
        return True
    return n.startswith("ال") and n.endswith("ون") and len(n) >= 8


def not_genitive(token) -> bool:
    """عقداً، تقريرٌ: written with the accusative or nominative tanwin, the word is not in the genitive, so
    it is no idafa's second term (وقع السيد حسن عقداً: the contract is the object, not حسن's)."""
    return "\u064b" in token.text or "\u064c" in token.text


# أنْ/أنّ with no pronoun: the verb right after it in a clause that completes another verb (قرر أن ...)
QUOTE_THAT = frozenset(normalise(w) for w in ("أن", "بأن"))


def article_like_verb(token) -> bool:
    """التقى، التزم، التقت، التقوا: a past verb of the form افتعل on a root with ل, whose first letters
    look like the article (a noun with the article and ت is longer: التحرك، التقرير)."""
    n = _without_conjunction(token.norm)
    return n.startswith("الت") and (len(n) <= 5 or (n.endswith("وا") and len(n) <= 6))

# "فصائل بقيادة هيئة تحرير الشام": the followers named before one of these are the leader's people
LEADER_WORDS = frozenset(normalise(w) for w in ("بقيادة", "بزعامة", "وبقيادة"))
# "شخصا يشتبه بانتمائهم إلى داعش", "مسؤول في مكتب تابع لحزب العمال": a person tied to a named group
# by membership or affiliation belongs to it (the forms as written, with their clitics)
LINK_WORDS = frozenset(normalise(w) for w in (
    "بانتمائهم", "بانتمائه", "بانتمائها", "بانتمائهما", "انتمائهم", "انتمائه", "الانتماء", "بالانتماء",
    "ينتمون", "ينتمي", "ينتميان", "تنتمي", "المنتمين", "المنتمي", "عضو", "أعضاء", "عضوا", "عضوين",
    "بعضوية", "عضوية", "تابع", "تابعة", "التابع", "التابعة", "تابعين", "التابعين", "تابعا"))
# words that may stand between a person and the membership word: suspicion, "that he is", "في"
# before the body that is affiliated ("مسؤول في مكتب تابع لـ")
LINK_GAP_WORDS = frozenset(normalise(w) for w in (
    "يشتبه", "المشتبه", "مشتبه", "يشتبه", "بتهمة", "بتهم", "متهم", "متهمين", "المتهمين", "بأنه", "بأنهم",
    "بأنها", "أنه", "أنهم", "أنها", "يعتقد", "في"))
# "قوات الجيش وميليشيات متحالفة معها": a conjunct described as allied to, or loyal to, the
# one before it (these words, then a pronoun: معها، لها) is folded into it
ALLY_WORDS = frozenset(normalise(w) for w in (
    "متحالفة", "المتحالفة", "متحالفين", "المتحالفين", "موالية", "الموالية", "موالين", "الموالين",
    "حليفة", "الحليفة", "مدعومة", "المدعومة"))
ALLY_REFERENCES = frozenset(normalise(w) for w in ("معها", "معه", "معهم", "لها", "له", "لهم", "منها", "منه"))
# a delegation stands for whom it represents: "وفد فصائل المعارضة" is the opposition factions
DELEGATE_WORDS = frozenset(normalise(w) for w in ("وفد", "الوفد", "ووفد", "والوفد", "وفدا", "وفود", "الوفود", "ووفود"))
# nouns of a place named after a city or a country (مطار بغداد, ريف دمشق, معبر نصيب): the name
# after one says where, not who (the government a capital stands for is not there)
PLACE_HEADS = frozenset(normalise(w) for w in (
    "مطار", "ميناء", "مرفأ", "معبر", "ريف", "طريق", "أوتوستراد", "محيط", "ضواحي", "أطراف", "مداخل",
    "مدخل", "قلب", "بادية", "سهل", "جبال", "جبل", "حدود"))
# dress and likeness: "مسلحون يرتدون زي الشرطة", "سيارة مشابهة لسيارات الشرطة": the force named
# after one of these is a disguise or a comparison, not an actor of the event
DISGUISE_WORDS = frozenset(normalise(w) for w in (
    "زي", "الزي", "زيا", "بزات", "بزة", "لباس", "ملابس", "الملابس", "مشابهة", "مشابه", "شبيهة", "شبيه", "تشبه"))
