from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from simple_history.admin import SimpleHistoryAdmin

from assessments.choices import Status
from assessments.models import Assessment, AssessmentText, Option


class DraftsOnly:
    """A submitted or archived assessment keeps its answers and results as they were
    submitted: the admin shows it, and its history, but does not change it."""

    def has_change_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_delete_permission(request, obj)


def delete_selected_drafts(modeladmin, request, queryset):
    """Django's "delete selected" for drafts only: a submitted or archived assessment is
    a record of a decision and stays, whatever else was ticked with it. Keeps Django's
    action name, which its confirmation page posts back."""
    kept = queryset.exclude(status=Status.DRAFT).count()
    if kept and not request.POST.get("post"):
        modeladmin.message_user(
            request,
            f"{kept} submitted or archived {'assessment was' if kept == 1 else 'assessments were'} "
            "left out: only drafts can be deleted.",
            messages.WARNING,
        )
    drafts = queryset.filter(status=Status.DRAFT)
    if drafts.exists():
        return delete_selected(modeladmin, request, drafts)
    return None


class AssessmentTextInline(DraftsOnly, admin.StackedInline):
    model = AssessmentText
    can_delete = False
    max_num = 1


class OptionInline(DraftsOnly, admin.TabularInline):
    model = Option
    extra = 0
    fields = ["position", "name", "co_produced", "comparator", "result_full_cost",
              "result_quality", "result_on_frontier", "result_is_best"]  # fmt: skip
    readonly_fields = ["result_full_cost", "result_quality", "result_on_frontier", "result_is_best"]


@admin.register(Assessment)
class AssessmentAdmin(DraftsOnly, SimpleHistoryAdmin):
    list_display = ["title", "service", "status", "result_classification", "result_quadrant"]
    list_filter = ["status", "result_classification", "result_quadrant", "service__agency"]
    search_fields = ["title", "service__name", "service__agency__name", "author__username"]
    list_select_related = ["service__agency"]
    autocomplete_fields = ["service", "author"]
    readonly_fields = ["code", "version", "created_at", "updated_at", *Assessment.RESULT_FIELDS]
    inlines = [AssessmentTextInline, OptionInline]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                delete_selected_drafts,
                "delete_selected",
                "Delete the selected drafts",
            )
        return actions

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset.filter(status=Status.DRAFT))
