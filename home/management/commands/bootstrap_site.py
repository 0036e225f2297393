"""python manage.py bootstrap_site [--demo [--open-round]]: what the site needs before content
arrives; with --open-round also a demo reporting round for the year after the current report."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from editorial import roles
from glossary.models import GlossaryTerm
from home.models import HomePage, SiteContact
from measures.importer.parser import parse_plan
from measures.models import Department, DepartmentMembership, DivisionReviewTask, MeasurePage
from reporting import services as reporting

# The demo round is due this long after it opens, so that a new user sees work to do, not yet late.
DEMO_ROUND_DAYS = 30

# The city hall's address and switchboard (代表), where the division is reached.
SITE_CONTACT = {
    "phone": "0285-23-1111",
    "address": "〒323-8686 栃木県小山市中央町1丁目1番1号",
}


class Command(BaseCommand):
    help = (
        "Create the locales, staff groups and their permissions, the report's departments and the "
        "review workflow; with --demo also the demo accounts. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="also create the demo accounts")
        parser.add_argument(
            "--open-round",
            action="store_true",
            help="with --demo: open the reporting round of the year after the current report "
            "(needs the imported plan)",
        )

    @transaction.atomic
    def handle(self, *args, demo, open_round, **options):
        if demo and not settings.DEMO_ACCOUNTS_ALLOWED:
            raise CommandError(
                "--demo is refused under these settings: the demo accounts share a published "
                "password. Create staff accounts with createsuperuser and the admin instead."
            )
        default_locale = self._locales()
        groups = {name: self._group(name) for name in roles.MODEL_PERMISSIONS}
        self._departments(default_locale)
        self._page_permissions(groups)
        self._workflow(groups[roles.REVIEWERS])
        self._site_contact()
        if demo:
            self._demo_accounts(groups, default_locale)
        if demo and open_round:
            self._demo_round()
        self.stdout.write(self.style.SUCCESS("Site bootstrapped."))

    def _locales(self):
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        return Locale.get_default()

    def _group(self, name):
        """The group with exactly the permissions of roles.MODEL_PERMISSIONS: extras are revoked."""
        group, _ = Group.objects.get_or_create(name=name)
        declared = []
        for dotted in roles.MODEL_PERMISSIONS[name]:
            app_label, codename = dotted.split(".")
            declared.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(declared)
        return group

    def _departments(self, locale):
        document = parse_plan(settings.PLAN_SOURCE_PATH.read_text(encoding="utf-8"))
        for name in document.department_names():
            Department.objects.get_or_create(locale=locale, name=name)

    def _page_permissions(self, groups):
        """Exactly the grants of roles.PAGE_PERMISSIONS on the root: older grants are withdrawn."""
        root = Page.get_first_root_node()
        for name, codenames in roles.PAGE_PERMISSIONS.items():
            grants = GroupPagePermission.objects.filter(group=groups[name], page=root)
            grants.exclude(permission__codename__in=codenames).delete()
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name],
                    page=root,
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=codename
                    ),
                )

    def _workflow(self, reviewers):
        """The division review, for every page and for glossary terms."""
        workflow, _ = Workflow.objects.get_or_create(name=roles.WORKFLOW_NAME)
        task = DivisionReviewTask.objects.filter(name=roles.REVIEW_TASK_NAME).first()
        if task is None:
            task = DivisionReviewTask.objects.create(name=roles.REVIEW_TASK_NAME)
        task.groups.set([reviewers])
        WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.update_or_create(
            page=Page.get_first_root_node(), defaults={"workflow": workflow}
        )
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(GlossaryTerm),
            defaults={"workflow": workflow},
        )

    def _site_contact(self):
        """The division's contact as the report gives it, for every site; edits are kept."""
        for site in Site.objects.all():
            SiteContact.objects.get_or_create(site=site, defaults=SITE_CONTACT)

    def _demo_accounts(self, groups, locale):
        User = get_user_model()
        for username, group_name, departments, superuser in roles.DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@example.invalid"}
            )
            user.is_superuser = user.is_staff = superuser
            user.set_password(settings.DEMO_PASSWORD)
            user.save()
            user.groups.add(groups[group_name])
            for name in departments:
                department = Department.objects.get(locale=locale, name=name)
                DepartmentMembership.objects.get_or_create(user=user, department=department)
            self.stdout.write(f"{'created' if created else 'updated'} demo account {username}")

    def _demo_round(self):
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home is None or not MeasurePage.objects.exists():
            self.stderr.write(self.style.WARNING("no measures yet: run import_plan, then again"))
            return
        year = home.report_fiscal_year + 1
        due = datetime.date.today() + datetime.timedelta(days=DEMO_ROUND_DAYS)
        result = reporting.open_round(year, due)
        self.stdout.write(
            f"demo reporting round {year}: {len(result.drafted)} draft reports, due "
            f"{result.round.due_date.isoformat()}"
        )
