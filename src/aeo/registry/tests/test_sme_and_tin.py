import pytest
from django.core.exceptions import ValidationError

from aeo.registry.models import Economy, Operator
from aeo.registry.tests.factories import OperatorFactory
from aeo.registry.tin import japan_corporate_number_ok, validate_tin

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("economy", "employees", "is_sme"),
    [
        ("NZ", 20, True),
        ("NZ", 21, False),
        ("CN", 1000, True),
        ("CN", 1001, False),
        ("JP", 300, True),  # no cap of its own: IFC's 300
        ("JP", 301, False),
        ("US", 0, True),
    ],
)
def test_sme_status_follows_the_economys_rule(economy, employees, is_sme):
    op = OperatorFactory(
        economy=Economy.objects.get(code=economy),
        tin=f"{economy}TIN{employees:05d}",
        region=None,
        employee_count=employees,
    )
    assert op.is_sme is is_sme
    assert Operator.objects.smes().filter(pk=op.pk).exists() is is_sme
    assert Operator.objects.non_smes().filter(pk=op.pk).exists() is not is_sme


def test_changing_an_economys_cap_changes_sme_status_without_touching_operators():
    op = OperatorFactory(employee_count=250)
    assert op.is_sme
    Economy.objects.filter(code="JP").update(sme_employee_cap=100)
    op.refresh_from_db()
    op.economy.refresh_from_db()
    assert not op.is_sme


def test_reference_data_has_the_apec_economies_and_seed_facts():
    assert Economy.objects.count() == 21
    validity = dict(Economy.objects.values_list("code", "validity_years"))
    assert validity["MX"] == validity["MY"] == 2
    assert validity["SG"] == validity["VN"] == validity["HK"] == 3
    assert validity["JP"] is None
    assert Economy.objects.get(code="TW").name == "Chinese Taipei"
    assert Economy.objects.get(code="HK").name == "Hong Kong, China"


@pytest.mark.parametrize("tin", ["7000012050002", "7 0000-1205 0002", "1010001000006"])
def test_japanese_corporate_numbers_with_a_valid_check_digit_pass(tin):
    assert validate_tin("JP", tin) == tin.replace(" ", "").replace("-", "")


@pytest.mark.parametrize("tin", ["7000012050003", "123", "70000120500021", "ABCDEFGHIJKLM", ""])
def test_invalid_japanese_tins_are_refused(tin):
    with pytest.raises(ValidationError):
        validate_tin("JP", tin)


def test_check_digit_algorithm_matches_published_numbers():
    # National Tax Agency examples of real Corporate Numbers.
    assert japan_corporate_number_ok("7000012050002")  # National Tax Agency
    assert japan_corporate_number_ok("1010001000006")


@pytest.mark.parametrize(
    ("tin", "ok"),
    [("12345", True), ("AB-123-cd", True), ("12 3", False), ("X" * 21, False), ("12#45", False)],
)
def test_generic_tin_format(tin, ok):
    if ok:
        assert validate_tin("TW", tin) == tin.replace("-", "").upper()
    else:
        with pytest.raises(ValidationError):
            validate_tin("TW", tin)
