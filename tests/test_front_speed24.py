"""The front stages' twenty-fourth speed round (coder/quantities): each rewritten piece is checked against
the logic it had on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.test_front_speed16 import shuffled_samples

LANGS = ("ar", "en")

# texts with no number, digit or dual (most news sentences), beside texts with numbers in digits and
# in words, duals, a currency sign glued to a number, a date and a phone number, whose words the
# shuffled texts mix with the others
PLAIN_AND_NOT = {
    "en": ["The minister said the talks would go on despite the attack on the convoy.",
           "Rebels seized the town and the army withdrew, residents told reporters.",
           "Police said three people were killed and 12 others were wounded on Monday.",
           "The fund pledged $15 billion to the region, officials said; call +44 20 7946 0958.",
           "Hundreds of families fled the fighting, and two soldiers were killed in 2019.",
           "The account $12345678 was closed."],
    "ar": ["قال الوزير إن المحادثات ستستمر رغم الهجوم على القافلة.",
           "سيطر المسلحون على البلدة وانسحب الجيش، بحسب ما قال السكان.",
           "قالت الشرطة إن ثلاثة أشخاص قتلوا وأصيب 12 آخرون يوم الاثنين.",
           "قتل جنديان وأصيب شخصان في انفجار عبوة ناسفة قرب الحدود.",
           "تعهد الصندوق بتقديم $15 مليار دولار، ونزحت مئات العائلات في 2019."],
}


def _texts(lang: str, n: int = 400) -> list[str]:
    """The sentences, folded, and texts of their words shuffled (numbers, duals and signs at every place)."""
    return shuffled_samples(PLAIN_AND_NOT[lang], lang, n, seed=24, longest=12)


class _NeverAll(set):
    """A set of plain chunks that never answers that a text is made of them alone: the recogniser reads
    every text as it did before the plain chunks were kept."""
    def issuperset(self, other) -> bool:
        return False


def _read(quantities) -> list[tuple]:
    return [(q.value, q.qualifier, q.unit, q.start, q.end, q.text) for q in quantities]


@pytest.mark.parametrize("lang", LANGS)
def test_quantities_as_before_where_a_text_is_made_of_plain_chunks(lang):
    """On a fresh recogniser (chunks first seen) and a warm one (texts answered by the set test alone):
    the quantities of a recogniser that reads every text the former way."""
    from coder.quantities.recognise import QuantityRecogniser
    new, former = QuantityRecogniser(lang), QuantityRecogniser(lang)
    former._plain = _NeverAll()
    texts = _texts(lang)
    answered_plain = found = 0
    for _ in range(2):
        for text in texts:
            answered_plain += new._plain.issuperset(text.split())
            got = _read(new.find(text))
            assert got == _read(former.find(text)), text
            found += bool(got)
    assert answered_plain >= 50 and found >= 100, (answered_plain, found)


@pytest.mark.parametrize("lang", LANGS)
def test_plain_chunks_hold_no_number_digit_or_dual(lang):
    """Every chunk kept as plain is one the number reader's gate refuses and that holds no dual."""
    from coder.quantities.recognise import QuantityRecogniser
    rec = QuantityRecogniser(lang)
    for text in _texts(lang):
        rec.find(text)
    assert len(rec._plain) >= 20
    for chunk in rec._plain:
        assert not rec.numbers.gate.admits(chunk), chunk
        assert not any(c.isdigit() for c in chunk), chunk
        assert rec.dual_words is None or not rec._duals_in(chunk), chunk


def test_a_plain_text_with_a_new_number_word_is_read():
    """A text of plain chunks but one, a number glued to a sign, is read in full."""
    from coder.quantities.recognise import QuantityRecogniser
    rec = QuantityRecogniser("en")
    assert rec.find("the army said the talks would go on") == []
    assert rec._plain >= {"the", "army", "talks"}
    got = _read(rec.find("the army said $15 billion would go on"))
    assert got and got[0][2] == "money"
    assert _read(rec.find("the army said three soldiers would go on"))[0][:3] == (3, "exact", "soldiers")



# ---------------------------------------------------------------- folding: the dropped characters

def _former_code_page_folded(original: str, lang: str):
    """_code_page_folded as it was: the bytes of the characters the fold drops deleted from the
    encoded text before it is decoded."""
    import codecs
    from coder.lang.numbers import _code_page_fold
    fold = None if original.isascii() else _code_page_fold(lang)
    if fold is None:
        return None
    encoding, decoding, dropped = fold
    try:
        encoded = codecs.charmap_encode(original, "strict", encoding)[0]
        return codecs.charmap_decode(encoded.translate(None, dropped), "strict", decoding)[0], encoded
    except UnicodeError:
        return None


# marks (fatha, damma, kasra, tanween, shadda, sukun), tatweel, Persian letters outside the code page,
# a replacement character, Latin letters and digits
FOLDED_TEXTS = ["قُتِلَ ثلاثةٌ من الجنودِ يومَ الجمعةِ", "الـــجيش قصف المدينة", "شدَّة القصف",
                "قال الجيش إن 3 جنود قتلوا", "گروه تروریستی", "قتل \ufffd شخص", "قتل 5 من ISIS أمس",
                "ـ", "َ", "الأمم المتحدة 2019", "« قُتل » ، ؟"]


@pytest.mark.parametrize("lang", LANGS)
def test_code_page_fold_as_before(lang):
    """The folded text and the encoded one as the former fold made them, and a fold that drops no
    character the same object as the text decoded."""
    from coder.lang.numbers import _DROPPED, _code_page_folded
    texts = FOLDED_TEXTS + [t for t in _texts("ar", 100)] + PLAIN_AND_NOT["ar"] + PLAIN_AND_NOT["en"]
    dropped = 0
    for text in texts:
        got = _code_page_folded(text, lang)
        assert got == _former_code_page_folded(text, lang), text
        if got is not None:
            assert _DROPPED not in got[0]
            dropped += len(got[0]) < len(text)
    assert lang == "en" or dropped >= 4


@pytest.mark.parametrize("lang", LANGS)
def test_refused_after_first_admitting(lang):
    """WordGate.refused, asked after first_admitting, answers as first_admitting did."""
    from coder.lang.numbers import WordGate, reader, text_chunks
    source = reader(lang).gate
    gate = WordGate(source.words, also=source.also)
    gate.words = source.words   # (the words as built, prefixes included)
    both = set()
    for _ in range(2):   # first sight, then every chunk known
        for text in _texts(lang):
            chunks = text_chunks(text)
            first = gate.first_admitting(chunks)
            assert gate.refused(chunks) == (first is None), text
            both.add(first is None)
    assert both == {True, False}
