import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from services.case_library_data import CASES
from services.models import Agency, CaseExample, CaseStatus, Membership, Service


@pytest.fixture(autouse=True)
def _development_mode(settings):
    settings.DEBUG = True


@pytest.mark.django_db
def test_seed_demo_twice_gives_the_same_data(capsys):
    call_command("seed_demo")
    first = (Agency.objects.count(), Service.objects.count(), Membership.objects.count())
    call_command("seed_demo")
    second = (Agency.objects.count(), Service.objects.count(), Membership.objects.count())
    assert first == second
    assert first[0] >= 3 and first[1] >= 10
    assert len(set(Agency.objects.values_list("government_level", flat=True))) >= 3
    assert "password" in capsys.readouterr().out


@pytest.mark.django_db
def test_seed_demo_leaves_one_agency_undecided_on_what_quality_is_worth():
    call_command("seed_demo")
    figures = dict(Agency.objects.values_list("slug", "default_willingness_to_pay"))
    assert figures["northvale-council"] is None
    assert figures["national-revenue-office"] > 0
    assert figures["riverside-health"] > 0
    for agency in Agency.objects.all():
        agency.full_clean()


@pytest.mark.django_db
def test_seed_demo_people_have_the_right_roles():
    call_command("seed_demo")
    User = get_user_model()
    manager = User.objects.get(username="manager")
    assert manager.memberships.filter(role="manager").count() == 2
    viewer = User.objects.get(username="viewer")
    assert list(viewer.memberships.values_list("role", flat=True)) == ["viewer"]
    assert manager.check_password("coprod-demo-2026")
    assert not manager.is_staff and not manager.groups.exists()


@pytest.mark.django_db
def test_seed_demo_curator_is_staff_in_the_case_curators_group_not_a_superuser():
    call_command("seed_demo")
    call_command("seed_demo")
    curator = get_user_model().objects.get(username="curator")
    assert curator.is_staff and not curator.is_superuser
    assert list(curator.groups.values_list("name", flat=True)) == ["Case curators"]
    group = Group.objects.get(name="Case curators")  # once, however often the seed runs
    assert sorted(group.permissions.values_list("codename", flat=True)) == sorted(
        [
            *("add_caseexample", "change_caseexample", "view_caseexample"),
            *("import_caseexample", "export_caseexample"),
            *("add_casesource", "change_casesource", "delete_casesource", "view_casesource"),
            *("add_caseeffect", "change_caseeffect", "delete_caseeffect", "view_caseeffect"),
            *("add_referencevalue", "change_referencevalue", "view_referencevalue"),
            *("import_referencevalue", "export_referencevalue"),
            *("add_priceindex", "change_priceindex", "view_priceindex"),
            *("import_priceindex", "export_priceindex"),
        ]
    )
    assert curator.has_perm("services.change_caseexample")
    assert not curator.has_perm("services.delete_caseexample")
    assert not curator.has_perm("services.change_agency")
    assert not curator.has_perm("services.import_service")
    assert not curator.has_perm("auth.change_user")


@pytest.mark.django_db
def test_seed_demo_puts_back_a_curator_who_was_made_a_superuser():
    call_command("seed_demo")
    User = get_user_model()
    User.objects.filter(username="curator").update(is_superuser=True)
    Group.objects.get(name="Case curators").permissions.clear()
    call_command("seed_demo")
    assert not User.objects.get(username="curator").is_superuser
    assert Group.objects.get(name="Case curators").permissions.count() == 23


@pytest.mark.django_db
def test_seed_demo_has_a_separate_administrator_and_lists_every_sign_in(capsys):
    call_command("seed_demo")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert not admin.memberships.exists()
    out = capsys.readouterr().out
    for username in ("manager", "viewer", "health_manager", "curator", "admin"):
        assert f"  {username} " in out
    assert "administrator" in out


@pytest.mark.django_db
def test_seed_demo_takes_the_password_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("COPROD_DEMO_PASSWORD", "from-the-environment-42")
    call_command("seed_demo")
    assert get_user_model().objects.get(username="viewer").check_password("from-the-environment-42")
    assert "from-the-environment-42" not in capsys.readouterr().out


@pytest.mark.django_db
def test_seed_demo_refuses_a_default_password_in_production(settings, monkeypatch):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    monkeypatch.delenv("COPROD_DEMO_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="COPROD_DEMO_PASSWORD"):
        call_command("seed_demo")


@pytest.mark.django_db
def test_the_data_migration_shipped_the_case_library_published_with_sources():
    cases = CaseExample.objects.all()
    assert cases.count() == len(CASES) == 15
    assert set(cases.values_list("status", flat=True)) == {CaseStatus.PUBLISHED}
    assert not cases.filter(sources__isnull=True).exists()
    for case in cases:
        case.full_clean()  # every shipped value is a known choice


@pytest.mark.django_db
def test_seed_demo_adds_missing_cases_once_and_keeps_curators_edits():
    CaseExample.objects.filter(slug="breastfeeding-peer-support").delete()
    edited = CaseExample.objects.get(slug="ato-prefilled-tax-returns")
    edited.title = "Edited by a curator"
    edited.save()
    call_command("seed_demo")
    call_command("seed_demo")
    assert CaseExample.objects.count() == 15
    assert CaseExample.objects.published().count() == 15
    assert CaseExample.objects.get(slug="breastfeeding-peer-support").sources.count() == 2
    assert CaseExample.objects.get(pk=edited.pk).title == "Edited by a curator"
