"""python manage.py import_content_translations [--locale xx] [--content-dir DIR] [--update]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from measures.importer.proposals import system_user
from search.index import updates_deferred
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
        "Seed the translations from the content files (content/<lang>/): missing "
        "wagtail-localize translations of pages and snippets are created, and the Japanese "
        "plain summaries set on measures nobody has edited; existing content is never changed. "
        "Untranslated parts fall back to Japanese. With --update, each difference becomes a "
        "draft revision submitted for review."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", help="one language code (default: every language)")
        parser.add_argument("--content-dir", default=str(CONTENT_DIR), type=Path)
        parser.add_argument(
            "--update",
            action="store_true",
            help="propose the files' differences from the site for review instead of seeding",
        )

    def handle(self, *args, locale, content_dir, update, **options):
        languages = target_languages()
        if locale and locale not in languages:
            raise CommandError(f"unknown locale {locale!r}; choose one of {', '.join(languages)}")
        missing = {code for code in languages if not Locale.objects.filter(language_code=code)}
        if missing:
            raise CommandError(f"locales {sorted(missing)} do not exist: run bootstrap_site")
        report = SyncReport()
        try:
            # Each object is indexed once, after its last save, not at each of them.
            with updates_deferred(), transaction.atomic():
                reviser = system_user() if update else None
                load_plain_summaries(read_pack(content_dir, "ja"), report, reviser)
                codes = [locale] if locale else languages
                packs = [read_pack(content_dir, code) for code in codes]
                import_languages(packs, report, reviser)
        except ContentError as error:
            raise CommandError(f"{error}. Nothing was imported.") from error
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        self._summary(report, reviser)
        for label in report.proposed:
            self.stdout.write(f"proposed: {label}")
        for label in report.left_alone:
            self.stdout.write(f"left alone: {label}")

    def _summary(self, report, reviser):
        if report.proposed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Proposed {len(report.proposed)} changes for review, as the system user "
                    f"{reviser.username!r}; nothing was published."
                )
            )
        elif report.saved:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Saved {len(report.saved)} new translations; {report.unchanged} already "
                    "existed and were left alone."
                )
            )
        else:
            self.stdout.write(
                f"Nothing changed: {report.unchanged} translations already exist and were left "
                "alone."
            )
