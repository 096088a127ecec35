from django.db import migrations
from django.utils import timezone


def load(apps, schema_editor):
    from aeo.requirements.catalogue import load_default

    load_default(
        apps.get_model("requirements", "TemplateVersion"),
        apps.get_model("requirements", "Criterion"),
        apps.get_model("requirements", "Question"),
        now=timezone.now(),
    )


class Migration(migrations.Migration):
    dependencies = [("requirements", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
