"""The demo's agencies, seed benefits, MoU and joint inspection (built once)."""

import pytest

from aeo.accounts.constants import Role
from aeo.benefits import selectors
from aeo.benefits.models import Agency, Benefit, JointInspection, MoU
from aeo.benefits.tests.helpers import aeo
from aeo.demo.benefits import SEED_BENEFITS, build_benefits
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_japans_agencies_and_seed_benefits():
    for username, role in (
        ("policy", Role.POLICY_OFFICER),
        ("oga", Role.OGA_OFFICER),
        ("border", Role.BORDER_OFFICER),
    ):
        UserFactory(username=username, role=role)
    operator, trader, _ = aeo()
    trader.username = "trader.sme"
    trader.save()
    build_benefits()
    build_benefits()  # once
    assert set(Agency.objects.values_list("mandate", flat=True)) == {
        "food_safety",
        "plant_protection",
        "animal_quarantine",
        "export_control",
    }
    oga = UserFactory._meta.model.objects.get(username="oga")
    assert selectors.agency_of(oga).code == "mhlw-food"
    published = Benefit.objects.filter(status="published")
    assert published.count() == len(SEED_BENEFITS) + 1
    assert Benefit.objects.filter(status="draft").count() == 1
    titles = {b.title_en for b in selectors.benefits_for_operator(operator)}
    assert "Pre-arrival lodgment of import declaration" in titles
    assert "Fewer food sanitation inspections for AEO importers" in titles
    assert "No monthly fee for customs warehouses" not in titles
    assert MoU.objects.get().status == "in_force"
    assert JointInspection.objects.get().status == "scheduled"
