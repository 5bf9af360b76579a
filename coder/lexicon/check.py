"""`coder lexicon check`: every dictionary file and every supporting file of a language, validated
against its schema and built into what the coder uses."""
from __future__ import annotations

import sys
from pathlib import Path

from coder.dates.rules import DateRules
from coder.geo.toponyms import rules as place_rules
from coder.lang.numbers import NumberReader
from coder.lexicon.load import LEXICON_DIR, LexiconError, check, compile_lexicon
from coder.quantities.recognise import QuantityRecogniser
from coder.syntax.rules import SyntaxRules

SUPPORT_STEMS = ("numbers", "dates", "quantities", "places", "syntax")


def support_files(lang: str) -> list[Path]:
    """The files that say how numbers, dates, counts and place names are written, and how sentences are built."""
    return [LEXICON_DIR / lang / f"{stem}.yaml" for stem in SUPPORT_STEMS]


def check_support(lang: str) -> list[str]:
    """Validate the supporting files of a language against their schemas and build what their
    loaders build from them (regexes compile, slots and units exist); return the problems."""
    builders = {"numbers": NumberReader, "dates": DateRules, "quantities": QuantityRecogniser,
                "places": place_rules.__wrapped__, "syntax": SyntaxRules}
    problems = []
    for stem in SUPPORT_STEMS:
        try:
            builders[stem](lang)
        except (LexiconError, ValueError, KeyError, TypeError) as e:
            problems.append(str(e) if str(LEXICON_DIR) in str(e) else f"{LEXICON_DIR / lang / stem}.yaml: {e}")
    return problems


def main(argv: list[str]) -> int:
    langs = argv or ["ar", "en"]
    bad = 0
    for lang in langs:
        problems = check(lang) + check_support(lang)
        for p in problems:
            print(p)
        bad += len(problems)
        if not problems:
            lex = compile_lexicon(lang)
            print(f"{lang}: ok, {len(lex.files)} dictionary files and {len(SUPPORT_STEMS)} supporting files, " +
                  ", ".join(f"{k} {v}" for k, v in lex.sizes.items()) + " phrases")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
