"""Reads of the MRA app: arrangements (public), partners, their AEOs and status verification."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet

from aeo.accounts.constants import Role
from aeo.authorizations.models import Authorization
from aeo.authorizations.selectors import current_aeo_types
from aeo.benefits.models import Benefit
from aeo.core.now import now, today
from aeo.mra.constants import ConsentStatus, MRAStatus, Source, VerifiedStatus
from aeo.mra.models import (
    Arrangement,
    BenefitAbroad,
    ExchangeConsent,
    Partner,
    PartnerAEO,
)
from aeo.registry.models import Operator
from aeo.registry.selectors import normalize_tin, tin_in

# Who sees partner administrations, the exchange's state and the partners' AEOs.
EXCHANGE_READERS = frozenset({Role.POLICY_OFFICER, Role.COORDINATOR})
# Who may verify AEO status (one or many parties at once).
VERIFIERS = frozenset(
    {Role.BORDER_OFFICER, Role.OGA_OFFICER, Role.PARTNER_CUSTOMS, Role.POLICY_OFFICER}
)
PARTNER_AEO_READERS = EXCHANGE_READERS | {Role.BORDER_OFFICER, Role.OGA_OFFICER}


def mras_visible_to(user=None) -> QuerySet[Arrangement]:
    """Arrangements are public (customs websites must show them): everyone sees all."""
    return Arrangement.objects.prefetch_related(
        "partners",
        "scope",
        "indicators",
        "documents",
        "benefits_abroad",
        Prefetch("benefits_here", queryset=Benefit.objects.select_related("agency")),
    ).order_by("in_force_from", "signed_on", "title", "pk")


def mra_history(mra: Arrangement):
    return mra.events.select_related("actor")


def _role_in(user, roles) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in roles)


def can_read_exchange(user) -> bool:
    return _role_in(user, EXCHANGE_READERS)


def partners_visible_to(user) -> QuerySet[Partner]:
    qs = Partner.objects.select_related("economy")
    return qs if _role_in(user, EXCHANGE_READERS) else qs.none()


def partner_aeos_visible_to(user) -> QuerySet[PartnerAEO]:
    qs = PartnerAEO.objects.select_related("partner__economy").order_by("partner", "name", "pk")
    return qs if _role_in(user, PARTNER_AEO_READERS) else qs.none()


def can_verify(user) -> bool:
    return _role_in(user, VERIFIERS)


def consent_of(operator_id: int) -> ExchangeConsent | None:
    return (
        ExchangeConsent.objects.filter(operator_id=operator_id)
        .prefetch_related(Prefetch("events"))
        .first()
    )


def consent_given(operator_id: int) -> bool:
    return ExchangeConsent.objects.filter(
        operator_id=operator_id, status=ConsentStatus.GIVEN
    ).exists()


def is_stale(partner: Partner, at: datetime | None = None) -> bool:
    """No batch from the partner within its agreed frequency."""
    if partner.last_received_at is None:
        return True
    return partner.last_received_at < (at or now()) - timedelta(hours=partner.frequency_hours)


@dataclass
class AEOStatus:
    """One identifier's AEO status, as `verify_aeo_status` answers it."""

    id: str
    economy: str | None = None
    status: str = VerifiedStatus.UNKNOWN
    aeo_number: str | None = None
    name: str | None = None
    types: list[str] = field(default_factory=list)
    valid_from: date | None = None
    valid_to: date | None = None
    as_of: datetime | None = None
    source: str | None = None
    stale: bool = False

    @property
    def status_label(self) -> str:
        return str(VerifiedStatus(self.status).label)


# Which status a party with several authorizations shows: the one that lets goods through.
_PRECEDENCE = ["active", "suspended", "revoked", "surrendered", "expired"]


def _best(rows: list, status_of) -> tuple[str, list]:
    status = min((status_of(r) for r in rows), key=_PRECEDENCE.index)
    return status, [r for r in rows if status_of(r) == status]


def _own(key: str, rows: list[Authorization], at: datetime) -> AEOStatus:
    status, chosen = _best(rows, lambda a: a.status)
    first = chosen[0]
    return AEOStatus(
        id=key,
        economy=first.operator.economy_id,
        status=status,
        aeo_number=first.aeo_number,
        name=first.operator.legal_name,
        types=sorted({a.aeo_type for a in chosen}),
        valid_from=min(a.valid_from for a in chosen),
        valid_to=None
        if any(a.valid_to is None for a in chosen)
        else max(a.valid_to for a in chosen),
        as_of=at,
        source=Source.OWN,
    )


def _theirs(key: str, rows: list[PartnerAEO], at: datetime) -> AEOStatus:
    shown = [r for r in rows if not r.consent_withdrawn]
    partner = rows[0].partner
    stale = is_stale(partner, at)
    if not shown:  # withdrawn consent: the partner no longer tells us
        return AEOStatus(
            id=key,
            economy=partner.economy_id,
            as_of=partner.last_received_at,
            source=Source.PARTNER,
            stale=stale,
        )
    status, chosen = _best(shown, lambda a: a.status)
    first = chosen[0]
    return AEOStatus(
        id=key,
        economy=partner.economy_id,
        status=status,
        aeo_number=first.aeo_number,
        name=first.name,
        types=sorted({a.aeo_type for a in chosen}),
        valid_from=min((a.valid_from for a in chosen if a.valid_from), default=None),
        valid_to=max((a.valid_to for a in chosen if a.valid_to), default=None),
        as_of=max(a.received_at for a in chosen),
        source=Source.PARTNER,
        stale=stale,
    )


def _variants(raw: str) -> list[str]:
    """An id as typed (upper case) and without spaces, hyphens and dots (a TIN's form)."""
    typed = raw.strip().upper()
    return [v for v in dict.fromkeys((typed, normalize_tin(raw))) if v]


def _own_authorizations(keys: list[str]) -> list[Authorization]:
    """Our authorizations whose AEO number, or whose holder's TIN, is one of `keys`, by AEO
    number: each read through its own index. (One query with an OR across the join read every
    authorization, and on SQLite checked each against both lists: a second for 1,000 ids at
    100,000 operators.)"""
    holders = Operator.objects.filter(tin_in(keys)).order_by().values_list("pk", flat=True)
    found = Authorization.objects.select_related("operator").order_by()
    rows = {a.pk: a for a in found.filter(aeo_number__in=keys)}
    rows.update((a.pk, a) for a in found.filter(operator_id__in=list(holders)))
    return sorted(rows.values(), key=lambda a: a.aeo_number)


def verify(ids: Iterable[str], *, economy: str | None = None) -> list[AEOStatus]:
    """The status of each identifier (TIN, AEO number or a partner's id), in the order given:
    our register first, then the partners' (optionally one economy's). A few queries for any
    number of ids. A stale partner's answer says so; it never turns an AEO into unknown."""
    ids = list(ids)
    keys = list(dict.fromkeys(v for i in ids for v in _variants(i)))
    at = now()
    own: dict[str, list[Authorization]] = defaultdict(list)
    if economy in (None, settings.AEO_ECONOMY):
        for a in _own_authorizations(keys):
            for key in {a.aeo_number, a.operator.tin} & set(keys):
                own[key].append(a)
    theirs: dict[str, list[PartnerAEO]] = defaultdict(list)
    partner_aeos = PartnerAEO.objects.select_related("partner").filter(
        Q(aeo_number__in=keys) | Q(tin__in=keys) | Q(our_id__in=keys)
    )
    if economy and economy != settings.AEO_ECONOMY:
        partner_aeos = partner_aeos.filter(partner__economy_id=economy)
    for p in partner_aeos.order_by("partner_id", "pk"):
        for key in {p.aeo_number, p.tin, p.our_id} & set(keys):
            if not theirs[key] or theirs[key][0].partner_id == p.partner_id:
                theirs[key].append(p)
    answers = []
    for raw in ids:
        variants = _variants(raw)
        mine = next((own[v] for v in variants if v in own), None)
        found = next((theirs[v] for v in variants if v in theirs), None)
        if mine:
            answers.append(_own(raw, mine, at))
        elif found:
            answers.append(_theirs(raw, found, at))
        else:
            answers.append(AEOStatus(id=raw, as_of=at))
    return answers


def partner_aeo_status(economy_code: str, partner_id: str) -> AEOStatus | None:
    """A partner AEO's status as its administration last sent it, by any id it goes by (their
    AEO number, their TIN, or the id we use for it), or None if that partner never sent it.

    `stale` is true when the partner has sent nothing within its agreed frequency: the status is
    then the last one received (`as_of`), never "unknown" because of an outage."""
    keys = _variants(partner_id)
    rows = list(
        PartnerAEO.objects.select_related("partner")
        .filter(partner__economy_id=economy_code.upper())
        .filter(Q(aeo_number__in=keys) | Q(tin__in=keys) | Q(our_id__in=keys))
        .order_by("pk")
    )
    return _theirs(partner_id, rows, now()) if rows else None


@dataclass
class BenefitsAbroad:
    """What an AEO of ours is granted abroad: per arrangement in force whose scope recognizes
    one of its active types, the partners and those benefits; nothing without its consent
    (the partner cannot know it is an AEO), only that consent is needed."""

    consent_needed: bool = False
    arrangements: list[tuple[Arrangement, list[BenefitAbroad]]] = field(default_factory=list)


def benefits_abroad_for(operator: Operator, on: date | None = None) -> BenefitsAbroad:
    """A few queries, whatever the number of arrangements and benefits."""
    types = current_aeo_types(operator.economy_id, [operator.tin], on or today()).get(
        operator.tin, set()
    )
    if not types:
        return BenefitsAbroad()
    mras = (
        Arrangement.objects.filter(status=MRAStatus.IN_FORCE, scope__our_type__in=types)
        .distinct()
        .prefetch_related("partners", "benefits_abroad")
        .order_by("in_force_from", "title", "pk")
    )
    if not consent_given(operator.pk):
        return BenefitsAbroad(consent_needed=mras.exists())
    return BenefitsAbroad(
        arrangements=[
            (mra, [b for b in mra.benefits_abroad.all() if types & set(b.aeo_types)])
            for mra in mras
        ]
    )


def exchange_status() -> list[Partner]:
    return list(Partner.objects.select_related("economy").order_by("economy__name"))


def arrangements_with_entry_into_force() -> list[Arrangement]:
    """Arrangements that have entered into force (whatever their state now), with their
    partners, monitoring clause and benefits here: what the border applies and measures."""
    return list(
        Arrangement.objects.filter(in_force_from__isnull=False)
        .prefetch_related("partners", "indicators", "benefits_here")
        .order_by("in_force_from", "pk")
    )


def partner_statuses(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], AEOStatus]:
    """The partners' answer for many (economy, partner id) pairs at once: a few queries per
    economy, whatever the number of pairs (as `verify` for each economy)."""
    by_economy: dict[str, list[str]] = defaultdict(list)
    for economy, partner_id in dict.fromkeys(pairs):
        by_economy[economy.upper()].append(partner_id)
    found: dict[tuple[str, str], AEOStatus] = {}
    for economy, ids in by_economy.items():
        for start in range(0, len(ids), 500):  # bounded IN lists on every database
            chunk = ids[start : start + 500]
            for partner_id, status in zip(chunk, verify(chunk, economy=economy), strict=True):
                found[(economy, partner_id)] = status
    return found
