"""Ordered indexes carry the id that breaks ties in list order (pages read from the index)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0011_office_name_ja'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='operator',
            name='operator_by_name',
        ),
        migrations.AddIndex(
            model_name='operator',
            index=models.Index(fields=['legal_name', 'id'], name='operator_by_name'),
        ),
    ]
