import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from services.models import CaseExample, CaseStatus
from tests import factories

pytestmark = pytest.mark.usefixtures("empty_library")

CHANGELIST = reverse("admin:services_caseexample_changelist")


def change_url(case) -> str:
    return reverse("admin:services_caseexample_change", args=[case.pk])


def form_data(case, *, sources=(), **changes) -> dict:
    """What the admin's change form posts for the case, with `sources` as new inline rows."""
    data = {
        field: getattr(case, field)
        for field in [
            "title", "slug", "status", "summary", "work", "agencies", "period", "country",
            "sector", "government_level", "co_producer_type", "level", "value_type",
            "necessity", "benefits", "costs", "quality_effect", "lessons",
        ]
    }  # fmt: skip
    data["motivators"] = list(case.motivators)
    data["special_assets"] = list(case.special_assets)
    existing = list(case.sources.all()) if case.pk else []
    rows = [
        {"id": source.pk, "order": source.order, "citation": source.citation, "url": source.url}
        for source in existing
    ] + [{"id": "", "order": 1, "citation": citation, "url": url} for citation, url in sources]
    data.update(
        {
            "sources-TOTAL_FORMS": len(rows),
            "sources-INITIAL_FORMS": len(existing),
            "sources-MIN_NUM_FORMS": 0,
            "sources-MAX_NUM_FORMS": 1000,
            # The measured effects' inline, left as it is.
            "effects-TOTAL_FORMS": 0,
            "effects-INITIAL_FORMS": 0,
            "effects-MIN_NUM_FORMS": 0,
            "effects-MAX_NUM_FORMS": 1000,
        }
    )
    for n, row in enumerate(rows):
        for key, value in row.items():
            data[f"sources-{n}-{key}"] = value
        data[f"sources-{n}-case"] = case.pk or ""
    data.update(changes)
    return data


def run_action(client, action, cases):
    return client.post(
        CHANGELIST,
        {"action": action, ACTION_CHECKBOX_NAME: [case.pk for case in cases]},
        follow=True,
    )


def test_non_staff_cannot_reach_the_case_admin(client, reader):
    client.force_login(reader)
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_the_changelist_filters_and_searches(client, curator):
    factories.CaseExampleFactory(title="Zebra wardens", draft=True)
    factories.CaseExampleFactory(title="Kerbside recycling")
    client.force_login(curator)
    response = client.get(CHANGELIST, {"q": "zebra", "status__exact": "draft"})
    assert response.status_code == 200
    assert [case.title for case in response.context["cl"].result_list] == ["Zebra wardens"]


def test_publish_action_publishes_a_ready_case_and_refuses_the_others(client, curator):
    ready = factories.CaseExampleFactory(draft=True, title="Ready case")
    no_source = factories.CaseExampleFactory(draft=True, title="Unsourced case", sources=None)
    no_summary = factories.CaseExampleFactory(draft=True, title="Blank case", summary="")
    client.force_login(curator)
    response = run_action(client, "publish", [ready, no_source, no_summary])
    page = response.content.decode()
    assert "“Unsourced case” was not published: it has no source." in page
    assert "“Blank case” was not published: it has no summary." in page
    assert "Published 1 case." in page
    ready.refresh_from_db()
    assert ready.status == CaseStatus.PUBLISHED
    assert ready.published_at is not None
    assert ready.curated_by == curator and ready.curated_at is not None
    assert set(
        CaseExample.objects.filter(pk__in=[no_source.pk, no_summary.pk]).values_list(
            "status", flat=True
        )
    ) == {CaseStatus.DRAFT}


def test_unpublish_action_moves_cases_back_to_draft(client, curator):
    case = factories.CaseExampleFactory()
    client.force_login(curator)
    page = run_action(client, "unpublish", [case]).content.decode()
    assert "Moved 1 case back to draft." in page
    case.refresh_from_db()
    assert case.status == CaseStatus.DRAFT and case.published_at is None


def test_the_change_form_refuses_to_publish_a_case_with_no_source(client, curator):
    case = factories.CaseExampleFactory(draft=True, sources=None)
    client.force_login(curator)
    response = client.post(change_url(case), form_data(case, status="published"))
    assert response.status_code == 200
    assert "A published case needs at least one source" in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.DRAFT


def test_the_change_form_refuses_deleting_the_last_source_of_a_published_case(client, curator):
    case = factories.CaseExampleFactory()
    client.force_login(curator)
    response = client.post(change_url(case), form_data(case, **{"sources-0-DELETE": "on"}))
    assert response.status_code == 200
    assert "A published case needs at least one source" in response.content.decode()
    assert case.sources.count() == 1


def test_the_change_form_publishes_once_a_source_is_added_in_the_same_save(client, curator):
    case = factories.CaseExampleFactory(draft=True, sources=None, motivators=[])
    client.force_login(curator)
    data = form_data(
        case,
        sources=[("Alford, J. (2009), Engaging Public Sector Clients", "https://example.org/a")],
        status="published",
        motivators=["social", "material"],
    )
    response = client.post(change_url(case), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    case.refresh_from_db()
    assert case.status == CaseStatus.PUBLISHED
    assert case.sources.get().citation.startswith("Alford")
    assert case.motivators == ["material", "social"]  # kept in the choices' order
    assert case.curated_by == curator


def test_the_change_form_explains_a_missing_summary(client, curator):
    case = factories.CaseExampleFactory(draft=True, summary="")
    client.force_login(curator)
    response = client.post(change_url(case), form_data(case, status="published"))
    assert response.status_code == 200
    assert "Write a summary before publishing" in response.content.decode()


def test_a_draft_may_be_saved_with_no_source(client, curator):
    client.force_login(curator)
    draft = factories.CaseExampleFactory.build(draft=True, slug="new-draft", title="New draft")
    response = client.post(reverse("admin:services_caseexample_add"), form_data(draft))
    assert response.status_code == 302
    saved = CaseExample.objects.get(slug="new-draft")
    assert saved.status == CaseStatus.DRAFT and saved.curated_by == curator


def test_view_on_site_opens_the_case_page(client, curator):
    case = factories.CaseExampleFactory(draft=True, slug="garden-share")
    client.force_login(curator)
    page = client.get(change_url(case)).content.decode()
    assert "View on site" in page
    assert client.get(case.get_absolute_url()).status_code == 200


def test_a_missing_summary_is_explained_once(client, curator):
    case = factories.CaseExampleFactory(draft=True, summary="")
    client.force_login(curator)
    page = client.post(change_url(case), form_data(case, status="published")).content.decode()
    assert page.count("Write a summary before publishing") == 1
    assert "A published case needs a summary." not in page


# --- What a curator may do: the case library, and nothing else -----------------------------


def test_a_curator_is_not_a_superuser_and_sees_only_the_libraries(client, curator):
    assert not curator.is_superuser
    client.force_login(curator)
    index = client.get(reverse("admin:index"))
    models = [model["object_name"] for app in index.context["app_list"] for model in app["models"]]
    assert sorted(models) == ["CaseExample", "PriceIndex", "ReferenceValue"]
    for changelist in (
        "admin:services_agency_changelist",
        "admin:services_service_changelist",
        "admin:services_membership_changelist",
        "admin:auth_user_changelist",
        "admin:auth_group_changelist",
    ):
        assert client.get(reverse(changelist)).status_code == 403, changelist


def test_a_curator_withdraws_a_case_by_unpublishing_not_deleting(client, curator):
    case = factories.CaseExampleFactory()
    client.force_login(curator)
    delete_url = reverse("admin:services_caseexample_delete", args=[case.pk])
    assert client.get(delete_url).status_code == 403
    actions = dict(client.get(CHANGELIST).context["action_form"].fields["action"].choices)
    assert "delete_selected" not in actions
    assert "unpublish" in actions


def test_a_curator_removes_a_wrong_source(client, curator):
    case = factories.CaseExampleFactory()
    factories.CaseSourceFactory(case=case, citation="A second source", order=2)
    client.force_login(curator)
    response = client.post(change_url(case), form_data(case, **{"sources-1-DELETE": "on"}))
    assert response.status_code == 302
    assert case.sources.count() == 1
    assert not case.sources.filter(citation="A second source").exists()


def test_a_curators_group_made_before_a_release_gets_its_new_rights_on_migrate(db):
    from django.contrib.auth.models import Group
    from django.core.management.sql import emit_post_migrate_signal

    from services.curators import CASE_CURATORS, curator_permissions

    old = Group.objects.create(name=CASE_CURATORS)  # as an older release left it: no import
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    codenames = set(old.permissions.values_list("codename", flat=True))
    assert {"import_caseexample", "export_caseexample"} <= codenames
    assert codenames == set(curator_permissions().values_list("codename", flat=True))
