from django.db import migrations


def load(apps, schema_editor):
    from aeo.registry.reference import sync_reference_data

    sync_reference_data(
        apps.get_model("registry", "Economy"),
        apps.get_model("registry", "CustomsOffice"),
        apps.get_model("registry", "Region"),
    )


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
