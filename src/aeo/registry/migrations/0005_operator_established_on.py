from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("registry", "0004_created_at_platform_clock")]

    operations = [
        migrations.AddField(
            model_name="operator",
            name="established_on",
            field=models.DateField(
                blank=True,
                help_text="Operators established less than three years ago are closely monitored.",
                null=True,
                verbose_name="established on",
            ),
        ),
    ]
