from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, back_up


class Command(BaseCommand):
    help = (
        "Back up the database (PostgreSQL: pg_dump -Fc; SQLite: a copy made with its backup API) "
        "and the media folder (media.tar.gz) into a folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="where the backup is written (created if missing)")

    def handle(self, folder, **options):
        try:
            written = back_up(folder)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        for path in written:
            self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
