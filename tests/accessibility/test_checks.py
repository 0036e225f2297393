"""The editor checks: each rule on small texts, then submission through the page editor."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from accessibility.checks import ERROR, WARNING, check_html, check_text
from tests.admin_forms import page_edit_data


def codes(findings):
    return {(f.code, f.severity) for f in findings}


@pytest.mark.parametrize(
    ("text", "code", "fixed"),
    [
        ("株式会社は㈱と書かない", "platform_dependent", "株式会社は(株)と書かない"),
        ("第Ⅱ期の計画", "platform_dependent", "第II期の計画"),
        ("ｵﾝﾗｲﾝ申請", "half_width_katakana", "オンライン申請"),
        ("ＤＸの推進とＷｅｂ申請２件", "full_width_alphanumeric", "DXの推進とWeb申請2件"),
        ("小　山市の計画", "spaced_word", "小山市の計画"),
    ],
)
def test_errors_with_a_mechanical_fix(text, code, fixed):
    [finding] = [f for f in check_text(text) if f.code == code]
    assert finding.severity == ERROR
    assert finding.fixed_text == fixed
    assert finding.message


def test_numeric_dates_are_a_warning_without_a_fix():
    [finding] = check_text("令和5年度は2023/4/1から始まる")
    assert (finding.code, finding.severity, finding.fixed_text) == ("numeric_date", WARNING, None)
    assert check_text("2023年4月1日から始まる") == []


def test_markup_rules():
    html = (
        '<h2>概要</h2><h4>詳細</h4><p><a href="/a">こちら</a><a href="/a">申請の手引き</a></p>'
        '<img src="/m/photo.jpg" alt="photo.jpg"><img src="/m/map.png" alt="市役所の地図">'
        "<table><tr><td>1</td></tr></table>"
    )
    assert codes(check_html(html)) == {
        ("heading_skip", ERROR),
        ("vague_link", ERROR),
        ("duplicate_link", WARNING),
        ("image_alt", ERROR),
        ("table_structure", ERROR),
    }
    good = (
        '<h2>概要</h2><h3>詳細</h3><p><a href="/a">申請の手引き</a></p>'
        '<img src="/m/map.png" alt="市役所の地図">'
        "<table><caption>件数</caption><tr><th scope='col'>年度</th></tr></table>"
    )
    assert check_html(good) == []


def test_clean_text_has_no_findings():
    assert check_text("マイナンバーカードの Web 申請を2023年4月1日から始めます。") == []


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def in_review(page):
    return WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress").exists()


def latest_draft(page):
    page.refresh_from_db()
    return page.get_latest_revision_as_object()


def submit(client, page, **changes):
    return client.post(
        f"/admin/pages/{page.pk}/edit/",
        page_edit_data(client, page, **changes, **{"action-submit": "1"}),
    )


def test_an_editor_cannot_submit_a_draft_with_new_errors(client, measure):
    page = measure(6)
    login(client, "editor-joho")

    response = submit(client, page, situation=page.situation + "\n\n詳細は㈱オープンデータ社へ。")

    assert response.status_code == 200
    assert "機種依存文字" in response.content.decode()
    assert not in_review(page)


def test_errors_inherited_from_the_published_version_do_not_block(client, measure):
    page = measure(1)  # its text, as the city wrote it, uses ① for initiatives
    assert "①" in page.content + "".join(r.achievements for r in page.progress_reports.all())
    login(client, "editor-joho")

    response = submit(client, page, expected_effects=page.expected_effects + "\n\n追記しました。")

    assert response.status_code == 302
    assert in_review(page)
    assert latest_draft(page).expected_effects.endswith("追記しました。")


def test_warnings_do_not_block(client, measure):
    page = measure(6)
    login(client, "editor-joho")
    assert not in_review(page)

    response = submit(client, page, situation=page.situation + "\n\n2023/4/1 に更新した。")

    assert response.status_code == 302
    assert in_review(page)
    assert latest_draft(page).situation.endswith("2023/4/1 に更新した。")


def test_one_click_fix_then_submission_goes_through(client, measure):
    page = measure(6)
    login(client, "editor-joho")

    response = submit(client, page, situation="ｵｰﾌﾟﾝﾃﾞｰﾀを公開。", apply_accessibility_fixes="on")

    assert response.status_code == 302
    assert in_review(page)
    assert latest_draft(page).situation == "オープンデータを公開。"


def test_reviewers_may_override(client, measure):
    page = measure(6)
    login(client, "reviewer")
    assert not in_review(page)

    response = submit(client, page, situation=page.situation + "\n\n㈱テスト")

    assert response.status_code == 302
    assert in_review(page)
    assert latest_draft(page).situation.endswith("㈱テスト")


def test_saving_a_draft_with_errors_is_allowed_and_the_panel_lists_them(client, measure):
    page = measure(6)
    login(client, "editor-joho")
    data = page_edit_data(client, page, situation=page.situation + "\n\n小　山")

    assert client.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302

    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "語の途中に全角スペースがあります" in html
