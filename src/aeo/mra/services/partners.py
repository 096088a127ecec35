"""Partner administrations: registered (or their key rotated) by a policy officer or the CLI."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from aeo.accounts.constants import Role
from aeo.core import audit
from aeo.core.errors import DomainError
from aeo.mra import identifiers, keys
from aeo.mra.models import Partner, PartnerUser
from aeo.mra.services import outbox
from aeo.registry.models import Economy

# A rotated-out key is still accepted for batches signed before the partner switched.
KEPT_KEYS = 2


@transaction.atomic
def add_partner(
    *,
    actor,
    economy: str,
    base_url: str,
    public_key: dict,
    identifier_rule: str = "aeo_number",
    frequency_hours: int = 24,
) -> Partner:
    """Register a partner, or update it (a new key goes first, the previous one is kept).

    A new partner is sent every consented AEO's current authorizations in full."""
    from django.conf import settings

    if actor is not None and not actor.has_perm("mra.manage_partners"):
        raise PermissionDenied(_("You may not register partner administrations."))
    code = economy.strip().upper()
    if code == settings.AEO_ECONOMY:
        raise DomainError(_("That is this administration."), field="economy", code="own_economy")
    target = Economy.objects.filter(code=code).first()
    if target is None:
        raise DomainError(_("Unknown economy."), field="economy", code="unknown_choice")
    if not base_url.startswith(("http://", "https://")):
        raise DomainError(_("Give an http(s) address."), field="base_url", code="invalid")
    try:
        jwk = keys.check_public_jwk(public_key)
    except ValueError as exc:
        raise DomainError(
            _("The key is not an Ed25519 public key (JWK): %s.") % exc,
            field="public_key",
            code="invalid_key",
        ) from exc
    identifiers.check_rule(identifier_rule, settings.AEO_ECONOMY)
    if not 1 <= frequency_hours <= 24 * 7:
        raise DomainError(
            _("Between 1 and 168 hours."), field="frequency_hours", code="out_of_range"
        )
    partner = Partner.objects.select_for_update().filter(economy=target).first()
    created = partner is None
    partner = partner or Partner(economy=target)
    older = [k for k in partner.public_keys if k["kid"] != jwk["kid"]]
    before = {"base_url": partner.base_url, "identifier_rule": partner.identifier_rule}
    partner.base_url = base_url.strip()
    partner.public_keys = [jwk, *older][:KEPT_KEYS]
    partner.identifier_rule = identifier_rule
    partner.frequency_hours = frequency_hours
    partner.save()
    audit.record(
        actor=actor,
        action="mra.partner_added" if created else "mra.partner_changed",
        obj=partner,
        changes=audit.diff(
            before, {"base_url": partner.base_url, "identifier_rule": identifier_rule}
        )
        | {"kid": [None, jwk["kid"]]},
    )
    if created:
        outbox.snapshot_for(Partner.objects.filter(pk=partner.pk))
        partner.refresh_from_db()
    return partner


@transaction.atomic
def link_partner_user(*, actor, partner: Partner, user) -> PartnerUser:
    """A partner customs account acts for `partner` (its verifications are counted as theirs)."""
    if actor is not None and not actor.has_perm("mra.manage_partners"):
        raise PermissionDenied(_("You may not register partner administrations."))
    if user.role != Role.PARTNER_CUSTOMS:
        raise DomainError(_("Only partner customs accounts."), field="user", code="wrong_role")
    link, _created = PartnerUser.objects.update_or_create(user=user, defaults={"partner": partner})
    audit.record(
        actor=actor, action="mra.partner_user", obj=partner, changes={"user": user.username}
    )
    return link
