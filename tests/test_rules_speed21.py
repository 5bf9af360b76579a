"""The twenty-first speed round of the rules. analyse's one pass over the mentions keeps what it
found for the later stages (SentenceAnalysis.roles, the tokens of each grammar role, and
SentenceAnalysis.actor_mentions, the actor and agent mentions in order) and gathers the actor
mentions' words as it goes (no second pass, no two frames for it); named_in_general (moved by job to
generic.py, where the rows import it) reads the locative words from the roles and scans the mentions
only where one stands right after the act. Checked against a copy of the former named_in_general at
every word of hand-written sentences, and the readings against digests of what the code before the
round produced for them."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from coder.lang import profile
from coder.rules import custody, engine, non_finite
from coder import rows
from coder.rules.counts import counts_marks_and_watched
from coder.records import Mention
from coder.rules.types import NO_TOKENS, Hit
from coder.rules.generic import LOCATIVE_REACH, named_in_general

from test_rules_speed15 import _roles, digest_tests, with_grammar   # (the roles as analyse gathers them; the digest of an analysis)

SENTENCES = {
    "ar": [
        'الهجوم وقع في مديرية ميدان شار أمس وقتل فيه ثلاثة جنود.',
        'أدانت الحكومة العراقية التفجيرات التي استهدفت الأسواق في بغداد.',
        'القتل والخطف والتهجير أصبحت ظواهر يومية في المدينة.',
        'اعتقلت قوات الأمن التركية خمسة أشخاص في إسطنبول بتهمة الانتماء إلى تنظيم الدولة الإسلامية.',
        'قال وزير الخارجية الإيراني إن الهجمات على السفن في الخليج عمل إرهابي.',
        'أطلقت وحدات حماية الشعب الكردية سراح عشرين أسيرا من قوات النظام السوري.',
        'التظاهرات عمت شوارع العاصمة العراقية احتجاجا على الفساد.',
        'الاغتيال في الشارع الرئيسي أثار غضب السكان.',
        'مباراة كرة القدم بين الفريقين انتهت بالتعادل.',
        'تظاهر الطلاب للمطالبة بفرص عمل أمام وزارة التعليم.',
        'سيهاجم الجيش مواقع المتمردين في الجبال.',
        'قالت الحكومة إنها ستفرض حظر التجول للحد من الاشتباكات.'],
    "en": [
        'The bombing in the main market killed twelve people, police said.',
        'Kidnappings in the region have risen since the army withdrew from Mosul.',
        'The United Nations Security Council condemned the attack on the convoy near Kabul.',
        'Hezbollah fighters and Syrian troops seized the town after heavy clashes.',
        'The football match between the two clubs ended in a draw.',
        'Iran agreed to release the detained sailors on Friday.',
        'The court accused the officers of attacking the protesters.',
        'Police arrested six suspected militants and freed the wounded hostages.',
        'Maduro responded by breaking off relations with Colombia.'],
}


# sha-256 (first 16 hex digits) of each sentence's reading (test_rules_speed15._digest) as the rules gave it before the round
DIGESTS = {
    'الهجوم وقع في مديرية ميدان شار أمس وقتل فيه ثلاثة جنود.': 'e276ded9cc43085f',
    'أدانت الحكومة العراقية التفجيرات التي استهدفت الأسواق في بغداد.': '61f30460a82ff120',
    'القتل والخطف والتهجير أصبحت ظواهر يومية في المدينة.': 'ff1f9eef79401bd8',
    'اعتقلت قوات الأمن التركية خمسة أشخاص في إسطنبول بتهمة الانتماء إلى تنظيم الدولة الإسلامية.': '24fb6176d3ea0483',
    'قال وزير الخارجية الإيراني إن الهجمات على السفن في الخليج عمل إرهابي.': 'ac72ea10e794d113',
    'أطلقت وحدات حماية الشعب الكردية سراح عشرين أسيرا من قوات النظام السوري.': '961a270d3ece2338',
    'التظاهرات عمت شوارع العاصمة العراقية احتجاجا على الفساد.': '6ddb67347b922f3d',
    'الاغتيال في الشارع الرئيسي أثار غضب السكان.': 'c61b633ff31a569b',
    'مباراة كرة القدم بين الفريقين انتهت بالتعادل.': '621f8839b948b89e',
    'تظاهر الطلاب للمطالبة بفرص عمل أمام وزارة التعليم.': 'c183db8a0567ef23',
    'سيهاجم الجيش مواقع المتمردين في الجبال.': '382f2a3d69b945cd',
    'قالت الحكومة إنها ستفرض حظر التجول للحد من الاشتباكات.': '507b48e2827f92b1',
    'The bombing in the main market killed twelve people, police said.': '8f684913026505b8',
    'Kidnappings in the region have risen since the army withdrew from Mosul.': '3cb764521a7796ba',
    'The United Nations Security Council condemned the attack on the convoy near Kabul.': '5d631187492b42e2',
    'Hezbollah fighters and Syrian troops seized the town after heavy clashes.': '076b839295f75ab1',
    'The football match between the two clubs ended in a draw.': '61263bf44fcfff3e',
    'Iran agreed to release the detained sailors on Friday.': '1a1d4566e0468467',
    'The court accused the officers of attacking the protesters.': 'edf5d942cdd4c4c1',
    'Police arrested six suspected militants and freed the wounded hostages.': '599d74fbb09b650c',
    'Maduro responded by breaking off relations with Colombia.': 'a36272118e7a910a',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _former_named_in_general(c, analysis, toks, prof) -> bool:
    """named_in_general before the round: a scan of every mention."""
    if not prof.is_definite(toks[c.trigger_first]):
        return False
    first = c.trigger_first
    return not any(first < m.first <= first + LOCATIVE_REACH and m.kind == "grammar" and m.entry.role == "locative_marker"
                   for m in analysis.mentions)


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_the_index_holds_the_mentions_by_kind(lang, sent, analysis):
    if analysis.roles is None:     # (only a sentence discarded in the pass: its index is not kept)
        assert str(analysis.steps[0]).startswith("discarded")
        assert analysis.actor_mentions is None
        return
    assert analysis.roles == _roles(with_grammar(lang, sent))
    assert [id(m) for m in analysis.actor_mentions] == \
        [id(m) for m in analysis.mentions if m.kind in ("actor", "agent")]


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_named_in_general_answers_as_before_at_every_word(lang, sent, analysis):
    toks, prof = sent.tokens, profile(lang)
    unindexed = SimpleNamespace(mentions=analysis.mentions, roles=None)
    # (the former scan over the mentions with the grammar words, as the matcher made them)
    former_view = SimpleNamespace(mentions=with_grammar(lang, sent))
    for i in range(len(toks)):
        c = SimpleNamespace(trigger_first=i)
        former = _former_named_in_general(c, former_view, toks, prof)
        assert named_in_general(c, analysis, toks, prof) is former
        assert named_in_general(c, unindexed, toks, prof) is former
        assert rows.named_in_general is named_in_general     # (the one the rows ask)


def test_the_sentences_meet_both_sides_of_the_locative_test():
    """Words with the article with and without a locative word right after them, and a discarded
    sentence. (English marks no article on the word: named_in_general answers at its first test.)"""
    seen = set()
    for lang, sent, a in READINGS:
        if a.roles is None:
            seen.add("discarded")
            continue
        prof = profile(lang)
        locative = a.roles.get("locative_marker", set())
        for i, t in enumerate(sent.tokens):
            if prof.is_definite(t):
                seen.add((lang, "placed" if locative.intersection(range(i + 1, i + LOCATIVE_REACH + 1)) else "unplaced"))
    assert {("ar", "placed"), ("ar", "unplaced"), "discarded"} <= seen


# the profile questions whose first test (a word as written, form 0, is read through no clitic) the rules
# now make before the call
_FORM_QUESTIONS = ("read_as_purpose", "is_future_form", "starts_with_coordinator", "starts_with_preposition")


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_a_word_as_written_is_read_through_no_clitic(lang, sent, analysis):
    prof = profile(lang)
    for t in sent.tokens:
        for question in _FORM_QUESTIONS:
            assert getattr(prof, question)(t, 0) is False


def test_a_word_read_through_a_clitic_is_still_asked():
    """The goalkeeper: للمطالبة read through ل (a purpose) and سيهاجم through س (the future) are
    read so by the hits of the readings, whose first form is not 0."""
    asked = set()
    for lang, sent, a in READINGS:
        prof = profile(lang)
        for h in a.triggers:
            form = h.mention.first_form
            if form and prof.read_as_purpose(sent.tokens[h.first], form):
                asked.add("purpose")
        for m in a.mentions:
            if m.kind == "trigger" and m.first_form and prof.is_future_form(sent.tokens[m.first], m.first_form):
                asked.add("future")
    assert asked == {"purpose", "future"}


def _former_drop_non_finite(hits: list[Hit], roles: dict[str, set[int]], actor_ms: list[Mention], toks,
                            prof, trace: list[str], marks: set[int]) -> list[Hit]:
    """Verb forms that are not predicates: an -ing form after a complement preposition ("accused
    X of attacking Y" is one accusation) and a participle used as an adjective between a
    determiner, a number or another verb and an actor ("six suspected militants", "the wounded
    soldiers", "releasing captured fighters"). engine._drop_non_finite before the round."""
    complement, determiner = roles.get("complement_marker", NO_TOKENS), roles.get("determiner", NO_TOKENS)
    object_required = roles.get("object_required", NO_TOKENS)
    agent = roles.get("agent_marker", NO_TOKENS)
    particles = None    # words that cannot open an object: built for the first word that needs one
    infinitive = roles.get("infinitive_marker", NO_TOKENS)
    actor_starts = owner = None     # (read only for a participle: built at the first)
    kept = []
    for h in hits:
        before = h.first - 1
        if kept and h.first - kept[-1].last <= 8 and prof.read_as_purpose(toks[h.first], h.mention.first_form):
            # "تظاهر الطلاب للمطالبة بفرص عمل": what the first event was for, part of it
            trace.append(f"{h.mention.text!r}: the purpose of {kept[-1].mention.text!r}, part of that event")
            continue
        if h.entry.tag == "base" and before in infinitive and kept and h.first - kept[-1].last <= 8 and \
                kept[-1].entry.pos == "verb":
            # "agreed to expand", "urged Iran to release", "threatened to attack": the content of
            # the first verb, whose target stays in its window (after a noun, "the stopover came as
            # the leader prepared to attend the Games", the infinitive is an event of its own)
            trace.append(f"{h.mention.text!r}: infinitive after {kept[-1].mention.text!r}, part of that event")
            ordered = custody.ordered_coercion(kept[-1], h, roles.get("command_verb", NO_TOKENS))
            if ordered is not None:
                trace.append(f"{kept[-1].mention.text!r}: orders it, coded {h.entry.code} by the one who ordered")
                kept[-1] = ordered
            continue
        if h.first in object_required and particles is None:
            particles = set().union(marks, *[roles.get(r, NO_TOKENS) for r in (
                "target_marker", "locative_marker", "complement_marker", "agent_marker")])
        if h.first in object_required and (h.last + 1 >= len(toks) or (h.last + 1) in particles):
            # "deported refugees back across the border": without its object the word is an adverb
            trace.append(f"{h.mention.text!r}: no object after it, not the verb")
            continue
        if h.entry.tag == "ing" and before in complement and not non_finite.means_of_untold(before, h, kept, agent):
            trace.append(f"{h.mention.text!r}: -ing form after {toks[before].text!r}, part of another event")
            continue
        if h.entry.tag in ("past", "participle"):
            if owner is None:
                actor_starts = {m.first for m in actor_ms}
                owner = {t: x for x in hits for t in x.tokens}   # which trigger a token belongs to
            # next to another trigger's words: "releasing captured fighters"
            after_word = before in determiner or owner.get(before, h) is not h or \
                (before >= 0 and toks[before].norm[:1].isdigit())
            if after_word and ((h.last + 1) in actor_starts or owner.get(h.last + 1, h) is not h):
                trace.append(f"{h.mention.text!r}: participle used as an adjective, not an event")
                continue
        kept.append(h)
    return kept



def _hits(lang, sent, analysis) -> tuple[list, list, set]:
    """The hits _select_triggers gives for the sentence (before _drop_non_finite), its actor mentions
    and its punctuation."""
    toks, prof = sent.tokens, profile(lang)
    numbers, marks, forms = counts_marks_and_watched(toks, lang)
    actor_ms = analysis.actor_mentions
    actor_tokens = {t for m in actor_ms for t in range(m.first, m.last + 1)}
    triggers = [m for m in analysis.mentions if m.kind == "trigger"]
    return engine._select_triggers(triggers, sent, actor_tokens, lang, [], actor_ms, analysis.parse,
                                   getattr(prof, "OBJECT_WINDOW", engine.OBJECT_WINDOW), numbers, marks, forms), \
        actor_ms, marks


@pytest.mark.parametrize("lang,sent,analysis", READINGS, ids=IDS)
def test_drop_non_finite_keeps_what_it_kept_before(lang, sent, analysis):
    """On the hits of the sentence, with the roles analyse read, with none, and with every word
    marked for each role the verb forms' branches read."""
    if analysis.roles is None:
        return
    toks, prof = sent.tokens, profile(lang)
    hits, actor_ms, marks = _hits(lang, sent, analysis)
    every = set(range(len(toks)))
    for roles in (analysis.roles, {}, {r: every for r in ("infinitive_marker", "complement_marker", "determiner")},
                  {r: every for r in ("infinitive_marker", "complement_marker", "agent_marker", "determiner")}):
        new_trace, former_trace = [], []
        kept = non_finite.drop_non_finite(hits, roles, actor_ms, toks, prof, new_trace, marks)
        former = _former_drop_non_finite(hits, roles, actor_ms, toks, prof, former_trace, marks)
        assert [id(h) for h in kept] == [id(h) for h in former] and new_trace == former_trace


def test_drop_non_finite_meets_each_verb_form():
    """The readings' hits hold the verb forms whose roles _drop_non_finite now reads in their own
    branch, and a purpose and a participle it drops with the roles the sentences have."""
    tags = {h.entry.tag for lang, sent, a in READINGS if a.roles is not None for h in _hits(lang, sent, a)[0]}
    assert {"base", "ing", "past"} <= tags
    steps = " | ".join(step for _, _, a in READINGS for step in a.trace)
    assert "the purpose of" in steps and "participle used as an adjective" in steps
