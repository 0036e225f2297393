"""python manage.py export_report --fiscal-year YEAR --format pdf|html [--locale ja] [--output F]"""

import sys

from django.core.management.base import BaseCommand, CommandError

from plan_report import document


class Command(BaseCommand):
    help = "The 実施計画調書 of a fiscal year as a PDF or HTML document, from the published pages."

    def add_arguments(self, parser):
        parser.add_argument("--fiscal-year", type=int, required=True)
        parser.add_argument("--format", choices=document.FORMATS, required=True)
        parser.add_argument("--locale", default="ja")
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, fiscal_year, format, locale, output, **options):
        try:
            content, _content_date = document.render(fiscal_year, format, locale)
        except document.ReportUnavailable as error:
            raise CommandError(str(error)) from error
        if output:
            with open(output, "wb") as file:
                file.write(content)
            self.stdout.write(f"Wrote {output} ({len(content)} bytes).")
        else:
            stream = getattr(self.stdout, "buffer", None) or sys.stdout.buffer
            stream.write(content)
