from django.contrib import admin

from services.models import Agency, Membership, Service


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "government_level", "sector", "jurisdiction", "currency"]
    list_filter = ["government_level", "sector", "currency"]
    search_fields = ["name", "jurisdiction"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["code", "created_at"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "agency", "role"]
    list_filter = ["role", "agency"]
    search_fields = ["user__username", "user__email", "agency__name"]
    list_select_related = ["user", "agency"]
    autocomplete_fields = ["user", "agency"]


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "sector", "client_type", "clients_per_year", "delivery_mode"]
    list_filter = ["sector", "client_type", "delivery_mode", "agency"]
    search_fields = ["name", "description", "agency__name"]
    list_select_related = ["agency"]
    autocomplete_fields = ["agency"]
    readonly_fields = ["code", "created_at", "updated_at"]
