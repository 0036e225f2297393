"""The CMS is the source of truth: imports seed what is missing and propose, never overwrite."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from measures.importer.proposals import SYSTEM_USERNAME
from measures.models import MeasurePage
from tests.i18n.conftest import FIXTURE_CONTENT
from tests.i18n.test_import import VI_TITLE
from tests.measures.test_import import SOURCE_LINES, write_lines
from tests.reporting.steps import add_report, approve, department_editor, submit_change

EDITED_SITUATION = "担当課が見直した現状と課題です。\n\n二段落目も書き直しました。"
FY2023_ACHIEVEMENTS = "令和5年度は全庁でオンライン申請を拡大しました。"


def run(command, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def edited_measure(measure):
    """Measure 6 with an editor's approved change and an added FY2023 report, published."""
    page = measure(6)
    editor = department_editor(page)

    def change(draft):
        draft.situation = EDITED_SITUATION
        add_report(
            draft,
            2023,
            achievements=FY2023_ACHIEVEMENTS,
            issues="職員の習熟",
            evaluation="on_track",
            reason="計画通りに進んだため",
        )

    submit_change(page, editor, change)
    return approve(page)


def fy2023(page):
    return [r for r in page.progress_reports.all() if r.fiscal_year == 2023]


def assert_untouched(page, revisions):
    page = MeasurePage.objects.get(pk=page.pk)
    assert page.live
    assert page.situation == EDITED_SITUATION
    assert [r.achievements for r in fy2023(page)] == [FY2023_ACHIEVEMENTS]
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions
    assert not page.has_unpublished_changes


def test_an_approved_edit_and_a_new_report_survive_every_start_command(edited_measure):
    assert edited_measure.situation == EDITED_SITUATION
    revisions = edited_measure.revisions.count()

    seeded = run("import_plan")
    run("import_content_translations")
    run("bootstrap_site", "--demo")

    assert_untouched(edited_measure, revisions)
    assert seeded.startswith("Nothing changed")
    assert "left alone: measure 6 (differs in: situation)" in seeded
    # the report of FY2023 is no difference: the source has no such year
    assert [line for line in seeded.splitlines() if line.startswith("left alone")] == [
        "left alone: measure 6 (differs in: situation)"
    ]


def test_seeding_restores_nothing_an_editor_deleted_from_a_page(edited_measure):
    """A report the editor removed stays removed: existing pages are not compared field by
    field against the source to be refilled."""
    editor = department_editor(edited_measure)
    submit_change(edited_measure, editor, lambda d: setattr(d, "related_plan", ""))
    page = approve(edited_measure)
    run("import_plan")
    assert MeasurePage.objects.get(pk=page.pk).related_plan == ""


def test_an_update_becomes_a_draft_under_review_by_the_system_user(edited_measure, tmp_path):
    content = MeasurePage.objects.get(number=7, locale__language_code="ja").content
    changed = "".join(SOURCE_LINES).replace(content[:15], "【改訂版】" + content[:15], 1)
    live_before = MeasurePage.objects.get(number=7, locale__language_code="ja").content

    out = run("import_plan", "--update", str(write_lines(tmp_path, [changed])))

    assert f"as the system user '{SYSTEM_USERNAME}'; nothing was published" in out
    proposed = [line for line in out.splitlines() if line.startswith("proposed: ")]
    assert proposed == ["proposed: measure 6 (situation)", "proposed: measure 7 (content)"]
    page_7 = MeasurePage.objects.get(number=7, locale__language_code="ja")
    assert page_7.content == live_before  # still the published text
    assert page_7.workflow_in_progress
    draft = page_7.get_latest_revision()
    assert draft.user.username == SYSTEM_USERNAME
    assert draft.as_object().content.startswith("【改訂版】")
    # measure 6: the source's situation is proposed, the FY2023 report stays in the draft
    page_6 = MeasurePage.objects.get(pk=edited_measure.pk)
    assert page_6.situation == EDITED_SITUATION
    proposal = page_6.get_latest_revision_as_object()
    assert proposal.situation != EDITED_SITUATION
    assert [r.achievements for r in fy2023(proposal)] == [FY2023_ACHIEVEMENTS]


def test_a_second_update_leaves_what_is_under_review_alone(edited_measure, tmp_path):
    path = write_lines(tmp_path, SOURCE_LINES)
    run("import_plan", "--update", str(path))
    revisions = Revision.objects.count()

    out = run("import_plan", "--update", str(path))

    assert "left alone: measure 6 (a change is already under review)" in out
    assert Revision.objects.count() == revisions


def test_approving_a_proposal_publishes_it(edited_measure, tmp_path):
    run("import_plan", "--update", str(write_lines(tmp_path, SOURCE_LINES)))
    page = approve(edited_measure)
    assert page.situation != EDITED_SITUATION
    assert [r.achievements for r in fy2023(page)] == [FY2023_ACHIEVEMENTS]


def test_translations_are_not_overwritten_but_proposed(db):
    """The fixture's Vietnamese content differs from the bundled one the site was seeded with."""
    vietnamese = MeasurePage.objects.get(number=1, locale__language_code="vi")
    title = vietnamese.title
    fixture = ("--locale", "vi", "--content-dir", str(FIXTURE_CONTENT))

    seeded = run("import_content_translations", *fixture)
    assert seeded.startswith("Nothing changed")
    assert MeasurePage.objects.get(pk=vietnamese.pk).title == title

    updated = run("import_content_translations", "--update", *fixture)
    assert "proposed: measure 1 (vi)" in updated
    vietnamese = MeasurePage.objects.get(pk=vietnamese.pk)
    assert vietnamese.title == title
    assert vietnamese.workflow_in_progress
    draft = vietnamese.get_latest_revision()
    assert draft.user.username == SYSTEM_USERNAME
    assert draft.as_object().title == VI_TITLE
    assert approve(vietnamese).title == VI_TITLE
