from django.db.models import Count, Sum
from django.shortcuts import render
from django.views.decorators.http import require_safe

from services.access import agencies_for


@require_safe
def dashboard(request):
    # 1 query: the user's agencies with their service counts and clients served.
    agencies = agencies_for(request.user).annotate(
        service_count=Count("services"), clients_total=Sum("services__clients_per_year")
    )
    return render(request, "assessments/dashboard.html", {"agencies": agencies})
