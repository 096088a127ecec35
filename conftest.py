"""Project-wide pytest set-up: fast hashing, immediate tasks, reference data for live tests."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone


def pytest_configure(config):
    """Compile a message catalogue whose .po is newer than its .mo, as `make locale` does, so the
    suite runs on the Japanese in the working tree (translation tests skip without msgfmt)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        return
    for po in Path(__file__).parent.glob("src/aeo/locale/*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            # our own paths, not input: S603 does not apply
            subprocess.run([msgfmt, "--check-format", "-o", str(mo), str(po)], check=False)  # noqa: S603


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    from django.core.cache import cache

    from aeo.core import kept

    cache.clear()  # throttling counters start afresh in every test
    kept.forget()  # and no answer is kept from another test's (rolled back) data


@pytest.fixture
def reference_data(transactional_db):
    """The data migrations' reference data, for tests that run outside a rolled-back transaction.

    A transactional test empties every table when it ends; this puts the economies, offices,
    regions, Japan's AEO types and the default requirements catalogue back (idempotently)
    before the next one.
    """
    from aeo.registry.data.aeo_types import add_all
    from aeo.registry.models import AEOType, CustomsOffice, Economy, Region
    from aeo.registry.reference import name_offices_in_japanese, sync_reference_data
    from aeo.requirements.catalogue import load_default
    from aeo.requirements.models import Criterion, Question, TemplateVersion

    sync_reference_data(Economy, CustomsOffice, Region)
    name_offices_in_japanese(CustomsOffice)
    add_all(AEOType)
    if not TemplateVersion.objects.exists():
        load_default(TemplateVersion, Criterion, Question, now=timezone.now())
