"""Events a sentence names without reporting them as news: the act a charge, an accusation or an
allegation names (coder/rules/charges.py), each both ways. The sentences are written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from coder.model import Document
from coder.pipeline import code_document


def _roots(text: str, lang: str) -> set[str]:
    coded = code_document(Document(doc_id="t", text=text, language=lang, published=dt.date(2020, 5, 5)))
    return {e.event_root_code for e in coded.events if not e.is_background}


CHARGES = [
    # the act a charge names is alleged: the arrest is news, the kidnapping is not
    ("ar", "اعتقلت الشرطة ثلاثة رجال بتهمة خطف طفل من أمام مدرسته.", {"17"}),
    ("ar", "خطف ثلاثة رجال طفلا من أمام مدرسته أمس.", {"18"}),
    # a participle "accused of" and its complement, listed acts included
    ("ar", "دعت المنظمة إلى محاسبة الميليشيات المتهمة بارتكاب أعمال قتل ونهب في القرى.", {"02"}),
    ("ar", "ارتكبت الميليشيات أعمال قتل ونهب في القرى الأسبوع الماضي.", {"19", "17"}),
    # the accusation across its accuser's relative clause
    ("ar", "ردت الوزارة على اتهامات وجهتها منظمات حقوقية للشرطة، بتعذيب معتقلين في سجن المدينة.", {"11"}),
    # ... and across its relative clause, the act a verbal noun's genitive
    ("ar", "نفى الوزير الاتهامات التي وجهت إليه بتعذيب معتقلين في سجن المدينة.", {"01"}),
    ("ar", "ردت الوزارة على الاتهامات التي وجهتها منظمات حقوقية للشرطة بتنفيذ هجمات على قرى الجنوب.", {"11"}),
    ("ar", "اعتقلت الشرطة الرجل الذي قتل جاره بالرصاص أمس.", {"17", "19"}),
    # charges listed after one with a place in it; a comma ends the list
    ("ar", "اعتقل الرجل بتهمة المشاركة في «تنظيم سري» و «القتل» و «السرقة».", {"17"}),
    ("ar", "اعتقل الرجل بتهمة المشاركة في تنظيم سري، والقتل مستمر في المدينة.", {"17", "19"}),
    # a place ends the charge's phrase: the clash is news
    ("ar", "قتل مسلحون المتهم بالاغتيال في اشتباك مع الشرطة أمس.", {"19"}),
    # what the accused did, told with a verb, is news
    ("ar", "هاجم المتهمون الحراس وقتلوا اثنين منهم أمس.", {"19"}),
    ("en", "Police detained three men on charges of kidnapping a child outside his school.", {"11", "17"}),
    ("en", "Three men kidnapped a child outside his school on Monday.", {"18"}),
]


@pytest.mark.parametrize("lang,text,want", CHARGES, ids=[f"charge-{c[0]}#{i}" for i, c in enumerate(CHARGES)])
def test_a_charge_names_an_alleged_act(lang, text, want):
    assert _roots(text, lang) == want, text


def _flags(text: str, root: str, published=None) -> set[bool]:
    coded = code_document(Document(doc_id="t", text=text, language="ar", published=published))
    return {e.is_background for e in coded.events if e.event_root_code == root}


# in a text with no publication date, a sentence that writes its years out and names no time of the
# day's news is a record of the past: its undated events too; "أمس" or a timeline's heading date is news
RECORDS = [
    ("وكان ذلك عام 1961، وقاد طلاب الجامعة مظاهرات حاشدة ضد قرار الحكومة.", "14", True),
    ("وكان ذلك عام 1961، وقاد طلاب الجامعة أمس مظاهرات حاشدة ضد قرار الحكومة.", "14", False),
    ("وكان ذلك في 1994، ثم قتل مسلحون المحامي في العاصمة.", "19", True),
    ("وكان ذلك في 1994، ثم قتل مسلحون المحامي أمس في العاصمة.", "19", False),
    # in the same clause, a year after the event sets it too; across a comma it dates another story
    ("قتل المحامي في مذبحة ارتكبها مسلحون بعد سقوط المدينة في مايو عام 1994.", "19", True),
    ("قتل مسلحون المحامي في العاصمة، وكان قد انتخب نقيبا عام 1994.", "19", False),
]


@pytest.mark.parametrize("text,root,background", RECORDS, ids=[f"record#{i}" for i in range(len(RECORDS))])
def test_an_undated_sentence_of_years_gone_is_a_record(text, root, background):
    assert _flags(text, root) == {background}, text


# a date right after the noun of an episode (a coup, a war) names it: it dates no event of the sentence
EPISODES = [
    ("تظاهر آلاف المعارضين في العاصمة ضد انقلاب عام 1999 ورفعوا صور الرئيس السابق.", "14", False),
    ("تظاهر آلاف المعارضين في العاصمة عام 1999 ورفعوا صور الرئيس السابق.", "14", True),
]


@pytest.mark.parametrize("text,root,background", EPISODES, ids=[f"episode#{i}" for i in range(len(EPISODES))])
def test_an_episode_date_dates_no_event(text, root, background):
    assert _flags(text, root, dt.date(2008, 10, 1)) == {background}, text
