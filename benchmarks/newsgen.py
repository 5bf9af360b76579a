"""A generator of news-like sentences in English and Arabic, as long as wire news (~37 words).

Every sentence is built from the templates and word lists below (written for this benchmark): an
optional lead (time, attribution), a main clause (actor, action, target, place), and one or two
trailing clauses (source, casualties, background), plus a share of sentences that report no event.
"""
from __future__ import annotations

import json
import random
from pathlib import Path

EN = {
    "actors": ["Syrian government troops", "fighters of the Syrian Democratic Forces", "Islamic State militants",
               "Iraqi federal police", "unidentified gunmen on motorcycles", "Turkish-backed armed groups",
               "the Iraqi Ministry of Defence", "a United Nations envoy", "the United States Department of State",
               "Hezbollah", "Kurdish security forces", "the Lebanese army", "Israeli warplanes", "Russian military police"],
    "actions": ["launched a wave of air strikes against positions held by", "arrested at least {n} people accused of links to",
                "accused {b} of repeatedly violating the truce agreed with", "held talks with a senior delegation from",
                "called on the leadership of", "shelled several villages controlled by", "announced new sanctions on",
                "handed over the bodies of {n} fighters to", "denied reports that it had negotiated in secret with",
                "sent humanitarian aid convoys to areas besieged by"],
    "targets": ["the rebel factions", "the Kurdish-led administration", "local tribal leaders", "the opposition coalition",
                "the government in Baghdad", "Iranian-backed militias", "the Syrian army", "civilians"],
    "places": ["the northern city of Aleppo", "villages near Idlib", "the eastern province of Deir ez-Zor",
               "the outskirts of Raqqa", "the Iraqi city of Mosul", "the oil-rich region around Kirkuk",
               "the border town of Manbij", "the Qamishli countryside", "southern Lebanon", "central Baghdad",
               "the Golan Heights", "the town of al-Bab"],
    "leads": ["On Tuesday,", "Late on Sunday night,", "Earlier this week,", "In a statement released on Friday,",
              "Two days after the attack,", "On 14 March 2019,", ""],
    "tails": [", according to a statement published on the group's official website",
              ", a spokesman for the local council told reporters by telephone",
              ", days after {n} people were killed in clashes along the main highway",
              ", the latest in a series of incidents that have raised tensions across the region",
              " as part of an operation that began late last month",
              ", residents and monitoring groups said"],
    "filler": ["Prices of bread and fuel have risen sharply in recent months, and many families in the area now depend on aid "
               "delivered by charities, local officials said, adding that the winter would make things harder for them.",
               "The city, which had a population of about {n} thousand before the war, lies on the banks of the river and was "
               "once known for its markets, its old mosque and the farms that surround it on three sides.",
               "Schools reopened across the province this week after a long closure, with teachers saying that many pupils "
               "had missed more than a year of lessons and would need extra classes to catch up."],
    "numbers": ["five", "dozens of", "12", "30", "about 200", "more than 40", "three", "nearly 70"],
}
AR = {
    "actors": ["القوات الحكومية السورية", "مقاتلو قوات سوريا الديمقراطية", "مسلحو تنظيم داعش", "الشرطة الاتحادية العراقية",
               "مسلحون مجهولون يستقلون دراجات نارية", "الفصائل المسلحة المدعومة من تركيا", "وزارة الدفاع العراقية",
               "المبعوث الأممي", "وزارة الخارجية الأمريكية", "حزب الله", "قوات الأمن الكردية", "الجيش اللبناني",
               "الطائرات الحربية الإسرائيلية", "الشرطة العسكرية الروسية"],
    "actions": ["شنت سلسلة من الغارات الجوية على مواقع تسيطر عليها", "اعتقلت ما لا يقل عن {n} أشخاص بتهمة الارتباط بـ",
                "اتهمت {b} بخرق الهدنة المتفق عليها مع", "أجرت محادثات مع وفد رفيع المستوى من", "دعت قيادة",
                "قصفت عدة قرى تسيطر عليها", "أعلنت عقوبات جديدة على", "سلمت جثث {n} مقاتلين إلى",
                "نفت تقارير عن مفاوضات سرية مع", "أرسلت قوافل مساعدات إنسانية إلى مناطق تحاصرها"],
    "targets": ["فصائل المعارضة", "الإدارة الذاتية الكردية", "زعماء العشائر المحلية", "الائتلاف المعارض",
                "الحكومة في بغداد", "الميليشيات المدعومة من إيران", "الجيش السوري", "المدنيين"],
    "places": ["في مدينة حلب شمالي البلاد", "في قرى قرب إدلب", "في محافظة دير الزور شرقي سوريا", "في ضواحي الرقة",
               "في مدينة الموصل العراقية", "في منطقة كركوك الغنية بالنفط", "في بلدة منبج الحدودية", "في ريف القامشلي",
               "في جنوب لبنان", "في وسط بغداد", "في هضبة الجولان", "في مدينة الباب"],
    "leads": ["يوم الثلاثاء،", "في وقت متأخر من ليل الأحد،", "في وقت سابق من هذا الأسبوع،", "في بيان صدر يوم الجمعة،",
              "بعد يومين من الهجوم،", "في 14 آذار 2019،", ""],
    "tails": ["، بحسب بيان نشر على الموقع الرسمي للجماعة", "، وفق ما قاله متحدث باسم المجلس المحلي للصحفيين عبر الهاتف",
              "، بعد أيام من مقتل {n} أشخاص في اشتباكات على الطريق الرئيسي",
              "، في أحدث حلقة من سلسلة حوادث زادت التوتر في أنحاء المنطقة", "، ضمن عملية بدأت أواخر الشهر الماضي",
              "، بحسب ما أفاد سكان ومنظمات رصد"],
    "filler": ["وارتفعت أسعار الخبز والوقود بشكل حاد خلال الأشهر الأخيرة، وباتت عائلات كثيرة في المنطقة تعتمد على المساعدات التي "
               "توزعها الجمعيات الخيرية، بحسب مسؤولين محليين أضافوا أن الشتاء سيزيد الأوضاع صعوبة.",
               "وكان عدد سكان المدينة نحو {n} ألف نسمة قبل الحرب، وهي تقع على ضفاف النهر واشتهرت بأسواقها ومسجدها القديم "
               "والمزارع التي تحيط بها من ثلاث جهات.",
               "وأعيد فتح المدارس في أنحاء المحافظة هذا الأسبوع بعد إغلاق طويل، وقال معلمون إن كثيرا من التلاميذ فاتتهم دروس "
               "أكثر من عام وسيحتاجون إلى حصص إضافية لتعويضها."],
    "numbers": ["خمسة", "عشرات", "12", "٣٠", "نحو 200", "أكثر من 40", "ثلاثة", "قرابة 70"],
}
VOCAB = {"en": EN, "ar": AR}


def sentence(rng: random.Random, lang: str) -> str:
    v = VOCAB[lang]
    n = rng.choice(v["numbers"])
    if rng.random() < 0.25:
        return rng.choice(v["filler"]).format(n=rng.randint(20, 900))
    target = rng.choice(v["targets"])
    action = rng.choice(v["actions"]).format(n=n, b=rng.choice(v["targets"]))
    tails = "".join(t.format(n=n) for t in rng.sample(v["tails"], rng.choice((1, 1, 2))))
    lead = rng.choice(v["leads"])
    actor = rng.choice(v["actors"])
    if lang == "en":
        s = f"{lead} {actor} {action} {target} in {rng.choice(v['places'])}{tails}."
        s = " ".join(s.split())
        return s[0].upper() + s[1:]
    # Arabic news puts the verb first: "and launched the forces ... "; a lead phrase comes before it
    verb, _, rest = action.partition(" ")
    return " ".join(f"{lead} {verb} {actor} {rest} {target} {rng.choice(v['places'])}{tails}.".split())


def document(rng: random.Random, lang: str, k: int) -> str:
    return " ".join(sentence(rng, lang) for _ in range(k))


def write_generated(path: Path, sentences: int, langs=("ar", "en"), seed: int = 7) -> int:
    """A JSONL corpus of about `sentences` sentences in documents of 3-12, alternating languages."""
    rng = random.Random(seed)
    written = i = 0
    with open(path, "w", encoding="utf-8") as f:
        while written < sentences:
            lang = langs[i % len(langs)]
            k = min(rng.randint(3, 12), sentences - written)
            f.write(json.dumps({"id": f"gen-{i}", "text": document(rng, lang, k), "language": lang,
                                "date": f"2019-08-{1 + i % 28:02d}"}, ensure_ascii=False) + "\n")
            written += k
            i += 1
    return written


def write_from(path: Path, sources: list[str], sentences: int, count, keep=lambda r: True,
               distinct: bool = False) -> tuple[int, int]:
    """A JSONL corpus of the records of `sources` (their text, language and date), repeated with new
    ids until about `sentences` sentences (as `count` splits them) are reached; records `keep`
    refuses are left out. `distinct`: each text once (the first record that has it), never repeated,
    so the corpus ends early when the texts run out: text the coder has never seen, as news is.
    Returns (sentences written, records left out)."""
    records, texts = [], set()
    for src in sources:
        with open(src, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    if r.get("text") and not (distinct and r["text"] in texts):
                        texts.add(r["text"])
                        records.append({k: r[k] for k in ("text", "language", "date") if r.get(k)})
    n_all = len(records)
    records = [r for r in records if keep(r)]
    if not records:
        raise SystemExit("no usable records with a text in " + " ".join(sources))
    sizes = [count(r["text"], r.get("language")) for r in records]
    written = i = 0
    with open(path, "w", encoding="utf-8") as f:
        while written < sentences and not (distinct and i == len(records)):
            r, k = records[i % len(records)], sizes[i % len(records)]
            f.write(json.dumps({"id": f"rec-{i}", **r}, ensure_ascii=False) + "\n")
            written += k
            i += 1
    return written, n_all - len(records)
