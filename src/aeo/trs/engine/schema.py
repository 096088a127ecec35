"""Input schema, code lists and data-quality bounds shared by the whole engine."""

from datetime import timedelta

ID = "declaration_id"
ECONOMY_COLUMNS = ("importing_economy", "partner_economy")
CODE_COLUMNS = (*ECONOMY_COLUMNS, "transport_mode", "clearance_mode")
BOOLEAN_COLUMNS = ("importer_aeo", "consignor_aeo")
TIMESTAMP_COLUMNS = ("arrived_at", "lodged_at", "released_at", "delivered_at")
COLUMNS = (ID, *CODE_COLUMNS, *BOOLEAN_COLUMNS, *TIMESTAMP_COLUMNS)

TRANSPORT_MODES = ("sea", "air", "road", "rail", "post")
CLEARANCE_MODES = ("free", "paper", "exam")
CLEARANCE_LABELS = {
    "free": "Free from Paper and Cargo Examination",
    "paper": "Paper Review",
    "exam": "Cargo Examination",
}
TRUE_VALUES = ("true", "1")
FALSE_VALUES = ("false", "0")

# ISO 3166-1 alpha-2 (officially assigned codes, as shipped by Debian's iso-codes 2024).
_ECONOMY_CODES = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN
    BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
    DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL
    GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM
    JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
    MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP
    NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD
    SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
    TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
"""
ECONOMIES = frozenset(_ECONOMY_CODES.split())

# A stage longer than this is taken for a recording error (the APEC study's longest average is
# under 7 days; goods abandoned for months are not release time).
MAX_STAGE = timedelta(days=60)
MAX_STAGE_SECONDS = MAX_STAGE.total_seconds()

# Reasons a row is excluded from the statistics, in the order they are tested: a row is counted
# once, under the first reason that applies.
REASONS = {
    "missing_id": "declaration_id is empty",
    "duplicate_id": "declaration_id occurs more than once in the file (all copies excluded)",
    "unknown_economy": "importing_economy or partner_economy is not an ISO 3166 alpha-2 code",
    "unknown_transport_mode": "transport_mode is not one of " + ", ".join(TRANSPORT_MODES),
    "unknown_clearance_mode": "clearance_mode is not one of " + ", ".join(CLEARANCE_MODES),
    "invalid_boolean": "importer_aeo or consignor_aeo is not true/false/1/0",
    "invalid_timestamp": "a timestamp is not ISO 8601",
    "stage1_negative": "released_at is before lodged_at",
    "stage2_negative": "delivered_at is before arrived_at",
    "stage1_too_long": f"Stage 1 is longer than {MAX_STAGE.days} days",
    "stage2_too_long": f"Stage 2 is longer than {MAX_STAGE.days} days",
}
