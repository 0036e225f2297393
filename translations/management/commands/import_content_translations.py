"""python manage.py import_content_translations [--locale xx] [--content-dir DIR]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from translations.content import ContentError, read_pack
from translations.importer import (
    CONTENT_DIR,
    import_languages,
    load_plain_summaries,
    target_languages,
)
from translations.sync import SyncReport


class Command(BaseCommand):
    help = (
        "Apply the translated content files (locale/content/<lang>/) as wagtail-localize "
        "translations of every page and snippet, and the Japanese plain summaries to the "
        "Japanese measures. Untranslated parts fall back to Japanese. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", help="one language code (default: every language)")
        parser.add_argument("--content-dir", default=str(CONTENT_DIR), type=Path)

    def handle(self, *args, locale, content_dir, **options):
        languages = target_languages()
        if locale and locale not in languages:
            raise CommandError(f"unknown locale {locale!r}; choose one of {', '.join(languages)}")
        missing = {code for code in languages if not Locale.objects.filter(language_code=code)}
        if missing:
            raise CommandError(f"locales {sorted(missing)} do not exist: run bootstrap_site")
        report = SyncReport()
        try:
            with transaction.atomic():
                load_plain_summaries(read_pack(content_dir, "ja"), report)
                codes = [locale] if locale else languages
                import_languages([read_pack(content_dir, code) for code in codes], report)
        except ContentError as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        if not report.saved:
            self.stdout.write(f"Nothing changed: {report.unchanged} translations are up to date.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Saved {len(report.saved)} translations; {report.unchanged} were up to date."
            )
        )
