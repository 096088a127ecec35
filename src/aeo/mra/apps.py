from django.apps import AppConfig


class MraConfig(AppConfig):
    name = "aeo.mra"
    label = "mra"
    verbose_name = "MRA"

    def ready(self) -> None:
        """Every register change of a consented AEO becomes an outbox record per partner, in
        the transaction that made the change (`aeo.mra.services.outbox`)."""
        from django.db.models.signals import post_save

        from aeo.authorizations.models import RegisterChange
        from aeo.mra.services.outbox import on_register_change

        post_save.connect(on_register_change, sender=RegisterChange, dispatch_uid="mra_outbox")
