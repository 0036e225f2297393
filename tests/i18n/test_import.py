"""import_content_translations: content files become wagtail-localize translations; whatever is
not translated stays Japanese, marked lang="ja", and the page says so in the reader's language."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from measures.models import MeasurePage
from tests.i18n.conftest import FIXTURE_CONTENT

VI_TITLE = "Đưa thủ tục hành chính lên mạng (bản thử của bài kiểm tra)"


def run_import(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_content_translations",
        *args,
        "--content-dir",
        str(FIXTURE_CONTENT),
        stdout=out,
        stderr=err,
    )
    return out.getvalue(), err.getvalue()


@pytest.fixture
def vi_fixture(db):
    """Measure 1 seeded in Vietnamese from the fixture's files: the import creates a missing
    translation only, so the one the site was seeded with is removed first."""
    MeasurePage.objects.get(number=1, locale__language_code="vi").delete()
    run_import("--locale", "vi")
    return MeasurePage.objects.get(number=1, locale__language_code="vi")


def test_fixture_content_becomes_the_translation(client, vi_fixture):
    source = vi_fixture.get_translation(Locale.get_default())
    assert vi_fixture.live
    assert vi_fixture.title == VI_TITLE
    assert (
        vi_fixture.situation
        == "Đoạn văn thử nghiệm về hiện trạng.\n\nĐoạn thứ hai của bài kiểm tra."
    )
    assert vi_fixture.plain_summary == "Tóm tắt thử nghiệm của biện pháp 1."
    assert vi_fixture.content == source.content  # not translated: the Japanese stays
    assert vi_fixture.initiatives.first().text == "Hoạt động thử nghiệm thứ nhất"
    # The Vietnamese department existed already: seeding leaves it, and its name, alone.
    assert vi_fixture.lead_department.locale.language_code == "vi"
    assert vi_fixture.lead_department.translation_key == source.lead_department.translation_key


def test_untranslated_parts_are_marked_japanese_and_announced(client, vi_fixture):
    soup = BeautifulSoup(client.get("/vi/measures/1/").content, "html.parser")
    source = vi_fixture.get_translation(Locale.get_default())
    marked = [element.get_text(" ", strip=True) for element in soup.main.select('[lang="ja"]')]
    assert any(source.content.split("\n\n")[0][:20] in text for text in marked)
    assert any(source.expected_effects[:20] in text for text in marked)
    assert not any("Đoạn văn thử nghiệm" in text for text in marked)
    assert soup.find("h1").get("lang") is None
    notice = soup.main.select_one(".translation-notice")
    assert notice.get_text(strip=True) == (
        "Một số phần của trang này chưa được dịch nên được hiển thị bằng tiếng Nhật."
    )


def test_fully_translated_page_has_no_notice(client, db):
    soup = BeautifulSoup(client.get("/en/measures/3/").content, "html.parser")
    assert soup.select(".translation-notice") == []
    assert "translation-notice" not in client.get("/ja/measures/3/").content.decode()


def test_second_run_changes_nothing(vi_fixture):
    revisions = vi_fixture.revisions.count()
    out, _err = run_import("--locale", "vi")
    assert out.startswith("Nothing changed")
    assert vi_fixture.revisions.count() == revisions


def test_strings_an_editor_changed_are_kept(vi_fixture):
    edited = StringTranslation.objects.filter(locale__language_code="vi", data=VI_TITLE).get()
    edited.data = "Tiêu đề do biên tập viên sửa"
    edited.tool_name = ""
    edited.save()
    run_import("--update", "--locale", "vi")
    edited.refresh_from_db()
    assert edited.data == "Tiêu đề do biên tập viên sửa"


def test_unknown_locale_is_refused(db):
    with pytest.raises(CommandError, match="unknown locale"):
        run_import("--locale", "fr")


def test_damaged_file_imports_nothing(tmp_path, db):
    (tmp_path / "en" / "measures").mkdir(parents=True)
    (tmp_path / "en" / "measures" / "01.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "import_content_translations",
            "--locale",
            "en",
            "--content-dir",
            str(tmp_path),
            stdout=io.StringIO(),
        )


def test_japanese_plain_summaries_are_source_content(client, db):
    page = MeasurePage.objects.get(number=5, locale__language_code="ja")
    assert page.plain_summary
    shown = BeautifulSoup(client.get("/ja/measures/5/").content, "html.parser")
    assert (
        shown.select_one(".plain-summary").get_text(strip=True).endswith(page.plain_summary[-20:])
    )
    translated = MeasurePage.objects.get(number=5, locale__language_code="ko")
    assert translated.plain_summary and translated.plain_summary != page.plain_summary


def test_translated_measures_link_glossary_and_departments_in_their_language(db):
    page = MeasurePage.objects.get(number=1, locale__language_code="en")
    assert page.glossary_terms.exists()
    assert {t.locale.language_code for t in page.glossary_terms.all()} == {"en"}
    for initiative in page.initiatives.all():
        assert {d.locale.language_code for d in initiative.departments.all()} <= {"en"}
