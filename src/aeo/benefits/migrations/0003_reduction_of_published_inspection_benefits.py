"""Publishing a customs benefit of low rate of inspections now needs its reduction (%): the
published ones without it get the 75 % the border's selectivity applied to them until now, so
that no lane changes."""

from decimal import Decimal

from django.db import migrations


def set_reduction(apps, schema_editor):
    Benefit = apps.get_model("benefits", "Benefit")
    Benefit.objects.filter(
        category="low_inspection",
        agency__isnull=True,
        status="published",
        condition_percent__isnull=True,
    ).update(condition_percent=Decimal(75))


class Migration(migrations.Migration):
    dependencies = [("benefits", "0002_proposed_questions")]

    operations = [migrations.RunPython(set_reduction, migrations.RunPython.noop)]
