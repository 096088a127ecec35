"""The queue awaiting acceptance, oldest first, and its count: a partial index."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0007_running_created'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='application',
            index=models.Index(condition=models.Q(('state__in', ['submitted'])), fields=['updated_at'], name='application_awaiting'),
        ),
    ]
