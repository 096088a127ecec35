"""The operator's history says what changed in words, not in field names and codes."""

import pytest
from django.urls import reverse
from django.utils import translation

from aeo.core import audit
from aeo.registry import services
from aeo.registry.models import Operator
from aeo.registry.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_history_shows_field_names_choice_labels_and_no_codes(client):
    operator = OperatorFactory(employee_count=40, roles=["importer"])
    official = UserFactory()
    services.update_operator(
        actor=official,
        operator=operator,
        changes={"employee_count": 35, "roles": ["importer", "warehouse_operator"]},
        reason="Annual review",
    )
    client.force_login(official)
    page = client.get(reverse("registry:operator_detail", args=[operator.pk])).text
    assert "Employees</strong>: 40 → 35" in page
    assert "Importer → Importer, Warehouse operator" in page
    assert "Operator updated" in page
    for code in ("employee_count", "warehouse_operator", "operator.updated"):
        assert code not in page


def test_values_in_words_in_both_languages():
    rows = audit.changes_in_words(Operator, {"employee_count": [None, 35], "is_x": [True, False]})
    assert rows == [("Employees", "—", "35"), ("Is x", "Yes", "No")]
    with translation.override("ja"):
        assert audit.value_label(Operator, "x", True) == "はい"
        assert audit.field_label(Operator, "employee_count") != "Employees"
