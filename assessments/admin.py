from django.contrib import admin

from assessments.models import Assessment, AssessmentText, Option


class AssessmentTextInline(admin.StackedInline):
    model = AssessmentText
    can_delete = False
    max_num = 1


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0
    fields = ["position", "name", "co_produced", "comparator", "result_full_cost",
              "result_quality", "result_on_frontier", "result_is_best"]  # fmt: skip
    readonly_fields = ["result_full_cost", "result_quality", "result_on_frontier", "result_is_best"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["title", "service", "status", "result_classification", "result_quadrant"]
    list_filter = ["status", "result_classification", "result_quadrant", "service__agency"]
    search_fields = ["title", "service__name", "service__agency__name", "author__username"]
    list_select_related = ["service__agency"]
    autocomplete_fields = ["service", "author"]
    readonly_fields = ["code", "version", "created_at", "updated_at", *Assessment.RESULT_FIELDS]
    inlines = [AssessmentTextInline, OptionInline]
