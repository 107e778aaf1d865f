from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from assessments.demo import seed_assessments
from assessments.survey.demo import seed_survey
from coprod_site.env import env_str
from services.demo import PEOPLE, seed_cases, seed_people_and_services, seed_reference_values

DEFAULT_DEMO_PASSWORD = "coprod-demo-2026"


class Command(BaseCommand):
    help = "Load demo agencies, services, people, assessments and cases. Safe to run twice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site",
            default="http://127.0.0.1:8000",
            help="The address the app is served at, for the links printed at the end.",
        )

    def handle(self, *args, **options):
        site = options["site"].rstrip("/")
        password = env_str("COPROD_DEMO_PASSWORD")
        shown = "the value of COPROD_DEMO_PASSWORD" if password else DEFAULT_DEMO_PASSWORD
        if not password:
            if not settings.DEBUG:
                raise CommandError(
                    "Set COPROD_DEMO_PASSWORD: demo accounts get no default password when "
                    "DEBUG is off."
                )
            password = DEFAULT_DEMO_PASSWORD
        agencies = seed_people_and_services(password)
        seed_cases()
        # After the cases (it adds a case's measured effect), before the assessments (some
        # value outcomes at reference values).
        seed_reference_values()
        seed_assessments(agencies)
        survey = seed_survey()
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))
        self.stdout.write(f"Sign in at {site}/accounts/login/ as one of:")
        for username, _, _, _, who, _ in PEOPLE:
            self.stdout.write(f"  {username:<15} password: {shown}  ({who})")
        if survey is not None:
            self.stdout.write(
                f"A co-producers' survey to try, no sign-in needed: {site}{survey.public_path()}"
            )
