from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from coprod_site.glossary import GLOSSARY


@login_not_required
@never_cache
@require_safe
def healthz(request):
    """200 "ok" when the app and its database answer; 503 otherwise, for load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
@require_safe
def help_page(request):
    """The glossary: every term Coprod uses, in plain words; hints link to its entries."""
    return render(request, "help.html", {"glossary": GLOSSARY})
