import pytest

from aeo.mra.tests.conftest import in_force_with


@pytest.fixture
def tw_mra(db):
    """The Chinese Taipei–Japan arrangement in force from 2019-05-22 (the APEC study's case)."""
    return in_force_with("TW")
