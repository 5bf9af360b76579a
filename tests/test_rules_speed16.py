"""The sixteenth speed round of the rules: the word sets the rules read of every sentence's profile
(DEATH_VERBS, FACILITY_WORDS, PLACE_HEADS, DISGUISE_WORDS, LINK_WORDS, ALLY_WORDS, ADJECTIVAL_AGENTS,
refers_to_many) are set on every language profile once, the empty set where the language has none,
and read as plain attributes instead of through profile_part. Each must be what profile_part gave
(the profile's own part or its empty default), a profile that is none of the languages' still reads
the empty default, and the readings of hand-written sentences must be those of the code before the
round (digests of what it produced for them)."""
from __future__ import annotations

import ast
import inspect
from types import SimpleNamespace

import pytest

from coder.lang import PROFILES, RULE_PARTS, profile_part
from coder.rules import disguise, placed, possessions

from test_rules_speed13 import _tokens   # (tokens of plain words, made as the tokeniser makes them)
from test_rules_speed15 import digest_tests   # (the same digest of an analysis)

SENTENCES = {
    "ar": [
        "اقتحم مسلحون بزي الجيش العراقي مقر البلدية في الموصل.",
        "قتل عنصر من تنظيم داعش ثلاثة جنود في ريف حمص.",
        "هاجمت قوات النظام وميليشيات محلية متحالفة معها بلدة في ريف حماة.",
        "قصفت الطائرات التركية مواقع في محافظة دهوك شمال العراق.",
        "أعلنت الشرطة اعتقال أحد قادة التنظيم في مدينة البصرة.",
        "داهم رجال يرتدون ملابس الشرطة منزل صحافي في بغداد.",
        "انتقد وزير الخارجية الإيراني السعودية وقطر في طهران."],
    "en": [
        "Protesters gathered on the Europe Bridge and police arrested ten of them.",
        "A prisoner died of torture in a jail run by the militia, his family said.",
        "The minister made an official visit to Cairo and met President Sisi.",
        "A member of the Islamic State killed two policemen in Kirkuk.",
        "Britain and France condemned the attack on their embassies in Tripoli.",
        "Gunmen disguised as soldiers attacked a checkpoint in Sinai.",
        "Three soldiers died after rebels shelled a base near Aleppo."],
}

# sha-256 (first 16 hex digits) of each sentence's reading (_digest) as the rules gave it before the round
DIGESTS = {
    'اقتحم مسلحون بزي الجيش العراقي مقر البلدية في الموصل.': '845f529c6a66d0cf',
    'قتل عنصر من تنظيم داعش ثلاثة جنود في ريف حمص.': '0ed5197d7791c8ae',
    'هاجمت قوات النظام وميليشيات محلية متحالفة معها بلدة في ريف حماة.': '02d7fe11c0302ff9',
    'قصفت الطائرات التركية مواقع في محافظة دهوك شمال العراق.': '4f7ebb448a57d033',
    'أعلنت الشرطة اعتقال أحد قادة التنظيم في مدينة البصرة.': 'b0d8446f7089999f',
    'داهم رجال يرتدون ملابس الشرطة منزل صحافي في بغداد.': '2be9c516c66bd55a',
    'انتقد وزير الخارجية الإيراني السعودية وقطر في طهران.': 'c2a3b3f49e49b35d',
    'Protesters gathered on the Europe Bridge and police arrested ten of them.': '10a7ecb6f59e09ac',
    'A prisoner died of torture in a jail run by the militia, his family said.': 'cfb6c612edf879b5',
    'The minister made an official visit to Cairo and met President Sisi.': '3a7a6ead96a8a9bf',
    'A member of the Islamic State killed two policemen in Kirkuk.': '4d205b7a7069b3ae',
    'Britain and France condemned the attack on their embassies in Tripoli.': '22842f49f8e5ef1d',
    'Gunmen disguised as soldiers attacked a checkpoint in Sinai.': '82cde927dfe85615',
    'Three soldiers died after rebels shelled a base near Aleppo.': 'a5e101fb21b5a676',
}

READINGS, IDS, test_every_sentence_is_read, test_the_sentences_read_as_before_the_round = \
    digest_tests(DIGESTS, SENTENCES)


def _own_names(prof) -> set[str]:
    """The names the language's module itself defines at its top level (as read in its source)."""
    names = set()
    for node in ast.parse(inspect.getsource(prof)).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                if isinstance(t, ast.Name):
                    names.add(t.id)
    return names


@pytest.mark.parametrize("lang", sorted(PROFILES))
def test_every_profile_has_each_part_its_own_or_the_empty_set(lang):
    prof = PROFILES[lang]
    own = _own_names(prof)
    for name in RULE_PARTS:
        part = getattr(prof, name)
        if name in own:
            assert part is not None and part != frozenset()
        else:
            assert part == frozenset() and isinstance(part, frozenset)
        # (the former way of reading it: profile_part with its empty default)
        assert profile_part(prof, name) is part


@pytest.mark.parametrize("name", RULE_PARTS)
def test_some_language_has_each_part(name):
    """Each part is some language's own: the rules read no name that no profile defines."""
    assert any(name in _own_names(prof) for prof in PROFILES.values())


def test_a_profile_that_is_no_language_reads_the_empty_default():
    bare = SimpleNamespace(CODE="zz-speed16", MODIFIER_AFTER_NOUN=False)
    toks = _tokens(["بزي", "الشرطة"])
    assert disguise.disguised_mentions([], toks, bare, {"بزي"}) == []
    assert placed.placed_mentions([], toks, set(), set(), bare) == []
    assert possessions.drop_shared_possessions([], toks, bare, set(), []) == []
    assert not hasattr(bare, "DISGUISE_WORDS")      # (nothing set on a profile that is none of the languages')


def test_the_sentences_meet_the_parts():
    """The hand-written sentences reach the readings the parts drive (so the digests check them)."""
    trace = "\n".join(str(x) for _, _, a in READINGS for x in a.trace)
    for cue in ("names the place", "names a uniform or a likeness", "allied to", "died of it",
                "owned by", "follows a locative word"):
        assert cue in trace, cue
