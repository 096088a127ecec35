import itertools
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from aeo.accounts.constants import Role
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import UserFactory

_seq = itertools.count(1)
LODGED = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def row(**overrides: Any) -> dict[str, Any]:
    n = next(_seq)
    data: dict[str, Any] = {
        "number": f"T{n:08d}",
        "office": "TOKYO",
        "direction": "import",
        "transport_mode": "sea",
        "trader_tin": "1234567890123",
        "partner_economy": "TW",
        "partner_name": "Formosa Parts Ltd.",
        "lines": [{"hs_code": "847130", "origin": "TW", "value": "1200.00"}],
        "arrived_at": (LODGED - timedelta(hours=5)).isoformat(),
        "lodged_at": LODGED.isoformat(),
    }
    data.update(overrides)
    return data


def ndjson(rows: list[dict[str, Any]]) -> bytes:
    return b"\n".join(json.dumps(r).encode() for r in rows) + b"\n"


def officer(role: str = Role.BORDER_OFFICER, office: str = "TOKYO"):
    return UserFactory(role=role, office=CustomsOffice.objects.get(code=office))
