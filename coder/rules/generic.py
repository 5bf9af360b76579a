"""Acts told in general, not as one occurrence: nothing to code (who did what to whom, when).

- a count of acts over a period ("شنت الحركة مائة هجوم منذ بداية العام", "أطلقت 6000 صاروخ خلال
  السنوات الست الماضية", "carried out 40 raids over the past two years") is a total, not an event
  (SPEC 5); a period after a superlative ("the deadliest attack since the start of the year",
  "الهجوم الأعنف منذ بداية العام") measures one event and is left alone;
- a mood, a wave or a community as the subject of a verb of violence ("الجنون الذي اجتاح بغداد",
  "اقتحم المجتمع الدولي الساحة") is a figure of speech: no one attacked;
- an act told in the present with a kind of doer as its subject, an indefinite common noun with no
  count ("ومجرم يصيب شخصا", "المكان الذي يعتصم عمال عنده", "a tyrant kills people") is what such
  doers do, no occurrence: news tells the occurrence in the past or names its doers;
- an act named by one word in quotation marks ("الشرطة «خطفته» من النافذة", "هل هذا «توغل»") is a word
  mentioned or used in a figure, set apart by the writer: not coded;
- an event noun right after a word that names ("أسلحة تعرف بالقذائف الانفجارية", "ما يسمى بالحرب على
  الإرهاب") is a name mentioned: not coded;
- a weapon named in a list of weapons ("تضمنت الشحنة صواريخ جراد وقذائف متطورة", "سلموا 120 صاروخ
  هاون ودبابة", "rifles, mortar shells and explosives") is an inventory: nothing was fired.
The words are data: grammar.yaml period_markers, superlatives, abstract_subjects, naming_markers and
weapon_words."""
from __future__ import annotations

from coder.lexicon.grammar import grammar_markers
from coder.rules.types import NO_TOKENS, PUNCT_BARRIER, ROOT, Hit

_VIOLENT = ("18", "19", "20")
_OPEN_QUOTES = frozenset({"«", '"', "“", "'"})
_CLOSE_QUOTES = frozenset({"»", '"', "”", "'"})
_GENERIC_ROOTS = ("14", "18", "19", "20")   # protests and violence: the acts essays and laws speak of in general
PLACE_REACH = 8     # tokens from a present-tense act to a locative word that places it ("في كركوك")
LIST_REACH = 4      # tokens from a listed weapon to the weapon word listed with it
COUNT_BEFORE = 2    # "مائة هجوم", "حوالي مائة هجوم": the count of an event noun stands this close before it


def _spans(marks: set[int]) -> list[tuple[int, int]]:
    """The runs of consecutive marked tokens, (first, last)."""
    out: list[tuple[int, int]] = []
    for i in sorted(marks):
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out


def _counted(h: Hit, numbers: set[int], nominal: set[int]) -> bool:
    """Does the act carry a count of its own: in its phrase ("أطلقت 6000 صاروخ"), just before an event
    noun ("مائة هجوم"), or right after the act ("قتل 15 مدنيا")?"""
    if any(t in numbers for t in range(h.first, max(h.tokens, default=h.last) + 1)):
        return True     # (a count between a verb and its object is no token of the phrase: "أطلقت 6000 صاروخ")
    if (h.last + 1) in numbers:
        return True     # "قتل 15 مدنيا", "قتل 200 جندي"
    return h.entry.pos == "noun" and any((h.first - k) in numbers for k in range(1, COUNT_BEFORE + 1))


def _rules_period(span: tuple[int, int], h: Hit, toks) -> bool:
    """Does the period name the act's span of time: told before it ("خلال السنوات الماضية، أطلقت"), or
    after it with no punctuation between ("مائة هجوم منذ بداية العام")? A period after a comma that
    follows the act is another clause's ("قتل خمسة أمس، فيما قتل 200 منذ بداية العام")."""
    if span[1] < h.first:
        return True
    end = max(h.tokens, default=h.last)
    return span[0] > end and not any(toks[i].norm in PUNCT_BARRIER for i in range(end + 1, span[0]))


def drop_totals(coded: list, toks, roles: dict[str, set[int]], numbers: set[int], nominal: set[int], prof,
                trace: list[str]) -> list:
    """Acts counted over a period the sentence names are a total: not coded; nor is an act told right
    after one with no punctuation between, what the counted acts did ("مائة هجوم ... استهدف معظمها
    قوات الأمن"), nor an act named with the article after one, the counted acts again ("ضحايا تلك
    التفجيرات")."""
    periods = roles.get("period_marker")
    if not periods or not coded:
        return coded
    superlative = roles.get("superlative", NO_TOKENS)
    named = [s for s in _spans(periods) if (s[0] - 1) not in superlative]
    if not named:
        return coded
    out, total_end = [], None
    for h, src, tgt in coded:
        if h.entry.speech:
            out.append((h, src, tgt))
            continue
        if _counted(h, numbers, nominal) and any(_rules_period(span, h, toks) for span in named):
            trace.append(f"{h.mention.text!r}: a count of acts over a period, a total, not an event")
            total_end = max(h.tokens, default=h.last)
            continue
        if total_end is not None and h.first > total_end and \
                (not any(toks[i].norm in PUNCT_BARRIER for i in range(total_end + 1, h.first)) or
                 (h.first in nominal and prof.is_definite(toks[h.first]))):
            trace.append(f"{h.mention.text!r}: told of the acts of a total, not an event")
            continue
        out.append((h, src, tgt))
    return out


def drop_abstract_subjects(coded: list, parse, roles: dict[str, set[int]], trace: list[str]) -> list:
    """Verbs of violence whose subject (by the syntax stage) is a mood, a wave or a community: figures
    of speech, not coded."""
    abstract = roles.get("abstract_subject")
    if not abstract or not coded:
        return coded
    out = []
    for h, src, tgt in coded:
        if h.entry.pos == "verb" and ROOT[h.entry.code] in _VIOLENT:
            found = parse.predicate(h.first) if parse is not None else None
            k = found[1].arguments.get("subject") if found else None
            # (with no subject read, the phrase right after the verb is its subject in verb-first order)
            if (parse.chunks[k].head if k is not None else h.last + 1) in abstract:
                trace.append(f"{h.mention.text!r}: its subject is a mood or a community, a figure of speech; not coded")
                continue
        out.append((h, src, tgt))
    return out


def _opens_list_item(i: int, toks, coord: set[int], prof) -> bool:
    """Does token i start a conjunct: a conjunction before it, a comma, or one written on it (وقذائف)?"""
    return (i - 1) in coord or (i > 0 and toks[i - 1].norm in (",", "،")) or \
        any(prof.starts_with_coordinator(toks[i], f) for f in range(len(toks[i].forms)))


def drop_weapon_lists(coded: list, toks, roles: dict[str, set[int]], numbers: set[int], prof, trace: list[str]) -> list:
    """An event noun that is only the name of a weapon, listed with another weapon word (before it, or
    after it as the next conjunct) or naming the kind of counted weapons ("6 صواريخ غراد"), names an
    inventory, not a shot: not coded, unless another word tells the shot ("أطلقوا قذائف هاون وصواريخ")."""
    weapons = roles.get("weapon_word")
    if not weapons or not coded:
        return coded
    def named_weapon(h: Hit) -> bool:
        return h.entry.pos == "noun" and all(i in weapons for i in range(h.first, h.last + 1))

    if any(ROOT[h.entry.code] in _VIOLENT and not named_weapon(h) for h, _, _ in coded):
        return coded    # the weapons of a shot told by another word ("سقطت قذائف هاون وصواريخ"): they name its kind
    coord = roles.get("coordinator", NO_TOKENS)
    out = []
    for h, src, tgt in coded:
        if named_weapon(h):
            before = _opens_list_item(h.first, toks, coord, prof) and \
                any((h.first - k) in weapons for k in range(1, LIST_REACH + 1))
            after = any(j in weapons and _opens_list_item(j, toks, coord, prof)
                        for j in range(h.last + 1, min(len(toks), h.last + 1 + LIST_REACH)))
            # a count of weapons of a kind ("6 صواريخ «غراد»", "120 صاروخ هاون"): pieces, not shots
            kind = _kind_of_counted(h, toks, weapons, numbers)
            if before or after or kind:
                trace.append(f"{h.mention.text!r}: a weapon listed with other weapons, an inventory; not coded")
                continue
        out.append((h, src, tgt))
    return out


def drop_generic_statements(coded: list, parse, toks, roles: dict[str, set[int]], actor_ms, numbers: set[int],
                            nominal: set[int], prof, trace: list[str]) -> list:
    """A protest or an act of violence told by a present-tense verb whose subject (by the syntax stage)
    is an indefinite common noun, with no count in the sentence and no place near it: a kind of doer
    doing what it does, not coded. A named actor, a definite or owned subject, a number ("آلاف الطلاب
    يتظاهرون") or a place ("مسلحون يهاجمون دورية في كركوك", a headline's present) keeps it."""
    if parse is None or not coded or numbers:
        return coded
    names = placed = None   # (read for a protest or violence in the present only: few)
    out = []
    for h, src, tgt in coded:
        if ROOT[h.entry.code] not in _GENERIC_ROOTS:
            found = None
        elif h.entry.pos == "verb" and h.entry.tag == "present":
            found = parse.predicate(h.first)
        else:
            # an event noun in the complement of a present verb ("مجرم يصيب شخصا بجرح عميق")
            found = _governing_present(h, parse, toks, prof) if h.first in nominal else None
        if found is not None and placed is None:
            names, placed = _named_and_placed(actor_ms, roles.get("locative_marker", NO_TOKENS), toks, prof)
        if found is not None and not _near_place(placed, h.first):
            k = found[1].arguments.get("subject")
            # the doer the rules found (after the verb: "المكان الذي يعتصم عمال عنده"), else the subject
            c = parse.chunk_at(src.members[0].first) if src is not None and src.members and h.entry.pos == "verb" \
                else None
            if c is None and k is not None:
                c = parse.chunks[k]
            if c is not None and _a_kind(c, toks, names, prof):
                trace.append(f"{h.mention.text!r}: told in the present of a kind of doer "
                             f"({toks[c.head].text!r}), a general statement; not coded")
                continue
        out.append((h, src, tgt))
    return out


def _named_and_placed(actor_ms, locative: set[int], toks, prof) -> tuple[set[int], set[int]]:
    """The words of the actor names, and the locative words (but those carrying a pronoun, "عنده",
    "أمامه": they point back at a place already named)."""
    names = {t for m in actor_ms if m.kind == "actor" for t in range(m.first, m.last + 1)}
    placed = {i for i in locative if not prof.refers_back(toks, i)}
    return names, placed


def _near_place(placed: set[int], i: int) -> bool:
    """Is a locative word at most PLACE_REACH words from token i?"""
    for j in placed:
        if abs(j - i) <= PLACE_REACH:
            return True
    return False


def _a_kind(c, toks, names: set[int], prof) -> bool:
    """Is the noun phrase a kind of doer: an indefinite common noun, not owned, with no count or determiner?"""
    return c.kind == "np" and not c.owned and c.possessor is None and not prof.is_definite(toks[c.head]) and \
        not any(c.start <= t <= c.end for t in names) and not any(rel in ("num", "det") for rel, _ in c.modifiers)


def _kind_of_counted(h: Hit, toks, weapons: set[int], numbers: set[int]) -> bool:
    """Does the weapon name follow a counted weapon word, quotation marks aside ("6 صواريخ «غراد»")?"""
    j = h.first - 1
    while j >= 0 and toks[j].norm in _OPEN_QUOTES:
        j -= 1
    return j >= 1 and j in weapons and (j - 1) in numbers


def drop_quoted_words(coded: list, toks, trace: list[str]) -> list:
    """An act named by one word the writer put in quotation marks: mentioned or used in a figure
    ("الشرطة «خطفته» من النافذة", "هل هذا «توغل»"), not reported; not coded. In reported speech the
    marks give the speaker's own word ("قالت الحركة إن رجال أمن «اختطفوا» منسقها"): left alone."""
    out = []
    for h, src, tgt in coded:
        if h.first == h.last and 0 < h.first < len(toks) - 1 and toks[h.first - 1].norm in _OPEN_QUOTES and \
                toks[h.last + 1].norm in _CLOSE_QUOTES and len(h.tokens) == 1:
            if any(c[0].entry.speech for c in coded):
                return coded    # (asked only once a quoted word is found: most sentences have none)
            trace.append(f"{h.mention.text!r}: one word in quotation marks, a word mentioned or a figure; not coded")
            continue
        out.append((h, src, tgt))
    return out


def drop_told_in_general(coded: list, parse, toks, roles: dict[str, set[int]], actor_ms, numbers: set[int],
                         nominal: set[int], prof, trace: list[str]) -> list:
    """All the checks of this module, in order, on the events the rules coded for one sentence.
    (Each check's first test, the marker words it reads, is made here: most sentences have none, and
    a call that returns what it was given at once costs more than the test.)"""
    if roles.get("period_marker"):
        coded = drop_totals(coded, toks, roles, numbers, nominal, prof, trace)
    if roles.get("abstract_subject"):
        coded = drop_abstract_subjects(coded, parse, roles, trace)
    if roles.get("weapon_word"):
        coded = drop_weapon_lists(coded, toks, roles, numbers, prof, trace)
    coded = drop_quoted_words(coded, toks, trace)
    if roles.get("naming_marker"):
        coded = drop_named(coded, roles, nominal, trace)
    if parse is None or numbers:
        return coded
    return drop_generic_statements(coded, parse, toks, roles, actor_ms, numbers, nominal, prof, trace)


def _governing_present(h: Hit, parse, toks, prof):
    """(clause, predicate) of the present-tense verb whose object or complement holds the event noun, or None."""
    cl = parse.clause_of(h.first)
    if cl is None:
        return None
    for p in cl.predicates:
        if p.verb < h.first and parse.tags[p.verb] == "VERB" and prof.is_imperfect_verb(toks[p.verb]) and \
                any(parse.chunks[k].start <= h.first <= parse.chunks[k].end
                    for role, k in p.arguments.items() if role != "subject"):
            return cl, p
    return None


def drop_named(coded: list, roles: dict[str, set[int]], nominal: set[int], trace: list[str]) -> list:
    """An event noun right after a word that names ("تعرف بالقذائف", "ما يسمى بالحرب"): a name, not coded."""
    naming = roles.get("naming_marker")
    if not naming or not coded:
        return coded
    out = []
    for h, src, tgt in coded:
        if h.first in nominal and (h.first - 1) in naming:
            trace.append(f"{h.mention.text!r}: after a word that names, a name mentioned; not coded")
            continue
        out.append((h, src, tgt))
    return out


LOCATIVE_REACH = 3   # "الهجوم وقع في مديرية ...": a locative word this close after the act places it


def named_in_general(c, analysis, toks, prof) -> bool:
    """Is the event's trigger an act named with the article (القتل, التفجيرات: the generic reading;
    "محاولة اغتيال" or a verb is an occurrence), with no locative word right after it? A place the
    gazetteer does not know ("الهجوم وقع في مديرية ميدان شار") still places it. A language that does
    not mark the article on the word (English) leaves the generic reading to its other rules."""
    if not prof.is_definite(toks[c.trigger_first]):
        return False
    first = c.trigger_first
    # (the roles analyse kept hold each marker's first word: with no locative word there, no locative
    # mention starts there, and the thirty or so mentions are not scanned)
    roles = analysis.roles
    if roles is not None and roles.get("locative_marker", NO_TOKENS).isdisjoint(range(first + 1, first + LOCATIVE_REACH + 1)):
        return True
    return not any(first < marked <= first + LOCATIVE_REACH and e.role == "locative_marker"
                   for marked, _, entries in grammar_markers(analysis.mentions) for e in entries)
