"""What of each searchable page is indexed as its body (and its result snippets are cut from)."""

# What measure_body reads besides the page: prefetch these when reading many measures.
MEASURE_PARTS = ("department_links__department", "initiatives", "plan_entries", "progress_reports")


def measure_body(page) -> list[str]:
    """Every field of a measure sheet a citizen may search for, its plain summary first."""
    texts = [
        page.plain_summary,
        page.situation,
        page.content,
        page.expected_effects,
        page.policy_areas,
        page.related_plan,
    ]
    texts += [link.department.name for link in page.department_links.all()]
    texts += [initiative.text for initiative in page.initiatives.all()]
    texts += [entry.plan for entry in page.plan_entries.all()]
    for report in page.progress_reports.all():
        texts += [report.progress_label, report.achievements, report.issues, report.reason]
    return [text for text in texts if text]


def home_body(page) -> list[str]:
    texts = [page.plan_title, page.report_title, page.basic_policy, page.slogan]
    for goal in page.goals.all():
        texts += [goal.title, goal.subtitle, goal.explanation, goal.directions]
    return [text for text in texts if text]
