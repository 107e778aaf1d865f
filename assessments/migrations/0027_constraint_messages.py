"""Every database check and unique rule carries a message in plain words (issue 23), so the
admin and model validation never show a constraint's name. Messages live only in Python:
AlterConstraint changes no table."""

import django.db.models.expressions
import django.db.models.functions.text
import django.db.models.lookups
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0026_appraisal_confirmed_and_comparator_kind"),
        ("services", "0015_constraint_messages"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_status_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["draft", "submitted", "archived"])),
                name="assessments_assessment_status_valid",
                violation_error_message="The status must be one of: Draft; Submitted; Archived.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_version_positive",
            constraint=models.CheckConstraint(
                condition=models.Q(("version__gte", 1)),
                name="assessments_assessment_version_positive",
                violation_error_message="The version number must be 1 or more.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_appraisal_years_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("appraisal_years__isnull", True),
                    models.Q(("appraisal_years__gte", 1), ("appraisal_years__lte", 50)),
                    _connector="OR",
                ),
                name="assessments_assessment_appraisal_years_in_range",
                violation_error_message="The appraisal period must be between 1 and 50 years.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_discount_rate_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("discount_rate__isnull", True),
                    models.Q(("discount_rate__gte", 0), ("discount_rate__lte", 20)),
                    _connector="OR",
                ),
                name="assessments_assessment_discount_rate_in_range",
                violation_error_message="The discount rate must be between 0 and 20 percent a year.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_submitted_has_date",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("submitted_at__isnull", False), ("status", "draft"), _connector="OR"
                ),
                name="assessments_assessment_submitted_has_date",
                violation_error_message="A submitted or archived assessment needs the date it was submitted.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_hourly_rate_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hourly_rate__isnull", True),
                    models.Q(("hourly_rate__gte", 0), ("hourly_rate__lte", 10000)),
                    _connector="OR",
                ),
                name="assessments_assessment_hourly_rate_in_range",
                violation_error_message="The value of an hour of co-producers' time must be between 0 and 10,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_willingness_to_pay_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("willingness_to_pay__isnull", True),
                    models.Q(("willingness_to_pay__gte", 0), ("willingness_to_pay__lte", 100000)),
                    _connector="OR",
                ),
                name="assessments_assessment_willingness_to_pay_in_range",
                violation_error_message="The value of one quality point for one client for a year must be between 0 and 100,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_hours_per_co_producer_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hours_per_co_producer__isnull", True),
                    models.Q(
                        ("hours_per_co_producer__gte", 0), ("hours_per_co_producer__lte", 8760)
                    ),
                    _connector="OR",
                ),
                name="assessments_assessment_hours_per_co_producer_in_range",
                violation_error_message="The hours each co-producer gives a year must be between 0 and 8,760.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_co_producers_per_year_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("co_producers_per_year__isnull", True),
                    models.Q(
                        ("co_producers_per_year__gte", 0),
                        ("co_producers_per_year__lte", 1000000000),
                    ),
                    _connector="OR",
                ),
                name="assessments_assessment_co_producers_per_year_in_range",
                violation_error_message="The number of co-producers a year must be between 0 and 1,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_total_hours_in_range",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.expressions.CombinedExpression(
                        models.F("co_producers_per_year"), "*", models.F("hours_per_co_producer")
                    ),
                    10000000000,
                ),
                name="assessments_assessment_total_hours_in_range",
                violation_error_message="The number of co-producers a year times the hours each gives must not be more than 10,000,000,000 hours a year: check both figures.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_private_value_strength_0_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("private_value_strength__isnull", True),
                    models.Q(
                        ("private_value_strength__gte", 0), ("private_value_strength__lte", 4)
                    ),
                    _connector="OR",
                ),
                name="assessments_assessment_private_value_strength_0_to_4",
                violation_error_message="The strength of private value must be between 0 and 4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_public_value_strength_0_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("public_value_strength__isnull", True),
                    models.Q(("public_value_strength__gte", 0), ("public_value_strength__lte", 4)),
                    _connector="OR",
                ),
                name="assessments_assessment_public_value_strength_0_to_4",
                violation_error_message="The strength of public value must be between 0 and 4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_material_motivation_0_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("material_motivation__isnull", True),
                    models.Q(("material_motivation__gte", 0), ("material_motivation__lte", 4)),
                    _connector="OR",
                ),
                name="assessments_assessment_material_motivation_0_to_4",
                violation_error_message="The strength of material rewards or private gain as a motive must be between 0 and 4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_intrinsic_motivation_0_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("intrinsic_motivation__isnull", True),
                    models.Q(("intrinsic_motivation__gte", 0), ("intrinsic_motivation__lte", 4)),
                    _connector="OR",
                ),
                name="assessments_assessment_intrinsic_motivation_0_to_4",
                violation_error_message="The strength of enjoying the work itself as a motive must be between 0 and 4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_social_motivation_0_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("social_motivation__isnull", True),
                    models.Q(("social_motivation__gte", 0), ("social_motivation__lte", 4)),
                    _connector="OR",
                ),
                name="assessments_assessment_social_motivation_0_to_4",
                violation_error_message="The strength of company, fellowship and esteem as a motive must be between 0 and 4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_normative_motivation_0_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("normative_motivation__isnull", True),
                    models.Q(("normative_motivation__gte", 0), ("normative_motivation__lte", 4)),
                    _connector="OR",
                ),
                name="assessments_assessment_normative_motivation_0_to_4",
                violation_error_message="The strength of moral values and wanting to help as a motive must be between 0 and 4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_sanctions_motivation_0_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("sanctions_motivation__isnull", True),
                    models.Q(("sanctions_motivation__gte", 0), ("sanctions_motivation__lte", 4)),
                    _connector="OR",
                ),
                name="assessments_assessment_sanctions_motivation_0_to_4",
                violation_error_message="The strength of fear of penalties as a motive must be between 0 and 4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_expertise_required_0_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("expertise_required__isnull", True),
                    models.Q(("expertise_required__gte", 0), ("expertise_required__lte", 4)),
                    _connector="OR",
                ),
                name="assessments_assessment_expertise_required_0_to_4",
                violation_error_message="The strength of the expertise the work needs must be between 0 and 4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_co_producer_capability_0_to_4",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("co_producer_capability__isnull", True),
                    models.Q(
                        ("co_producer_capability__gte", 0), ("co_producer_capability__lte", 4)
                    ),
                    _connector="OR",
                ),
                name="assessments_assessment_co_producer_capability_0_to_4",
                violation_error_message="The strength of co-producers' capability must be between 0 and 4.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_hourly_rate_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hourly_rate_low__isnull", True),
                    models.Q(("hourly_rate_low__gte", 0), ("hourly_rate_low__lte", 10000)),
                    _connector="OR",
                ),
                name="assessments_assessment_hourly_rate_low_in_range",
                violation_error_message="The lowest value of an hour must be between 0 and 10,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_hourly_rate_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hourly_rate_high__isnull", True),
                    models.Q(("hourly_rate_high__gte", 0), ("hourly_rate_high__lte", 10000)),
                    _connector="OR",
                ),
                name="assessments_assessment_hourly_rate_high_in_range",
                violation_error_message="The highest value of an hour must be between 0 and 10,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_discount_rate_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("discount_rate_low__isnull", True),
                    models.Q(("discount_rate_low__gte", 0), ("discount_rate_low__lte", 20)),
                    _connector="OR",
                ),
                name="assessments_assessment_discount_rate_low_in_range",
                violation_error_message="The lowest discount rate must be between 0 and 20 percent a year.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_discount_rate_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("discount_rate_high__isnull", True),
                    models.Q(("discount_rate_high__gte", 0), ("discount_rate_high__lte", 20)),
                    _connector="OR",
                ),
                name="assessments_assessment_discount_rate_high_in_range",
                violation_error_message="The highest discount rate must be between 0 and 20 percent a year.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_hourly_rate_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hourly_rate_low__lte", models.F("hourly_rate")),
                    ("hourly_rate_low__isnull", True),
                    ("hourly_rate__isnull", True),
                    _connector="OR",
                ),
                name="assessments_assessment_hourly_rate_low_not_above",
                violation_error_message="The lowest value of an hour must not be more than your figure.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_discount_rate_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("discount_rate_low__lte", models.F("discount_rate")),
                    ("discount_rate_low__isnull", True),
                    ("discount_rate__isnull", True),
                    _connector="OR",
                ),
                name="assessments_assessment_discount_rate_low_not_above",
                violation_error_message="The lowest discount rate must not be more than your figure.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_hourly_rate_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hourly_rate_high__gte", models.F("hourly_rate")),
                    ("hourly_rate_high__isnull", True),
                    ("hourly_rate__isnull", True),
                    _connector="OR",
                ),
                name="assessments_assessment_hourly_rate_high_not_below",
                violation_error_message="The highest value of an hour must not be less than your figure.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_discount_rate_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("discount_rate_high__gte", models.F("discount_rate")),
                    ("discount_rate_high__isnull", True),
                    ("discount_rate__isnull", True),
                    _connector="OR",
                ),
                name="assessments_assessment_discount_rate_high_not_below",
                violation_error_message="The highest discount rate must not be less than your figure.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_willingness_to_pay_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("willingness_to_pay_low__isnull", True),
                    models.Q(
                        ("willingness_to_pay_low__gte", 0), ("willingness_to_pay_low__lte", 100000)
                    ),
                    _connector="OR",
                ),
                name="assessments_assessment_willingness_to_pay_low_in_range",
                violation_error_message="The lowest value of a quality point must be between 0 and 100,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_willingness_to_pay_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("willingness_to_pay_high__isnull", True),
                    models.Q(
                        ("willingness_to_pay_high__gte", 0),
                        ("willingness_to_pay_high__lte", 100000),
                    ),
                    _connector="OR",
                ),
                name="assessments_assessment_willingness_to_pay_high_in_range",
                violation_error_message="The highest value of a quality point must be between 0 and 100,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_clients_per_year_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("clients_per_year_low__isnull", True),
                    models.Q(
                        ("clients_per_year_low__gte", 0), ("clients_per_year_low__lte", 1000000000)
                    ),
                    _connector="OR",
                ),
                name="assessments_assessment_clients_per_year_low_in_range",
                violation_error_message="The lowest number of people served a year must be between 0 and 1,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_clients_per_year_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("clients_per_year_high__isnull", True),
                    models.Q(
                        ("clients_per_year_high__gte", 0),
                        ("clients_per_year_high__lte", 1000000000),
                    ),
                    _connector="OR",
                ),
                name="assessments_assessment_clients_per_year_high_in_range",
                violation_error_message="The highest number of people served a year must be between 0 and 1,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_clients_per_year_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("clients_per_year__isnull", True),
                    models.Q(("clients_per_year__gte", 0), ("clients_per_year__lte", 1000000000)),
                    _connector="OR",
                ),
                name="assessments_assessment_clients_per_year_in_range",
                violation_error_message="The number of people the service serves a year must be between 0 and 1,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_willingness_to_pay_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("willingness_to_pay_low__lte", models.F("willingness_to_pay")),
                    ("willingness_to_pay_low__isnull", True),
                    ("willingness_to_pay__isnull", True),
                    _connector="OR",
                ),
                name="assessments_assessment_willingness_to_pay_low_not_above",
                violation_error_message="The lowest value of a quality point must not be more than your figure.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_willingness_to_pay_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("willingness_to_pay_high__gte", models.F("willingness_to_pay")),
                    ("willingness_to_pay_high__isnull", True),
                    ("willingness_to_pay__isnull", True),
                    _connector="OR",
                ),
                name="assessments_assessment_willingness_to_pay_high_not_below",
                violation_error_message="The highest value of a quality point must not be less than your figure.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_clients_per_year_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("clients_per_year_low__lte", models.F("clients_per_year")),
                    ("clients_per_year_low__isnull", True),
                    ("clients_per_year__isnull", True),
                    _connector="OR",
                ),
                name="assessments_assessment_clients_per_year_low_not_above",
                violation_error_message="The lowest number of people served a year must not be more than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessment",
            name="assessments_assessment_clients_per_year_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("clients_per_year_high__gte", models.F("clients_per_year")),
                    ("clients_per_year_high__isnull", True),
                    ("clients_per_year__isnull", True),
                    _connector="OR",
                ),
                name="assessments_assessment_clients_per_year_high_not_below",
                violation_error_message="The highest number of people served a year must not be less than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_work_description_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("work_description"), 2000
                ),
                name="assessments_text_work_description_length_limit",
                violation_error_message="Keep the answer on what work the co-producers do to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_inputs_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("inputs"), 2000
                ),
                name="assessments_text_inputs_length_limit",
                violation_error_message="Keep the answer on what goes into the work to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_outputs_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("outputs"), 2000
                ),
                name="assessments_text_outputs_length_limit",
                violation_error_message="Keep the answer on what comes out of it to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_agency_contribution_notes_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("agency_contribution_notes"), 2000
                ),
                name="assessments_text_agency_contribution_notes_length_limit",
                violation_error_message="Keep the notes on what the agency gives to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_co_producer_contribution_notes_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("co_producer_contribution_notes"), 2000
                ),
                name="assessments_text_co_producer_contribution_notes_length_limit",
                violation_error_message="Keep the notes on what co-producers give to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_private_value_description_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("private_value_description"), 2000
                ),
                name="assessments_text_private_value_description_length_limit",
                violation_error_message="Keep the description of the private value to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_public_value_description_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("public_value_description"), 2000
                ),
                name="assessments_text_public_value_description_length_limit",
                violation_error_message="Keep the description of the public value to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_necessity_reason_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("necessity_reason"), 2000
                ),
                name="assessments_text_necessity_reason_length_limit",
                violation_error_message="Keep the answer on why the co-producers' part is needed or not to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_motivation_notes_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("motivation_notes"), 2000
                ),
                name="assessments_text_motivation_notes_length_limit",
                violation_error_message="Keep the notes on motivation to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_special_assets_notes_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("special_assets_notes"), 2000
                ),
                name="assessments_text_special_assets_notes_length_limit",
                violation_error_message="Keep the notes on what co-producers bring to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="assessmenttext",
            name="assessments_text_support_given_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("support_given"), 2000
                ),
                name="assessments_text_support_given_length_limit",
                violation_error_message="Keep the answer on the training or support the agency gives to 2,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_position_unique",
            constraint=models.UniqueConstraint(
                fields=("assessment", "position"),
                name="assessments_option_position_unique",
                violation_error_message="Another option of this assessment is already in this place in the list.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_name_unique",
            constraint=models.UniqueConstraint(
                fields=("assessment", "name"),
                name="assessments_option_name_unique",
                violation_error_message="Another option of this assessment already has this name: give each option its own.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_one_comparator",
            constraint=models.UniqueConstraint(
                condition=models.Q(("comparator", True)),
                fields=("assessment",),
                name="assessments_option_one_comparator",
                violation_error_message="Only one option of an assessment can be the one the others are compared against.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_setup_cost_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("setup_cost__isnull", True),
                    models.Q(("setup_cost__gte", 0), ("setup_cost__lte", 100000000000)),
                    _connector="OR",
                ),
                name="assessments_option_setup_cost_in_range",
                violation_error_message="The one-off set-up cost must be between 0 and 100,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_annual_agency_cost_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("annual_agency_cost__isnull", True),
                    models.Q(
                        ("annual_agency_cost__gte", 0), ("annual_agency_cost__lte", 100000000000)
                    ),
                    _connector="OR",
                ),
                name="assessments_option_annual_agency_cost_in_range",
                violation_error_message="The cost to the agency each year must be between 0 and 100,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_clients_per_year_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("clients_per_year__isnull", True),
                    models.Q(("clients_per_year__gte", 0), ("clients_per_year__lte", 1000000000)),
                    _connector="OR",
                ),
                name="assessments_option_clients_per_year_in_range",
                violation_error_message="The number of clients served each year must be between 0 and 1,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_ramp_up_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ramp_up_years__isnull", True),
                    models.Q(("ramp_up_years__gte", 0), ("ramp_up_years__lte", 20)),
                    _connector="OR",
                ),
                name="assessments_option_ramp_up_in_range",
                violation_error_message="The number of years until full take-up must be between 0 and 20.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_effectiveness_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("effectiveness__isnull", True),
                    models.Q(("effectiveness__gte", 1), ("effectiveness__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_effectiveness_1_to_5",
                violation_error_message="The effectiveness rating must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_consistency_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("consistency__isnull", True),
                    models.Q(("consistency__gte", 1), ("consistency__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_consistency_1_to_5",
                violation_error_message="The rating for consistency across areas must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_trust_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("trust__isnull", True),
                    models.Q(("trust__gte", 1), ("trust__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_trust_1_to_5",
                violation_error_message="The rating for trust and responsiveness must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_experience_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("experience__isnull", True),
                    models.Q(("experience__gte", 1), ("experience__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_experience_1_to_5",
                violation_error_message="The rating for client experience must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_effectiveness_low_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("effectiveness_low__isnull", True),
                    models.Q(("effectiveness_low__gte", 1), ("effectiveness_low__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_effectiveness_low_1_to_5",
                violation_error_message="The lowest effectiveness rating must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_effectiveness_high_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("effectiveness_high__isnull", True),
                    models.Q(("effectiveness_high__gte", 1), ("effectiveness_high__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_effectiveness_high_1_to_5",
                violation_error_message="The highest effectiveness rating must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_consistency_low_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("consistency_low__isnull", True),
                    models.Q(("consistency_low__gte", 1), ("consistency_low__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_consistency_low_1_to_5",
                violation_error_message="The lowest rating for consistency across areas must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_consistency_high_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("consistency_high__isnull", True),
                    models.Q(("consistency_high__gte", 1), ("consistency_high__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_consistency_high_1_to_5",
                violation_error_message="The highest rating for consistency across areas must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_trust_low_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("trust_low__isnull", True),
                    models.Q(("trust_low__gte", 1), ("trust_low__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_trust_low_1_to_5",
                violation_error_message="The lowest rating for trust and responsiveness must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_trust_high_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("trust_high__isnull", True),
                    models.Q(("trust_high__gte", 1), ("trust_high__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_trust_high_1_to_5",
                violation_error_message="The highest rating for trust and responsiveness must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_experience_low_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("experience_low__isnull", True),
                    models.Q(("experience_low__gte", 1), ("experience_low__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_experience_low_1_to_5",
                violation_error_message="The lowest rating for client experience must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_experience_high_1_to_5",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("experience_high__isnull", True),
                    models.Q(("experience_high__gte", 1), ("experience_high__lte", 5)),
                    _connector="OR",
                ),
                name="assessments_option_experience_high_1_to_5",
                violation_error_message="The highest rating for client experience must be between 1 and 5.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_setup_cost_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("setup_cost_low__isnull", True),
                    models.Q(("setup_cost_low__gte", 0), ("setup_cost_low__lte", 100000000000)),
                    _connector="OR",
                ),
                name="assessments_option_setup_cost_low_in_range",
                violation_error_message="The lowest one-off set-up cost must be between 0 and 100,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_setup_cost_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("setup_cost_high__isnull", True),
                    models.Q(("setup_cost_high__gte", 0), ("setup_cost_high__lte", 100000000000)),
                    _connector="OR",
                ),
                name="assessments_option_setup_cost_high_in_range",
                violation_error_message="The highest one-off set-up cost must be between 0 and 100,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_annual_agency_cost_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("annual_agency_cost_low__isnull", True),
                    models.Q(
                        ("annual_agency_cost_low__gte", 0),
                        ("annual_agency_cost_low__lte", 100000000000),
                    ),
                    _connector="OR",
                ),
                name="assessments_option_annual_agency_cost_low_in_range",
                violation_error_message="The lowest cost to the agency each year must be between 0 and 100,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_annual_agency_cost_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("annual_agency_cost_high__isnull", True),
                    models.Q(
                        ("annual_agency_cost_high__gte", 0),
                        ("annual_agency_cost_high__lte", 100000000000),
                    ),
                    _connector="OR",
                ),
                name="assessments_option_annual_agency_cost_high_in_range",
                violation_error_message="The highest cost to the agency each year must be between 0 and 100,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_clients_per_year_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("clients_per_year_low__isnull", True),
                    models.Q(
                        ("clients_per_year_low__gte", 0), ("clients_per_year_low__lte", 1000000000)
                    ),
                    _connector="OR",
                ),
                name="assessments_option_clients_per_year_low_in_range",
                violation_error_message="The lowest number of clients served each year must be between 0 and 1,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_clients_per_year_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("clients_per_year_high__isnull", True),
                    models.Q(
                        ("clients_per_year_high__gte", 0),
                        ("clients_per_year_high__lte", 1000000000),
                    ),
                    _connector="OR",
                ),
                name="assessments_option_clients_per_year_high_in_range",
                violation_error_message="The highest number of clients served each year must be between 0 and 1,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_ramp_up_years_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ramp_up_years_low__isnull", True),
                    models.Q(("ramp_up_years_low__gte", 0), ("ramp_up_years_low__lte", 20)),
                    _connector="OR",
                ),
                name="assessments_option_ramp_up_years_low_in_range",
                violation_error_message="The lowest number of years until full take-up must be between 0 and 20.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_ramp_up_years_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ramp_up_years_high__isnull", True),
                    models.Q(("ramp_up_years_high__gte", 0), ("ramp_up_years_high__lte", 20)),
                    _connector="OR",
                ),
                name="assessments_option_ramp_up_years_high_in_range",
                violation_error_message="The highest number of years until full take-up must be between 0 and 20.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_setup_cost_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("setup_cost_low__lte", models.F("setup_cost")),
                    ("setup_cost_low__isnull", True),
                    ("setup_cost__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_setup_cost_low_not_above",
                violation_error_message="The lowest one-off set-up cost must not be more than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_annual_agency_cost_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("annual_agency_cost_low__lte", models.F("annual_agency_cost")),
                    ("annual_agency_cost_low__isnull", True),
                    ("annual_agency_cost__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_annual_agency_cost_low_not_above",
                violation_error_message="The lowest cost to the agency each year must not be more than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_clients_per_year_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("clients_per_year_low__lte", models.F("clients_per_year")),
                    ("clients_per_year_low__isnull", True),
                    ("clients_per_year__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_clients_per_year_low_not_above",
                violation_error_message="The lowest number of clients served each year must not be more than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_ramp_up_years_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ramp_up_years_low__lte", models.F("ramp_up_years")),
                    ("ramp_up_years_low__isnull", True),
                    ("ramp_up_years__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_ramp_up_years_low_not_above",
                violation_error_message="The lowest number of years until full take-up must not be more than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_effectiveness_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("effectiveness_low__lte", models.F("effectiveness")),
                    ("effectiveness_low__isnull", True),
                    ("effectiveness__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_effectiveness_low_not_above",
                violation_error_message="The lowest effectiveness rating must not be more than the rating itself.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_consistency_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("consistency_low__lte", models.F("consistency")),
                    ("consistency_low__isnull", True),
                    ("consistency__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_consistency_low_not_above",
                violation_error_message="The lowest rating for consistency across areas must not be more than the rating itself.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_trust_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("trust_low__lte", models.F("trust")),
                    ("trust_low__isnull", True),
                    ("trust__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_trust_low_not_above",
                violation_error_message="The lowest rating for trust and responsiveness must not be more than the rating itself.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_experience_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("experience_low__lte", models.F("experience")),
                    ("experience_low__isnull", True),
                    ("experience__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_experience_low_not_above",
                violation_error_message="The lowest rating for client experience must not be more than the rating itself.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_setup_cost_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("setup_cost_high__gte", models.F("setup_cost")),
                    ("setup_cost_high__isnull", True),
                    ("setup_cost__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_setup_cost_high_not_below",
                violation_error_message="The highest one-off set-up cost must not be less than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_annual_agency_cost_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("annual_agency_cost_high__gte", models.F("annual_agency_cost")),
                    ("annual_agency_cost_high__isnull", True),
                    ("annual_agency_cost__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_annual_agency_cost_high_not_below",
                violation_error_message="The highest cost to the agency each year must not be less than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_clients_per_year_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("clients_per_year_high__gte", models.F("clients_per_year")),
                    ("clients_per_year_high__isnull", True),
                    ("clients_per_year__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_clients_per_year_high_not_below",
                violation_error_message="The highest number of clients served each year must not be less than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_ramp_up_years_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("ramp_up_years_high__gte", models.F("ramp_up_years")),
                    ("ramp_up_years_high__isnull", True),
                    ("ramp_up_years__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_ramp_up_years_high_not_below",
                violation_error_message="The highest number of years until full take-up must not be less than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_effectiveness_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("effectiveness_high__gte", models.F("effectiveness")),
                    ("effectiveness_high__isnull", True),
                    ("effectiveness__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_effectiveness_high_not_below",
                violation_error_message="The highest effectiveness rating must not be less than the rating itself.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_consistency_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("consistency_high__gte", models.F("consistency")),
                    ("consistency_high__isnull", True),
                    ("consistency__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_consistency_high_not_below",
                violation_error_message="The highest rating for consistency across areas must not be less than the rating itself.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_trust_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("trust_high__gte", models.F("trust")),
                    ("trust_high__isnull", True),
                    ("trust__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_trust_high_not_below",
                violation_error_message="The highest rating for trust and responsiveness must not be less than the rating itself.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_experience_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("experience_high__gte", models.F("experience")),
                    ("experience_high__isnull", True),
                    ("experience__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_experience_high_not_below",
                violation_error_message="The highest rating for client experience must not be less than the rating itself.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_description_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("description"), 1000
                ),
                name="assessments_option_description_length_limit",
                violation_error_message="Keep the description of the option to 1,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_money_per_client_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("money_per_client__isnull", True),
                    models.Q(("money_per_client__gte", 0), ("money_per_client__lte", 100000000000)),
                    _connector="OR",
                ),
                name="assessments_option_money_per_client_in_range",
                violation_error_message="The money spent for each client a year must be between 0 and 100,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_hours_per_client_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hours_per_client__isnull", True),
                    models.Q(("hours_per_client__gte", 0), ("hours_per_client__lte", 10000000000)),
                    _connector="OR",
                ),
                name="assessments_option_hours_per_client_in_range",
                violation_error_message="The hours given for each client a year must be between 0 and 10,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_take_up_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("take_up__isnull", True),
                    models.Q(("take_up__gte", 0), ("take_up__lte", 100)),
                    _connector="OR",
                ),
                name="assessments_option_take_up_in_range",
                violation_error_message="The share of the people the option reaches must be between 0 and 100 percent.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_hours_per_client_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hours_per_client_low__isnull", True),
                    models.Q(
                        ("hours_per_client_low__gte", 0), ("hours_per_client_low__lte", 10000000000)
                    ),
                    _connector="OR",
                ),
                name="assessments_option_hours_per_client_low_in_range",
                violation_error_message="The lowest hours given for each client a year must be between 0 and 10,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_hours_per_client_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hours_per_client_high__isnull", True),
                    models.Q(
                        ("hours_per_client_high__gte", 0),
                        ("hours_per_client_high__lte", 10000000000),
                    ),
                    _connector="OR",
                ),
                name="assessments_option_hours_per_client_high_in_range",
                violation_error_message="The highest hours given for each client a year must be between 0 and 10,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_money_per_client_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("money_per_client_low__isnull", True),
                    models.Q(
                        ("money_per_client_low__gte", 0),
                        ("money_per_client_low__lte", 100000000000),
                    ),
                    _connector="OR",
                ),
                name="assessments_option_money_per_client_low_in_range",
                violation_error_message="The lowest money spent for each client a year must be between 0 and 100,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_money_per_client_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("money_per_client_high__isnull", True),
                    models.Q(
                        ("money_per_client_high__gte", 0),
                        ("money_per_client_high__lte", 100000000000),
                    ),
                    _connector="OR",
                ),
                name="assessments_option_money_per_client_high_in_range",
                violation_error_message="The highest money spent for each client a year must be between 0 and 100,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_take_up_low_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("take_up_low__isnull", True),
                    models.Q(("take_up_low__gte", 0), ("take_up_low__lte", 100)),
                    _connector="OR",
                ),
                name="assessments_option_take_up_low_in_range",
                violation_error_message="The lowest share of the people the option reaches must be between 0 and 100 percent.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_take_up_high_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("take_up_high__isnull", True),
                    models.Q(("take_up_high__gte", 0), ("take_up_high__lte", 100)),
                    _connector="OR",
                ),
                name="assessments_option_take_up_high_in_range",
                violation_error_message="The highest share of the people the option reaches must be between 0 and 100 percent.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_hours_per_client_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hours_per_client_low__lte", models.F("hours_per_client")),
                    ("hours_per_client_low__isnull", True),
                    ("hours_per_client__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_hours_per_client_low_not_above",
                violation_error_message="The lowest hours given for each client a year must not be more than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_hours_per_client_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("hours_per_client_high__gte", models.F("hours_per_client")),
                    ("hours_per_client_high__isnull", True),
                    ("hours_per_client__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_hours_per_client_high_not_below",
                violation_error_message="The highest hours given for each client a year must not be less than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_money_per_client_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("money_per_client_low__lte", models.F("money_per_client")),
                    ("money_per_client_low__isnull", True),
                    ("money_per_client__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_money_per_client_low_not_above",
                violation_error_message="The lowest money spent for each client a year must not be more than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_money_per_client_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("money_per_client_high__gte", models.F("money_per_client")),
                    ("money_per_client_high__isnull", True),
                    ("money_per_client__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_money_per_client_high_not_below",
                violation_error_message="The highest money spent for each client a year must not be less than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_take_up_low_not_above",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("take_up_low__lte", models.F("take_up")),
                    ("take_up_low__isnull", True),
                    ("take_up__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_take_up_low_not_above",
                violation_error_message="The lowest share of the people the option reaches must not be more than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="option",
            name="assessments_option_take_up_high_not_below",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("take_up_high__gte", models.F("take_up")),
                    ("take_up_high__isnull", True),
                    ("take_up__isnull", True),
                    _connector="OR",
                ),
                name="assessments_option_take_up_high_not_below",
                violation_error_message="The highest share of the people the option reaches must not be less than its estimate.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="outcomeeffect",
            name="assessments_outcomeeffect_one_per_option",
            constraint=models.UniqueConstraint(
                fields=("outcome", "option"),
                name="assessments_outcomeeffect_one_per_option",
                violation_error_message="This option already has a change for this outcome: change that one instead.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="outcomeeffect",
            name="assessments_outcomeeffect_estimate_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("estimate__gte", Decimal("-1000000")), ("estimate__lte", Decimal("1000000"))
                ),
                name="assessments_outcomeeffect_estimate_in_range",
                violation_error_message="The change for each client a year must be between -1,000,000 and 1,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="outcomeeffect",
            name="assessments_outcomeeffect_range_holds_estimate",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("low__isnull", True), ("high__isnull", True)),
                    models.Q(
                        ("high__isnull", False),
                        ("low__isnull", False),
                        ("low__lte", models.F("estimate")),
                        ("high__gte", models.F("estimate")),
                        ("high__lte", Decimal("1000000")),
                        ("low__gte", Decimal("-1000000")),
                        models.Q(("spread", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="assessments_outcomeeffect_range_holds_estimate",
                violation_error_message="Give both the lowest and the highest, or neither: the lowest not above the change, the highest not below it, each between -1,000,000 and 1,000,000, and say what they are.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="outcomeeffect",
            name="assessments_outcomeeffect_spread_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("spread__in", ["", "ci95", "range"])),
                name="assessments_outcomeeffect_spread_valid",
                violation_error_message="Say what the lowest and highest are: a confidence interval or a range.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="outcomemeasure",
            name="assessments_outcome_position_unique",
            constraint=models.UniqueConstraint(
                fields=("assessment", "position"),
                name="assessments_outcome_position_unique",
                violation_error_message="Another outcome of this assessment is already in this place in the list.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="outcomemeasure",
            name="assessments_outcome_name_unique",
            constraint=models.UniqueConstraint(
                fields=("assessment", "name"),
                name="assessments_outcome_name_unique",
                violation_error_message="This assessment already values an outcome with this name: give each outcome its own.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="outcomemeasure",
            name="assessments_outcome_range_holds_value",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("unit_value_low__gte", 0),
                    ("unit_value__gte", models.F("unit_value_low")),
                    ("unit_value_high__gte", models.F("unit_value")),
                    ("unit_value_high__lte", 1000000000),
                ),
                name="assessments_outcome_range_holds_value",
                violation_error_message="The lowest value of one unit must not be below zero or above the value, and the highest must not be below the value or above 1,000,000,000.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="outcomemeasure",
            name="assessments_outcome_price_range_holds_price",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("price_low__gte", 0),
                    ("price__gte", models.F("price_low")),
                    ("price_high__gte", models.F("price")),
                ),
                name="assessments_outcome_price_range_holds_price",
                violation_error_message="In the assessment's prices, the lowest value must not be below zero or above the value, nor the highest below the value.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="outcomemeasure",
            name="assessments_outcome_source_url_is_web",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("source_url", ""),
                    ("source_url__startswith", "http://"),
                    ("source_url__startswith", "https://"),
                    _connector="OR",
                ),
                name="assessments_outcome_source_url_is_web",
                violation_error_message="Enter a web address for the source that starts with http:// or https://, or leave it empty.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="outcomemeasure",
            name="assessments_outcome_reason_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("reason"), 1000
                ),
                name="assessments_outcome_reason_length_limit",
                violation_error_message="Keep the reason for this value to 1,000 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="survey",
            name="assessments_survey_limit_positive",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("response_limit__isnull", True), ("response_limit__gte", 1), _connector="OR"
                ),
                name="assessments_survey_limit_positive",
                violation_error_message="The most answers it takes must be 1 or more, or left empty for no limit.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="survey",
            name="assessments_survey_public_title_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("public_title"), 120
                ),
                name="assessments_survey_public_title_length_limit",
                violation_error_message="Keep the title people see to 120 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="survey",
            name="assessments_survey_description_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("description"), 400
                ),
                name="assessments_survey_description_length_limit",
                violation_error_message="Keep what people read first to 400 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="surveyresponse",
            name="assessments_surveyresponse_ease_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("ease__gte", 1), ("ease__lte", 5)),
                    ("ease__isnull", True),
                    _connector="OR",
                ),
                name="assessments_surveyresponse_ease_in_range",
                violation_error_message="The answer on how easy it is must be from 1 (very hard) to 5 (very easy).",
            ),
        ),
        migrations.AlterConstraint(
            model_name="surveyresponse",
            name="assessments_surveyresponse_material_agreement_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("material_agreement__gte", 1), ("material_agreement__lte", 5)),
                    ("material_agreement__isnull", True),
                    _connector="OR",
                ),
                name="assessments_surveyresponse_material_agreement_in_range",
                violation_error_message="The answer to “I get something out of it for myself, such as money, a reward or time saved.” must be from 1 (strongly disagree) to 5 (strongly agree).",
            ),
        ),
        migrations.AlterConstraint(
            model_name="surveyresponse",
            name="assessments_surveyresponse_intrinsic_agreement_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("intrinsic_agreement__gte", 1), ("intrinsic_agreement__lte", 5)),
                    ("intrinsic_agreement__isnull", True),
                    _connector="OR",
                ),
                name="assessments_surveyresponse_intrinsic_agreement_in_range",
                violation_error_message="The answer to “I enjoy it, or find it interesting to do.” must be from 1 (strongly disagree) to 5 (strongly agree).",
            ),
        ),
        migrations.AlterConstraint(
            model_name="surveyresponse",
            name="assessments_surveyresponse_social_agreement_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("social_agreement__gte", 1), ("social_agreement__lte", 5)),
                    ("social_agreement__isnull", True),
                    _connector="OR",
                ),
                name="assessments_surveyresponse_social_agreement_in_range",
                violation_error_message="The answer to “I like doing it with other people, or being part of a group.” must be from 1 (strongly disagree) to 5 (strongly agree).",
            ),
        ),
        migrations.AlterConstraint(
            model_name="surveyresponse",
            name="assessments_surveyresponse_normative_agreement_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("normative_agreement__gte", 1), ("normative_agreement__lte", 5)),
                    ("normative_agreement__isnull", True),
                    _connector="OR",
                ),
                name="assessments_surveyresponse_normative_agreement_in_range",
                violation_error_message="The answer to “It is the right thing to do, or my duty.” must be from 1 (strongly disagree) to 5 (strongly agree).",
            ),
        ),
        migrations.AlterConstraint(
            model_name="surveyresponse",
            name="assessments_surveyresponse_sanctions_agreement_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("sanctions_agreement__gte", 1), ("sanctions_agreement__lte", 5)),
                    ("sanctions_agreement__isnull", True),
                    _connector="OR",
                ),
                name="assessments_surveyresponse_sanctions_agreement_in_range",
                violation_error_message="The answer to “I have to: there would be a penalty or trouble if I did not.” must be from 1 (strongly disagree) to 5 (strongly agree).",
            ),
        ),
        migrations.AlterConstraint(
            model_name="surveyresponse",
            name="assessments_surveyresponse_comment_length_limit",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("comment"), 500
                ),
                name="assessments_surveyresponse_comment_length_limit",
                violation_error_message="Keep the comment to 500 characters or fewer.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="surveyresponse",
            name="assessments_surveyresponse_minutes_in_range",
            constraint=models.CheckConstraint(
                condition=models.Q(("minutes_a_month__lte", 18000)),
                name="assessments_surveyresponse_minutes_in_range",
                violation_error_message="The time given must be no more than 300 hours a month.",
            ),
        ),
    ]
