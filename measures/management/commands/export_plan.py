"""python manage.py export_plan --format json|csv [--locale ja]: the open data, to stdout."""

import json

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from home.models import HomePage
from measures.opendata import build_plan_export, plan_csv_text


class Command(BaseCommand):
    help = "Write the published plan as open data (the schema of CONTRACTS.md) to stdout."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--locale", default=None, help="language code, e.g. ja or en")

    def handle(self, *args, format, locale, **options):
        home = self._home_page(locale)
        export = build_plan_export(home)
        if format == "json":
            self.stdout.write(json.dumps(export, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(plan_csv_text(export), ending="")

    def _home_page(self, language_code):
        try:
            locale = (
                Locale.objects.get(language_code=language_code)
                if language_code
                else Locale.get_default()
            )
        except Locale.DoesNotExist as error:
            raise CommandError(f"unknown locale {language_code!r}") from error
        home = HomePage.objects.live().filter(locale=locale).first()
        if home is None:
            raise CommandError(
                f"no published home page in {locale.language_code!r}; run import_plan first"
            )
        return home
