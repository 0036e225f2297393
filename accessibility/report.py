"""The JIS X 8341-3 style test report, computed from the browser test run's results file.

The results file (written by tests/browser/results.py, format 1) lists, for every page, language
and width tested, the axe-core rules that passed, were violated or did not apply, the WCAG tags of
every rule, and the outcome of the project's own browser checks with the criteria they cover.
"""

from accessibility.criteria import CRITERIA

PASSED = "passed"
FAILED = "failed"
NOT_APPLICABLE = "not_applicable"
NOT_TESTED = "not_tested"


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


def summarise(results):
    """What the report page shows: tested pages, and per criterion whether it applies and passed."""
    seen = _outcomes(results)
    pages = sorted({(p["url"], p.get("language", ""), p.get("width", 0)) for p in results["pages"]})
    return {
        "generated_at": results.get("generated_at", ""),
        "tool": ", ".join(f"{name} {version}" for name, version in results.get("tool", {}).items()),
        "pages": [{"url": u, "language": lang, "width": w} for u, lang, w in pages],
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
        "checks": [
            {
                "name": check["name"],
                "criteria": check.get("criteria", []),
                "passed": check["outcome"] == PASSED,
            }
            for check in results["checks"]
        ],
    }
