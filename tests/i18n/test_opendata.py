"""Open data per language: /{lang}/open-data/plan.json and export_plan --locale."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from tests.i18n.test_english_content import english_measure


def test_english_plan_json_has_the_english_fields(client, db):
    data = client.get("/en/open-data/plan.json").json()
    assert data["plan"]["locale"] == "en"
    assert data["plan"]["title"] == "The 3rd Oyama City Basic Plan for Informatisation"
    measure = next(m for m in data["measures"] if m["number"] == 8)
    english = english_measure(8)
    for name in ("title", "situation", "content", "expected_effects"):
        assert measure[name] == english[name]
    assert [i["text"] for i in measure["initiatives"]] == [
        i["text"] for i in english["initiatives"]
    ]
    assert measure["plan"] == english["plan"]
    assert measure["actual"] == english["actual"]
    assert measure["reports"][0]["evaluation_label"] == "Slightly delayed"
    assert measure["departments"][0].startswith("Agricultural Policy Division")
    assert measure["url"].endswith("/en/measures/8/")
    assert all(t["url"].split("#")[0].endswith("/en/glossary/") for t in data["glossary"])
    assert len(data["glossary"]) == 165


def test_export_plan_command_gives_the_same_language(db):
    out = io.StringIO()
    call_command("export_plan", "--format", "json", "--locale", "en", stdout=out)
    data = json.loads(out.getvalue())
    measure = next(m for m in data["measures"] if m["number"] == 1)
    assert measure["title"] == english_measure(1)["title"]
    assert measure["reports"][0]["evaluation_label"] == "On track"


@pytest.mark.parametrize("language", ["pt-br", "es", "zh-hans", "ko", "vi"])
def test_other_languages_export_their_titles(client, db, language):
    ja = client.get("/ja/open-data/plan.json").json()
    data = client.get(f"/{language}/open-data/plan.json").json()
    assert data["plan"]["locale"] == language
    assert len(data["measures"]) == 24
    assert [m["number"] for m in data["measures"]] == [m["number"] for m in ja["measures"]]
    translated = [m["title"] for m in data["measures"]]
    assert translated != [m["title"] for m in ja["measures"]]


def test_csv_follows_the_language(client, db):
    text = client.get("/en/open-data/plan.csv").content.decode("utf-8-sig")
    assert english_measure(8)["title"] in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[7]["evaluation_2022"] == "slightly_delayed"  # codes are the same in every language
    assert rows[7]["evaluation_label_2022"] == "Slightly delayed"
    assert "スマート自治体" not in text and "Smart municipality" in rows[0]["categories"]
