from django import forms
from django.contrib import admin, messages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.utils import timezone
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from simple_history.admin import SimpleHistoryAdmin

from services.models import (
    Agency,
    CaseEffect,
    CaseExample,
    CaseSource,
    CaseStatus,
    Membership,
    Motivator,
    PriceIndex,
    ReferenceValue,
    Service,
    SpecialAsset,
)
from services.models.cases import web_address
from services.resources import (
    FIRST_YEAR,
    LAST_YEAR,
    CaseExampleResource,
    PriceIndexResource,
    ReferenceValueResource,
    ServiceResource,
)


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


def _record_history(model, pks, user, reason: str, when) -> None:
    """History rows for rows changed with `.update()`, which simple-history cannot see."""
    if pks:
        model.history.bulk_history_create(
            model.objects.filter(pk__in=pks),
            update=True,
            default_user=user,
            default_change_reason=reason,
            default_date=when,
        )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


class CuratedAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    """Shared content that curators keep, draft, in review or published (case examples,
    reference values): whoever saves a row is its curator, and the publish and unpublish
    actions, which change many rows in one `.update()`, write their history rows
    themselves, with the reason."""

    noun = "item"  # one row, in the actions' messages: "Published 2 cases."
    actions = ["publish", "unpublish"]
    curation_fields = ["code", "curated_by", "curated_at", "published_at", "created_at",
                       "updated_at"]  # fmt: skip

    def save_model(self, request, obj, form, change):
        obj.curated_by = request.user
        obj.curated_at = timezone.now()
        super().save_model(request, obj, form, change)

    def publish_problems(self, obj) -> list[str]:
        """Why this row cannot be published yet, in a phrase each; empty when it can."""
        return []

    def _set_status(self, request, pks, status: str, reason: str) -> int:
        now = timezone.now()
        published_at = now if status == CaseStatus.PUBLISHED else None
        changed = self.model.objects.filter(pk__in=pks).update(
            status=status, published_at=published_at, curated_by=request.user, curated_at=now
        )
        _record_history(self.model, pks, request.user, reason, now)
        return changed

    @admin.action(description="Publish selected %(verbose_name_plural)s", permissions=["change"])
    def publish(self, request, queryset):
        ready = []
        for obj in queryset:
            problems = self.publish_problems(obj)
            if problems:
                self.message_user(
                    request,
                    f"“{obj}” was not published: {' and '.join(problems)}.",
                    messages.ERROR,
                )
            elif not obj.is_published:
                ready.append(obj.pk)
        published = self._set_status(request, ready, CaseStatus.PUBLISHED, "Published")
        if published:
            self.message_user(
                request, f"Published {_count(published, self.noun)}.", messages.SUCCESS
            )

    @admin.action(description="Unpublish (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        published = [obj.pk for obj in queryset if obj.is_published]
        unpublished = self._set_status(request, published, CaseStatus.DRAFT, "Unpublished")
        self.message_user(
            request,
            f"Moved {_count(unpublished, self.noun)} back to draft.",
            messages.SUCCESS,
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


class CaseEffectInline(admin.StackedInline):
    model = CaseEffect
    fields = [
        ("outcome", "unit"),
        ("effect", "low", "high", "spread"),
        "compared_with",
        "population",
        "study",
        ("url", "order"),
    ]
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(CaseExample)
class CaseExampleAdmin(CuratedAdmin):
    noun = "case"
    resource_classes = [CaseExampleResource]
    form = CaseExampleAdminForm
    list_display = ["title", "status", "sector", "country", "source_count", "updated_at"]
    list_filter = ["status", "sector", "country", "value_type", "necessity", "government_level"]
    search_fields = ["title", "summary", "work", "lessons", "country"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = CuratedAdmin.curation_fields
    inlines = [CaseSourceInline, CaseEffectInline]
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

    def publish_problems(self, case) -> list[str]:
        return case.publish_problems(source_count=case.source_count)


class ReferenceValueAdminForm(forms.ModelForm):
    """The model's constraints on years and web addresses, as messages a curator reads
    beside the field rather than the constraint's name.

    No Meta: the admin builds the form's fields from its fieldsets, with its
    formfield_overrides (https assumed in a web address).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("price_year", "source_year"):
            self.fields[name].validators += [
                MinValueValidator(FIRST_YEAR),
                MaxValueValidator(LAST_YEAR),
            ]
        # The form field words every bad address its own way; this one says what to type.
        self.fields["url"].validators.append(web_address)
        self.fields["url"].error_messages["invalid"] = web_address.message


@admin.register(ReferenceValue)
class ReferenceValueAdmin(CuratedAdmin):
    noun = "reference value"
    resource_classes = [ReferenceValueResource]
    form = ReferenceValueAdminForm
    list_display = ["name", "value", "currency", "price_year", "country", "status", "updated_at"]
    list_filter = ["status", "currency", "country"]
    search_fields = ["name", "unit", "source_title", "publisher", "quote", "country"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = CuratedAdmin.curation_fields
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "unit"]}),
        (
            "The value",
            {"fields": [("value", "low", "high"), "currency", "price_year", "country"]},
        ),
        (
            "Its source",
            {
                "fields": ["source_title", "publisher", "location", "source_year", "url", "quote"],
                "description": "Quote the source's own words or table cells that give the "
                "figure, as printed, so anyone can check it.",
            },
        ),
        ("Using it", {"fields": ["note"]}),
        ("Curation", {"fields": readonly_fields, "classes": ["collapse"]}),
    ]


@admin.register(PriceIndex)
class PriceIndexAdmin(ImportExportAdmin, SimpleHistoryAdmin):
    resource_classes = [PriceIndexResource]
    list_display = ["currency", "year", "index", "source"]
    list_filter = ["currency"]
    search_fields = ["currency", "source"]
    ordering = ["currency", "year"]
