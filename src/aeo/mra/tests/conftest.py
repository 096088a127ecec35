import json
import time
import uuid
from datetime import date

import pytest
from django.conf import settings
from joserfc import jws
from joserfc.jwk import OKPKey

from aeo.accounts.constants import Role
from aeo.authorizations.tests.conftest import bearer, issue, official  # noqa: F401
from aeo.mra.constants import MRAStatus
from aeo.mra.models import Arrangement, Partner, RecognizedType
from aeo.mra.services import consent
from aeo.mra.services.partners import add_partner
from aeo.registry.data.aeo_types import JAPAN
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory


@pytest.fixture(autouse=True)
def _key_file(settings, tmp_path):
    settings.AEO_MRA_KEY_FILE = tmp_path / "mra" / "signing-key.jwk"


class FakePartner:
    """A partner administration (TW) whose key the test holds: it signs batches to us."""

    def __init__(self, economy: str = "TW") -> None:
        self.economy = economy
        self.key = OKPKey.generate_key("Ed25519")

    @property
    def public(self) -> dict:
        return {**self.key.as_dict(private=False), "kid": self.key.thumbprint()}

    def register(self) -> Partner:
        return add_partner(
            actor=None, economy=self.economy, base_url="http://127.0.0.1:9", public_key=self.public
        )

    def batch(self, records: list[dict], *, key=None, **claims) -> str:
        payload = {
            "iss": self.economy,
            "aud": settings.AEO_ECONOMY,
            "jti": uuid.uuid4().hex,
            "iat": int(time.time()),
            "first_seq": records[0]["seq"] if records else 0,
            "last_seq": records[-1]["seq"] if records else 0,
            "records": records,
            **claims,
        }
        key = key or self.key
        header = {"alg": "Ed25519", "kid": key.thumbprint()}
        return jws.serialize_compact(
            header, json.dumps(payload).encode(), key, algorithms=["Ed25519"]
        )


def record(seq: int, status: str = "active", event: str = "issued", number: str = "TW-AEO-0001"):
    return {
        "seq": seq,
        "event": event,
        "aeo_number": number,
        "tin": "12345678",
        "partner_id": "JPTW12345678",
        "legal_name": "Formosa Precision Co., Ltd.",
        "address": "1 Zhongshan Rd, Taipei",
        "aeo_type": "AEO-S (safety and security)",
        "status": status,
        "valid_from": "2024-01-01",
        "valid_to": None,
    }


def in_force_with(economy: str, types=tuple(row[0] for row in JAPAN)) -> Arrangement:
    """An arrangement in force with `economy` whose scope recognizes our `types`."""
    mra = Arrangement.objects.create(
        title=f"JP-{economy}", status=MRAStatus.IN_FORCE, in_force_from=date(2019, 5, 22)
    )
    mra.partners.set([economy])
    RecognizedType.objects.bulk_create(
        RecognizedType(arrangement=mra, our_type=t, partner_type=f"{economy} AEO") for t in types
    )
    return mra


@pytest.fixture
def taipei(db):
    in_force_with("TW")
    partner = FakePartner()
    partner.register()
    return partner


@pytest.fixture
def trader():
    return TraderFactory(operator=OperatorFactory(legal_name="Sakura Trading K.K."))


@pytest.fixture
def consented(trader):
    consent.give_consent(actor=trader, operator=trader.operator)
    return trader


@pytest.fixture
def border():
    return UserFactory(role=Role.BORDER_OFFICER)
