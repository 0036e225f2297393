"""Reading the translated content files under content/<lang>/.

Plain Python, no Django models: a ContentPack is what the translators wrote for one language,
keyed the way the Japanese source is keyed (measure numbers, fiscal years, glossary terms).
Empty or missing strings mean "not translated yet".
"""

import json
from dataclasses import dataclass, field
from pathlib import Path


class ContentError(ValueError):
    """A content file that cannot be read as the format describes."""


@dataclass
class ContentPack:
    language_code: str
    measures: dict[int, dict] = field(default_factory=dict)
    summaries: dict[int, dict] = field(default_factory=dict)
    glossary: dict[str, dict] = field(default_factory=dict)
    home: dict = field(default_factory=dict)
    departments: dict[str, str] = field(default_factory=dict)
    dx_priorities: list[dict] = field(default_factory=list)
    sections: dict[str, dict] = field(default_factory=dict)
    accessibility: dict[str, dict] = field(default_factory=dict)  # by slug: policy, results

    def dx_priority(self, priority):
        """The translated row of 表1-3 at the priority's position, if it has the same number."""
        rows = self.dx_priorities
        row = rows[priority.sort_order] if priority.sort_order < len(rows) else {}
        return row if row.get("number") == priority.number else {}

    def measure(self, number):
        """A measure's translated fields, with the title and summary from summaries.json."""
        summary = self.summaries.get(number, {})
        data = dict(self.measures.get(number, {}))
        data["title"] = data.get("title") or summary.get("title", "")
        data["plain_summary"] = summary.get("plain_summary", "")
        return data


def _read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ContentError(f"{path}: {error}") from error


def _optional(path, default):
    return _read_json(path) if path.exists() else default


def _measures(folder):
    measures = {}
    for path in sorted((folder / "measures").glob("*.json")):
        data = _read_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("number"), int):
            raise ContentError(f"{path}: a measure file needs an integer 'number'")
        measures[data["number"]] = data
    return measures


def _glossary(folder):
    entries = {}
    for path in sorted(folder.glob("glossary*.json")):
        for entry in _read_json(path):
            if entry.get("source"):
                entries[entry["source"]] = entry
    return entries


def read_pack(content_dir: Path, language_code: str) -> ContentPack:
    """Everything under content_dir/<language_code>/; absent files give empty parts."""
    folder = Path(content_dir) / language_code
    summaries = _optional(folder / "summaries.json", {})
    return ContentPack(
        language_code=language_code,
        measures=_measures(folder),
        summaries={int(number): value for number, value in summaries.items()},
        glossary=_glossary(folder),
        home=_optional(folder / "home.json", {}),
        departments=_optional(folder / "departments.json", {}),
        dx_priorities=_optional(folder / "dx_priorities.json", []),
        sections=_optional(folder / "sections.json", {}),
        accessibility=_optional(folder / "accessibility.json", {}),
    )
