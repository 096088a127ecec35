"""The self-assessments' list order gets its index (created_at, then id)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('requirements', '0003_workflow_history'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='selfassessment',
            index=models.Index(fields=['created_at', 'id'], name='self_assessment_by_created'),
        ),
    ]
