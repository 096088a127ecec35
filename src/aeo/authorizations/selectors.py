"""Reads on authorizations, scoped to who asks."""

from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

from django.db.models import Q, QuerySet

from aeo.accounts.constants import REGISTRY_READERS, Role
from aeo.authorizations.constants import (
    REAPPLICATION_BAR_YEARS,
    AuthorizationEventType,
    AuthorizationStatus,
)
from aeo.authorizations.models import Authorization, AuthorizationEvent, RegisterChange
from aeo.authorizations.numbering import could_begin_aeo_number
from aeo.authorizations.validity import add_years
from aeo.core.now import today
from aeo.core.pagination import KnownRows, searched
from aeo.core.prepared import PreparedQuery
from aeo.registry import selectors as registry_selectors
from aeo.registry.models import Operator


def _authorizations() -> QuerySet[Authorization]:
    return Authorization.objects.select_related("operator__economy", "operator__region")


def authorizations_visible_to(user) -> QuerySet[Authorization]:
    """Officials who read the registry (customs and OGA) see every authorization; a trader only
    its own operator's."""
    qs = _authorizations()
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser or user.role in REGISTRY_READERS:
        return qs
    if user.role == Role.TRADER and user.operator_id:
        return qs.filter(operator_id=user.operator_id)
    return qs.none()


def active_for_operator(operator: Operator) -> QuerySet[Authorization]:
    return _authorizations().filter(operator=operator, status=AuthorizationStatus.ACTIVE)


def holds_authorization(user) -> bool:
    """Whether the user's operator has ever been authorized (an AEO page even when suspended)."""
    operator_id = getattr(user, "operator_id", None)
    if operator_id is None:
        return False
    return Authorization.objects.filter(operator_id=operator_id).exists()


# What a register entry publishes (`RegisterEntryOut`).
REGISTER_FIELDS = (
    "aeo_number",
    "aeo_type",
    "valid_from",
    "valid_to",
    "status",
    "operator__legal_name",
    "operator__tin",
    "operator__economy_id",
)


def public_register() -> QuerySet[Authorization]:
    """The public AEO register: active authorizations only."""
    return _authorizations().filter(status=AuthorizationStatus.ACTIVE)


def register_entries() -> QuerySet[Authorization]:
    """The public register as the API publishes it: active authorizations with their operator
    and nothing the register does not publish (the fewer joins, the cheaper the status
    lookup's queries)."""
    return (
        Authorization.objects.select_related("operator")
        .only(*REGISTER_FIELDS)
        .filter(status=AuthorizationStatus.ACTIVE)
    )


_ENTRY = PreparedQuery(
    lambda number: (
        register_entries().filter(aeo_number=number).order_by().values_list(*REGISTER_FIELDS)[:1]
    )
)


class Party(NamedTuple):
    legal_name: str
    tin: str
    economy_id: str


class RegisterEntry(NamedTuple):
    """A register entry read by a compiled query, shaped as an authorization is where
    `RegisterEntryOut` reads it (`entry.operator.legal_name`), without the cost of building
    model instances."""

    aeo_number: str
    aeo_type: str
    valid_from: date
    valid_to: date | None
    status: str
    operator: Party


def _entry(row: tuple[Any, ...]) -> RegisterEntry:
    number, aeo_type, valid_from, valid_to, status, legal_name, tin, economy_id = row
    return RegisterEntry(
        number, aeo_type, valid_from, valid_to, status, Party(legal_name, tin, economy_id)
    )


def register_entry(aeo_number: str) -> RegisterEntry | None:
    """The active register entry with this AEO number, or None: one row by its unique index,
    by a query compiled once (`PreparedQuery`)."""
    found = _ENTRY.rows(aeo_number.strip().upper())
    return _entry(found[0]) if found else None


# The status lookup by TIN: the entries of the operators whose TIN it is or begins, in the
# register's order, up to TIN_ENTRIES (one more tells that there are more). The operators by the
# TIN index first (a subquery: joined, SQLite reads every active authorization instead).
TIN_ENTRIES = 20
_BY_TIN = PreparedQuery(
    lambda tin: (
        register_entries()
        .filter(operator_id__in=Operator.objects.filter(tin__startswith=tin).values("pk"))
        .order_by("operator__legal_name", "aeo_number", "pk")
        .values_list(*REGISTER_FIELDS)[: TIN_ENTRIES + 1]
    )
)


def search_register(q: str, aeo_type: str = "") -> Any:
    """The public register's search (`search_authorizations` on `register_entries`). A TIN
    (`registry.selectors.tin_query`) asked without a type is answered by a query compiled once
    (the status lookup by TIN), as `KnownRows` when it finds TIN_ENTRIES entries or fewer: a
    list pages them as it would page the queryset, built only for a cursor. Another search is
    paged by its matches first (`Search`)."""

    def queryset() -> QuerySet[Authorization]:
        return search_authorizations(register_entries(), q=q, aeo_type=aeo_type)

    tin = registry_selectors.tin_query(q)
    if tin and not aeo_type:
        found = _BY_TIN.rows(tin)
        if len(found) <= TIN_ENTRIES:
            return KnownRows([_entry(row) for row in found], queryset)
    return searched(queryset(), q, register_entries())


def search_authorizations(
    qs: QuerySet[Authorization], *, q: str = "", aeo_type: str = "", status: str = ""
) -> QuerySet[Authorization]:
    """Filter by AEO number or TIN (exact or prefix), or a part of the legal name (`q`, see
    `registry.selectors.operator_search`), AEO type and status."""
    q = q.strip()
    if q:
        parties = Q(operator_id__in=Operator.objects.filter(registry_selectors.operator_search(q)))
        # Only what could begin an AEO number is looked for among them: with the alternative,
        # SQLite reads every active authorization for a word of a name.
        if could_begin_aeo_number(q.upper()):
            parties |= Q(aeo_number__startswith=q.upper())
        qs = qs.filter(parties)
    if aeo_type:
        qs = qs.filter(aeo_type=aeo_type)
    if status:
        qs = qs.filter(status=status)
    return qs


def reapplication_barred_until(operator: Operator, on: date | None = None) -> date | None:
    """The day a new application is possible again after a revocation, while it is barred."""
    last = (
        AuthorizationEvent.objects.filter(
            authorization__operator=operator, event=AuthorizationEventType.REVOKED
        )
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    if last is None:
        return None
    until = add_years(last.date(), REAPPLICATION_BAR_YEARS)
    return until if until > (on or today()) else None


def register_changes(after: int = 0) -> QuerySet[RegisterChange]:
    """The domain events after position `after`, oldest first (the MRA exchange reads these)."""
    return RegisterChange.objects.filter(id__gt=after).order_by("id")


def history(authorization: Authorization) -> QuerySet[AuthorizationEvent]:
    return authorization.events.select_related("actor")


def current_aeo_types(economy_code: str, tins: Iterable[str], on: date) -> dict[str, set[str]]:
    """The AEO types each TIN of the economy holds, active and valid on `on` (one query); a
    suspended, revoked or expired authorization gives none."""
    found: dict[str, set[str]] = {}
    rows = (
        Authorization.objects.filter(
            operator__economy_id=economy_code,
            operator__tin__in=set(tins),
            status=AuthorizationStatus.ACTIVE,
            valid_from__lte=on,
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .values_list("operator__tin", "aeo_type")
    )
    for tin, aeo_type in rows:
        found.setdefault(tin, set()).add(aeo_type)
    return found
