"""The "register" version (`core.kept`): moved by every change to what the public register
publishes (`selectors.REGISTER_FIELDS`, and the types' names that label them), and by nothing
else."""

from django.db import migrations

from aeo.core.db import MovesVersion


class Migration(migrations.Migration):

    dependencies = [
        ("authorizations", "0004_aeo_type_reference_data"),
        ("core", "0004_version"),
        ("registry", "0012_order_with_id"),
    ]

    operations = [
        MovesVersion(
            "register",
            "authorizations.Authorization",
            ["aeo_number", "aeo_type", "valid_from", "valid_to", "status", "operator"],
        ),
        # An operator is in the register through its authorizations, whose triggers see them
        # issued: an operator registered, or removed with none, changes nothing published.
        MovesVersion("register", "registry.Operator", ["legal_name", "tin", "economy"], rows=False),
        MovesVersion("register", "registry.AEOType", ["economy", "code", "name_en", "name_ja"]),
    ]
