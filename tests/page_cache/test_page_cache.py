"""Django's page cache: anonymous public pages come from it, each change purges what it touches."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from glossary.models import GlossaryTerm
from measures.models import Department, MeasurePage
from page_cache import affected
from page_cache.purge import _generation_key, purge
from reporting.models import ReportingRound
from reporting.services import close_round, open_round
from tests.measures.workflow_steps import login, submit, workflow_action

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("page_cache"),
    pytest.mark.long_running(seconds=56),
]

NEW_TITLE = "地域のデジタル化を見直した施策"


def get(url, **cookies):
    visitor = Client()
    for name, value in cookies.items():
        visitor.cookies[name] = value
    return visitor.get(url)


def fresh(settings, url):
    """The answer rendered now, past the cache."""
    seconds, settings.PAGE_CACHE_SECONDS = settings.PAGE_CACHE_SECONDS, 0
    try:
        return get(url)
    finally:
        settings.PAGE_CACHE_SECONDS = seconds


def warm(urls):
    """Every URL answered once, so that the next anonymous request is a hit."""
    for url in urls:
        get(url)
    cached = [url for url in urls if get(url).get("X-Cache") == "HIT"]
    assert cached, "nothing was cached"
    return cached


def test_an_anonymous_page_is_stored_with_its_headers_and_served_again(measure):
    url = measure(6).url
    first, second = get(url), get(url)

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Type"] == first["Content-Type"]


def test_an_approved_change_shows_at_once_on_every_url_that_shows_the_measure(
    client, measure, settings, django_capture_on_commit_callbacks
):
    page = measure(6)
    english = page.get_translation(page.locale.__class__.objects.get(language_code="en"))
    urls = sorted(affected.of_measures([page]))
    expected = {
        page.url,
        english.url,
        "/ja/",
        "/en/",
        "/ja/measures/",
        "/ja/open-data/",
        "/ja/open-data/plan.json",
        "/ja/open-data/plan.csv",
        "/ja/embed/measures/6/",
        "/ja/embed/progress/",
        "/ja/search/",
    }
    assert expected <= set(urls)
    search = f"/ja/search/?{'q=' + NEW_TITLE[:6]}"
    cached = warm([*urls, search])
    assert NEW_TITLE not in get(page.url).content.decode()

    login(client, "editor-joho")
    submit(client, page, title=NEW_TITLE)
    login(client, "reviewer")
    with django_capture_on_commit_callbacks(execute=True):
        assert workflow_action(client, page, "approve").status_code == 302

    for url in [*cached, search]:
        assert get(url).content == fresh(settings, url).content, url
    for url in (page.url, "/ja/measures/", "/ja/open-data/plan.json", "/ja/embed/measures/6/"):
        assert NEW_TITLE in get(url).content.decode(), url


def test_staff_and_previews_never_get_or_leave_a_cached_page(client, measure):
    page = measure(6)
    anonymous = get(page.url)
    login(client, "editor-joho")

    signed_in = client.get(page.url)
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))

    assert "X-Cache" not in signed_in and "X-Cache" not in preview
    assert get(page.url)["X-Cache"] == "HIT"
    assert get(page.url).content == anonymous.content


def test_a_reading_aid_has_its_own_variant(measure):
    url = measure(6).url
    standard = get(url)

    furigana = get(url, furigana="on")
    furigana_again = get(url, furigana="on")
    unknown_value = get(url, furigana="sideways")  # shown as the default, so cached as it

    assert furigana["X-Cache"] == "MISS" and furigana_again["X-Cache"] == "HIT"
    assert "furigana-on" in furigana.content.decode()
    assert "furigana-on" not in standard.content.decode()
    assert unknown_value["X-Cache"] == "HIT" and unknown_value.content == standard.content


@pytest.mark.parametrize(
    ("url", "cookies"),
    [
        ("/ja/feedback/measures/6/", {}),  # its form carries a CSRF token
        ("/ja/measures/6/", {"sessionid": "x"}),
        ("/ja/measures/6/", {"messages": "x"}),
        ("/admin/login/", {}),
        ("/healthz", {}),
    ],
)
def test_what_is_someones_own_is_never_cached(url, cookies):
    get(url, **cookies)
    assert "X-Cache" not in get(url, **cookies)


def test_a_purge_drops_every_query_variant_of_a_path():
    variants = ["/ja/measures/", "/ja/measures/?goal=1", "/ja/measures/?goal=2"]
    warm(variants)

    purge(["/ja/measures/?goal=3"])

    assert [get(url)["X-Cache"] for url in variants] == ["MISS"] * 3
    assert get("/ja/")["X-Cache"] == "MISS"  # first visit
    assert get("/ja/")["X-Cache"] == "HIT"


def test_a_lost_generation_never_brings_back_an_old_page(measure):
    url = measure(6).url
    get(url)
    cache.delete(_generation_key(url))  # evicted, as a full cache may

    assert get(url)["X-Cache"] == "MISS"


def test_a_glossary_term_change_purges_the_glossary_and_the_pages_linking_it(
    settings, django_capture_on_commit_callbacks
):
    term = GlossaryTerm.objects.filter(locale__language_code="ja", live=True).first()
    linking = MeasurePage.objects.live().filter(glossary_terms=term).first()
    urls = ["/ja/glossary/", "/en/glossary/", linking.url]
    warm(urls)

    with django_capture_on_commit_callbacks(execute=True):
        term.definition = f"{term.definition}（改訂）"
        term.save_revision().publish()

    for url in urls:
        assert get(url)["X-Cache"] == "MISS", url
    assert "（改訂）" in get("/ja/glossary/").content.decode()


def test_a_department_rename_purges_its_measures_and_the_summaries(
    measure, django_capture_on_commit_callbacks
):
    page = measure(6)
    department = page.lead_department
    urls = [page.url, "/ja/measures/", "/ja/"]
    warm(urls)

    with django_capture_on_commit_callbacks(execute=True):
        department.name = f"{department.name}（新）"
        department.save()

    for url in urls:
        assert get(url)["X-Cache"] == "MISS", url
    assert department.name in get(page.url).content.decode()
    assert Department.objects.filter(name=department.name).exists()


def test_closing_a_reporting_round_purges_every_public_page(
    measure, django_capture_on_commit_callbacks
):
    urls = ["/ja/glossary/", measure(12).url, "/en/measures/", "/ja/embed/measures/3/"]
    warm(urls)
    open_round(2023, timezone.localdate())

    with django_capture_on_commit_callbacks(execute=True):
        close_round(ReportingRound.objects.get(fiscal_year=2023))

    for url in urls:
        assert get(url)["X-Cache"] == "MISS", url
