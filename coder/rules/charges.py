"""Events named as what a charge, an accusation or an allegation says: "ملاحق بتهمة القتل",
"الميليشيات المتهمة بارتكاب أعمال قتل", "مزاعم اغتصاب", "charged with murder", "allegations of
torture". The charge is what the text reports; the act it names is alleged, not reported as having
happened, and is not coded (as the complement of an accusing verb is not: reality.drop_alleged)."""
from __future__ import annotations

from coder.rules.mood import conjunct_of
from coder.rules.types import PUNCT_BARRIER, names

CHARGE_REACH = 6        # words from a charge word to the act it names ("المتهمة بارتكاب أعمال سلب وتعذيب وقتل")
COMPLEMENT_REACH = 10   # a preposition-led complement across the accuser's clause ("اتهامات وجهها X للشرطة، بقتل")
_STOPS = frozenset({".", "!", "?", "؟", ";", "؛", ":"})


def _named_by_charge(h, toks, charges: set[int], stops: set[int], nominal: set[int], prof,
                     relatives: set[int] | frozenset[int] = frozenset(), coord: set[int] | frozenset[int] = frozenset(),
                     places: set[int] | frozenset[int] = frozenset()) -> int | None:
    """The charge word whose phrase names the event h, if any: within CHARGE_REACH words before it
    with no punctuation between; or, for an act read through a preposition clitic (بقتل, "of
    killing"), within COMPLEMENT_REACH words with no sentence-ending mark between, the
    accuser's relative clause set off by a comma. A verb form listed in the charge ("بارتكاب أعمال
    اغتصاب ونهب وقتل") opens with its conjunction; a finite verb after a participle ("المتهمون هاجموا")
    tells what they did. A place or a new clause (`stops`) ends the charge's phrase ("قتل المتهم
    بالاغتيال في اشتباك": the clash is no charge); the accuser's relative clause does not end the
    complement ("الاتهامات التي وجهت إليه بتعذيب معتقلين"), whose act may be a verbal noun's genitive
    ("بتنفيذ هجمات"). A locative preposition right after the charge word opens its complement
    ("المتهمين في تفجير", "accused in the bombing"), and ends no phrase."""
    verbal_noun = h.first in nominal or h.entry.tag in ("noun", "base") or prof.is_definite(toks[h.first]) or \
        prof.starts_with_preposition(toks[h.first], h.mention.first_form) or \
        (prof.starts_with_coordinator(toks[h.first], h.mention.first_form) and h.first > 0 and
         not prof.is_definite(toks[h.first - 1]))   # "أعمال اغتصاب ونهب", not "هاجم المتهمون الحراس وقتلوا"
    if h.entry.speech or h.first in charges:   # the charge itself ("on charges of", "اتهامات")
        return None
    # the complement opens at the act or at the verbal noun whose genitive it is ("بتنفيذ هجمات")
    complement = verbal_noun and (prof.starts_with_preposition(toks[h.first], h.mention.first_form) or (
        h.first > 0 and (h.first - 1) not in charges and
        any(prof.starts_with_preposition(toks[h.first - 1], f) for f in range(len(toks[h.first - 1].forms)))))
    # a charge listed after others with the article ("بتهمة المشاركة في «مؤامرة» و«القتل»"): the list goes on
    # past the places and clauses of the charges before it, not past a comma
    quoted = h.first > 1 and toks[h.first - 1].norm in ("«", '"') and (h.first - 2) in coord   # و «القتل»
    listed = prof.is_definite(toks[h.first]) and (prof.starts_with_coordinator(toks[h.first], h.mention.first_form) or
                                                  (h.first - 1) in coord or quoted)
    relative = False
    for i in range(h.first - 1, max(-1, h.first - 1 - COMPLEMENT_REACH), -1):
        if toks[i].norm in _STOPS:
            return None
        if listed and toks[i].norm in PUNCT_BARRIER - {"«", "»", '"'}:
            return None
        if i in stops and i not in charges and not listed and not (i in places and (i - 1) in charges):
            if i not in relatives:
                return None
            relative = True
        if i in charges and i not in h.tokens:
            between = range(i + 1, h.first)
            # the act right after the charge word ("بتهمة قتل", "مزاعم قصف"), or in the complement the charge
            # opens with a preposition ("المتهمة بارتكاب أعمال قتل"), is the act charged, whatever its form
            opened = h.first == i + 1 or (i + 1) in places or (i + 1 < len(toks) and any(
                prof.starts_with_preposition(toks[i + 1], f) for f in range(len(toks[i + 1].forms))))
            if h.first - i <= CHARGE_REACH and (verbal_noun or opened) and not relative and \
                    not any(toks[k].norm in PUNCT_BARRIER - {"«", "»", '"'} for k in between):
                return i
            if complement or listed:
                return i
            return None
    return None


def drop_charged(coded: list, toks, charges: set[int], stops: set[int], nominal: set[int], coord: set[int], prof,
                 trace: list[str], relatives: set[int] | frozenset[int] = frozenset(),
                 places: set[int] | frozenset[int] = frozenset()) -> list:
    """Leave out the events a charge, an accusation or an allegation names, and the acts listed
    with them ("بتهمة الخطف والقتل")."""
    if not charges:
        return coded
    out, dropped = [], None
    for h, src, tgt in coded:
        if dropped is not None and conjunct_of(dropped, h, toks, coord, prof):
            trace.append(f"{h.mention.text!r}: listed with {dropped.mention.text!r}, alleged too; not coded")
            dropped = h
            continue
        marker = _named_by_charge(h, toks, charges, stops, nominal, prof, relatives, coord, places)
        if marker is not None:
            trace.append(f"{h.mention.text!r}: what the charge {toks[marker].text!r} alleges "
                         f"(against {names(tgt) if tgt else names(src)}), not an event reported; not coded")
            dropped = h
            continue
        out.append((h, src, tgt))
    return out
