"""The editor checks as staff meet them: one-click fixes, link text, and the findings panel."""

import pytest
from django.urls import reverse

from accessibility.checks import ERROR, check_text
from tests.measures.browser_posts import browser_edit_data, post_browser_edit
from tests.measures.workflow_steps import login

pytestmark = pytest.mark.django_db

BLOCKING_HEADING = "審査に送る前に直すエラー"
INHERITED_HEADING = "公開中の版から引き継いだエラー"


def vague_links(findings):
    return [f.excerpt for f in findings if f.code == "vague_link" and f.severity == ERROR]


def test_one_click_fixes_apply_every_mechanical_fix_at_once(client, measure):
    page = measure(6)
    login(client, "editor-joho")
    data = browser_edit_data(
        client,
        page,
        situation="㈱オープンデータ社とｵﾝﾗｲﾝ申請のＤＸを小　山市で進める。",
        apply_accessibility_fixes="on",
    )
    data["action-submit"] = "1"

    response = post_browser_edit(client, page, data)

    assert response.status_code == 302
    page.refresh_from_db()
    assert (
        page.get_latest_revision_as_object().situation
        == "(株)オープンデータ社とオンライン申請のDXを小山市で進める。"
    )


@pytest.mark.parametrize(
    "text",
    [
        "申請の方法は[こちら](https://www.city.oyama.tochigi.jp/)をご覧ください。",
        "詳しくは[詳しくはこちら](https://www.city.oyama.tochigi.jp/)。",
    ],
)
def test_vague_link_text_in_markdown_links_is_an_error(text):
    assert vague_links(check_text(text))


def test_vague_link_text_in_rich_text_is_an_error():
    html = '<p>申請の方法は<a href="https://www.city.oyama.tochigi.jp/">詳しくはこちら</a>。</p>'
    assert vague_links(check_text(html, is_html=True)) == ["詳しくはこちら"]


def test_link_text_naming_the_destination_is_fine():
    text = "[小山市電子申請サービス](https://www.city.oyama.tochigi.jp/)で申請できます。"
    assert vague_links(check_text(text)) == []


def test_a_markdown_link_with_vague_text_blocks_submission(client, measure):
    page = measure(6)
    login(client, "editor-joho")
    link = "\n\n申請は[こちら](https://www.city.oyama.tochigi.jp/)から。"
    data = browser_edit_data(client, page, situation=page.situation + link)
    data["action-submit"] = "1"

    response = post_browser_edit(client, page, data)

    assert response.status_code == 200
    assert "リンクの文字「こちら」" in response.content.decode()


def test_findings_panel_separates_blocking_errors_from_inherited_ones(client, measure):
    page = measure(1)  # the city's text uses ① for initiatives: an inherited error
    login(client, "editor-joho")
    data = browser_edit_data(
        client, page, expected_effects=page.expected_effects + "\n\n㈱と書いた"
    )
    assert post_browser_edit(client, page, data).status_code == 302

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    assert BLOCKING_HEADING in html and INHERITED_HEADING in html
    blocking = html[html.index(BLOCKING_HEADING) : html.index(INHERITED_HEADING)]
    inherited = html[html.index(INHERITED_HEADING) :]
    assert "㈱" in blocking
    assert "①" not in blocking
    assert "①" in inherited
