"""Every database check and unique rule carries a message in plain words (issue 23), so the
admin and model validation never show a constraint's name. Messages live only in Python:
AlterConstraint changes no table."""

import django.db.models.functions.text
import django.db.models.lookups
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0014_access_token_history"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterConstraint(
            model_name="accesstoken",
            name="services_accesstoken_expires_after_created",
            constraint=models.CheckConstraint(
                condition=models.Q(("expires_at__gt", models.F("created_at"))),
                name="services_accesstoken_expires_after_created",
                violation_error_message="A token must expire after the time it was made.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="accesstoken",
            name="services_accesstoken_has_name",
            constraint=models.CheckConstraint(
                condition=models.Q(("name", ""), _negated=True),
                name="services_accesstoken_has_name",
                violation_error_message="Give the token a name that says what uses it.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_hourly_value_not_negative",
            constraint=models.CheckConstraint(
                condition=models.Q(("default_hourly_value__gte", 0)),
                name="services_agency_hourly_value_not_negative",
                violation_error_message="The value of an hour of a co-producer's time must not be below zero.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_appraisal_years_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("default_appraisal_years__gte", 1), ("default_appraisal_years__lte", 50)
                ),
                name="services_agency_appraisal_years_in_range",
                violation_error_message="The appraisal period must be between 1 and 50 years.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_discount_rate_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("default_discount_rate__gte", 0), ("default_discount_rate__lte", 20)
                ),
                name="services_agency_discount_rate_in_range",
                violation_error_message="The discount rate must be between 0 and 20 percent a year.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_willingness_to_pay_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("default_willingness_to_pay__isnull", True),
                    models.Q(
                        ("default_willingness_to_pay__gte", 0),
                        ("default_willingness_to_pay__lte", 100000),
                    ),
                    _connector="OR",
                ),
                name="services_agency_willingness_to_pay_in_range",
                violation_error_message="What one quality point is worth must be between 0 and 100,000, or left empty until the agency has decided.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_hourly_value_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("default_hourly_value_low__isnull", True),
                    ("default_hourly_value_low__gte", 0),
                    _connector="OR",
                ),
                name="services_agency_hourly_value_low_in_range",
                violation_error_message="The low value of an hour must not be below zero.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_hourly_value_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("default_hourly_value_high__isnull", True),
                    ("default_hourly_value_high__gte", 0),
                    _connector="OR",
                ),
                name="services_agency_hourly_value_high_in_range",
                violation_error_message="The high value of an hour must not be below zero.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_discount_rate_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("default_discount_rate_low__isnull", True),
                    models.Q(
                        ("default_discount_rate_low__gte", 0),
                        ("default_discount_rate_low__lte", 20),
                    ),
                    _connector="OR",
                ),
                name="services_agency_discount_rate_low_in_range",
                violation_error_message="The low discount rate must be between 0 and 20.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_discount_rate_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("default_discount_rate_high__isnull", True),
                    models.Q(
                        ("default_discount_rate_high__gte", 0),
                        ("default_discount_rate_high__lte", 20),
                    ),
                    _connector="OR",
                ),
                name="services_agency_discount_rate_high_in_range",
                violation_error_message="The high discount rate must be between 0 and 20.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_willingness_to_pay_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("default_willingness_to_pay_low__isnull", True),
                    models.Q(
                        ("default_willingness_to_pay_low__gte", 0),
                        ("default_willingness_to_pay_low__lte", 100000),
                    ),
                    _connector="OR",
                ),
                name="services_agency_willingness_to_pay_low_in_range",
                violation_error_message="The low value of a quality point must be between 0 and 100,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_willingness_to_pay_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("default_willingness_to_pay_high__isnull", True),
                    models.Q(
                        ("default_willingness_to_pay_high__gte", 0),
                        ("default_willingness_to_pay_high__lte", 100000),
                    ),
                    _connector="OR",
                ),
                name="services_agency_willingness_to_pay_high_in_range",
                violation_error_message="The high value of a quality point must be between 0 and 100,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="agency",
            name="services_agency_headline_perspective_known",
            constraint=models.CheckConstraint(
                condition=models.Q(("headline_perspective__in", ["full", "agency"])),
                name="services_agency_headline_perspective_known",
                violation_error_message="Choose whose costs reports lead with: everyone's costs, or the agency's own spending only.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseeffect",
            name="services_caseeffect_url_is_web",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("url", ""),
                    ("url__startswith", "http://"),
                    ("url__startswith", "https://"),
                    _connector="OR",
                ),
                name="services_caseeffect_url_is_web",
                violation_error_message="Enter a web address starting with http:// or https://, or leave it empty.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseeffect",
            name="services_caseeffect_spread_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("spread__in", ["", "ci95", "range"])),
                name="services_caseeffect_spread_valid",
                violation_error_message="Say what the low and high are: a confidence interval or a range.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_status_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["draft", "in_review", "published"])),
                name="services_caseexample_status_valid",
                violation_error_message="The status must be one of: Draft; In review; Published.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_published_has_date",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "published"), _negated=True),
                    ("published_at__isnull", False),
                    _connector="OR",
                ),
                name="services_caseexample_published_has_date",
                violation_error_message="A published case example needs the date it was published: save it again, or set it back to draft.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_sector_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "sector__in",
                        [
                            "health",
                            "education",
                            "social_care",
                            "tax_revenue",
                            "environment",
                            "emergency_services",
                            "community_safety",
                            "justice",
                            "transport",
                            "local_services",
                            "regulation",
                            "water_sanitation",
                            "housing",
                            "other",
                        ],
                    )
                ),
                name="services_caseexample_sector_valid",
                violation_error_message="Choose a sector, one of: Health; Education; Social care; Tax and revenue; Environment; Emergency services; Community safety; Justice; Transport; Local services; Regulation; Water and sanitation; Housing; Other.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_government_level_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("government_level__in", ["national", "state", "local"])),
                name="services_caseexample_government_level_valid",
                violation_error_message="Choose a level of government, one of: National or federal; State, provincial or regional; Local or municipal.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_co_producer_type_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "co_producer_type__in",
                        ["clients", "citizens", "volunteers", "families", "community_orgs"],
                    )
                ),
                name="services_caseexample_co_producer_type_valid",
                violation_error_message="Choose who the co-producers are, one of: Clients or service users; Citizens or community members; Volunteers; Families or carers; Community organisations.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_level_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("level__in", ["individual", "group", "collective"])),
                name="services_caseexample_level_valid",
                violation_error_message="Choose a level, one of: Individual; Group; Collective.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_value_type_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("value_type__in", ["private", "public", "both"])),
                name="services_caseexample_value_type_valid",
                violation_error_message="Choose the value made, one of: Private value; Public value; Private and public value.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_necessity_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("necessity__in", ["necessary", "optional"])),
                name="services_caseexample_necessity_valid",
                violation_error_message="Choose whether it is necessary or optional, one of: Necessary; Optional.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_summary_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("summary"), 2000
                ),
                name="services_caseexample_summary_length_limit",
                violation_error_message="Keep the summary to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_work_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("work"), 2000
                ),
                name="services_caseexample_work_length_limit",
                violation_error_message="Keep what co-producers do to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_benefits_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("benefits"), 2000
                ),
                name="services_caseexample_benefits_length_limit",
                violation_error_message="Keep the benefits to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_costs_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("costs"), 2000
                ),
                name="services_caseexample_costs_length_limit",
                violation_error_message="Keep the costs to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_quality_effect_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("quality_effect"), 2000
                ),
                name="services_caseexample_quality_effect_length_limit",
                violation_error_message="Keep the effect on service quality to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="caseexample",
            name="services_caseexample_lessons_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("lessons"), 2000
                ),
                name="services_caseexample_lessons_length_limit",
                violation_error_message="Keep the lessons to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="casesource",
            name="services_casesource_url_is_web",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("url", ""),
                    ("url__startswith", "http://"),
                    ("url__startswith", "https://"),
                    _connector="OR",
                ),
                name="services_casesource_url_is_web",
                violation_error_message="Enter a web address starting with http:// or https://, or leave it empty.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="membership",
            name="services_membership_unique",
            constraint=models.UniqueConstraint(
                fields=("user", "agency"),
                name="services_membership_unique",
                violation_error_message="This person is already a member of this agency: change their role there instead.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="membership",
            name="services_membership_role_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("role__in", ["manager", "viewer"])),
                name="services_membership_role_valid",
                violation_error_message="The role must be one of: Manager; Viewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="priceindex",
            name="services_priceindex_one_a_year",
            constraint=models.UniqueConstraint(
                fields=("currency", "year"),
                name="services_priceindex_one_a_year",
                violation_error_message="There is already an index figure for this currency and year: change that one instead.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="priceindex",
            name="services_priceindex_positive",
            constraint=models.CheckConstraint(
                condition=models.Q(("index__gt", 0)),
                name="services_priceindex_positive",
                violation_error_message="An index figure must be above zero.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="priceindex",
            name="services_priceindex_year_plausible",
            constraint=models.CheckConstraint(
                condition=models.Q(("year__gte", 1900), ("year__lte", 2100)),
                name="services_priceindex_year_plausible",
                violation_error_message="The year must be between 1900 and 2100.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="referencevalue",
            name="services_referencevalue_status_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["draft", "in_review", "published"])),
                name="services_referencevalue_status_valid",
                violation_error_message="The status must be one of: Draft; In review; Published.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="referencevalue",
            name="services_referencevalue_range_holds_value",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("low__gte", 0),
                    ("value__gte", models.F("low")),
                    ("high__gte", models.F("value")),
                    ("high__lte", 1000000000),
                ),
                name="services_referencevalue_range_holds_value",
                violation_error_message="The lowest value must not be below zero or above the value, nor the highest below the value or above 1,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="referencevalue",
            name="services_referencevalue_years_plausible",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("price_year__gte", 1900),
                    ("price_year__lte", 2100),
                    ("source_year__gte", 1900),
                    ("source_year__lte", 2100),
                ),
                name="services_referencevalue_years_plausible",
                violation_error_message="The price year and the year published must each be between 1900 and 2100.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="referencevalue",
            name="services_referencevalue_url_is_web",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("url__startswith", "http://"), ("url__startswith", "https://"), _connector="OR"
                ),
                name="services_referencevalue_url_is_web",
                violation_error_message="Enter a web address starting with http:// or https://.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="referencevalue",
            name="services_referencevalue_published_has_date",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "published"), _negated=True),
                    ("published_at__isnull", False),
                    _connector="OR",
                ),
                name="services_referencevalue_published_has_date",
                violation_error_message="A published reference value needs the date it was published: save it again, or set it back to draft.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="service",
            name="services_service_name_unique_per_agency",
            constraint=models.UniqueConstraint(
                fields=("agency", "name"),
                name="services_service_name_unique_per_agency",
                violation_error_message="The agency already has a service with this name: give each of its services its own.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="service",
            name="services_service_clients_not_negative",
            constraint=models.CheckConstraint(
                condition=models.Q(("clients_per_year__gte", 0)),
                name="services_service_clients_not_negative",
                violation_error_message="The number of clients a year must not be below zero.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="service",
            name="services_service_description_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("description"), 2000
                ),
                name="services_service_description_length_limit",
                violation_error_message="Keep the description to 2,000 characters or fewer.",
            ),
        ),
    ]
