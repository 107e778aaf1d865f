from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from coprod_site.csv_export import streaming_csv_response
from services.access import agencies_for, get_service_for_user, services_for
from services.forms import ServiceFilterForm
from services.models import ClientType, DeliveryMode, Sector


def filtered_services(request):
    """The user's services narrowed by the page's GET filters (shared with the export)."""
    form = ServiceFilterForm(request.GET or None, agencies=agencies_for(request.user))
    services = form.filter(services_for(request.user).select_related("agency"))
    return form, services


@require_safe
def service_list(request):
    form, services = filtered_services(request)
    page = Paginator(services, 25).get_page(request.GET.get("page"))
    return render(request, "services/service_list.html", {"form": form, "page": page})


@require_safe
def service_detail(request, code):
    service = get_service_for_user(request.user, code)
    return render(request, "services/service_detail.html", {"service": service})


@require_safe
def export_services_csv(request):
    _, services = filtered_services(request)
    header = [
        "service_id", "service", "agency", "sector", "client_type",
        "clients_per_year", "delivery_mode", "created_at",
    ]  # fmt: skip
    sector_labels = dict(Sector.choices)
    client_labels = dict(ClientType.choices)
    mode_labels = dict(DeliveryMode.choices)
    rows = (
        (
            code,
            name,
            agency,
            sector_labels.get(sector, sector),
            client_labels.get(client_type, client_type),
            clients,
            mode_labels.get(mode, mode),
            created.isoformat(),
        )  # fmt: skip
        for code, name, agency, sector, client_type, clients, mode, created in services.values_list(
            "code",
            "name",
            "agency__name",
            "sector",
            "client_type",
            "clients_per_year",
            "delivery_mode",
            "created_at",
        ).iterator(chunk_size=2000)  # fmt: skip
    )
    return streaming_csv_response("coprod-services", header, rows)
