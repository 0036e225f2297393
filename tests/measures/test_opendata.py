"""The open-data export: the schema of CONTRACTS.md, published content only, command = download."""

import csv
import io
import json

import jsonschema
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.template.defaultfilters import filesizeformat

from measures.opendata import PLAN_SCHEMA_PATH

SCHEMA = json.loads(PLAN_SCHEMA_PATH.read_text(encoding="utf-8"))


def export_command(*args):
    out = io.StringIO()
    call_command("export_plan", *args, stdout=out)
    return out.getvalue()


def without_urls(export):
    for measure in export["measures"]:
        measure.pop("url")
    for term in export["glossary"]:
        term.pop("url")
    return export


def test_json_download_follows_the_schema(client, db):
    response = client.get("/ja/open-data/plan.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert data["plan"]["locale"] == "ja"
    assert data["plan"]["report_fiscal_year"] == 2022
    assert [m["number"] for m in data["measures"]] == list(range(1, 25))
    assert len(data["goals"]) == 4
    assert data["measures"][7]["reports"][0]["evaluation"] == "slightly_delayed"
    # URLs are the site's canonical ones, whichever host name the request came in on
    base = settings.WAGTAILADMIN_BASE_URL
    assert data["measures"][0]["url"] == f"{base}/ja/measures/1/"
    assert data["glossary"][0]["url"].startswith(f"{base}/ja/glossary/#term-")


def test_the_schema_is_published_beside_the_data(client, db):
    response = client.get("/ja/open-data/plan.schema.json")
    assert response.status_code == 200
    assert json.loads(b"".join(response.streaming_content)) == SCHEMA


def test_command_and_download_give_the_same_data(client, db):
    from_command = json.loads(export_command("--format", "json"))
    jsonschema.validate(from_command, SCHEMA)
    assert without_urls(from_command) == without_urls(client.get("/ja/open-data/plan.json").json())


def test_csv_has_one_row_per_measure(client, db):
    response = client.get("/ja/open-data/plan.csv")
    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 24
    assert list(rows[0]) == [
        "number",
        "title",
        "goal",
        "dx",
        "departments",
        "categories",
        "sdgs",
        "evaluation_2022",
        "url",
        "evaluation_label_2022",
        *[f"plan_{year}" for year in range(2021, 2026)],
        *[f"actual_{year}" for year in range(2021, 2026)],
    ]
    assert rows[0]["departments"].split(";")[0] == "国保年金課"
    assert rows[7]["evaluation_2022"] == "slightly_delayed"
    assert rows[7]["evaluation_label_2022"] == "少し遅延"
    assert rows[20]["evaluation_2022"] == "delayed"
    assert rows[0]["plan_2021"] == "検証・構築" and rows[0]["actual_2021"] == "検証"
    assert rows[0]["actual_2025"] == ""  # a year not reported yet
    assert export_command("--format", "csv") == response.content.decode("utf-8")


def test_the_japanese_csv_is_also_in_shift_jis_with_the_same_text(client, db):
    utf8 = client.get("/ja/open-data/plan.csv").content.decode("utf-8-sig")
    response = client.get("/ja/open-data/plan-sjis.csv")
    assert response["Content-Type"] == "text/csv; charset=Shift_JIS"
    assert response.content.decode("cp932") == utf8
    assert client.get("/vi/open-data/plan-sjis.csv").status_code == 404


def test_the_open_data_page_gives_each_files_size_date_and_first_rows(client, db):
    soup = BeautifulSoup(client.get("/ja/open-data/").content, "html.parser")
    downloads = soup.select_one("ul.downloads").get_text()
    for url in ("plan.json", "plan.csv", "plan-sjis.csv"):
        size = len(client.get(f"/ja/open-data/{url}").content)
        assert filesizeformat(size) in downloads, url
    assert "最終更新" in soup.main.get_text()
    preview = soup.select_one("#csv-preview-caption").find_parent("table")
    assert [th.get_text() for th in preview.thead.select("th")][:2] == ["number", "title"]
    assert len(preview.tbody.select("tr")) == 3
    assert preview.tbody.tr.td.get_text() == "1"


def test_drafts_and_unpublished_measures_stay_out_of_the_export(client, measure):
    draft = measure(6)
    draft.situation = "まだ審査中の下書き"
    draft.save_revision()
    measure(8).unpublish()

    data = client.get("/ja/open-data/plan.json").json()

    numbers = [m["number"] for m in data["measures"]]
    assert 8 not in numbers
    assert len(numbers) == 23
    six = next(m for m in data["measures"] if m["number"] == 6)
    assert six["situation"] != "まだ審査中の下書き"
    assert six["situation"] == measure(6).situation


def test_unknown_locale_is_a_clear_error(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="unknown locale"):
        export_command("--locale", "xx")
