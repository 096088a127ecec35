from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from aeo.accounts.constants import REGISTRY_READERS, Role
from aeo.registry.models import Economy, Operator, OperatorQuerySet, OperatorRoleAssignment
from aeo.registry.tin import normalize as normalize_tin


def operators_visible_to(user) -> OperatorQuerySet:
    """Officials see the whole registry; a trader sees only its own operator."""
    qs = Operator.objects.select_related("economy", "region__office").prefetch_related("roles")
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


def operator_search(q: str, path: str = "") -> Q:
    """The one search of operators: by TIN (exact or prefix) or by a part of the legal name,
    through indexes on both databases and with the same results on both."""
    q = q.strip()
    if not q:
        return Q()
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
