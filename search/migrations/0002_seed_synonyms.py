from django.db import migrations


def seed(apps, schema_editor):
    from search.seed import SEED_SYNONYMS

    SynonymGroup = apps.get_model("search", "SynonymGroup")
    if SynonymGroup.objects.exists():
        return
    SynonymGroup.objects.bulk_create(
        SynonymGroup(terms=terms, one_way=one_way) for terms, one_way in SEED_SYNONYMS
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
