from ninja import Field, Schema

from aeo.registry.constants import OperatorRole


class EconomyOut(Schema):
    code: str
    name: str
    programme_name: str
    programme_launch_year: int | None
    validity_years: int | None = Field(description="null: valid indefinitely")
    sme_employee_cap: int = Field(alias="effective_sme_cap")
    calendar_code: str


class RegistryAEOTypeOut(Schema):
    economy: str = Field(alias="economy_id")
    code: str = Field(description="the infix of the type's AEO numbers")
    name: str = Field(description="in the language of the request")
    name_en: str
    name_ja: str
    roles: list[OperatorRole] = Field(description="the operator roles that may hold the type")
    position: int


class AEOTypeFilters(Schema):
    economy: str = Field("", max_length=2, description="ISO 3166 alpha-2; default: ours")


class OperatorOut(Schema):
    id: int
    economy: str = Field(alias="economy_id")
    tin: str
    legal_name: str
    address: str
    region: str | None = Field(None, alias="region.code")
    office: str | None = Field(None, alias="office.code")
    employee_count: int
    is_sme: bool
    roles: list[OperatorRole] = Field(alias="role_codes")
    email: str


class OperatorIn(Schema):
    economy: str = Field(min_length=2, max_length=2, description="ISO 3166 alpha-2")
    tin: str = Field(max_length=40)
    legal_name: str = Field(min_length=1, max_length=200)
    address: str = Field("", max_length=2000)
    region: str | None = Field(None, description="Region code, e.g. JP-13")
    employee_count: int = Field(ge=0, le=10_000_000)
    email: str = Field("", max_length=254)
    roles: list[OperatorRole] = Field(min_length=1)
    reason: str = Field("", max_length=2000)


class OperatorPatch(Schema):
    economy: str | None = Field(None, min_length=2, max_length=2)
    tin: str | None = Field(None, max_length=40)
    legal_name: str | None = Field(None, min_length=1, max_length=200)
    address: str | None = Field(None, max_length=2000)
    region: str | None = None
    employee_count: int | None = Field(None, ge=0, le=10_000_000)
    email: str | None = Field(None, max_length=254)
    roles: list[OperatorRole] | None = Field(None, min_length=1)
    reason: str = Field("", max_length=2000)
