"""The 実施計画調書 as a document: built from the published pages, A4, tagged, bookmarked, with
BIZ UD subsets embedded, and downloadable from the home page."""

import io
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone
from pypdf import PdfReader

from measures.models import MeasurePage
from plan_report import document

pytestmark = pytest.mark.long_running(seconds=63)

A4_POINTS = (595, 842)


def measure_titles():
    return [
        f"{m.number}. {m.title}"
        for m in MeasurePage.objects.live().filter(locale__language_code="ja").order_by("number")
    ]


@pytest.fixture(scope="module")
def download(django_db_setup, django_db_blocker, tmp_path_factory):
    """The PDF as the home page's download gives it (built once, as the first visitor's request
    builds it), with the media folder it was stored in kept for the module's tests."""
    if not shutil.which("fc-list"):
        pytest.skip("fontconfig is needed to make the PDF")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
    ):
        response = Client().get("/ja/report.pdf")
        content = b"".join(response.streaming_content) if response.status_code == 200 else b""
        yield response, content


@pytest.fixture(scope="module")
def pdf(download, django_db_blocker):
    with django_db_blocker.unblock():
        titles = measure_titles()
    return PdfReader(io.BytesIO(download[1])), titles


def outline(reader, items=None):
    """(title, page index) of every bookmark, depth first."""
    found = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            found.extend(outline(reader, item))
        else:
            found.append((item.title, reader.get_destination_page_number(item)))
    return found


def test_pdf_is_a4_tagged_and_titled_in_japanese(pdf):
    reader, _titles = pdf
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "ja"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert reader.metadata.title == "第3次小山市情報化基本計画 実施計画調書（令和4年度実績）"
    for page in reader.pages:
        assert tuple(round(float(v)) for v in page.mediabox[2:]) == A4_POINTS


def test_every_measure_has_a_bookmark_and_its_own_pages(pdf):
    reader, titles = pdf
    bookmarks = dict(outline(reader))
    for chapter in ("目次", "情報化の基本方針", "情報化の基本目標", "用語集"):
        assert chapter in bookmarks
    assert [title for title in bookmarks if title in titles] == titles
    first_pages = [bookmarks[title] for title in titles]
    assert all(a < b for a, b in zip(first_pages, first_pages[1:], strict=False))
    assert bookmarks["用語集"] > first_pages[-1]


def test_every_measure_title_is_in_the_text(pdf):
    reader, titles = pdf
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    for title in titles:
        assert "".join(title.split()) in text, title


def test_fonts_are_embedded_biz_ud_subsets(pdf):
    reader, _titles = pdf
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"]).lstrip("/")] = "/FontFile2" in descriptor
    assert fonts
    assert all(name.split("+")[1].startswith("BIZ-UDPGothic") for name in fonts)
    assert all(len(name.split("+")[0]) == 6 for name in fonts)  # a subset's tag
    assert all(fonts.values())


def test_html_export_has_the_toc_and_every_sheet(db):
    output = io.BytesIO()
    stdout = io.TextIOWrapper(output, encoding="utf-8")
    call_command("export_report", "--fiscal-year", "2022", "--format", "html", stdout=stdout)
    stdout.flush()
    html = output.getvalue().decode()
    assert '<html lang="ja">' in html
    for title in measure_titles():
        assert f'id="measure-{title.split(".")[0]}"' in html
    assert html.count('class="sheet"') == 24


def test_bad_year_or_locale_is_a_clear_error(db):
    with pytest.raises(CommandError, match="no fiscal year 2040"):
        call_command("export_report", "--fiscal-year", "2040", "--format", "html")
    with pytest.raises(CommandError, match="unknown locale"):
        call_command("export_report", "--fiscal-year", "2022", "--format", "html", "--locale", "xx")


def test_home_page_offers_the_download_with_the_content_date(client, db, download):
    home = client.get("/ja/").content.decode()
    assert 'href="/ja/report.pdf"' in home
    latest = document.current_content_date("ja")
    # The page shows the site's local date (Asia/Tokyo), not the stored UTC one.
    assert f"（{timezone.localtime(latest):%Y-%m-%d} 時点の公開内容）" in home
    response, content = download
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert content.startswith(b"%PDF")
    stored = document.stored_report(2022, "ja")
    assert stored.content_date == latest
    assert document.up_to_date_report(2022, "ja") == stored  # not rebuilt


@pytest.mark.parametrize(
    ("language", "source"), [("ko", "NotoSansKR"), ("zh-hans", "NotoSansSC"), ("vi", "NotoSans")]
)
def test_a_translated_report_draws_its_language_in_a_shipped_font(db, language, source):
    html, _date = document.render_html(2022, language)

    assert f"fonts/sources/{source}-Regular.woff2" in html
    assert f"fonts/sources/{source}-Bold.woff2" in html
    assert "BIZUDPGothic-Regular.woff2" in html  # for the passages still in Japanese
    assert f'html:lang({language}) {{ font-family: "Noto Sans' in html
