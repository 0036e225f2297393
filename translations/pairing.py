"""Pairing translated content with the Japanese objects it translates.

Each function returns {content path: translated text} in wagtail-localize's content paths
("situation", "initiatives.<translation key>.text", …), matched to the Japanese object by the
keys the source uses (initiative number, fiscal year, goal number, list position), never by
position in a file alone. Untranslated values are left out, so the Japanese text stays.
"""


def _lines(values):
    """A list shown one per line; partly translated lists stay Japanese as a whole."""
    if values and all(isinstance(v, str) and v.strip() for v in values):
        return "\n".join(v.strip() for v in values)
    return ""


def _has_text(value):
    return isinstance(value, str) and bool(value.strip())


def _keep(strings):
    """The translated values only; a rich-text field's {Japanese: translation} keeps its
    translated entries."""
    kept = {}
    for path, value in strings.items():
        if isinstance(value, dict):
            value = {source: text for source, text in value.items() if _has_text(text)}
        if value and (isinstance(value, dict) or _has_text(value)):
            kept[path] = value
    return kept


def translated_text(strings, path, source_text):
    """The translation of one segment, or None. The strings of a rich-text field share its path,
    so they are paired by their Japanese text ({path: {Japanese: translation}})."""
    value = strings.get(path)
    if isinstance(value, dict):
        return value.get(source_text)
    return value


def measure_strings(page, pack):
    """MeasurePage: the sheet's fields, its initiatives, plan entries and progress reports."""
    data = pack.measure(page.number)
    strings = {
        "title": data.get("title"),
        "plain_summary": data.get("plain_summary"),
        "policy_areas": _lines(data.get("policy_areas")),
        "related_plan": data.get("related_plan"),
        "situation": data.get("situation"),
        "content": data.get("content"),
        "expected_effects": data.get("expected_effects"),
    }
    initiatives = {i.get("number"): i.get("text") for i in data.get("initiatives", [])}
    for initiative in page.initiatives.all():
        strings[f"initiatives.{initiative.translation_key}.text"] = initiatives.get(
            initiative.number
        )
    plan = data.get("plan", {})
    for entry in page.plan_entries.all():
        strings[f"plan_entries.{entry.translation_key}.plan"] = plan.get(str(entry.fiscal_year))
    actual = data.get("actual", {})
    reports = {r.get("fiscal_year"): r for r in data.get("reports", [])}
    for report in page.progress_reports.all():
        prefix = f"progress_reports.{report.translation_key}"
        strings[f"{prefix}.progress_label"] = actual.get(str(report.fiscal_year))
        translated = reports.get(report.fiscal_year, {})
        for name in ("achievements", "issues", "reason"):
            strings[f"{prefix}.{name}"] = translated.get(name)
    return _keep(strings)


def home_strings(page, pack):
    """HomePage: the plan's titles, the basic policy and the four goals."""
    data = pack.home
    strings = {
        "title": data.get("plan_title"),
        **{
            name: data.get(name)
            for name in ("plan_title", "report_title", "published_label", "basic_policy", "slogan")
        },
    }
    goals = {g.get("number"): g for g in data.get("goals", [])}
    for goal in page.goals.all():
        translated = goals.get(goal.number, {})
        prefix = f"goals.{goal.translation_key}"
        for name in ("title", "subtitle", "explanation"):
            strings[f"{prefix}.{name}"] = translated.get(name)
        strings[f"{prefix}.directions"] = _lines(translated.get("directions"))
    return _keep(strings)


def section_strings(page, pack):
    """The section pages (measures, glossary, open data): title and, for open data, licence."""
    data = pack.sections.get(page.slug, {})
    return _keep({"title": data.get("title"), "licence": data.get("licence")})


def accessibility_strings(page, pack):
    """The accessibility policy and its 試験結果 page (by slug): the title and, for the policy,
    each paragraph and heading of its body, paired with the Japanese it translates."""
    data = pack.accessibility.get(page.slug, {})
    body = {entry.get("source"): entry.get("text") for entry in data.get("body", [])}
    return _keep({"title": data.get("title"), "body": body})


def glossary_strings(term, pack):
    data = pack.glossary.get(term.term, {})
    return _keep({"term": data.get("term"), "definition": data.get("definition")})


def department_strings(department, pack):
    return _keep({"name": pack.departments.get(department.name)})


def dx_priority_strings(priority, pack):
    """DxPriority: group and title; each measure link's note, matched by its position."""
    data = pack.dx_priority(priority)
    strings = {"group": data.get("group"), "title": data.get("title")}
    translated_links = data.get("measures", [])
    for link, translated in zip(priority.measure_links.all(), translated_links, strict=False):
        if translated.get("measure_number") == link.measure_number:
            strings[f"measure_links.{link.translation_key}.note"] = translated.get("note")
    return _keep(strings)


def dx_points(priority, pack):
    """{link translation key: translated points} for the points lists (a JSON field that
    wagtail-localize copies instead of translating); only fully translated lists count."""
    points = {}
    translated_links = pack.dx_priority(priority).get("measures", [])
    for link, translated in zip(priority.measure_links.all(), translated_links, strict=False):
        wanted = translated.get("points", [])
        if (
            translated.get("measure_number") == link.measure_number
            and len(wanted) == len(link.points)
            and all(p.get("text", "").strip() for p in wanted)
        ):
            points[link.translation_key] = [
                {"level": source["level"], "text": p["text"].strip()}
                for source, p in zip(link.points, wanted, strict=True)
            ]
    return points
