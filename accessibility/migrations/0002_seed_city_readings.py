from django.db import migrations


def seed(apps, schema_editor):
    from accessibility.models import CITY_READINGS

    ReadingEntry = apps.get_model("accessibility", "ReadingEntry")
    for surface, reading, note in CITY_READINGS:
        ReadingEntry.objects.get_or_create(surface=surface, defaults={"reading": reading, "note": note})


class Migration(migrations.Migration):
    dependencies = [("accessibility", "0001_reading_dictionary")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
