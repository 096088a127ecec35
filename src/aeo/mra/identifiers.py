"""The identifier a partner uses for our AEOs in its declarations, by the partner's rule."""

import re

from django.utils.translation import gettext as _

from aeo.core.errors import DomainError
from aeo.mra.constants import IdentifierRule

PATTERNS = {
    IdentifierRule.AEO_NUMBER: re.compile(r"^[A-Z]{2}-[A-Z]{3}-\d{6,}$"),
    IdentifierRule.TIN: re.compile(r"^[A-Z0-9]{5,20}$"),
    IdentifierRule.CORPORATE_NUMBER_BRANCH: re.compile(r"^\d{13}\d{4}$"),
    IdentifierRule.MRA_CODE: re.compile(r"^[A-Z]{2}[A-Z]{3}\d{6,}$"),
}
# A rule that only fits an economy's own TIN format.
ECONOMY_ONLY = {IdentifierRule.CORPORATE_NUMBER_BRANCH: "JP"}
HEAD_OFFICE = "0000"


def check_rule(rule: str, economy_code: str) -> str:
    """The rule, if it can produce identifiers for AEOs of `economy_code` (ours)."""
    if rule not in IdentifierRule.values:
        raise DomainError(_("Choose an identifier rule."), field="identifier_rule", code="invalid")
    needed = ECONOMY_ONLY.get(IdentifierRule(rule))
    if needed and needed != economy_code:
        raise DomainError(
            _("This rule needs Japanese corporate numbers as TINs."),
            field="identifier_rule",
            code="rule_not_applicable",
        )
    return rule


def convert(rule: str, *, aeo_number: str, tin: str) -> str:
    """Our AEO's identifier for this partner; refused (ValueError) if it breaks the format."""
    value = {
        IdentifierRule.AEO_NUMBER: aeo_number,
        IdentifierRule.TIN: tin,
        IdentifierRule.CORPORATE_NUMBER_BRANCH: tin + HEAD_OFFICE,
        IdentifierRule.MRA_CODE: aeo_number.replace("-", ""),
    }[IdentifierRule(rule)]
    if not PATTERNS[IdentifierRule(rule)].fullmatch(value):
        raise ValueError(f"{value!r} does not fit the rule {rule}")
    return value
