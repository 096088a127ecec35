from django.db import migrations


def load(apps, schema_editor):
    from aeo.registry.data.aeo_types import JAPAN, add_aeo_types

    add_aeo_types(apps.get_model("registry", "AEOType"), "JP", JAPAN)


class Migration(migrations.Migration):
    dependencies = [("registry", "0008_aeo_types")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
