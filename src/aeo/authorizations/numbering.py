"""AEO numbers: economy prefix, type and a six-digit sequence per economy and type.

The sequence lives in one counter row per economy and type, locked with SELECT ... FOR UPDATE,
so concurrent issuances wait for each other instead of reading the same last value.
"""

import re

from django.db import transaction
from django.db.models import F

from aeo.authorizations.models import AEONumberCounter
from aeo.registry.models import Economy


def format_aeo_number(economy_code: str, aeo_type: str, sequence: int) -> str:
    return f"{economy_code}-{aeo_type}-{sequence:06d}"


# What an AEO number begins with: the economy's code, its type's (at most 3) and the sequence.
_NUMBER_BEGINNING = re.compile(r"[A-Z]{1,2}|[A-Z]{2}-[A-Z0-9]{0,3}|[A-Z]{2}-[A-Z0-9]{1,3}-\d{0,6}")


def could_begin_aeo_number(text: str) -> bool:
    """Whether `text` (upper case) is the beginning of an AEO number (`format_aeo_number`)."""
    return _NUMBER_BEGINNING.fullmatch(text) is not None


def next_aeo_number(economy: Economy, aeo_type: str) -> str:
    """Reserve the next number; the reservation commits or rolls back with the caller's work."""
    with transaction.atomic():
        counter, _ = AEONumberCounter.objects.select_for_update().get_or_create(
            economy=economy, aeo_type=aeo_type
        )
        counter.last_value = F("last_value") + 1
        counter.save(update_fields=["last_value"])
        counter.refresh_from_db(fields=["last_value"])
    return format_aeo_number(economy.code, aeo_type, counter.last_value)
