"""Ordered indexes carry the id that breaks ties in list order (pages read from the index)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0005_bucket_indexes'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='application',
            name='application_by_created',
        ),
        migrations.RemoveIndex(
            model_name='application',
            name='application_office_created',
        ),
        migrations.AddIndex(
            model_name='application',
            index=models.Index(fields=['created_at', 'id'], name='application_by_created'),
        ),
        migrations.AddIndex(
            model_name='application',
            index=models.Index(fields=['office', 'created_at', 'id'], name='application_office_created'),
        ),
    ]
