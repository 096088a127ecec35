"""Project-wide pytest set-up: fast hashing, immediate tasks, shared fixtures."""

import os

os.environ.setdefault("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
