from django.core.management.base import BaseCommand, CommandError

from operations.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a folder written by backup_site into the site's database, which must be new and "
        "empty, and its media folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder written by backup_site")

    def handle(self, folder, **options):
        try:
            restore(folder)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored from {folder}")
