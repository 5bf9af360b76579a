"""The front stages' twenty-ninth speed round (coder/quantities): a sentence's duals placed from the
chunks that hold one (QuantityRecogniser._duals_of: the chunks not read yet learnt first, those that
hold a dual found in C and placed by the lengths before them), instead of a walk of every chunk, each
found in the text. Checked against a copy of the former walk on sentences written for these tests,
spaced (the tokeniser's folds) and not, with the memos empty and warm; and the sentences' quantities
with the folds given and not."""
from __future__ import annotations

import pytest

# duals (يومين، شخصين، طائرتين), one twice, one in brackets and glued to a clitic; counts beside them;
# none at all; and English, which has no duals
SENTENCES = {
    "ar": ["قتل شخصين وأصيب 12 آخرون في هجوم قبل يومين قرب الحدود.",
           "أسقطت الدفاعات طائرتين مسيرتين، وقالت إن طائرتين أخريين عادتا (يومين) بعد القصف.",
           "اعتقلت الشرطة ثلاثة رجال ووعدت بالإفراج عن شخصين وبشخصين آخرين خلال أسبوعين.",
           "تظاهر محتجون في الساحة وهتفوا ضد الحكومة.",
           "نزحت نحو 200 عائلة من القتال، وقتل مدنيان اثنان."],
    "en": ["Gunmen killed two soldiers and wounded 15 near the border.",
           "Protesters gathered in the square and chanted against the government."],
}
# other white space between chunks: one character (spaced still) or more (not)
GAPS = ("\t", "  ", " \n ")


def _former_duals(rec, ftext, chunks):
    """The duals as QuantityRecogniser.find read them before: each chunk found in the text in turn."""
    free, found = rec._dual_free, rec._chunk_duals
    duals = []
    at = 0
    for chunk in chunks:
        at = ftext.find(chunk, at)
        if chunk not in free:
            in_chunk = found.get(chunk)
            if in_chunk is None:
                in_chunk = rec._duals_in(chunk)
                if in_chunk:
                    found[chunk] = in_chunk
                else:
                    free.add(chunk)
            for s, e, unit in in_chunk:
                duals.append((at + s, at + e, unit))
        at += len(chunk)
    return duals


def _texts(lang):
    for text in SENTENCES[lang]:
        yield text
        for gap in GAPS:
            yield text.replace(" ", gap, 2)


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_duals_as_before(lang):
    """The duals (start, end, unit), as the former walk found them, from empty memos and warm ones."""
    from coder.lang.numbers import folded, text_chunks
    from coder.quantities.recognise import recogniser
    rec = recogniser(lang)
    if rec.dual_words is None:
        pytest.skip(f"{lang} has no duals")
    seen, kinds = 0, set()
    for warm in (False, True):
        for text in _texts(lang):
            ftext = folded(text, lang).text
            chunks = text_chunks(ftext)
            spaced = len(ftext) + 1 == sum(map(len, chunks)) + len(chunks)
            kinds.add(spaced)
            outcomes = []
            for version in (lambda: rec._duals_of(ftext, chunks, spaced), lambda: _former_duals(rec, ftext, chunks)):
                if not warm:
                    rec._dual_free.clear()
                    rec._chunk_duals.clear()
                outcomes.append(version())
            assert outcomes[0] == outcomes[1], text
            assert all(ftext[s:e] for s, e, _ in outcomes[0])
            seen += len(outcomes[0])
    assert seen >= 20 and kinds == {True, False}   # (duals placed in spaced texts and others)


@pytest.mark.parametrize("lang", ("ar", "en"))
def test_quantities_with_folds_as_without(lang):
    """A sentence's quantities read from the tokeniser's folds (its duals placed by the lengths of
    its chunks) as from the text folded whole (the walk)."""
    from coder import pipeline
    from coder.lang.chunk_folds import chunk_folds
    from coder.lang.common import spaced_chunks
    from coder.quantities import find_quantities
    duals = 0
    for text in SENTENCES[lang]:
        sent = pipeline.sentences(text, lang)[0]
        folds = chunk_folds(sent.text, spaced_chunks(sent.text), lang)
        assert folds is not None
        given = find_quantities(sent.text, lang, None, folds)
        assert given == find_quantities(sent.text, lang)
        duals += sum(q.value == 2 and q.text == sent.text[q.start:q.end] for q in given)
    assert duals >= (5 if lang == "ar" else 0)
