"""Country and capital names that say where, not who: right after a locative word ("في العراق",
"near Damascus") or a noun of a place named after them (مطار بغداد, ريف دمشق: the language's
PLACE_HEADS), and the conjuncts that follow such a place ("في العراق وسوريا": Syria too)."""
from __future__ import annotations

from coder.lang import NO_WORDS


def placed_mentions(actor_ms, toks, locative: set[int], coordinators: set[int], prof) -> list:
    """The actor mentions that are places: a country or capital (no group, no role but GOV) after a
    locative word or a place noun, and one joined to such a place by a conjunction written on it or standing
    alone before it, up to the first that is not a place. `actor_ms` come in the order of the
    sentence (longest_non_overlapping sorts them), as the joins read them."""
    # (set on every language profile, coder.lang.RULE_PARTS; the empty default for a profile that is
    # none of the languages', as coder.lang.profile_part gives it)
    heads = getattr(prof, "PLACE_HEADS", NO_WORDS)
    placed = []
    last = None
    for m in actor_ms:
        # a country or capital: no group, no role but GOV (a test inlined: it is asked of every mention)
        code = m.entry.code
        if m.kind != "actor" or code.group or code.role not in (None, "GOV"):
            last = None
            continue
        joined = last is not None and (
            (m.first == last.last + 1 and prof.starts_with_coordinator(toks[m.first], m.first_form)) or
            (m.first == last.last + 2 and last.last + 1 in coordinators))
        # "قرب مطار بغداد", "في ريف دمشق": the name of a place's city or country
        head = m.first > 0 and not heads.isdisjoint(toks[m.first - 1].forms)
        if (m.first - 1) in locative or joined or head:
            placed.append(m)
            last = m
        else:
            last = None
    return placed
