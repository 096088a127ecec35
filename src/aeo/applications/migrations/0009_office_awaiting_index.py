"""A unit's queue awaiting acceptance and its count: a partial index by unit."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0008_awaiting_index'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='application',
            index=models.Index(condition=models.Q(('state__in', ['submitted'])), fields=['office', 'updated_at'], name='application_office_awaiting'),
        ),
    ]
