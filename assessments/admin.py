from django.contrib import admin

from assessments.models import Assessment, AssessmentText


class AssessmentTextInline(admin.StackedInline):
    model = AssessmentText
    can_delete = False
    max_num = 1


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["title", "service", "status", "result_classification", "result_verdict"]
    list_filter = ["status", "result_classification", "result_verdict", "service__agency"]
    search_fields = ["title", "service__name", "service__agency__name", "author__username"]
    list_select_related = ["service__agency"]
    autocomplete_fields = ["service", "author"]
    readonly_fields = ["code", "version", "created_at", "updated_at", *Assessment.RESULT_FIELDS]
    inlines = [AssessmentTextInline]
