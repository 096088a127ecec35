"""Project-wide pytest set-up: fast hashing, immediate tasks, reference data for live tests."""

import pytest
from django.utils import timezone


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    from django.core.cache import cache

    cache.clear()  # throttling counters start afresh in every test


@pytest.fixture
def reference_data(transactional_db):
    """The data migrations' reference data, for tests that run outside a rolled-back transaction.

    A transactional test empties every table when it ends; this puts the economies, offices,
    regions and the default requirements catalogue back (idempotently) before the next one.
    """
    from aeo.registry.models import CustomsOffice, Economy, Region
    from aeo.registry.reference import sync_reference_data
    from aeo.requirements.catalogue import load_default
    from aeo.requirements.models import Criterion, Question, TemplateVersion

    sync_reference_data(Economy, CustomsOffice, Region)
    if not TemplateVersion.objects.exists():
        load_default(TemplateVersion, Criterion, Question, now=timezone.now())
