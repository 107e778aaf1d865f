from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assessments.models import Assessment, AssessmentText, Option


class DraftsOnly:
    """A submitted or archived assessment keeps its answers and results as they were
    submitted: the admin shows it, and its history, but does not change it."""

    def has_change_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return (obj is None or obj.is_editable) and super().has_delete_permission(request, obj)


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
