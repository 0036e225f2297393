"""generate_measures --measures N --locales ja,en: a synthetic site for benchmarks."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from measures.models import MeasureIndexPage
from search.synthetic import FIRST_NUMBER, generate_measures


class Command(BaseCommand):
    help = (
        "Adds N synthetic measure pages per language, written from the imported plan's text "
        f"(numbers from {FIRST_NUMBER}); a second run with the same N adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--measures", type=int, required=True)
        parser.add_argument("--locales", default="ja,en")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, measures, locales, seed, **options):
        if not 0 < measures <= 30_000:
            raise CommandError("--measures must be between 1 and 30000.")
        codes = [code.strip() for code in locales.split(",") if code.strip()]
        known = set(Locale.objects.values_list("language_code", flat=True))
        unknown = [code for code in codes if code not in known]
        if not codes or unknown:
            raise CommandError(f"Unknown locales: {', '.join(unknown) or '(none given)'}")
        try:
            report = generate_measures(measures, codes, seed=seed)
        except (ValueError, MeasureIndexPage.DoesNotExist) as error:
            raise CommandError(str(error)) from error
        for code, created in report.created.items():
            self.stdout.write(f"{code}: {created} measure pages created")
        if report.existing:
            self.stdout.write(f"{report.existing} pages already existed and were left as they are")
