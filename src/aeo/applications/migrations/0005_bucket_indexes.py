"""The dashboard's indexes carry what its buckets read (index-only counts and first rows)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0004_list_order_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="application", name="application_overdue"),
        migrations.RemoveIndex(
            model_name="application",
            name="application_due",
        ),
        migrations.RemoveIndex(
            model_name="application",
            name="application_office_due",
        ),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                condition=models.Q(("state__in", ["paused", "under_examination", "validated"])),
                fields=[
                    "clock_due_on",
                    "clock_overdue_from",
                    "clock_due_soon_from",
                    "clock_paused",
                ],
                name="application_due",
            ),
        ),
        migrations.AddIndex(
            model_name="application",
            index=models.Index(
                condition=models.Q(("state__in", ["paused", "under_examination", "validated"])),
                fields=[
                    "office",
                    "clock_due_on",
                    "clock_overdue_from",
                    "clock_due_soon_from",
                    "clock_paused",
                ],
                name="application_office_due",
            ),
        ),
    ]
