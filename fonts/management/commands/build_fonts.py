"""build_fonts: cut the self-hosted font files from the published text (a deploy step)."""

from django.core.management.base import BaseCommand, CommandError

from fonts.building import build_fonts
from fonts.cutting import FontSourceMissing


class Command(BaseCommand):
    help = (
        "Cut the font subsets (core, one per page) and the fallback slices from the published text."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--benchmark",
            action="store_true",
            help="Also cut Fontsource's generic slices, to compare font bytes against them.",
        )

    def handle(self, *args, benchmark=False, **options):
        try:
            manifest = build_fonts(benchmark=benchmark)
        except FontSourceMissing as error:
            raise CommandError(str(error)) from error
        cores = ", ".join(f"{len(chars)} at {w}" for w, chars in manifest["core"].items())
        self.stdout.write(
            f"Core subsets of {cores} characters, {len(manifest['pages'])} page subsets; "
            f"stylesheet {manifest['stylesheet']}"
        )
