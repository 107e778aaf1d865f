from django import forms
from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.utils import timezone
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from services.models import (
    Agency,
    CaseExample,
    CaseSource,
    CaseStatus,
    Membership,
    Motivator,
    Service,
    SpecialAsset,
)
from services.resources import CaseExampleResource, ServiceResource


class ImportExportAdmin(ImportExportMixin):
    """Import and export as CSV or XLSX, for holders of the model's own import and export
    permissions (services.import_<model>, services.export_<model>); importing also needs
    the permissions to add and change."""

    import_formats = [CSV, XLSX]
    export_formats = [CSV, XLSX]
    import_template_name = "admin/services/import.html"

    def _has(self, request, action: str) -> bool:
        return request.user.has_perm(f"{self.opts.app_label}.{action}_{self.opts.model_name}")

    def has_import_permission(self, request):
        return all(self._has(request, action) for action in ("import", "add", "change"))

    def has_export_permission(self, request):
        return self._has(request, "export")


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "government_level", "sector", "jurisdiction", "currency"]
    list_filter = ["government_level", "sector", "currency"]
    search_fields = ["name", "jurisdiction"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["code", "created_at"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "agency", "role"]
    list_filter = ["role", "agency"]
    search_fields = ["user__username", "user__email", "agency__name"]
    list_select_related = ["user", "agency"]
    autocomplete_fields = ["user", "agency"]


@admin.register(Service)
class ServiceAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    resource_classes = [ServiceResource]
    list_display = ["name", "agency", "sector", "client_type", "clients_per_year", "delivery_mode"]
    list_filter = ["sector", "client_type", "delivery_mode", "agency"]
    search_fields = ["name", "description", "agency__name"]
    list_select_related = ["agency"]
    autocomplete_fields = ["agency"]
    readonly_fields = ["code", "created_at", "updated_at"]


def _record_history(case_pks, user, reason: str, when) -> None:
    """History rows for cases changed with `.update()`, which simple-history cannot see."""
    if case_pks:
        CaseExample.history.bulk_history_create(
            CaseExample.objects.filter(pk__in=case_pks),
            update=True,
            default_user=user,
            default_change_reason=reason,
            default_date=when,
        )


def _in_choice_order(chosen, choices) -> list[str]:
    return [value for value in choices.values if value in set(chosen)]


class CaseExampleAdminForm(forms.ModelForm):
    # The model stores these as JSON lists; curators tick boxes instead of typing JSON.
    motivators = forms.MultipleChoiceField(
        label="Why people take part",
        choices=Motivator.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    special_assets = forms.MultipleChoiceField(
        label="What co-producers bring",
        choices=SpecialAsset.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = CaseExample
        fields = [
            "title", "slug", "status", "summary", "work", "co_producer_type", "level",
            "agencies", "period", "country", "sector", "government_level", "value_type",
            "necessity", "motivators", "special_assets", "benefits", "costs",
            "quality_effect", "lessons",
        ]  # fmt: skip

    def clean_motivators(self):
        return _in_choice_order(self.cleaned_data["motivators"], Motivator)

    def clean_special_assets(self):
        return _in_choice_order(self.cleaned_data["special_assets"], SpecialAsset)


class CaseSourceFormSet(forms.BaseInlineFormSet):
    """Refuses to save a published case with no source.

    This cannot be a database constraint, and the model cannot check it either: the
    sources being added or deleted in the same form are not in the database yet. So it
    reads the inline's own cleaned data. `self.instance` already carries the status
    chosen in the main form.
    """

    def clean(self):
        super().clean()
        if self.instance.status != CaseStatus.PUBLISHED:
            return
        kept = [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not kept:
            raise forms.ValidationError(
                "A published case needs at least one source, so readers can check it. "
                "Add a source below, or save the case as a draft or for review."
            )


class CaseSourceInline(admin.TabularInline):
    model = CaseSource
    formset = CaseSourceFormSet
    fields = ["order", "citation", "url"]
    extra = 1
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(CaseExample)
class CaseExampleAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    resource_classes = [CaseExampleResource]
    form = CaseExampleAdminForm
    list_display = ["title", "status", "sector", "country", "source_count", "updated_at"]
    list_filter = ["status", "sector", "country", "value_type", "necessity", "government_level"]
    search_fields = ["title", "summary", "work", "lessons", "country"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = [
        "code",
        "curated_by",
        "curated_at",
        "published_at",
        "created_at",
        "updated_at",
    ]
    inlines = [CaseSourceInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "summary"]}),
        (
            "Who does what, where and when",
            {
                "fields": [
                    "work",
                    "co_producer_type",
                    "level",
                    "agencies",
                    "period",
                    "country",
                    "sector",
                    "government_level",
                ]
            },
        ),
        (
            "Value and motivation",
            {"fields": ["value_type", "necessity", "motivators", "special_assets"]},
        ),
        ("What it achieved", {"fields": ["benefits", "costs", "quality_effect", "lessons"]}),
        (
            "Curation",
            {"fields": readonly_fields, "classes": ["collapse"]},
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("curated_by")
            .annotate(source_count=Count("sources"))
        )

    @admin.display(description="Sources", ordering="source_count")
    def source_count(self, case) -> int:
        return case.source_count

    def save_model(self, request, obj, form, change):
        obj.curated_by = request.user
        obj.curated_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description="Publish selected cases", permissions=["change"])
    def publish(self, request, queryset):
        ready = []
        for case in queryset:
            problems = case.publish_problems(source_count=case.source_count)
            if problems:
                self.message_user(
                    request,
                    f"“{case}” was not published: {' and '.join(problems)}.",
                    messages.ERROR,
                )
            elif not case.is_published:
                ready.append(case.pk)
        now = timezone.now()
        published = CaseExample.objects.filter(pk__in=ready).update(
            status=CaseStatus.PUBLISHED, published_at=now, curated_by=request.user, curated_at=now
        )
        _record_history(ready, request.user, "Published", now)
        if published:
            self.message_user(
                request,
                f"Published {published} case{'s' if published != 1 else ''}.",
                messages.SUCCESS,
            )

    @admin.action(description="Unpublish (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        now = timezone.now()
        published = [case.pk for case in queryset if case.is_published]
        unpublished = CaseExample.objects.filter(pk__in=published).update(
            status=CaseStatus.DRAFT,
            published_at=None,
            curated_by=request.user,
            curated_at=now,
        )
        _record_history(published, request.user, "Unpublished", now)
        self.message_user(
            request,
            f"Moved {unpublished} case{'s' if unpublished != 1 else ''} back to draft.",
            messages.SUCCESS,
        )
