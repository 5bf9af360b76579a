"""The language profiles: normalisation, digits, sentence ends, tokens and clitic-stripped forms."""
from __future__ import annotations

from coder.lang import ar, detect, en


def forms(word: str) -> tuple[str, ...]:
    return ar.tokenise(word)[0].forms


def test_arabic_clitics_reach_the_dictionary_forms():
    assert "قالت" in forms("وقالت")
    assert "دواعش" in forms("بالدواعش") and "الدواعش" in forms("بالدواعش")
    assert "سوريا" in forms("لسوريا")
    assert "الصحفيين" in forms("للصحفيين")
    assert "يقتلون" in forms("سيقتلون")
    assert "مرتزقه" in forms("مرتزقته")          # pronoun suffix, ta marbuta restored


def test_a_ta_marbuta_is_not_read_as_a_pronoun():
    assert "محافظ" not in forms("بمحافظة")         # governorate, not "his governor"


def test_each_pronoun_suffix_is_stripped_longest_first_and_only_above_a_short_stem():
    # the suffixes are tested by last letter: each group must keep its order and its length check
    assert "كتاب" in forms("كتابهما") and "كتابهم" not in forms("كتابهما")   # هما before ها/نا
    assert "كتاب" in forms("كتابكم") and "كتاب" in forms("كتابهن") and "كتاب" in forms("كتابنا")
    assert "كتاب" in forms("كتابه")
    assert forms("عمها") == ("عمها",)                                 # ها would leave 2 letters
    assert "قراره" in forms("قرارتها")                                          # ta marbuta before ها
    assert "وزار" not in forms("وزارة") and "وزاره" in forms("وزارته")


def test_arabic_normalisation_folds_variants_and_digits():
    assert ar.normalise("إِسْرائيـــل") == "اسرائيل"
    assert ar.normalise("٢٠١٩") == "2019" and ar.normalise("۲۰۱۹") == "2019"
    assert ar.normalise("مدرسة") == ar.normalise("مدرسه")
    assert ar.normalise("مستشفى") == ar.normalise("مستشفي")


def test_arabic_sentences_end_at_arabic_punctuation():
    text = "قصف الجيش البلدة؟ نعم؛ وقتل خمسة. ثم انسحب"
    assert [text[s:e] for s, e in ar.split_sentences(text)] == ["قصف الجيش البلدة؟", "نعم؛", "وقتل خمسة.", "ثم انسحب"]


def test_english_sentences_respect_abbreviations_and_initials():
    text = "Mr. Smith met U.S. officials. George W. Bush spoke. Then 3 died."
    assert [text[s:e] for s, e in en.split_sentences(text)] == [
        "Mr. Smith met U.S. officials.", "George W. Bush spoke.", "Then 3 died."]


def test_short_acronyms_match_only_in_capitals():
    us = en.tokenise("US")[0].forms
    pronoun = en.tokenise("us")[0].forms
    assert "=US" in us and "=US" not in pronoun
    assert en.phrase_tokens("US") == ["=US"] and en.phrase_tokens("U.S.") == ["=US"]


def test_english_verb_forms_cover_regular_irregular_and_ee_verbs():
    def surface(lemma, irregular=None):
        return {f for f, _ in en.verb_forms(lemma, irregular or {})}
    assert {"attacks", "attacked", "attacking"} <= surface("attack")
    assert {"agreed", "agreeing"} <= surface("agree")
    assert {"denies", "denied"} <= surface("deny")
    assert {"stopped", "stopping"} <= surface("stop")
    assert {"struck"} <= surface("strike", {"strike": ["struck", "struck"]})
    assert {"carried out"} <= surface("carry out")
    # a prefix before an irregular verb keeps its forms; a word merely ending like one does not
    assert {"retook", "retaken"} <= surface("retake", {"take": ["took", "taken"]})
    assert {"withheld"} <= surface("withhold", {"hold": ["held", "held"]})
    # ... but not before a short verb it may only end like ("relay" is no "re-lay")
    assert "relayed" in surface("relay", {"lay": ["laid", "laid"]})
    assert "relaid" not in surface("relay", {"lay": ["laid", "laid"]})


def test_arabic_verb_forms_cover_persons_numbers_and_tenses():
    got = {f for f, _ in ar.verb_forms("قتل|يقتل")}
    assert {"قتل", "قتلت", "قتلوا", "يقتل", "تقتل", "يقتلون", "نقتل"} <= got
    assert {"كوريين جنوبيين", "فرنسيا"} <= set(ar.adjective_forms("كوري جنوبي")) | set(ar.adjective_forms("فرنسي"))


def test_language_detection_by_script():
    assert detect("قصف الجيش السوري مواقع المعارضة") == "ar"
    assert detect("Syrian troops shelled rebel positions") == "en"


def test_a_lone_combining_mark_gives_no_empty_lookup_form():
    """A mark left alone (a decomposed letter the text splits off) once gave an empty lookup form,
    which the dictionary matcher read as the end of every entry."""
    import datetime as dt

    from coder.lang import profile
    from coder.model import Document
    from coder.pipeline import code_document
    for lang, text in (("en", "A\u0300 convoy was shelled."), ("ar", "\u064e قصف الجيش البلدة.")):
        assert all(all(t.forms) for t in profile(lang).tokenise(text))
        code_document(Document(doc_id="mark", text=text, language=lang, published=dt.date(2020, 1, 1)))
