"""The admin in Japanese: every string of the Wagtail and wagtail-localize screens staff use.

The project's catalogues (locale/ja/LC_MESSAGES/django.po and djangojs.po) come first through
LOCALE_PATHS; each English msgid of the packages below must resolve, through Django's own
translation machinery, to Japanese in the project's review vocabulary.
"""

import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.contrib.messages.storage import default_storage
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

from tests.conftest import IN_CI
from tests.measures.workflow_steps import login, submit

CATALOGUE_DIR = Path(settings.BASE_DIR) / "locale" / "ja" / "LC_MESSAGES"

# (package, domain) of the screens staff see, in the order the catalogue was written.
SOURCES = [
    ("wagtail.admin", "django"),
    ("wagtail.admin", "djangojs"),
    ("wagtail", "django"),
    ("wagtail_localize", "django"),
    ("wagtail_localize", "djangojs"),
    ("wagtail.snippets", "django"),
    ("wagtail.users", "django"),
    ("wagtail.documents", "django"),
    ("wagtail.images", "django"),
    ("wagtail.locales", "django"),
    ("wagtail_localize.locales", "django"),
]

# Strings that are the same in Japanese UI text.
SAME_IN_JAPANESE = {
    "URL",
    "ID",
    "Wagtail API v2",
    "Wagtail API v3",
    "%(related_model_name)s %(field_label)s",
}

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}|<[^>]+>")

# An English word in a msgid (placeholders and tags left out) and what its Japanese must contain.
VOCABULARY = [
    (r"moderation", "審査"),
    (r"\brevision", "版"),
    (r"\breject", "差し戻"),
    (r"\bdraft", "下書き"),
    (r"\bworkflow", "ワークフロー"),
    (r"\block", "ロック"),
    (r"\bcomment", "コメント"),
    (r"\bsnippet", "スニペット"),
    (r"\bunpublish(?!ed changes)", "非公開"),
    (r"\blocale", "言語"),
    (r"\btranslat", "翻訳"),
    (r"\balias", "エイリアス"),
]

# Wagtail's own wordings for the review that read oddly to the city's staff.
AVOIDED = re.compile(
    r"モデレーション|調整のため|リビジョン|改定|(?<!プ)レビュー"  # review words
    r"|ライブ|ユーザ(?!ー)"  # "live" and the short form of ユーザー
)

# The workflow's words as the city's staff say them.
EXACT = {
    "Request changes": "差し戻す",
    "Changes requested": "差し戻し中",
    "Needs changes": "差し戻し中",
    "Approve": "承認",
    "Approve with comment": "コメントを付けて承認",
    "In Moderation": "審査中",
    "in moderation": "審査中",
    "live + in moderation": "公開中（審査中の変更あり）",
    "Submit for moderation": "審査に提出",
    "Save draft": "下書き保存",
    "Unpublish": "非公開にする",
    "Sync translated pages": "翻訳ページを同期",
    "Convert to alias page": "エイリアスページに変換",
    "Locale": "言語",
    "Lock": "ロック",
    "Page '%(page_title)s' has been submitted for moderation.": (
        "ページ「%(page_title)s」を審査に提出しました。"
    ),
    "%(model_name)s '%(object)s' has been submitted for moderation.": (
        "%(model_name)s「%(object)s」を審査に提出しました。"
    ),
    "%(user_name)s saved a new version": "%(user_name)sさんが新しい版を保存しました",
    "%(user_name)s has unsaved changes": "%(user_name)sさんに保存されていない変更があります",
    "Proceeding will overwrite the changes made by %(user_name)s.": (
        "続けると、%(user_name)sさんの変更は上書きされます。"
    ),
}


def english_entries(package, domain):
    spec = importlib.util.find_spec(package)
    directory = Path(next(iter(spec.submodule_search_locations)))
    po = polib.pofile(str(directory / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"))
    return [entry for entry in po if not entry.obsolete]


def all_english(domain):
    return [
        entry
        for package, package_domain in SOURCES
        if package_domain == domain
        for entry in english_entries(package, domain)
    ]


def resolved(catalogue, entry, count):
    """The Japanese the admin shows for entry, through the catalogue's gettext family."""
    if entry.msgctxt and entry.msgid_plural:
        return catalogue.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, count)
    if entry.msgctxt:
        return catalogue.pgettext(entry.msgctxt, entry.msgid)
    if entry.msgid_plural:
        return catalogue.ngettext(entry.msgid, entry.msgid_plural, count)
    return catalogue.gettext(entry.msgid)


def javascript_catalogue(package):
    """The djangojs catalogue as JavaScriptCatalog builds it for package (ours merged last)."""
    spec = importlib.util.find_spec(package)
    locale_dir = Path(next(iter(spec.submodule_search_locations))) / "locale"
    return DjangoTranslation("ja", domain="djangojs", localedirs=[str(locale_dir)])


def untranslated(entries, catalogue_for):
    missing = []
    for entry in entries:
        catalogue = catalogue_for(entry)
        for count in (1, 2) if entry.msgid_plural else (1,):
            text = resolved(catalogue, entry, count)
            english = entry.msgid_plural if entry.msgid_plural and count > 1 else entry.msgid
            if not text.strip() or (text == english and entry.msgid not in SAME_IN_JAPANESE):
                missing.append((entry.msgctxt, entry.msgid, count))
    return missing


def test_every_admin_string_resolves_to_japanese():
    entries = all_english("django")
    assert len(entries) > 1500
    with translation.override("ja"):
        assert untranslated(entries, lambda entry: translation) == []


def test_every_admin_script_string_resolves_to_japanese():
    catalogues = {package: javascript_catalogue(package) for package, _ in SOURCES}
    missing = []
    for package, domain in SOURCES:
        if domain == "djangojs":
            entries = english_entries(package, domain)
            missing += untranslated(entries, lambda entry, package=package: catalogues[package])
    assert missing == []


@pytest.mark.parametrize(
    ("catalogue_url", "japanese"),
    [
        ("wagtailadmin_javascript_catalog", "自動保存中…"),
        ("wagtail_localize:javascript_catalog", "POファイルをダウンロード"),
        ("wagtail_localize:javascript_catalog", "エイリアスページに変換"),
    ],
)
def test_the_admin_serves_the_script_strings_in_japanese(db, client, catalogue_url, japanese):
    login(client, "reviewer")
    response = client.get(reverse(catalogue_url), HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 200
    assert json.dumps(japanese) in response.content.decode()


def project_entries():
    for domain in ("django", "djangojs"):
        yield from polib.pofile(str(CATALOGUE_DIR / f"{domain}.po"))


def japanese_of(entry):
    return entry.msgstr_plural[0] if entry.msgid_plural else entry.msgstr


def test_the_catalogues_cover_the_packages_exactly_once_in_one_plural_form():
    ours = {(e.msgctxt, e.msgid) for e in project_entries()}
    theirs = {(e.msgctxt, e.msgid) for d in ("django", "djangojs") for e in all_english(d)}
    assert theirs <= ours
    for entry in project_entries():
        assert "fuzzy" not in entry.flags, entry.msgid
        if entry.msgid_plural:
            assert list(entry.msgstr_plural) == [0], entry.msgid


def test_placeholders_and_tags_are_kept():
    for entry in project_entries():
        source = entry.msgid_plural or entry.msgid
        expected = set(PLACEHOLDER.findall(source))
        if entry.msgid_plural:
            expected |= set(PLACEHOLDER.findall(entry.msgid))
            assert set(PLACEHOLDER.findall(japanese_of(entry))) <= expected, entry.msgid
        else:
            assert set(PLACEHOLDER.findall(japanese_of(entry))) == expected, entry.msgid


def test_the_review_vocabulary_is_used_throughout():
    wrong = []
    for entry in project_entries():
        english = PLACEHOLDER.sub("", entry.msgid).lower()
        japanese = japanese_of(entry)
        for word, term in VOCABULARY:
            if re.search(word, english) and term not in japanese:
                wrong.append((entry.msgid, term, japanese))
        if AVOIDED.search(japanese):
            wrong.append((entry.msgid, "avoided wording", japanese))
    assert wrong == []


@pytest.mark.parametrize(("english", "japanese"), EXACT.items())
def test_key_workflow_words(english, japanese):
    with translation.override("ja"):
        assert translation.gettext(english) == japanese


def test_the_catalogues_pass_msgfmt_check():
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if IN_CI:
            pytest.fail("msgfmt (gettext) is needed to check the catalogues")
        pytest.skip("msgfmt (gettext) is not installed")
    for domain in ("django", "djangojs"):
        path = CATALOGUE_DIR / f"{domain}.po"
        command = [msgfmt, "--check", "-o", "/dev/null", str(path)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        assert result.returncode == 0, result.stderr


def admin_page_as(user, path):
    """The admin view at path rendered for user with Japanese active, whatever the browser asks.

    The view runs as the URL resolves it (with Wagtail's own admin decorators); the request
    says it prefers English.
    """
    request = RequestFactory().get(path, HTTP_ACCEPT_LANGUAGE="en-US")
    request.user = user
    request.session = SessionStore()
    request._messages = default_storage(request)
    match = resolve(path)
    with translation.override("ja"):
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.render()
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def test_the_dashboard_is_japanese_for_the_reviewer(db):
    reviewer = get_user_model().objects.get(username="reviewer")
    html = admin_page_as(reviewer, reverse("wagtailadmin_home"))
    assert 'lang="ja"' in html
    assert "ダッシュボード" in html
    assert "Dashboard" not in html


def test_the_reviewers_edit_view_of_a_submitted_measure_is_japanese(client, measure):
    page = measure(8)
    login(client, "editor-nosei")
    response = submit(client, page)
    assert response.status_code == 302
    notices = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(
        notice.startswith(f"ページ「{page.title}」を審査に提出しました。") for notice in notices
    )

    reviewer = get_user_model().objects.get(username="reviewer")
    html = admin_page_as(reviewer, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    for japanese in ("承認して公開", "差し戻す", "コメントを付けて承認", "下書き保存", "審査中"):
        assert japanese in html, japanese
    for english in ("Approve and Publish", "Request changes", "Save draft", "In Moderation"):
        assert english not in html, english
