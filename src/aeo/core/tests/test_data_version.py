"""`core.db.data_version`: what the kept answers (`core.kept`) are valid for."""

import subprocess
import sys

import pytest
from django.db import connection, transaction

from aeo.core.db import data_version
from aeo.registry.models import Economy

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_commit_moves_the_version():
    before = data_version()
    with transaction.atomic():
        Economy.objects.create(code="ZZ", name="Test economy")
    after = data_version()
    assert after != before
    Economy.objects.filter(code="ZZ").update(name="Renamed economy")  # autocommitted
    assert data_version() != after


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's moves with any write")
def test_a_commit_by_another_process_moves_it_and_a_read_does_not():
    before = data_version()
    assert Economy.objects.count() >= 0
    assert data_version() == before
    other = (
        "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]);"
        " db.execute('CREATE TABLE IF NOT EXISTS t (x)'); db.execute('DROP TABLE t'); db.commit()"
    )
    subprocess.run([sys.executable, "-c", other, connection.settings_dict["NAME"]], check=True)  # noqa: S603
    assert data_version() != before
