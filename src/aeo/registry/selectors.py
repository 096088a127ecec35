import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import Collate
from django.db.models.lookups import In
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from aeo.accounts.constants import REGISTRY_READERS, Role
from aeo.registry.models import (
    AEOType,
    Economy,
    Operator,
    OperatorQuerySet,
    OperatorRoleAssignment,
)
from aeo.registry.tin import normalize as normalize_tin


def operators_visible_to(user) -> OperatorQuerySet:
    """Officials see the whole registry; a trader sees only its own operator."""
    # The economy is prefetched, not joined: joined, SQLite reads the few economies first and
    # then sorts all their operators to give one page by name.
    qs = Operator.objects.select_related("region__office").prefetch_related("economy", "roles")
    if not user.is_authenticated:
        return qs.none()
    if user.role in REGISTRY_READERS or user.is_superuser:
        return qs
    if user.role == Role.TRADER and user.operator_id:
        return qs.filter(pk=user.operator_id)
    return qs.none()


# Names are searched by any part of at least this many characters through an index (trigrams);
# a shorter part reads every name.
INDEXED_NAME_PART = 3


def name_contains(q: str, path: str = "") -> Q:
    """Operators (through the relation `path`, e.g. "operator__") whose legal name contains
    `q`, ignoring case: an FTS5 trigram table on SQLite, a trigram index on PostgreSQL."""
    q = q.strip()
    if connection.vendor == "sqlite" and len(q) >= INDEXED_NAME_PART:
        phrase = '"' + q.replace('"', '""') + '"'
        ids = RawSQL(
            "SELECT rowid FROM registry_operator_name WHERE registry_operator_name MATCH %s",
            [phrase],
        )
        return Q(**{f"{path}pk__in": ids})
    return Q(**{f"{path}legal_name__icontains": q})


def tin_starts_with(q: str, path: str = "") -> Q:
    """Operators whose TIN is `q` or begins with it (spaces, hyphens and dots ignored), through
    a prefix index on both databases."""
    tin = normalize_tin(q)
    return Q(**{f"{path}tin__startswith": tin}) if tin else Q(pk__in=[])


def tin_in(tins: list[str]) -> Q | In:
    """Operators whose TIN is one of `tins` (normalized: upper case), through the TIN index on
    both databases. On SQLite that index compares without case, for `tin_starts_with`'s LIKE,
    and serves only a comparison that does too; stored TINs are upper case, so the answer is
    the same."""
    if connection.vendor == "sqlite":
        return In(Collate(F("tin"), "NOCASE"), tins)
    return Q(tin__in=tins)


# A query of at least this many digits and nothing else (separators aside) is a TIN or its
# beginning, not a part of a name: it reads the TIN index alone (the status lookup's case).
TIN_DIGITS = 8


def tin_query(q: str) -> str:
    """The TIN (normalized) that `q` is, or begins, when it is one (`TIN_DIGITS`); else ""."""
    tin = normalize_tin(q)
    return tin if tin.isdigit() and len(tin) >= TIN_DIGITS else ""


def operator_search(q: str, path: str = "") -> Q:
    """The one search of operators: by TIN (exact or prefix) or by a part of the legal name,
    through indexes on both databases and with the same results on both."""
    q = q.strip()
    if not q:
        return Q()
    if tin_query(q):
        return tin_starts_with(q, path)
    return tin_starts_with(q, path) | name_contains(q, path)


def search_operators(
    qs: OperatorQuerySet, *, q: str = "", role: str = "", sme: str = "", economy: str = ""
) -> OperatorQuerySet:
    if q.strip():
        qs = qs.filter(operator_search(q))
    if role:  # a subquery, not a join: no DISTINCT over the whole registry
        qs = qs.filter(
            pk__in=OperatorRoleAssignment.objects.filter(role=role).values("operator_id")
        )
    if sme == "yes":
        qs = qs.smes()
    elif sme == "no":
        qs = qs.non_smes()
    if economy:
        qs = qs.filter(economy_id=economy.upper())
    return qs


def economies() -> list[Economy]:
    return list(Economy.objects.all())


# --- AEO types (reference data per economy) ---------------------------------------------------

# Every economy's types, read at most once a minute per process: a few rows that change only by
# a data migration or an admin edit (which forgets them at once here), and every list of
# authorizations names them. The default cache holds only a token for them; the types themselves
# stay in this process's memory while the token is there (unpickling them on every call cost
# more than the status lookup's query).
TYPES_KEY = "registry:aeo_types"
TYPES_TTL_SECONDS = 60
_types_memo: dict[str, dict[str, list[AEOType]]] = {}


@receiver([post_save, post_delete], sender=AEOType)
def _forget_types(sender: Any, **kwargs: Any) -> None:
    cache.delete(TYPES_KEY)


def _all_types() -> dict[str, list[AEOType]]:
    token = cache.get(TYPES_KEY)
    found = _types_memo.get(token) if token else None
    if found is None:
        found = {}
        for aeo_type in AEOType.objects.order_by("economy_id", "position", "code"):
            found.setdefault(aeo_type.economy_id, []).append(aeo_type)
        token = uuid.uuid4().hex
        _types_memo.clear()
        _types_memo[token] = found
        cache.set(TYPES_KEY, token, TYPES_TTL_SECONDS)
    return found


def aeo_types(economy: str = "") -> list[AEOType]:
    """The AEO types of `economy` (default: the administering economy), in the programme's
    order; empty for an economy whose types are not loaded."""
    return list(_all_types().get((economy or settings.AEO_ECONOMY).upper(), []))


def aeo_type(economy: str, code: str) -> AEOType | None:
    return next((t for t in aeo_types(economy) if t.code == code), None)


def aeo_type_name(economy: str, code: str) -> str:
    """The type's name in the active language; the code itself for a type not (yet) known."""
    found = aeo_type(economy, code)
    return found.name if found else code


def aeo_type_choices(economy: str = "") -> list[tuple[str, str]]:
    return [(t.code, t.name) for t in aeo_types(economy)]


def type_for_role(economy: str, role: str) -> str | None:
    """The code of the first type of `economy` that admits `role`; None: no type does."""
    return next((t.code for t in aeo_types(economy) if role in t.roles), None)


def admitted_roles(operator: Operator) -> list[str]:
    """The operator's roles that a type of its economy admits (the ones it may be authorized
    for), in the order of `role_codes`."""
    return [r for r in operator.role_codes if type_for_role(operator.economy_id, r)]
