"""Loading the reference data (economies, Japan's offices and prefectures) idempotently.

Takes the model classes as arguments so the data migration can pass its historical models.
"""

from typing import Any

from aeo.registry.data import japan
from aeo.registry.data.economies import ECONOMIES


def sync_reference_data(economy_model: Any, office_model: Any, region_model: Any) -> None:
    for code, name, programme, year, validity, cap, calendar in ECONOMIES:
        economy_model.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "programme_name": programme,
                "programme_launch_year": year,
                "validity_years": validity,
                "sme_employee_cap": cap,
                "calendar_code": calendar,
                "apec_member": True,
            },
        )
    offices = {}
    for code, name, kind, has_unit in japan.OFFICES:
        offices[code], _ = office_model.objects.update_or_create(
            economy_id="JP",
            code=code,
            defaults={"name": name, "kind": kind, "has_aeo_unit": has_unit},
        )
    for code, name, office in japan.PREFECTURES:
        region_model.objects.update_or_create(
            economy_id="JP", code=code, defaults={"name": name, "office": offices[office]}
        )


def name_offices_in_japanese(office_model) -> None:
    """Japan Customs' Japanese names of its offices (the English ones come with the offices)."""
    for code, name_ja in japan.OFFICE_NAMES_JA.items():
        office_model.objects.filter(economy_id="JP", code=code).update(name_ja=name_ja)
