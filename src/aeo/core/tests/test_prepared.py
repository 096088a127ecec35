"""A prepared query gives the rows the ORM gives, converted alike, for every value."""

from datetime import date

import pytest

from aeo.core.prepared import PreparedQuery
from aeo.registry.models import Operator
from aeo.registry.tests.factories import OperatorFactory

pytestmark = pytest.mark.django_db

FIELDS = ("tin", "legal_name", "established_on", "employee_count")


def test_the_rows_are_the_orms_for_each_value():
    operators = [
        OperatorFactory(established_on=date(2001, 2, 3 + i), employee_count=10 + i)
        for i in range(3)
    ]
    by_tin = PreparedQuery(lambda tin: Operator.objects.filter(tin=tin).values_list(*FIELDS))
    for operator in operators:
        orm = list(Operator.objects.filter(tin=operator.tin).values_list(*FIELDS))
        assert by_tin.rows(operator.tin) == orm
        assert isinstance(orm[0][2], date)  # converted, on SQLite too
    assert by_tin.rows("no such TIN") == []


def test_a_query_must_use_its_value_once():
    twice = PreparedQuery(lambda v: Operator.objects.filter(tin=v, legal_name=v).values_list("pk"))
    with pytest.raises(ValueError):
        twice.rows("x")


def test_a_value_within_a_pattern_is_put_in_it_and_must_need_no_escaping():
    OperatorFactory(tin="1234567890123")
    prefix = PreparedQuery(
        lambda tin: Operator.objects.filter(tin__startswith=tin).values_list("tin")
    )
    assert prefix.rows("1234") == [("1234567890123",)]
    assert prefix.rows("9") == []
    with pytest.raises(ValueError):
        prefix.rows("12%")
