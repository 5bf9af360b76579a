"""Trigger words that are part of a proper name: "the Freedom Shield drills", "the National Rally",
"Storm Daniel". A capitalised word next to another capitalised word, where the capital is not the
sentence's first letter, names something (an exercise, a party, a storm) rather than an event.
Scripts without letter case (Arabic) never meet the test; headlines in title case are left alone."""
from __future__ import annotations

from coder.lexicon.grammar import grammar_markers


TITLE_CASE_SHARE = 0.5   # above this share of capitalised words the capitals say nothing


def _capital(tok) -> bool:
    return tok.text[:1].isalpha() and tok.text[:1].isupper()


def _title_case(toks) -> bool:
    words = [t for t in toks if t.text[:1].isalpha() and len(t.text) > 3]
    return bool(words) and sum(map(_capital, words)) / len(words) > TITLE_CASE_SHARE


def in_proper_name(toks, first: int, last: int) -> bool:
    """Are tokens first..last capitalised words inside a run of capitalised words? The first word of
    the sentence counts only with a capitalised word after it ("Storm Daniel slammed")."""
    for i in range(first, last + 1):    # cheap test first (a loop: most words fail at once)
        if not _capital(toks[i]):
            return False
    if _title_case(toks):
        return False
    before = first > 1 and _capital(toks[first - 1])
    after = last + 1 < len(toks) and _capital(toks[last + 1])
    return before or after


def _in_mention(mentions, i: int) -> bool:
    """Does a lexicon mention (any kind, grammar words included) take token i?"""
    return any(m.first <= i <= m.last for m in mentions) or \
        any(first <= i <= last for first, last, _ in grammar_markers(mentions))


def country_as_given_name(toks, m, mentions, parse) -> bool:
    """"Jordan Bardella", "Georgia Meloni": a one-word country name followed by a capitalised word no
    lexicon knows (a surname) that ends the noun phrase (the syntax stage's chunk) is a person's
    given name, not the country. A known word after it ("Israel Radio" as a medium, "Iran Foreign
    Minister") or a noun after both ("Turkish Kurd refugees": a nationality) keeps the country.
    `mentions`: all the sentence's lexicon mentions, read only past the letter tests (rarely)."""
    if m.first != m.last or m.entry.code.group or m.entry.code.role or not m.entry.code.country:
        return False
    nxt = m.last + 1
    if nxt >= len(toks) or not _capital(toks[nxt]) or not toks[nxt].text.isalpha() or _in_mention(mentions, nxt):
        return False
    if m.first > 0 and _capital(toks[m.first - 1]) and _in_mention(mentions, m.first - 1):
        return False
    c = parse.chunk_at(nxt)
    return c is not None and c.end == nxt and not _title_case(toks)


CURRENCY_WORDS = frozenset({"$", "dollar", "dollars"})


def names_a_currency(toks, m) -> bool:
    """"US $50 million", "five million U.S. dollars": a country name before a currency names the
    money, not an actor."""
    nxt = m.last + 1
    return not m.entry.code.role and not m.entry.code.group and nxt < len(toks) and \
        (toks[nxt].norm in CURRENCY_WORDS or toks[nxt].text.startswith("$"))


def names_a_facility(toks, m, prof) -> bool:
    """"the Europe Bridge", "Damascus Gate", "Tehran University": a country, region or city name
    before a word for a built place (the language's FACILITY_WORDS) names that place, not an actor."""
    words = prof.FACILITY_WORDS    # (set on every language profile: coder.lang.RULE_PARTS)
    nxt = m.last + 1
    return bool(words) and not m.entry.code.group and nxt < len(toks) and toks[nxt].norm in words


def misread_names(toks, actor_ms, mentions, parse, prof) -> tuple[list, list, list]:
    """The actor mentions (kind "actor") that name no actor, read in one pass by the word after
    them: a given name (country_as_given_name, with a parse only), the money's name
    (names_a_currency), a built place (names_a_facility). A mention is counted under the first of
    these that it meets, as when each test is run over the mentions the one before kept."""
    given, money, places = [], [], []
    n = len(toks)
    facilities = prof.FACILITY_WORDS   # (set on every language profile: coder.lang.RULE_PARTS)
    for m in actor_ms:
        if m.kind != "actor" or m.last + 1 >= n:    # (each test reads the word after the name)
            continue
        after = toks[m.last + 1]
        # (what each test needs of that word, tested first: a capital, a currency or a built place; most have none)
        if not (after.text[:1].isupper() or after.norm in CURRENCY_WORDS or after.text.startswith("$") or
                after.norm in facilities):
            continue
        if parse is not None and country_as_given_name(toks, m, mentions, parse):
            given.append(m)
        elif names_a_currency(toks, m):
            money.append(m)
        elif names_a_facility(toks, m, prof):
            places.append(m)
    return given, money, places
