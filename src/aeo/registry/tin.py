"""Trade Identification Number validation, per economy where a national format is known."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

GENERIC_TIN = re.compile(r"^[A-Z0-9]{5,20}$")


def normalize(raw: str) -> str:
    return re.sub(r"[\s\-.]", "", raw or "").upper()


def japan_corporate_number_ok(tin: str) -> bool:
    """Japan's 13-digit Corporate Number: the first digit checks the other twelve.

    check = 9 − (Σ Pn × Qn mod 9), Pn the n-th digit counted from the right of the
    twelve, Qn = 1 for odd n and 2 for even n.
    """
    if not re.fullmatch(r"\d{13}", tin):
        return False
    return tin[0] == japan_check_digit(tin[1:])


def japan_check_digit(body: str) -> str:
    """The check digit that makes `body` (12 digits) a valid Corporate Number."""
    total = sum(int(d) * (2 if n % 2 == 0 else 1) for n, d in enumerate(reversed(body), start=1))
    return str(9 - total % 9)


def validate_tin(economy_code: str, raw: str) -> str:
    """Return the normalized TIN or raise ValidationError saying what is wrong."""
    tin = normalize(raw)
    if not tin:
        raise ValidationError(_("Enter a TIN."), code="required")
    if economy_code == "JP":
        if not japan_corporate_number_ok(tin):
            raise ValidationError(
                _("A Japanese TIN is the 13-digit Corporate Number with a valid check digit."),
                code="invalid",
            )
        return tin
    if not GENERIC_TIN.fullmatch(tin):
        raise ValidationError(
            _("A TIN is 5 to 20 letters or digits (spaces and hyphens are ignored)."),
            code="invalid",
        )
    return tin
