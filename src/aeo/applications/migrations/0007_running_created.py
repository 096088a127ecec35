"""Running clocks newest first: the overdue list in its order, from a partial index."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0006_order_with_id'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='application',
            index=models.Index(condition=models.Q(('state__in', ['paused', 'under_examination', 'validated'])), fields=['created_at', 'id'], name='application_running_created'),
        ),
    ]
