"""Every shipped language translates every string of the plan: none empty, none still Japanese."""

import pytest

from translations.coverage import measure_coverage, still_japanese
from translations.management.commands.translation_coverage import coverage_table


@pytest.mark.parametrize(
    ("text", "language_code", "expected"),
    [
        ("Mynaportal (マイナポータル)", "en", False),  # a reading in brackets
        ("マイナポータル", "en", True),
        ("Children's Division", "en", False),
        ("情報政策課", "en", True),
        ("信息政策科（情報政策課）", "zh-hans", False),  # Han is Chinese script
        ("“さんあーる”应用", "zh-hans", True),  # kana is not
        ("", "ko", False),
    ],
)
def test_japanese_script_is_detected_outside_brackets(text, language_code, expected):
    assert still_japanese(text, language_code) is expected


@pytest.mark.django_db
def test_every_string_of_every_shipped_language_is_translated(capsys):
    results = measure_coverage()
    with capsys.disabled():
        print("\nshare of the plan's text translated, by language and page type:")  # noqa: T201
        for line in coverage_table(results):
            print(line)  # noqa: T201
    assert set(results) == {"en", "pt-br", "es", "zh-hans", "ko", "vi"}
    for code, coverage in results.items():
        assert coverage.untranslated == [], code
        assert coverage.share() == 1.0
        assert {"measure", "glossary", "home", "department", "accessibility"} <= set(
            coverage.characters
        )
