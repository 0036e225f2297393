"""The JIS X 8341-3 style test report, computed from the browser test run's results file.

The results file (written by tests/browser/results.py, format 2) lists, for every page, language
and width tested, the axe-core rules that passed, were violated or did not apply, the WCAG tags of
every rule, and each run of the project's own browser checks: its id, the criteria it covers, the
page types and widths it visited and its outcome. The report groups those runs by check.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from accessibility.criteria import CRITERIA
from accessibility.site_checks import PAGE_TYPE_LABELS, check_label, page_type_label

PASSED = "passed"
FAILED = "failed"
NOT_APPLICABLE = "not_applicable"
NOT_TESTED = "not_tested"
NOT_RUN = "not_run"  # a check whose runs were skipped, in part or in whole


def _rule_tags(results, entry):
    rule_id = entry["id"] if isinstance(entry, dict) else entry
    return set(results["rules"].get(rule_id, {}).get("tags", []))


def _outcomes(results):
    """criterion number → set of outcomes seen for it in the run."""
    by_tag = {c.axe_tag: c.number for c in CRITERIA}
    seen = {c.number: set() for c in CRITERIA}
    for page in results["pages"]:
        for key, outcome in (
            ("violations", FAILED),
            ("passes", PASSED),
            ("inapplicable", NOT_APPLICABLE),
        ):
            for entry in page.get(key, []):
                for tag in _rule_tags(results, entry) & by_tag.keys():
                    seen[by_tag[tag]].add(outcome)
    for check in results["checks"]:
        for number in check.get("criteria", []):
            if number in seen:
                seen[number].add(PASSED if check["outcome"] == PASSED else FAILED)
    return seen


def verdict(outcomes):
    for outcome in (FAILED, PASSED, NOT_APPLICABLE):
        if outcome in outcomes:
            return outcome
    return NOT_TESTED


def _criterion_order(number):
    return tuple(int(part) for part in number.split("."))


def _group_outcome(outcomes):
    if FAILED in outcomes:
        return FAILED
    return PASSED if outcomes == {PASSED} else NOT_RUN


def group_checks(checks):
    """One entry per check id, in the order the run first met it: the criteria, page types and
    widths its runs covered, how many runs there were and the outcome over all of them.

    Raises UnknownCheck for an id or page type that has no label (accessibility/site_checks.py).
    """
    groups = {}
    for check in checks:
        check_label(check["id"])
        group = groups.setdefault(
            check["id"], {"criteria": set(), "pages": set(), "widths": set(), "outcomes": []}
        )
        group["criteria"].update(check.get("criteria", []))
        for page_type in check.get("pages", []):
            page_type_label(page_type)
            group["pages"].add(page_type)
        group["widths"].update(check.get("widths", []))
        group["outcomes"].append(check["outcome"])
    page_order = list(PAGE_TYPE_LABELS)
    return [
        {
            "id": check_id,
            "criteria": sorted(group["criteria"], key=_criterion_order),
            "pages": sorted(group["pages"], key=page_order.index),
            "widths": sorted(group["widths"], reverse=True),
            "runs": len(group["outcomes"]),
            "failed": group["outcomes"].count(FAILED),
            "outcome": _group_outcome(set(group["outcomes"])),
        }
        for check_id, group in groups.items()
    ]


def tested_pages(pages):
    """One entry per URL tested, with its page type, language and every width it was tested at."""
    grouped = {}
    for page in pages:
        if page.get("page"):
            page_type_label(page["page"])
        entry = grouped.setdefault(
            page["url"],
            {
                "url": page["url"],
                "page": page.get("page", ""),
                "language": page.get("language", ""),
            },
        )
        entry.setdefault("widths", set()).add(page.get("width", 0))
    return [
        {**entry, "widths": sorted(entry["widths"], reverse=True)}
        for _url, entry in sorted(grouped.items())
    ]


def summarise(results):
    """What the report page shows: tested pages, per criterion whether it applies and passed,
    and the project's own checks grouped by check."""
    seen = _outcomes(results)
    return {
        "generated_at": results.get("generated_at", ""),
        "tool": ", ".join(f"{name} {version}" for name, version in results.get("tool", {}).items()),
        "pages": tested_pages(results["pages"]),
        "criteria": [
            {
                "number": c.number,
                "level": c.level,
                "title": c.title,
                "since": c.since,
                "result": verdict(seen[c.number]),
            }
            for c in CRITERIA
        ],
        "checks": group_checks(results["checks"]),
    }


@dataclass(frozen=True)
class CheckLine:
    """One of the project's own checks as the report page shows it, in the active language."""

    label: str
    pages: list[str]
    widths: list[int]
    criteria: list[str]
    outcome: str
    runs: int
    failed: int


def check_lines(grouped_checks):
    """The grouped checks of a summary with their labels and page types in the active language."""
    return [
        CheckLine(
            label=str(check_label(check["id"])),
            pages=[str(page_type_label(page_type)) for page_type in check["pages"]],
            widths=check["widths"],
            criteria=check["criteria"],
            outcome=check["outcome"],
            runs=check["runs"],
            failed=check["failed"],
        )
        for check in grouped_checks
    ]


def tested_page_lines(tested_pages):
    """The tested pages of a summary with their page type and language named for the reader."""
    names = dict(settings.LANGUAGES)
    return [
        {
            **tested,
            "page_label": str(page_type_label(tested["page"])) if tested.get("page") else "",
            "language_name": names.get(tested["language"], tested["language"]),
        }
        for tested in tested_pages
    ]


def tested_at(summary):
    """When the run ended, as an aware datetime; None if the summary does not say."""
    try:
        return datetime.fromisoformat(summary.get("generated_at", ""))
    except ValueError:
        return None
