from django.db import models
from django.utils.translation import gettext_lazy as _

# IFC's SME definition, used where an economy sets no employee cap of its own.
DEFAULT_SME_EMPLOYEE_CAP = 300


class OperatorRole(models.TextChoices):
    IMPORTER = "importer", _("Importer")
    EXPORTER = "exporter", _("Exporter")
    CUSTOMS_BROKER = "customs_broker", _("Customs broker")
    WAREHOUSE_OPERATOR = "warehouse_operator", _("Warehouse operator")
    LOGISTICS_OPERATOR = "logistics_operator", _("Logistics operator")
    MANUFACTURER = "manufacturer", _("Manufacturer")
    FREIGHT_FORWARDER = "freight_forwarder", _("Freight forwarder")
    ROAD_CARRIER = "road_carrier", _("Road carrier")
    SEA_CARRIER = "sea_carrier", _("Sea carrier")
    AIR_CARRIER = "air_carrier", _("Air carrier")
    GROUND_HANDLER = "ground_handler", _("Ground handler")
    TERMINAL_OPERATOR = "terminal_operator", _("Terminal operator")
    COURIER = "courier", _("Courier")
    SHIPPING_AGENT = "shipping_agent", _("Shipping agent")
    ECOMMERCE_PLATFORM = "ecommerce_platform", _("E-commerce platform")


class OfficeKind(models.TextChoices):
    HEADQUARTERS = "headquarters", _("Headquarters")
    AEO_CENTER = "aeo_center", _("AEO Center")
    REGIONAL = "regional", _("Regional customs (AEO unit)")


# Facts a trader may not change on its own operator: they appear on the public register, decide
# SME status or the supervising unit. The trader notifies the change; an official confirms it.
CONFIRMED_BY_CUSTOMS = ("legal_name", "address", "region", "employee_count")
