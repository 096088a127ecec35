"""The "register" version (`core.db.MovesVersion`, migration 0005_register_version): what the
register's kept answers (`core.kept`) are valid for. Committed writes, as in production: on
PostgreSQL the triggers move it at commit."""

import datetime

import pytest
from django.db import connection, transaction

from aeo.authorizations.models import Authorization
from aeo.authorizations.selectors import REGISTER_FIELDS
from aeo.authorizations.tests.conftest import issue
from aeo.core.db import version
from aeo.core.models import AuditEvent, Version
from aeo.registry.models import AEOType, Economy, Operator
from aeo.registry.tests.factories import OperatorFactory

pytestmark = pytest.mark.usefixtures("reference_data")


def register() -> int | None:
    return version("register")


@pytest.fixture
def entry() -> Authorization:
    (authorization,) = issue(OperatorFactory(legal_name="Minato Freight K.K."))
    return authorization


def a_new_value(authorization: Authorization, field: str):
    """Another value of `field` (an authorization's, or `operator__…` its holder's)."""
    if field == "operator__economy_id":
        return Economy.objects.exclude(pk=authorization.operator.economy_id).first().pk
    value = getattr(
        authorization.operator if "__" in field else authorization, field.split("__")[-1]
    )
    if isinstance(value, datetime.date):
        return value + datetime.timedelta(days=1)
    if value is None:
        return datetime.date(2031, 3, 31)
    return "X" + value[1:] if field != "status" else "suspended"


@pytest.mark.parametrize("field", REGISTER_FIELDS)
def test_a_change_to_anything_the_register_publishes_moves_it(entry, field):
    before = register()
    new = a_new_value(entry, field)
    if field.startswith("operator__"):
        Operator.objects.filter(pk=entry.operator_id).update(**{field.split("__")[1]: new})
    else:
        Authorization.objects.filter(pk=entry.pk).update(**{field: new})
    assert register() != before


def test_an_authorization_issued_and_a_type_added_renamed_or_removed_move_it():
    """(Authorizations are never deleted: their history protects them.)"""
    versions = [register()]
    (entry,) = issue(OperatorFactory())
    versions.append(register())
    AEOType.objects.filter(economy_id="JP", code=entry.aeo_type).update(name_ja="輸入者（改称）")
    versions.append(register())
    added = AEOType.objects.create(economy_id="KR", code="TST", name_en="Test", roles=[])
    versions.append(register())
    added.delete()
    versions.append(register())
    assert len(set(versions)) == len(versions)


def test_writes_to_what_the_register_does_not_publish_leave_it(entry):
    before = register()
    operator = entry.operator
    operator.address = "1-1 Kaigan, Minato-ku"
    operator.save()  # every column written, the published ones unchanged
    Authorization.objects.filter(pk=entry.pk).update(measures_plan="Seals on every container.")
    AuditEvent.objects.create(action="test", object_type="x", object_id="1", object_repr="x")
    OperatorFactory()  # in the register only once authorized
    assert register() == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite moves it row by row")
def test_postgresql_moves_it_at_commit(entry):
    others = [issue(OperatorFactory())[0] for _ in range(3)]
    before = register()
    with transaction.atomic():
        Authorization.objects.filter(pk__in=[a.pk for a in others]).update(status="suspended")
        Operator.objects.filter(pk=entry.operator_id).update(legal_name="Minato Logistics K.K.")
        assert register() == before  # not before the commit, which makes both visible at once
    assert register() > before


def test_emptied_it_starts_again_above_every_value_it_had(entry):
    """A restore empties it (it is not backed up), as a test's flush does: a server keeping
    answers under an earlier value must not find that value again."""
    before = register()
    Version.objects.all().delete()
    assert register() is None
    Operator.objects.filter(pk=entry.operator_id).update(tin="9999999999999")
    assert register() > before
