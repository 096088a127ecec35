import pytest
from django.core.management import call_command

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.applications.models import Application
from aeo.applications.selectors import workload
from aeo.benefits.models import BenefitUse
from aeo.border.models import Declaration
from aeo.core.models import AuditEvent
from aeo.registry.models import Operator

pytestmark = pytest.mark.django_db


def test_demo_no_serve_loads_a_believable_registry_once(capsys):
    call_command("demo", "--no-serve", "--operators", "60", "--seed", "7")
    out = capsys.readouterr().out
    assert "trader.sme" in out and "examiner" in out and "aeo-demo-2026" in out
    operators = Operator.objects.filter(economy_id="JP")
    assert operators.count() == 63  # 60 generated + the 3 traders' companies
    assert 0 < operators.smes().count() < 63
    assert operators.filter(region__isnull=True).count() == 0
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    assert User.objects.get(username="trader.sme").operator.is_sme
    assert not User.objects.get(username="trader.large").operator.is_sme
    assert AuditEvent.objects.filter(action="operator.created").count() == 63
    states = set(Application.objects.values_list("state", flat=True))
    assert states == {
        "submitted",
        "returned",
        "under_examination",
        "paused",
        "validated",
        "authorized",
        "refused",
    }
    examiner = User.objects.get(username="examiner")
    assert workload(examiner)["overdue"].count, "the demo shows an overdue application"
    declarations = Declaration.objects.all()
    assert declarations.count() == 35 * 60 + 120  # a year's, and today's waiting
    assert declarations.filter(status="delivered").count() > 1500
    assert declarations.filter(office__code="TOKYO", status="selected").exists()
    assert set(declarations.values_list("lane", flat=True)) == {"free", "paper", "exam"}
    # The seed benefits are built first: AEOs' lanes use them, and their use is counted.
    assert declarations.filter(lane_reason__benefit__source="aeo").exists()
    assert BenefitUse.objects.filter(benefit__category="low_inspection").exists()
    from aeo.mra.models import Arrangement
    from aeo.mra.selectors import benefits_abroad_for

    us = Arrangement.objects.get(title="Japan–United States AEO MRA")
    assert {b.title_en for b in us.benefits_here.all()} == {
        "Reduced Customs examination and inspection",
        "Pre-arrival lodgment of import declaration",
    }
    assert us.benefits_abroad.filter(category="crisis_priority").exists()
    abroad = benefits_abroad_for(User.objects.get(username="trader.large").operator)
    assert len(abroad.arrangements) == Arrangement.objects.count()
    assert all(lines for _mra, lines in abroad.arrangements)  # consented, types in scope
    snapshot = sorted(operators.values_list("tin", "legal_name"))

    call_command("demo", "--no-serve", "--operators", "60", "--seed", "7")
    assert sorted(operators.values_list("tin", "legal_name")) == snapshot
    assert User.objects.filter(username="examiner").count() == 1
    assert Declaration.objects.count() == 35 * 60 + 120


def test_the_second_administration_authorizes_its_aeos_under_its_own_types(settings, capsys):
    """`aeo demo --economy TW`: Chinese Taipei's AEOs, typed by its own programme, and its
    arrangement with Japan in force (the ground for the exchange)."""
    from aeo.authorizations.models import Authorization
    from aeo.mra.models import Arrangement

    call_command("demo", "--no-serve", "--economy", "TW")
    assert "trader.tw" in capsys.readouterr().out
    authorizations = Authorization.objects.filter(operator__economy_id="TW")
    assert set(authorizations.values_list("aeo_type", flat=True)) >= {"IMP", "EXP", "BRK"}
    assert authorizations.filter(aeo_number__startswith="TW-").exists()
    assert Arrangement.objects.get().status == "in_force"
