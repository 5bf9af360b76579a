"""The places' twenty-eighth speed round (coder/geo/toponyms.py): a name found in a sentence is a
tuple read by unpacking (SentencePlaces._name_at), not a record made through a dataclass's __init__;
_name_at is handed the rules and asks _qualifier_after's first test itself; places() makes its
PlaceMentions by plain stores into an instance of a class with the same slots, then sets its class.
Checked against a copy of the former logic (its record, `_name_at` and `places`) on sentences
written for these tests, with no hint, each country hint and the countries of the sentence's actors,
and the mentions made against PlaceMention(...) (type, equality, hash, repr, frozen, pickling)."""
from __future__ import annotations

import pickle
from dataclasses import FrozenInstanceError, dataclass, fields
from typing import Iterable, Optional

import pytest

from coder.geo import toponyms
from coder.geo.toponyms import (_END, _NO_ALTERNATIVES, _RANKED, _UNSEEN, PlaceMention, Qualifier, SentencePlaces,
                                _agree_with_sentence, _cue_before, _ends_before, _longest_from, _part_of_a_name,
                                _plausible, _proclitic_locative, _qualifier_after, _qualifier_before,
                                _start_after_proclitic, rules)
from coder.lang import profile
from coder.spans import trie_memo

_OWN = {
    "ar": ["قصفت الطائرات مدينة حلب وريف إدلب الجنوبي صباح اليوم",
           "وصل وزير الخارجية إلى بغداد قادما من دمشق ثم توجه إلى طهران",
           "قال الشيخ جاسم بن محمد إن لواء صلاح الدين انسحب من الموصل",
           "اندلعت اشتباكات في محافظة الرقة وفي بلدة المنصورة بريف الرقة",
           "قتل ثلاثة جنود بالقرب من الحدود مع تركيا في شمال سوريا",
           "هاجم مسلحون العاصمة العراقية وبدمشق ولحلب انفجرت سيارة مفخخة",
           "تظاهر آلاف في القاهرة والإسكندرية وعمان ضد الحكومة",
           "قصفت القوات جنوب لبنان وقطاع غزة والضفة الغربية",
           "أعلنت وزارة الدفاع في موسكو أن طائراتها قصفت ريف حماة الشمالي"],
    "en": ["Syrian troops shelled the town of Idlib and the Aleppo countryside on Monday.",
           "The minister flew to Baghdad from Damascus and then travelled to Tehran.",
           "President Jorge Batlle met Iraj Masjedi in Geneva, the ministry in Berlin said.",
           "Gunmen attacked a checkpoint in northern Iraq's Kurdistan region near Erbil.",
           "Protesters gathered in Baghdad's Tahrir Square and outside Cairo on Friday.",
           "The Syrian town of Madaya was besieged; fighting spread to Homs and Hama.",
           "Police in Paris, Texas arrested two men, while Paris police stayed on alert.",
           "Rockets fell on Gaza City and Sderot, and Israel struck Rafah in southern Gaza.",
           "Sheikh Jasim visited Doha and the Salahuddin Brigade withdrew from Mosul."],
}
HINTS = (None, "SYR", "IRQ", "USA", "EGY", "ISR", "FRA")


@dataclass(slots=True)
class _FormerName:
    """toponyms._Name as it was: a record of what a name found says."""
    j: int
    entries: dict
    key: tuple
    first: int
    last: int
    q_before: Optional[Qualifier]
    q_after: Optional[Qualifier]
    locative: bool
    part_of_a_name: bool
    start: int
    end: int
    destination: bool
    owner_if_town: bool


class _FormerPlaces(SentencePlaces):
    """SentencePlaces with `places` and `_name_at` as they were (the name a record)."""
    __slots__ = ()

    def places(self, country_hint: Optional[str] = None, context_countries: Iterable[str] = ()) -> list:
        if self._starts is None:
            self._starts = self._start_tokens()
        if not self._starts:
            return []
        gaz, r = self.gaz, rules(self.lang)
        ranked = trie_memo(_RANKED, self._trie)
        out, alternatives = [], []
        free = 0
        for i, starts in self._starts:
            if i < free:
                continue
            name = self._names.get(i, _UNSEEN)
            if name is _UNSEEN:
                name = self._names[i] = self._name_at(i, starts)
            if name is None:
                continue
            hit = ranked.get((id(name.entries), country_hint))
            if hit is None or hit[0] is not name.entries:
                hit = ranked[(id(name.entries), country_hint)] = (
                    name.entries, gaz.rank(name.entries, country_hint, soft=True))
            candidates = hit[1]
            place, score = candidates[0]
            if name.part_of_a_name:
                free = name.j + 1
                continue
            if i == name.j and place.precision == "locality" and not _plausible(
                    r, place, name.key, cued=name.locative or name.q_before or name.q_after,
                    foreign=place.country not in gaz.focus_countries):
                continue
            admin1 = (name.q_before is not None and name.q_before.scope == "admin1") or \
                (name.q_after is not None and name.q_after.scope == "admin1")
            if admin1:
                place = gaz.admin1_of(place) or place
            owner = name.owner_if_town and place.precision in ("locality", "site")
            out.append(PlaceMention(place, name.start, name.end, self.text[name.start:name.end], score,
                                    name.locative, name.q_before is not None or name.q_after is not None or owner,
                                    name.destination))
            alternatives.append([(p, admin1) for p, _ in candidates[1:]] if len(candidates) > 1 else _NO_ALTERNATIVES)
            free = name.last + 1
        if not any(alternatives):
            return out
        return _agree_with_sentence(out, alternatives, set(context_countries), gaz)

    def _name_at(self, i: int, starts: tuple) -> Optional[_FormerName]:
        tokens, lang, r = self.tokens, self.lang, rules(self.lang)
        found = _longest_from(starts, tokens, i)
        if found is None:
            return None
        j, node, form = found
        tok = tokens[i]
        if r.case_sensitive:
            written = tok.text if i == j else "".join([t.text for t in tokens[i:j + 1]])
            if not any(map(str.isupper, written)):
                return None
        key = (form,) + tuple([t.norm for t in tokens[i + 1:j + 1]]) if j > i else (form,)
        if key in r.stop or (i == j and form != tok.norm and (tok.norm,) in r.stop):
            return None
        ends = _ends_before(tokens, i, lang)
        q_before, first, q_form = _qualifier_before(r, tokens, i, lang) if ends[0] else (None, i, None)
        if first < i:
            ends = _ends_before(tokens, first, lang)
        q_after, last = _qualifier_after(r, tokens, j, lang)
        lead_tok, lead_form = (tokens[first], q_form) if first < i else (tok, form)
        plain = lead_form == lead_tok.norm
        locative = ((not plain and _proclitic_locative(r, lead_tok, lead_form))
                    or (ends[1] and _cue_before(r, tokens, first, lang))
                    or (q_before is not None and q_before.locative) or (q_after is not None and q_after.locative))
        part = not (q_before or q_after or locative) and _part_of_a_name(r, tokens, i, j)
        destination = bool(r.destinations) and ends[2] and _cue_before(r, tokens, first, lang, "destinations")
        owner = bool(r.possessive_endings and i == j and tokens[j].text.endswith(r.possessive_endings)
                     and j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper()
                     and not any(f in r.name_before for f in tokens[j + 1].forms))
        start = lead_tok.start if plain else _start_after_proclitic(lead_tok, lead_form)
        return _FormerName(j, node[_END], key, first, last, q_before, q_after, bool(locative), part, start,
                           tokens[last].end, destination, owner)


def _sentences(lang: str) -> list[str]:
    from test_rec_speed2 import _corpus_texts
    return _corpus_texts(lang) + _OWN[lang]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_places_as_the_former_names(lang):
    prof = profile(lang)
    kinds = {"place": 0, "locative": 0, "typed": 0, "destination": 0, "several": 0, "no place": 0}
    for text in _sentences(lang):
        for s, e in prof.split_sentences(text):
            sentence = text[s:e]
            tokens = prof.tokenise(sentence)
            new, old = SentencePlaces(sentence, tokens, lang), _FormerPlaces(sentence, tokens, lang)
            for hint in HINTS:   # (the names kept by the first call, then ranked again for each hint)
                for context in ((), (hint,) if hint else ("LBN", "TUR")):
                    got = new.places(hint, context)
                    assert got == old.places(hint, context), (sentence, hint, context)
            # the names as the former record held them, field for field
            for i, name in new._names.items():
                former = old._names[i]
                assert (name is None) == (former is None), (sentence, i)
                if name is None or name[7]:   # (no name, or part of a person's or organisation's)
                    kinds["no place"] += 1
                if name is None:
                    continue
                assert name == (former.j, former.entries, former.key, former.last, former.q_before, former.q_after,
                                former.locative, former.part_of_a_name, former.start, former.end,
                                former.destination, former.owner_if_town), (sentence, i)
            found = new.places()
            kinds["place"] += len(found)
            kinds["several"] += len(found) > 1
            kinds["locative"] += sum(p.locative for p in found)
            kinds["typed"] += sum(p.typed for p in found)
            kinds["destination"] += sum(p.destination for p in found)
    assert all(kinds.values()), kinds   # (every kind of name met)


def test_a_name_found_is_a_tuple_of_twelve():
    sentence = "Syrian troops shelled the town of Idlib near Aleppo."
    finder = SentencePlaces(sentence, profile("en").tokenise(sentence), "en")
    assert [p.text for p in finder.places()] == ["the town of Idlib", "Aleppo"]
    names = [n for n in finder._names.values() if n is not None]
    assert names and all(type(n) is tuple and len(n) == 12 for n in names)
    assert not hasattr(toponyms, "_Name")


def test_mentions_made_by_places_are_place_mentions():
    made = []
    for lang in ("ar", "en"):
        prof = profile(lang)
        for text in _OWN[lang]:
            for hint in HINTS:
                made += SentencePlaces(text, prof.tokenise(text), lang).places(hint)
    assert len(made) > 50
    for m in made:
        assert type(m) is PlaceMention
        built = PlaceMention(m.place, m.start, m.end, m.text, m.score, m.locative, m.typed, m.destination)
        assert m == built and hash(m) == hash(built) and repr(m) == repr(built)
        assert [getattr(m, f.name) for f in fields(PlaceMention)] == [getattr(built, f.name) for f in fields(PlaceMention)]
        assert pickle.loads(pickle.dumps(m)) == built
        with pytest.raises(FrozenInstanceError):
            m.start = 0
    assert {m.typed for m in made} == {True, False} and {m.locative for m in made} == {True, False}


def test_the_open_class_has_place_mentions_slots():
    from coder.model import OpenPlaceMention
    assert OpenPlaceMention.__slots__ == tuple(f.name for f in fields(PlaceMention)) == PlaceMention.__slots__
