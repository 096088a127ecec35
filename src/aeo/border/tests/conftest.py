from datetime import date
from decimal import Decimal

import pytest

from aeo.benefits.constants import BenefitStatus, Category
from aeo.benefits.models import Benefit
from aeo.mra.tests.conftest import in_force_with


@pytest.fixture
def tw_mra(db):
    """The Chinese Taipei–Japan arrangement in force from 2019-05-22 (the APEC study's case)."""
    return in_force_with("TW")


def published_benefit(
    types: list[str],
    *,
    percent: Decimal | int | None = 75,
    category: str = Category.LOW_INSPECTION,
    status: str = BenefitStatus.PUBLISHED,
    valid_from: date | None = date(2008, 4, 1),
    valid_to: date | None = None,
    title: str = "",
) -> Benefit:
    """A catalogue benefit as the benefits app publishes it, without its workflow (fast)."""
    return Benefit.objects.create(
        title_en=title or f"Reduced examination ({', '.join(types)})",
        title_ja=f"審査・検査の軽減（{'・'.join(types)}）",
        description_en="Selected for examination less often, never to zero.",
        description_ja="審査・検査の対象となる割合が低くなります。",
        conditions=f"Random examination rate reduced by {percent} %" if percent else "",
        aeo_types=types,
        category=category,
        condition_percent=percent,
        status=status,
        valid_from=valid_from,
        valid_to=valid_to,
    )


@pytest.fixture
def benefit_factory(db):
    return published_benefit


@pytest.fixture
def inspection_benefits(db) -> dict[str, Benefit]:
    """Japan's seed "reduced examination" benefits of importers, exporters and brokers."""
    return {code: published_benefit([code]) for code in ("IMP", "EXP", "BRK")}
