"""The relevance set (relevance.tsv) on the imported plan: ≥ 95 % of the expected measures must be
in their query's top 5. The score is printed with the misses, to tune by kinds of queries."""

import sys

import pytest

from search.relevance import load_relevance_set, parse_relevance_set, run_case, score

pytestmark = pytest.mark.django_db
REQUIRED_SCORE = 0.95


def test_the_relevance_set_has_sixty_realistic_queries_of_every_kind():
    cases = load_relevance_set()
    assert len(cases) >= 60
    assert {"en", "ja"} <= {case.language for case in cases}
    assert {"exact", "partial", "variant", "synonym", "misspelling", "multiword"} <= {
        case.kind for case in cases
    }


def test_a_malformed_line_is_refused_with_its_number():
    with pytest.raises(ValueError, match="line 2"):
        parse_relevance_set("ja\tテレワーク\t18\texact\nja\tno fields\n")


def test_relevance_score(capsys):
    results = [run_case(case) for case in load_relevance_set()]
    misses = [r for r in results if r.found != r.case.expected]
    report = [f"relevance: {score(results):.1%} of expected measures in the top 5"]
    report += [
        f"  miss [{r.case.kind}] {r.case.language} {r.case.query!r}: expected "
        f"{sorted(r.case.expected)}, top {r.top_numbers}"
        for r in misses
    ]
    with capsys.disabled():  # printed past pytest's capture, so every run shows the score
        sys.stdout.write("\n" + "\n".join(report) + "\n")
    assert score(results) >= REQUIRED_SCORE, "\n".join(report)
