"""`python -m tests.editorial.submission N`: N reviewers hear of one submission (N mails queued),
and each mail's task is queued a second time, as Redis hands out again a task whose worker did
not acknowledge it in time.

Run in a process of its own on a copy of the site: by the crash test (test_outbox.py, on the
worker's database and broker), and by the backup test, whose backup then holds a workflow in
progress.
"""

import sys

import django


def main(reviewers):
    django.setup()
    from django.contrib.auth.models import Group

    from editorial import roles
    from editorial.models import OutgoingMail
    from editorial.tasks import send_outgoing_mail
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
    for mail_id in OutgoingMail.objects.values_list("pk", flat=True):
        send_outgoing_mail.delay(mail_id)


if __name__ == "__main__":
    main(int(sys.argv[1]))
