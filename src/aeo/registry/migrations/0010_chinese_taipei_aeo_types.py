from django.db import migrations


def load(apps, schema_editor):
    from aeo.registry.data.aeo_types import CHINESE_TAIPEI, add_aeo_types

    add_aeo_types(apps.get_model("registry", "AEOType"), "TW", CHINESE_TAIPEI)


class Migration(migrations.Migration):
    dependencies = [("registry", "0009_japan_aeo_types")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
