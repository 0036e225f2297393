"""benchmark_scale: the public pages' times and queries on sites of 100, 1,000, 10,000 measures."""

from django.core.management.base import BaseCommand, CommandError

from search.scale import generated_count, measure_round, table


class Command(BaseCommand):
    help = (
        "Grows the site by generated measures (generate_measures) to each size in turn and times "
        "a measure page, the measure list (first page, filtered), the home page and a search, "
        "printing each one's median, its database queries and its growth from the smallest "
        "site to the largest. It adds measures to the database: run it on a copy of the site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes", default="100,1000,10000", help="generated measures per language, growing"
        )
        parser.add_argument(
            "--locales", default="ja", help="languages generated; the first is timed"
        )
        parser.add_argument("--repeat", type=int, default=5, help="fetches of each address")

    def handle(self, *args, sizes, locales, repeat, **options):
        try:
            counts = [int(size) for size in sizes.split(",")]
        except ValueError as error:
            raise CommandError(f"--sizes must be numbers: {error}") from error
        languages = [code.strip() for code in locales.split(",") if code.strip()]
        if not languages or counts != sorted(counts) or counts[0] < 1 or repeat < 1:
            raise CommandError("Give growing sizes, at least one locale and --repeat ≥ 1.")
        if generated_count(languages[0]) > counts[0]:
            raise CommandError(
                f"The site already has more than {counts[0]} generated measures: start from a "
                "copy of the site with fewer."
            )
        rounds = []
        for count in counts:
            rounds.append(measure_round(count, languages, repeat))
            self.stdout.write(f"timed the site with {count:,} generated measures", ending="\n")
        self.stdout.write("\n".join(table(rounds)))
