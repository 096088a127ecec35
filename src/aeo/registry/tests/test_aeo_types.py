"""AEO types as reference data per economy: Japan's six, named in the reader's language."""

import pytest
from django.urls import reverse

from aeo.registry import selectors
from aeo.registry.data.aeo_types import add_aeo_types
from aeo.registry.models import AEOType
from aeo.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_japan_has_its_six_types_with_the_existing_codes():
    assert [(t.code, t.name_en, t.name_ja) for t in selectors.aeo_types("JP")] == [
        ("IMP", "Authorized Importer", "特例輸入者"),
        ("EXP", "Authorized Exporter", "特定輸出者"),
        ("WHS", "Authorized Warehouse Operator", "特定保税承認者"),
        ("BRK", "AEO Customs Broker", "認定通関業者"),
        ("LOG", "AEO Logistics Operator", "特定保税運送者"),
        ("MFR", "Authorized Manufacturer", "認定製造者"),
    ]
    assert selectors.type_for_role("JP", "sea_carrier") == "LOG"
    assert selectors.type_for_role("JP", "ecommerce_platform") is None


def test_the_api_is_public_and_answers_in_the_requested_language(client):
    english = client.get("/api/v1/aeo-types").json()
    assert [t["code"] for t in english] == ["IMP", "EXP", "WHS", "BRK", "LOG", "MFR"]
    assert english[0]["name"] == "Authorized Importer"
    assert english[0]["roles"] == ["importer"]
    japanese = client.get("/api/v1/aeo-types", HTTP_ACCEPT_LANGUAGE="ja").json()
    assert japanese[0]["name"] == "特例輸入者"
    assert client.get("/api/v1/aeo-types", {"economy": "KR"}).json() == []


def test_adding_an_economys_types_is_one_data_call_seen_at_once():
    assert selectors.aeo_types("KR") == []
    add_aeo_types(AEOType, "KR", [("IMP", "AEO Importer", "", ["importer"])])
    assert selectors.aeo_type_name("KR", "IMP") == "AEO Importer"


def test_the_economy_page_lists_the_types_or_says_there_are_none(client):
    client.force_login(UserFactory())
    japan = client.get(reverse("registry:economy_detail", args=["JP"])).text
    assert "Authorized Warehouse Operator" in japan and "E-commerce platform" not in japan
    korea = client.get(reverse("registry:economy_detail", args=["KR"])).text
    assert "not recorded here yet" in korea
