from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    TRADER = "trader", _("Trader")
    EXAMINER = "examiner", _("Examiner")
    ACCOUNT_MANAGER = "account_manager", _("Account manager")
    COORDINATOR = "coordinator", _("AEO centre coordinator")
    POLICY_OFFICER = "policy_officer", _("Policy officer")
    AUDITOR = "auditor", _("Auditor")
    OGA_OFFICER = "oga_officer", _("OGA officer")
    BORDER_OFFICER = "border_officer", _("Border officer")
    PARTNER_CUSTOMS = "partner_customs", _("Partner customs (API)")


CUSTOMS_ROLES = frozenset(
    {
        Role.EXAMINER,
        Role.ACCOUNT_MANAGER,
        Role.COORDINATOR,
        Role.POLICY_OFFICER,
        Role.AUDITOR,
        Role.BORDER_OFFICER,
    }
)
# Officials who may read the whole operator registry.
REGISTRY_READERS = CUSTOMS_ROLES | {Role.OGA_OFFICER}
# Officials who oversee the whole programme: they read every application and check sheet.
PROGRAMME_READERS = frozenset({Role.COORDINATOR, Role.POLICY_OFFICER, Role.AUDITOR})
# Officials who may create operators and edit any of them.
REGISTRY_EDITORS = frozenset(
    {Role.EXAMINER, Role.ACCOUNT_MANAGER, Role.COORDINATOR, Role.POLICY_OFFICER}
)
