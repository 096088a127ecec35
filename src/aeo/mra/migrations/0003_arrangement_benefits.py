"""Benefits each way as structured entries: our catalogue's benefits granted here, and lines of
the partner's benefits granted abroad. The free texts written before stay, as notes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("benefits", "0001_initial"),
        ("mra", "0002_monitoring_targets"),
    ]

    operations = [
        migrations.RenameField("arrangement", "benefits_ours_abroad", "benefits_abroad_notes"),
        migrations.RenameField("arrangement", "benefits_theirs_here", "benefits_here_notes"),
        migrations.AddField(
            model_name='arrangement',
            name='benefits_here',
            field=models.ManyToManyField(blank=True, related_name='arrangements', to='benefits.benefit', verbose_name="benefits for the partner's AEOs here"),
        ),
        migrations.AlterField(
            model_name='arrangement',
            name='benefits_abroad_notes',
            field=models.TextField(blank=True, verbose_name='notes on the benefits for our AEOs in the partner economy'),
        ),
        migrations.AlterField(
            model_name='arrangement',
            name='benefits_here_notes',
            field=models.TextField(blank=True, verbose_name="notes on the benefits for the partner's AEOs here"),
        ),
        migrations.CreateModel(
            name='BenefitAbroad',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title_en', models.CharField(max_length=200, verbose_name='title (English)')),
                ('title_ja', models.CharField(blank=True, max_length=200, verbose_name='title (Japanese)')),
                ('category', models.CharField(choices=[('low_documentation', 'Low documentary and data requirements'), ('low_inspection', 'Low rate of physical inspections and examinations'), ('rapid_release', 'Rapid release time'), ('deferred_payment', 'Deferred payment of duties, taxes, fees and charges'), ('guarantees', 'Reduced or comprehensive guarantees'), ('periodic_declaration', 'A single customs declaration for all imports or exports in a period'), ('premises_clearance', "Clearance at the operator's premises or another authorized place"), ('market_preference', 'Market preference'), ('crisis_priority', 'Priority in crises'), ('account_manager', 'Account manager'), ('advance_notice', 'Notification of examination in advance')], max_length=24, verbose_name='category')),
                ('aeo_types', models.JSONField(default=list, verbose_name='our AEO types')),
                ('arrangement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='benefits_abroad', to='mra.arrangement')),
            ],
            options={
                'verbose_name': 'benefit granted abroad',
                'verbose_name_plural': 'benefits granted abroad',
                'ordering': ['id'],
            },
        ),
    ]
