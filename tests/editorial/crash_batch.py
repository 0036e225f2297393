"""`python -m tests.editorial.crash_batch N`: N reviewers hear of one submission (N mails queued).

Run by the crash test in a process of its own, on the worker's database and broker (settings
tests.editorial.worker_settings), as a person submitting in the admin would queue them.
"""

import sys

import django


def main(reviewers):
    django.setup()
    from django.contrib.auth.models import Group

    from editorial import roles
    from measures.models import MeasurePage
    from tests.factories import UserFactory

    group = Group.objects.get(name=roles.REVIEWERS)
    for user in group.user_set.all():
        user.groups.remove(group)
    for number in range(reviewers):
        UserFactory(username=f"crash-reviewer-{number}").groups.add(group)
    editor = UserFactory._meta.model.objects.get(username="editor-nosei")
    page = MeasurePage.objects.get(number=8, locale__language_code="ja")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)


if __name__ == "__main__":
    main(int(sys.argv[1]))
