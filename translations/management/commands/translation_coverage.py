"""python manage.py translation_coverage [--show-untranslated]"""

from django.core.management.base import BaseCommand

from translations.coverage import measure_coverage


def coverage_table(results):
    """The share of translated text per language and page type, as lines of a table."""
    kinds = sorted({kind for coverage in results.values() for kind in coverage.characters})
    lines = ["language  all     " + "  ".join(f"{kind:>12}" for kind in kinds)]
    for code, coverage in results.items():
        shares = "  ".join(f"{coverage.share(kind):>12.1%}" for kind in kinds)
        lines.append(f"{code:<8}  {coverage.share():<6.1%}  {shares}")
    return lines


class Command(BaseCommand):
    help = (
        "Print how much of the Japanese plan each content pack translates, per language and "
        "page type (by characters of the Japanese source)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--show-untranslated", action="store_true", help="list every untranslated string"
        )

    def handle(self, *args, show_untranslated, **options):
        results = measure_coverage()
        for line in coverage_table(results):
            self.stdout.write(line)
        for code, coverage in results.items():
            if show_untranslated:
                for entry in coverage.untranslated:
                    self.stdout.write(f"{code}: {entry}")
