"""Customs offices are named in the reader's language: Japan Customs' own Japanese names."""

import pytest
from django.urls import reverse
from django.utils import translation

from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import TraderFactory

pytestmark = pytest.mark.django_db


def test_every_japanese_office_has_its_japanese_name():
    offices = CustomsOffice.objects.filter(economy_id="JP")
    assert all(office.name_ja for office in offices)
    tokyo = offices.get(code="TOKYO")
    with translation.override("ja"):
        assert str(tokyo) == "東京税関"
        assert offices.get(code="OKINAWA").localized_name == "沖縄地区税関"
    with translation.override("en"):
        assert str(tokyo) == "Tokyo Customs"


def test_pages_show_the_office_in_the_active_language(client):
    client.force_login(TraderFactory())
    ja = client.get(reverse("registry:economy_detail", args=["JP"]), HTTP_ACCEPT_LANGUAGE="ja")
    assert "横浜税関" in ja.text
    assert "Yokohama Customs" not in ja.text
    en = client.get(reverse("registry:economy_detail", args=["JP"]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Yokohama Customs" in en.text
