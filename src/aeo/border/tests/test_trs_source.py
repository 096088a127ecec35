"""The TRS engine on the platform's declarations: the same results as from a file export."""

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection

from aeo.accounts.constants import Role
from aeo.border import services, trs_source
from aeo.border.intake import validate
from aeo.border.models import Declaration
from aeo.border.tests.helpers import officer, row
from aeo.trs.engine import Period, as_dict, compare

pytestmark = pytest.mark.django_db
EIF = date(2019, 5, 22)


def lodge_history(n: int = 400) -> None:
    rng = random.Random(5)
    rows = []
    for i in range(n):
        lodged = datetime(2019, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randint(0, 300 * 1440))
        after = lodged.date() >= EIF
        hours = rng.lognormvariate(2.0, 0.5) * (0.7 if after else 1.0)
        released = lodged + timedelta(hours=hours)
        rows.append(
            row(
                direction=rng.choice(["import", "import", "export"]),
                transport_mode=rng.choice(["sea", "air"]),
                partner_aeo_id="TW-AEO-1" if rng.random() < 0.6 else "",
                arrived_at=(lodged - timedelta(hours=rng.uniform(1, 30))).isoformat(),
                lodged_at=lodged.isoformat(),
                released_at=released.isoformat(),
                delivered_at=(released + timedelta(hours=rng.uniform(1, 48))).isoformat()
                if i % 10
                else None,
            )
        )
    services.import_declarations(
        actor=officer(Role.POLICY_OFFICER, "CTB"),
        rows=[validate(r, i) for i, r in enumerate(rows, start=1)],
    )


@pytest.mark.usefixtures("tw_mra")
def test_the_study_from_the_database_equals_the_study_from_the_exported_file(tmp_path):
    lodge_history()
    result = trs_source.monitor("TW", days=140)
    path = tmp_path / "export.csv"
    trs_source.export_csv(trs_source.in_scope("TW", date(2019, 1, 1), date(2019, 12, 31)), path)
    from_file = compare(
        path,
        importing="JP",
        partner="TW",
        before=Period(EIF - timedelta(days=140), EIF - timedelta(days=1)),
        after=Period(EIF, EIF + timedelta(days=139)),
    )
    assert as_dict(result.comparison) == as_dict(from_file)
    rows = as_dict(result.comparison)["rows"]
    sea1 = next(r for r in rows if r["stage"] == 1 and r["transport_mode"] == "sea")
    assert sea1["before"]["count"] > 20 and sea1["rate_of_change_pct"] < -10
    assert {t["met"] for t in result.target_rows() if t["stage"] == 1} == {True}
    lanes = result.as_dict()["lanes"]["after"]["groups"]
    assert {g["key"]["clearance_mode"] for g in lanes} <= {"free", "paper", "exam"}


@pytest.mark.usefixtures("tw_mra")
def test_monitoring_through_the_api_for_policy_officers_only(client):
    from aeo.accounts.services import issue_token

    lodge_history(60)
    policy = officer(Role.POLICY_OFFICER, "CTB")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=policy)}"}
    data = client.get("/api/v1/mra-monitoring", {"partner": "TW"}, **auth).json()
    assert data["entry_into_force"] == "2019-05-22" and data["targets"]
    border = officer()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=border)}"}
    assert client.get("/api/v1/mra-monitoring", **auth).status_code == 403
    unknown = client.get(
        "/api/v1/mra-monitoring",
        {"partner": "NZ"},
        HTTP_AUTHORIZATION=f"Bearer {issue_token(actor=None, user=policy)}",
    )
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "entry_into_force"


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL streams by COPY; SQLite reads rows"
)
def test_postgresql_streams_by_copy_the_rows_reading_them_gives():
    import pyarrow as pa

    lodge_history(120)
    Declaration.objects.filter(pk__in=Declaration.objects.order_by("pk")[:5]).update(lane="")
    qs = trs_source.in_scope("TW", date(2019, 1, 1), date(2019, 12, 31))

    def table(batches):
        return pa.Table.from_batches(list(batches), trs_source.SCHEMA).sort_by("declaration_id")

    copied, read = table(trs_source._copied_batches(qs)), table(trs_source._read_batches(qs))
    assert copied.num_rows == qs.count() and copied.equals(read)
    assert copied.column("clearance_mode").null_count == 5
    assert copied.column("delivered_at").null_count > 0
