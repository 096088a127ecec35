"""Operator and register search: indexed on both databases, with the same results as the rule
written out in Python (TIN exact or prefix, or a part of the legal name, ignoring case; a query
of eight digits or more is a TIN only)."""

import pytest

from aeo.authorizations import selectors as authorization_selectors
from aeo.authorizations.models import Authorization
from aeo.registry import selectors
from aeo.registry.models import Operator
from aeo.registry.tests.factories import OperatorFactory
from aeo.registry.tin import normalize

pytestmark = pytest.mark.django_db

NAMES = [
    "Sakura Logistics K.K.",
    "SAKURA Trading Co., Ltd.",
    "Fuji 100% Foods",
    "Hokkaido_Warehouse Ltd.",
    'Tokai "Blue" Shipping',
    "株式会社さくら物流",
    "さくら通関株式会社",
    "Kansai Air Cargo",
]
QUERIES = [
    "sakura",
    "SAKURA TR",
    "kura",
    "100%",
    "0% F",
    "o_W",
    '"blue"',
    "さくら",
    "物流",
    "株",
    "Ka",
    "air cargo",
    "nothing like it",
]


def expected(q: str) -> set[int]:
    tin = normalize(q)
    by_name = not (tin.isdigit() and len(tin) >= selectors.TIN_DIGITS)
    return {
        op.pk
        for op in Operator.objects.all()
        if (tin and op.tin.startswith(tin))
        or (by_name and q.strip().lower() in op.legal_name.lower())
    }


def found(q: str) -> set[int]:
    return set(selectors.search_operators(Operator.objects.all(), q=q).values_list("pk", flat=True))


@pytest.fixture
def operators():
    return [OperatorFactory(legal_name=name) for name in NAMES]


def test_names_match_any_part_ignoring_case(operators):
    for q in QUERIES:
        assert found(q) == expected(q), q
    assert found("sakura") == {operators[0].pk, operators[1].pk}
    assert found("さくら") == {operators[5].pk, operators[6].pk}


def test_tin_matches_exactly_or_by_prefix_with_separators_ignored(operators):
    tin = operators[3].tin
    assert found(tin) == {operators[3].pk}
    assert found(f"{tin[:4]}-{tin[4:8]} {tin[8:]}") == {operators[3].pk}
    prefix = tin[:9]
    assert found(prefix) == expected(prefix)
    assert operators[3].pk in found(prefix)
    assert found(tin[3:]) == set()  # a TIN is found by its start, not any part
    # Eight digits or more are a TIN, not a part of a name; fewer may be either.
    numbered = OperatorFactory(legal_name="Route 12345678 Freight")
    assert numbered.pk not in found("12345678") and found("12345678") == expected("12345678")
    assert numbered.pk in found("1234") and found("1234") == expected("1234")


def test_a_renamed_operator_is_found_by_its_new_name_only(operators):
    operator = operators[0]
    operator.legal_name = "Momiji Freight"
    operator.save()
    assert operator.pk in found("momiji")
    assert operator.pk not in found("sakura logistics")
    Operator.objects.filter(pk=operators[1].pk).update(legal_name="Kaede Trading")
    assert found("kaede") == {operators[1].pk}
    for q in QUERIES:
        assert found(q) == expected(q), q


def test_the_register_is_searched_by_aeo_number_tin_or_name(operators):
    from aeo.authorizations.constants import AuthorizationStatus

    rows = []
    for i, operator in enumerate(operators[:4]):
        rows.append(
            Authorization.objects.create(
                operator=operator,
                aeo_number=f"JP-AI-{i + 1:06d}",
                aeo_type="AI",
                status=AuthorizationStatus.ACTIVE,
                valid_from="2026-01-01",
            )
        )

    def register(q: str) -> set[str]:
        qs = authorization_selectors.search_authorizations(
            authorization_selectors.public_register(), q=q
        )
        return set(qs.values_list("aeo_number", flat=True))

    assert register("jp-ai-000002") == {"JP-AI-000002"}
    assert register("JP-AI-00000") == {a.aeo_number for a in rows}
    assert register(operators[2].tin) == {"JP-AI-000003"}
    assert register("sakura") == {"JP-AI-000001", "JP-AI-000002"}
    assert register("Kansai") == set()  # no authorization
