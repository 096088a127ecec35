"""Issuing authorizations: AEO numbers, types by role, validity by the economy's rule."""

import re
import threading
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import translation

from aeo.accounts.constants import Role
from aeo.authorizations import services
from aeo.authorizations.constants import AuthorizationStatus
from aeo.authorizations.models import Authorization
from aeo.authorizations.tests.conftest import START, change_to, economy_with_importers, issue
from aeo.authorizations.validity import valid_to
from aeo.core.errors import DomainError
from aeo.core.models import AuditEvent
from aeo.registry import selectors as registry_selectors
from aeo.registry.constants import OperatorRole
from aeo.registry.models import Economy
from aeo.registry.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_aeo_number_has_economy_type_and_six_digit_sequence():
    (authorization,) = issue(OperatorFactory())
    assert re.fullmatch(r"JP-IMP-\d{6}", authorization.aeo_number)
    assert authorization.aeo_number == "JP-IMP-000001"


def test_two_issues_in_a_row_get_distinct_consecutive_numbers():
    first = issue(OperatorFactory())[0].aeo_number
    second = issue(OperatorFactory())[0].aeo_number
    assert (first, second) == ("JP-IMP-000001", "JP-IMP-000002")


def test_sequences_run_per_economy_and_type():
    mx = economy_with_importers("MX")
    assert issue(OperatorFactory(roles=["exporter"]), ["exporter"])[0].aeo_number == (
        "JP-EXP-000001"
    )
    assert issue(OperatorFactory())[0].aeo_number == "JP-IMP-000001"
    mexican = OperatorFactory(economy=mx, region=None, tin="MXA010101AAA")
    assert issue(mexican)[0].aeo_number == "MX-IMP-000001"


def test_numbers_are_never_reused_after_a_revocation():
    operator = OperatorFactory()
    (first,) = issue(operator)
    change_to(actor=None, authorization=first, to="revoked", reason="Fraud.")
    (second,) = issue(operator)
    assert second.aeo_number == "JP-IMP-000002"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serializes all writers anyway"
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
def test_concurrent_issues_never_share_a_number():
    operators = [OperatorFactory() for _ in range(6)]
    barrier = threading.Barrier(len(operators))
    numbers: list[str] = []
    errors: list[BaseException] = []

    def run(operator):
        try:
            barrier.wait()
            numbers.extend(a.aeo_number for a in issue(operator))
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(op,)) for op in operators]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == [f"JP-IMP-{n:06d}" for n in range(1, 7)]


def test_japans_types_admit_only_known_roles_each_role_once():
    admitted = [role for t in registry_selectors.aeo_types("JP") for role in t.roles]
    assert len(admitted) == len(set(admitted))
    assert set(admitted) < set(OperatorRole.values)
    assert OperatorRole.ECOMMERCE_PLATFORM not in admitted


def test_one_authorization_per_type_for_several_roles():
    operator = OperatorFactory(roles=["importer", "customs_broker", "sea_carrier", "courier"])
    issued = issue(operator, ["importer", "customs_broker", "sea_carrier", "courier"])
    assert [a.aeo_type for a in issued] == ["IMP", "BRK", "LOG"]
    assert issued[1].get_aeo_type_display() == "AEO Customs Broker"
    with translation.override("ja"):
        assert issued[0].get_aeo_type_display() == "特例輸入者"
    assert len({a.aeo_number for a in issued}) == 3


def test_a_role_no_type_admits_is_refused_with_its_code():
    """An e-commerce platform is no type of Japan's programme: never a logistics operator."""
    operator = OperatorFactory(roles=["importer", "ecommerce_platform"])
    with pytest.raises(DomainError) as refused:
        issue(operator, ["importer", "ecommerce_platform"])
    assert refused.value.code == "no_aeo_type_for_role"
    assert not Authorization.objects.filter(operator=operator).exists()


def test_an_economy_without_types_authorizes_no_one():
    operator = OperatorFactory(economy=Economy.objects.get(code="KR"), region=None)
    with pytest.raises(DomainError) as refused:
        issue(operator, ["importer"])
    assert refused.value.code == "no_aeo_type_for_role"


def test_refuses_a_type_the_operator_already_holds_but_issues_nothing_partially():
    operator = OperatorFactory(roles=["importer", "exporter"])
    issue(operator, ["importer"])
    with pytest.raises(DomainError, match="already holds"):
        issue(operator, ["exporter", "importer"])
    assert Authorization.objects.filter(operator=operator).count() == 1


def test_a_suspended_authorization_is_still_held():
    operator = OperatorFactory()
    (held,) = issue(operator)
    change_to(actor=None, authorization=held, to="suspended", reason="Audit.")
    with pytest.raises(DomainError):
        issue(operator)


@pytest.mark.parametrize(
    ("roles", "message"),
    [([], "at least one"), (["pilot"], "Unknown role"), (["exporter"], "does not have")],
)
def test_refuses_roles_that_make_no_sense(roles, message):
    with pytest.raises(DomainError, match=message):
        issue(OperatorFactory(roles=["importer"]), roles)


@pytest.mark.parametrize(
    ("economy", "expected"),
    [("JP", None), ("MX", date(2027, 3, 31)), ("SG", date(2028, 3, 31))],
)
def test_validity_follows_the_economy_rule(economy, expected):
    operator = OperatorFactory(economy=economy_with_importers(economy), region=None)
    (authorization,) = issue(operator)
    assert authorization.valid_from == START
    assert authorization.valid_to == expected


def test_validity_from_a_leap_day_lasts_the_full_years():
    assert valid_to(date(2024, 2, 29), 2) == date(2026, 2, 28)
    assert valid_to(date(2024, 3, 1), 3) == date(2027, 2, 28)


def test_issuance_is_recorded_in_history_and_audit(examiner):
    operator = OperatorFactory()
    (authorization,) = services.issue_authorizations(
        actor=examiner, operator=operator, roles=["importer"], application_id=42
    )
    event = authorization.events.get()
    assert (event.actor, event.from_state, event.to_state) == (examiner, "", "active")
    assert "42" in event.comment
    assert authorization.application_id == 42
    assert authorization.status == AuthorizationStatus.ACTIVE
    audit = AuditEvent.objects.get(action="authorization.issued")
    assert (audit.actor, audit.object_id) == (examiner, str(authorization.pk))


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.EXAMINER, True),
        (Role.COORDINATOR, True),
        (Role.POLICY_OFFICER, True),
        (Role.ACCOUNT_MANAGER, False),
        (Role.AUDITOR, False),
        (Role.BORDER_OFFICER, False),
        (Role.OGA_OFFICER, False),
        (Role.PARTNER_CUSTOMS, False),
    ],
)
def test_who_may_issue(role, allowed):
    operator = OperatorFactory()
    actor = UserFactory(role=role)
    if allowed:
        assert services.issue_authorizations(actor=actor, operator=operator, roles=["importer"])
    else:
        with pytest.raises(PermissionDenied):
            services.issue_authorizations(actor=actor, operator=operator, roles=["importer"])


def test_a_trader_may_not_issue(trader):
    with pytest.raises(PermissionDenied):
        services.issue_authorizations(actor=trader, operator=trader.operator, roles=["importer"])
