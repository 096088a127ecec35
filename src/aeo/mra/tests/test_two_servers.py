"""Two administrations, two processes, two databases: a suspension in JP reaches TW; with TW
stopped, three more changes wait and are retried with backoff; once TW is back, both agree
exactly (the same numbered records on each side, none lost or applied twice)."""

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from joserfc.jwk import OKPKey

SRC = Path(__file__).resolve().parents[3]
AEO = [sys.executable, "-m", "aeo"]
DEADLINE = 25  # seconds to wait for each expected state

SETUP = """
import json, os
from aeo.accounts.constants import Role
from aeo.accounts.services import create_user, issue_token
from aeo.mra.services.partners import add_partner
from aeo.mra.services.arrangements import change_mra_status, create_mra
from aeo.registry.data.aeo_types import add_all
from aeo.registry.models import AEOType, CustomsOffice, Economy, Region
from aeo.registry import services as registry
from aeo.authorizations import services as authorizations
from aeo.mra.services import consent
from aeo.registry.reference import sync_reference_data
args = json.loads(os.environ["MRA_SETUP"])
# The copied test database may come from after a transactional test emptied the tables.
sync_reference_data(Economy, CustomsOffice, Region)
add_all(AEOType)
out = {}
# The arrangement in force that is the ground for the exchange, recognizing all our types.
mra = create_mra(actor=None, title="MRA", partners=[args["partner"]],
    scope=[(t.code, "AEO") for t in AEOType.objects.filter(economy_id=args["economy"])])
change_mra_status(actor=None, mra=mra, event="signed")
change_mra_status(actor=None, mra=mra, event="entered_into_force")
add_partner(actor=None, economy=args["partner"], base_url=args["url"], public_key=args["key"])
if args["economy"] == "JP":
    operator = registry.create_operator(actor=None, economy=Economy.objects.get(code="JP"),
        tin=registry.corporate_number("010401000001"), legal_name="Sakura Foods Import K.K.",
        employee_count=35,
        roles=["importer"], region=Region.objects.get(code="JP-13"))
    out["aeo_number"] = authorizations.issue_authorizations(actor=None, operator=operator,
        roles=["importer"])[0].aeo_number
    out["authorization_id"] = operator.authorizations.get().pk
    consent.give_consent(actor=None, operator=operator)
    examiner = create_user(actor=None, username="examiner", role=Role.EXAMINER, password=None,
        office=CustomsOffice.objects.get(code="AEOC"))
    out["examiner"] = issue_token(actor=None, user=examiner)
policy = create_user(actor=None, username="policy", role=Role.POLICY_OFFICER, password=None)
out["policy"] = issue_token(actor=None, user=policy)
border = create_user(actor=None, username="border", role=Role.BORDER_OFFICER, password=None)
out["border"] = issue_token(actor=None, user=border)
print("SETUP=" + json.dumps(out))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def template_database(django_db_blocker) -> Path:
    """A migrated SQLite database to copy: this session's test database when it is SQLite,
    else one `migrate` (kept by the migrations' hash for the next run)."""
    migrations = sorted(SRC.glob("aeo/*/migrations/*.py"))
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in migrations)).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"aeo-two-servers-{digest}.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    if connection.vendor == "sqlite":  # outside any transaction, or the backup waits forever
        with django_db_blocker.unblock():
            connection.ensure_connection()
            target = sqlite3.connect(partial)
            connection.connection.backup(target)
            target.close()
    else:
        env = instance_env(partial.parent, "JP") | {"DATABASE_URL": f"sqlite:///{partial}"}
        subprocess.run([*AEO, "migrate", "-v0"], env=env, check=True, timeout=300)  # noqa: S603
    partial.rename(path)
    return path


def instance_env(var: Path, economy: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PYTEST_VERSION")}
    return env | {
        "PYTHONPATH": str(SRC),
        "AEO_DEMO": "1",
        "AEO_VAR_DIR": str(var),
        "AEO_ECONOMY": economy,
        "AEO_MRA_RETRY_SECONDS": "0.5",
        "AEO_MRA_RETRY_MAX": "2",
        "AEO_MRA_TIMEOUT": "3",
        "AEO_PUBLIC_RATE": "10000/min",
        "AEO_VERIFY_RATE": "10000/min",
        "LOG_LEVEL": "ERROR",
    }


class Instance:
    def __init__(self, root: Path, economy: str, template: Path) -> None:
        self.var = root / economy.lower()
        (self.var / "mra").mkdir(parents=True)
        shutil.copy(template, self.var / "aeo.sqlite3")
        self.economy = economy
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.key = OKPKey.generate_key("Ed25519")
        (self.var / "mra" / "signing-key.jwk").write_text(
            json.dumps(self.key.as_dict(private=True))
        )
        self.env = instance_env(self.var, economy)
        self.processes: list[subprocess.Popen] = []
        self.tokens: dict = {}

    def public(self) -> dict:
        return {**self.key.as_dict(private=False), "kid": self.key.thumbprint()}

    def setup(self, partner: "Instance") -> subprocess.Popen:
        args = json.dumps(
            {
                "economy": self.economy,
                "partner": partner.economy,
                "url": partner.url,
                "key": partner.public(),
            }
        )
        return subprocess.Popen(  # noqa: S603
            [*AEO, "shell", "-c", SETUP],
            env=self.env | {"MRA_SETUP": args},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def start(self, worker: bool = False) -> None:
        log = open(self.var / "server.log", "a")  # noqa: SIM115 - closed with the process
        command = [*AEO, "runserver", f"127.0.0.1:{self.port}", "--noreload", "--skip-checks"]
        self.server = subprocess.Popen(command, env=self.env, stdout=log, stderr=log)  # noqa: S603
        self.processes.append(self.server)
        if worker:
            command = [*AEO, "db_worker", "--interval", "0.2", "--no-startup-delay"]
            self.processes.append(
                subprocess.Popen(command, env=self.env, stdout=log, stderr=log)  # noqa: S603
            )
        wait_for(lambda: self.call("GET", "/healthz", raw=True) == 200, "server up")

    def stop_server(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=10)
        self.processes.remove(self.server)

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            process.wait(timeout=10)

    def call(self, method: str, path: str, body=None, token: str | None = None, raw=False):
        request = urllib.request.Request(  # noqa: S310 - a local test server
            self.url + path,
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={
                "Content-Type": "application/json",
                **({"Authorization": f"Bearer {token}"} if token else {}),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
                return answer.status if raw else json.loads(answer.read())
        except urllib.error.HTTPError as exc:
            if raw:
                return exc.code
            raise AssertionError(f"{method} {path}: {exc.code} {exc.read()[:500]!r}") from exc
        except OSError:
            if raw:
                return None
            raise

    def rows(self, sql: str) -> list[tuple]:
        with sqlite3.connect(self.var / "aeo.sqlite3") as db:
            return db.execute(sql).fetchall()


def wait_for(check, what: str, seconds: float = DEADLINE) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {what}")


# Marked so that pytest-django sets the test database up when this test runs alone.
@pytest.mark.django_db(transaction=True)
def test_a_suspension_reaches_the_partner_and_nothing_is_lost_while_it_is_down(
    tmp_path, django_db_setup, django_db_blocker
):
    template = template_database(django_db_blocker)
    jp, tw = Instance(tmp_path, "JP", template), Instance(tmp_path, "TW", template)
    try:
        setups = {jp: jp.setup(tw), tw: tw.setup(jp)}
        for instance, process in setups.items():
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err[-2000:]
            line = next(line for line in out.splitlines() if line.startswith("SETUP="))
            instance.tokens = json.loads(line.removeprefix("SETUP="))
        jp.start(worker=True)
        tw.start()
        number, pk = jp.tokens["aeo_number"], jp.tokens["authorization_id"]

        def status_in_tw() -> str:
            answer = tw.call(
                "POST", "/api/v1/exchange/verify", {"ids": [number]}, tw.tokens["border"]
            )
            return answer["results"][0]["status"]

        def change(action: str, **body) -> None:
            jp.call(
                "POST",
                f"/api/v1/authorizations/{pk}/{action}",
                {"reason": f"test: {action}", **body},
                jp.tokens["examiner"],
            )

        change("suspend", ground="facts")
        wait_for(lambda: status_in_tw() == "suspended", "the suspension in TW")

        tw.stop_server()
        change("lift")
        change("suspend", ground="facts")
        change("revoke")

        def jp_status() -> dict:
            return jp.call("GET", "/api/v1/exchange/status", token=jp.tokens["policy"])[0]

        wait_for(lambda: jp_status()["attempts"] >= 2, "retries while TW is down")
        waiting = jp_status()
        assert waiting["pending"] >= 3 and waiting["last_error"] and waiting["next_retry_at"]

        tw.start()
        wait_for(lambda: jp_status()["pending"] == 0, "everything acknowledged after the retries")
        assert status_in_tw() == "revoked"
    finally:
        jp.stop()
        tw.stop()
    sent = jp.rows("SELECT seq, event FROM mra_outboxrecord ORDER BY seq")
    received = tw.rows("SELECT seq, event FROM mra_partneraeoevent ORDER BY seq")
    assert [e for _, e in sent] == [
        "consent_given",
        "suspended",
        "reinstated",
        "suspended",
        "revoked",
    ]
    assert received == sent
    assert jp.rows("SELECT last_seq, acked_seq FROM mra_partner") == [(5, 5)]
    assert tw.rows("SELECT received_seq FROM mra_partner") == [(5,)]
