from django.contrib import admin

from aeo.authorizations.models import Authorization, AuthorizationEvent
from aeo.core.admin import HistoryInline, ReadOnlyAdmin


class EventInline(HistoryInline):
    model = AuthorizationEvent


@admin.register(Authorization)
class AuthorizationAdmin(ReadOnlyAdmin):
    list_display = ("aeo_number", "operator", "aeo_type", "status", "valid_from", "valid_to")
    list_filter = ("status", "aeo_type")
    search_fields = ("aeo_number", "operator__legal_name", "operator__tin")
    inlines = [EventInline]
