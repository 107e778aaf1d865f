from operator import attrgetter, methodcaller

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from coprod_site.columns import (
    CLIENTS_A_YEAR,
    DATETIME,
    INTEGER,
    TEXT,
    Column,
    Export,
    form_filters,
    labels,
    python_row,
)
from coprod_site.csv_export import export_view, streaming_csv_response
from services.access import (
    agencies_for,
    get_agency_for_user,
    get_service_for_user,
    role_subquery,
    services_for,
)
from services.forms import AgencySettingsForm, ServiceFilterForm, ServiceForm
from services.models import ClientType, DeliveryMode, Role, Sector


def filtered_services(request):
    """The user's services narrowed by the page's GET filters (shared with the export)."""
    form = ServiceFilterForm(request.GET or None, agencies=agencies_for(request.user))
    services = form.filter(services_for(request.user).select_related("agency"))
    return form, services


@require_safe
def service_list(request):
    form, services = filtered_services(request)
    # 1 query: the user's agencies and their role in each, for the agency filter and the
    # links a manager gets (add a service, each managed agency's appraisal settings).
    agencies = list(agencies_for(request.user).annotate(role=role_subquery(request.user, "pk")))
    form.offer_agencies(agencies)
    page = Paginator(services, 25).get_page(request.GET.get("page"))
    managed = [agency for agency in agencies if agency.role == Role.MANAGER]
    return render(
        request, "services/service_list.html", {"form": form, "page": page, "managed": managed}
    )


@require_safe
def service_detail(request, code):
    service = get_service_for_user(request.user, code)
    return render(request, "services/service_detail.html", {"service": service})


def save_service(form: ServiceForm):
    """Save the form's service; None, with the error on the name, if the name was taken
    by a save that crossed this one."""
    try:
        with transaction.atomic():
            return form.save()
    except IntegrityError:
        form.add_name_taken_error(form.instance.agency)
        return None


@require_http_methods(["GET", "POST"])
def service_new(request):
    agencies = agencies_for(request.user, write=True)
    managed = list(agencies)
    if not managed:
        if agencies_for(request.user).exists():
            raise PermissionDenied("Viewers can read services but cannot add them.")
        raise Http404("You do not belong to an agency.")
    chosen = request.GET.get("agency")
    initial = {"agency": next((a for a in managed if a.slug == chosen), None)}
    if len(managed) == 1:
        initial["agency"] = managed[0]
    form = ServiceForm(request.POST or None, agencies=agencies, initial=initial)
    if form.is_valid() and (service := save_service(form)):
        messages.success(request, f"Added {service.name} to {service.agency.name}.")
        return redirect(service)
    return render(request, "services/service_form.html", {"form": form, "service": None})


@require_http_methods(["GET", "POST"])
def service_edit(request, code):
    service = get_service_for_user(request.user, code, write=True)
    # The heading keeps the saved name: a rejected form has already written the typed one
    # onto the service.
    saved_name = service.name
    form = ServiceForm(request.POST or None, instance=service)
    if form.is_valid() and save_service(form):
        messages.success(request, f"Saved the changes to {service.name}.")
        return redirect(service)
    context = {"form": form, "service": service, "saved_name": saved_name}
    return render(request, "services/service_form.html", context)


@require_http_methods(["GET", "POST"])
def agency_settings(request, slug):
    agency = get_agency_for_user(request.user, slug, write=True)
    form = AgencySettingsForm(request.POST or None, instance=agency)
    if form.is_valid():
        form.save()
        messages.success(
            request,
            f"Saved {agency.name}'s appraisal settings. Assessments started from now on "
            "start from them.",
        )
        return redirect("services:agency_settings", slug=agency.slug)
    return render(request, "services/agency_settings.html", {"form": form, "agency": agency})


# What the export reads: the description stays in the database.
SERVICE_FIELDS = ("code", "name", "agency__name", "sector", "client_type", "clients_per_year",
                  "delivery_mode", "created_at")  # fmt: skip
SERVICE_COLUMNS = [
    Column("service_id", attrgetter("code"), TEXT, "The service's permanent id.", format="uuid"),
    Column("service", attrgetter("name"), TEXT, "The service's name."),
    Column("agency", attrgetter("agency.name"), TEXT, "The agency that runs it."),
    Column(
        "sector",
        methodcaller("get_sector_display"),
        TEXT,
        "The field of public service it is in.",
        values=labels(Sector),
    ),
    Column(
        "client_type",
        methodcaller("get_client_type_display"),
        TEXT,
        "Who the clients are: people the service is for, people who owe a duty (like "
        "taxpayers), paying customers, or citizens at large.",
        values=labels(ClientType),
    ),
    Column(
        "clients_per_year",
        attrgetter("clients_per_year"),
        INTEGER,
        "Roughly how many people the service serves in a year.",
        CLIENTS_A_YEAR,
    ),
    Column(
        "delivery_mode",
        methodcaller("get_delivery_mode_display"),
        TEXT,
        "How the service is delivered now.",
        values=labels(DeliveryMode),
    ),
    Column(
        "created_at",
        lambda service: service.created_at.isoformat(),
        DATETIME,
        "When the service was added to Coprod.",
    ),
]


@export_view
def export_services_csv(request):
    _, services = filtered_services(request)
    services = services.only(*SERVICE_FIELDS)
    rows = map(python_row(SERVICE_COLUMNS), services.iterator(chunk_size=2000))
    return streaming_csv_response(
        "coprod-services", [column.name for column in SERVICE_COLUMNS], rows
    )


SERVICES_EXPORT = Export(
    name="services",
    url_name="export-services",
    title="Services",
    row="One row for each service of your agencies.",
    columns=SERVICE_COLUMNS,
    filters=form_filters(
        ServiceFilterForm,
        agency="One of your agencies, by the name in its address (as the page's agency filter "
        "sends it).",
        q="Words in the service's name.",
    ),
    primary_key=("service_id",),
    offered_on="the Services page",
)
