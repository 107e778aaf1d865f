"""Import and export in the admin (django-import-export): case examples and reference values
for curators, services and price indexes for administrators, as CSV or XLSX.

A file is read whole before anything is saved: the admin shows a preview of what would
change (a dry run, rolled back), and if any row is wrong, nothing is saved and each wrong
row is listed with what is wrong in plain words. Rows that would change nothing are
skipped. Choices are written as their labels ("Health") and read as labels or stored
values; lists (why people take part, what they bring) as labels separated by semicolons;
a case's sources one a line, with the web address in angle brackets. Figures are read as
managers write them ("2,300", "5.7m"), years as whole years.
"""

import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from import_export import fields, resources, widgets

from coprod_site.numbers import parse_amount
from coprod_site.text import too_long
from services.models import (
    Agency,
    CaseExample,
    CaseSource,
    CaseStatus,
    CoProducerType,
    DeliveryMode,
    GovernmentLevel,
    Level,
    Motivator,
    Necessity,
    PriceIndex,
    ReferenceValue,
    Sector,
    Service,
    SpecialAsset,
    ValueType,
)
from services.models.agencies import ClientType
from services.models.cases import web_address

# The years the models' constraints allow, for a reference value's prices and source and a
# price index's row.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _known(choices) -> str:
    return ", ".join(str(label) for label in choices.labels)


def _choice_value(text: str, choices, what: str) -> str:
    """The stored value a cell names, by its label or its value, in any case."""
    wanted = text.strip().casefold()
    for value, label in choices.choices:
        if wanted in (value.casefold(), str(label).casefold()):
            return value
    raise ValueError(f"“{text.strip()}” is not {what}. Use one of: {_known(choices)}.")


class ChoiceWidget(widgets.Widget):
    """A choice, exported as its label; imported from its label or its stored value."""

    def __init__(self, choices, what: str, **kwargs):
        super().__init__(**kwargs)
        self.choices, self.what = choices, what

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return ""  # the model says whether it may be blank
        return _choice_value(str(value), self.choices, self.what)

    def render(self, value, obj=None, **kwargs):
        return str(self.choices(value).label) if value in self.choices.values else value or ""


class ChoiceListWidget(ChoiceWidget):
    """A list of choices, separated by semicolons, in the file's order (so a list read back
    from an export is unchanged), each once."""

    def clean(self, value, row=None, **kwargs):
        items = str(value or "").split(";")
        chosen = [_choice_value(item, self.choices, self.what) for item in items if item.strip()]
        return list(dict.fromkeys(chosen))

    def render(self, value, obj=None, **kwargs):
        return "; ".join(str(self.choices(item).label) for item in value or [])


class AgencyWidget(widgets.ForeignKeyWidget):
    """An agency by the name in its address (its slug)."""

    def __init__(self, **kwargs):
        super().__init__(Agency, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            raise ValueError("Name the agency, by the name in its address (like home-office).")
        try:
            return super().clean(str(value).strip(), row, **kwargs)
        except Agency.DoesNotExist:
            raise ValueError(
                f"There is no agency “{value}”. Use the name in its address."
            ) from None


class AmountWidget(widgets.DecimalWidget):
    """A figure as managers write it: 2300, 2,300.50, £2,300 or 5.7m."""

    def __init__(self, what: str, **kwargs):
        super().__init__(**kwargs)
        self.what = what

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        if isinstance(value, int | float | Decimal):  # a spreadsheet's number cell
            return Decimal(str(value))
        try:
            return parse_amount(str(value))
        except ValueError:
            raise ValueError(
                f"“{value}” is not {self.what}. Write a number, like 2300 or 2,300.50."
            ) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class YearWidget(widgets.IntegerWidget):
    """A year, written in full: 2019 (a financial year by its first year)."""

    def __init__(self, what: str, **kwargs):
        super().__init__(**kwargs)
        self.what = what

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        text = str(value).strip().removesuffix(".0")  # a spreadsheet's number cell
        if not text.isdigit() or not FIRST_YEAR <= int(text) <= LAST_YEAR:
            raise ValueError(
                f"“{value}” is not {self.what}. Write a year in full, like 2019, "
                f"between {FIRST_YEAR} and {LAST_YEAR}."
            )
        return int(text)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)  # 2019, not 2,019


def amount_field(name: str, what: str) -> fields.Field:
    return fields.Field(attribute=name, column_name=name, widget=AmountWidget(what))


def year_field(name: str, what: str) -> fields.Field:
    return fields.Field(attribute=name, column_name=name, widget=YearWidget(what))


def choice_field(name: str, choices, what: str, column: str | None = None) -> fields.Field:
    return fields.Field(
        attribute=name, column_name=column or name, widget=ChoiceWidget(choices, what)
    )


class PlainWordsResource(resources.ModelResource):
    """All or nothing, in plain words.

    Any row that is wrong rolls the whole file back, whether it fails a check or the
    database (the library's default saves the good rows around a row that fails a check).
    Free text is checked against its length limit before the model does, so a row that is
    too long reads the form's message, not the name of a database constraint.
    """

    def import_data(self, dataset, **kwargs):
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            # An empty spreadsheet cell reads as None; optional text is stored as "".
            for field in instance._meta.concrete_fields:
                text = isinstance(field, models.CharField | models.TextField)
                if text and not field.null and getattr(instance, field.attname) is None:
                    setattr(instance, field.attname, "")

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        for field in instance._meta.concrete_fields:
            if not isinstance(field, models.TextField | models.CharField) or not field.max_length:
                continue
            text = getattr(instance, field.attname) or ""
            if len(text) > field.max_length and field.name not in errors:
                message = too_long(str(field.verbose_name), field.max_length)
                errors[field.name] = ValidationError(message, params={"show_value": len(text)})
        super().validate_instance(instance, errors, validate_unique)


class CuratedResource(PlainWordsResource):
    """Shared content that curators keep (case examples, reference values): an imported row
    is curated by whoever imports it, and one imported as published gets its date."""

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            # As save() would, before the model's checks see it (even in a row with other
            # problems, so they are not hidden behind a missing date).
            if instance.is_published and instance.published_at is None:
                instance.published_at = timezone.now()

    def before_save_instance(self, instance, row, **kwargs):
        if (user := kwargs.get("user")) is not None:
            instance.curated_by = user
        instance.curated_at = timezone.now()


# --- Case examples ---------------------------------------------------------------------

SOURCE_LINE = re.compile(r"^(?P<citation>.*?)\s*<(?P<url>[^<>\s]+)>\s*$")


def parse_sources(cell) -> list[tuple[str, str]]:
    """(citation, web address) for each line of a sources cell."""
    sources = []
    for line in str(cell or "").splitlines():
        if not line.strip():
            continue
        match = SOURCE_LINE.match(line.strip())
        citation, url = (match["citation"], match["url"]) if match else (line.strip(), "")
        sources.append((citation, url))
    return sources


class CaseExampleResource(CuratedResource):
    status = choice_field("status", CaseStatus, "a status")
    sector = choice_field("sector", Sector, "a sector")
    government_level = choice_field("government_level", GovernmentLevel, "a level of government")
    co_producer_type = choice_field("co_producer_type", CoProducerType, "a kind of co-producer")
    level = choice_field("level", Level, "a level")
    value_type = choice_field("value_type", ValueType, "a kind of value")
    necessity = choice_field("necessity", Necessity, "necessary or optional")
    motivators = fields.Field(
        attribute="motivators",
        column_name="motivators",
        widget=ChoiceListWidget(Motivator, "a reason people take part"),
    )
    special_assets = fields.Field(
        attribute="special_assets",
        column_name="special_assets",
        widget=ChoiceListWidget(SpecialAsset, "something co-producers bring"),
    )
    # Handled by import_instance and after_save_instance: one source a line.
    sources = fields.Field(column_name="sources")

    class Meta:
        model = CaseExample
        fields = (
            "slug", "title", "status", "summary", "work", "agencies", "period", "country",
            "sector", "government_level", "co_producer_type", "level", "value_type",
            "necessity", "motivators", "special_assets", "benefits", "costs",
            "quality_effect", "lessons", "sources",
        )  # fmt: skip
        import_id_fields = ("slug",)
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def dehydrate_sources(self, case) -> str:
        return "\n".join(
            f"{source.citation} <{source.url}>" if source.url else source.citation
            for source in case.sources.all()
        )

    def get_queryset(self):
        return super().get_queryset().prefetch_related("sources")

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        if "sources" in row:
            instance.imported_sources = parse_sources(row["sources"])

    def _sources_of(self, case) -> list[tuple[str, str]]:
        if hasattr(case, "imported_sources"):
            return case.imported_sources
        if case.pk is None:
            return []
        return [(source.citation, source.url) for source in case.sources.all()]

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        sources = self._sources_of(instance)
        for citation, url in sources:
            problems = []
            source = CaseSource(case=instance, citation=citation, url=url)
            try:
                source.full_clean(exclude=["case"])
            except ValidationError as error:
                problems = [f"“{citation[:60]}”: {m}" for m in error.messages]
            if problems:
                errors["sources"] = ValidationError(problems)
                break
        if instance.is_published and not sources and "sources" not in errors:
            errors["sources"] = ValidationError(
                "A published case needs at least one source, so readers can check it."
            )
        super().validate_instance(instance, errors, validate_unique)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        unchanged = super().skip_row(instance, original, row, import_validation_errors)
        if not unchanged or not hasattr(instance, "imported_sources"):
            return unchanged
        return instance.imported_sources == self._sources_of(original)

    def after_save_instance(self, instance, row, **kwargs):
        if not hasattr(instance, "imported_sources"):
            return
        if instance.imported_sources == self._sources_of(CaseExample(pk=instance.pk)):
            return
        # One by one, so the history keeps each source's change.
        for source in instance.sources.all():
            source.delete()
        for order, (citation, url) in enumerate(instance.imported_sources, start=1):
            CaseSource.objects.create(case=instance, citation=citation, url=url, order=order)


# --- Services --------------------------------------------------------------------------


class ServiceResource(PlainWordsResource):
    """Services by their id: a row with a service_id changes that service (its name too, so
    renaming in the file renames it, not adds a second); a row without one adds a service,
    or changes the agency's service of that name if it has one. An id that is no
    service's is refused."""

    service_id = fields.Field(attribute="code", column_name="service_id", readonly=True)
    agency = fields.Field(attribute="agency", column_name="agency", widget=AgencyWidget())
    sector = choice_field("sector", Sector, "a sector")
    client_type = choice_field("client_type", ClientType, "a kind of client")
    delivery_mode = choice_field("delivery_mode", DeliveryMode, "a way of delivering it")

    class Meta:
        model = Service
        fields = ("service_id", "agency", "name", "description", "sector", "client_type",
                  "clients_per_year", "delivery_mode")  # fmt: skip
        import_id_fields = ("agency", "name")
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def get_queryset(self):
        return super().get_queryset().select_related("agency")

    def get_instance(self, instance_loader, row):
        code = str(row.get("service_id") or "").strip()
        if not code:
            return super().get_instance(instance_loader, row)
        try:
            return self.get_queryset().get(code=code)
        except (Service.DoesNotExist, ValidationError):
            raise ValidationError(
                {"service_id": f"No service has the id “{code[:40]}”: leave it empty to add one."}
            ) from None


# --- Reference values and price indexes ------------------------------------------------


def _web_address_problem(url: str) -> ValidationError | None:
    try:
        web_address(url)
    except ValidationError as error:
        return error
    return None


class ReferenceValueResource(CuratedResource):
    """Reference values by slug. A blank lowest or highest value is the value itself, as
    when the source gives no range."""

    status = choice_field("status", CaseStatus, "a status")
    value = amount_field("value", "an amount")
    low = amount_field("low", "an amount")
    high = amount_field("high", "an amount")
    price_year = year_field("price_year", "a price year")
    source_year = year_field("source_year", "the year it was published")

    class Meta:
        model = ReferenceValue
        fields = (
            "slug", "name", "unit", "value", "low", "high", "currency", "price_year",
            "country", "source_title", "publisher", "location", "source_year", "url",
            "quote", "note", "status",
        )  # fmt: skip
        import_id_fields = ("slug",)
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        for end in ("low", "high"):
            if getattr(instance, end) is None:
                setattr(instance, end, instance.value)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        # Before the constraint that keeps links to the web, which words no message.
        if "url" not in errors and (problem := _web_address_problem(instance.url)):
            errors["url"] = problem
        super().validate_instance(instance, errors, validate_unique)


class PriceIndexResource(PlainWordsResource):
    """One row a currency and year: a row for a currency and year already there changes its
    figure; any other adds one."""

    year = year_field("year", "a year")
    index = amount_field("index", "an index figure")

    class Meta:
        model = PriceIndex
        fields = ("currency", "year", "index", "source")
        import_id_fields = ("currency", "year")
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if "index" not in errors and instance.index is not None and instance.index <= 0:
            errors["index"] = ValidationError("An index figure must be above zero.")
        super().validate_instance(instance, errors, validate_unique)
