"""Which of the editor checks' findings a draft has, and which of them block its submission.

The editor form and the findings panel both read a page the same way: every text field of the
page and of its inline parts (initiatives, reports …), keyed by where it is. A finding counts
against the editor only when the published version did not already have it: an editor answers
for what they write, not for text inherited from the city's report.
"""

from dataclasses import dataclass

from modelcluster.models import get_all_child_relations
from wagtail.fields import RichTextField

from accessibility.checks import ERROR, Finding, check_text

# Bookkeeping and address fields: not prose a reader is shown.
SKIPPED_FIELDS = {
    "slug",
    "url_path",
    "draft_title",
    "seo_title",
    "search_description",
    "path",
    "translation_key",
}


@dataclass(frozen=True)
class TextField:
    part: str  # "" for the page itself, "取組 2" for the second initiative
    name: str
    label: str  # what the editor sees: the part and the field's name
    value: str
    is_html: bool

    @property
    def key(self):
        return (self.part, self.name)


@dataclass(frozen=True)
class FieldFinding:
    field: TextField
    finding: Finding
    inherited: bool

    @property
    def blocks(self):
        return self.finding.severity == ERROR and not self.inherited


def checked_model_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if field.get_internal_type() in {"CharField", "TextField"}
        and field.editable
        and field.name not in SKIPPED_FIELDS
    ]


def is_rich_text(model_field):
    return isinstance(model_field, RichTextField)


def part_label(model, index):
    return f"{model._meta.verbose_name} {index}"


def field_label(part, model_field):
    return f"{part} {model_field.verbose_name}" if part else str(model_field.verbose_name)


def own_text_fields(instance, part=""):
    return [
        TextField(
            part=part,
            name=model_field.name,
            label=field_label(part, model_field),
            value=getattr(instance, model_field.name, "") or "",
            is_html=is_rich_text(model_field),
        )
        for model_field in checked_model_fields(type(instance))
    ]


def text_fields(instance):
    """The instance's text fields and those of its inline parts, in editing order."""
    fields = own_text_fields(instance)
    for relation in get_all_child_relations(instance):
        children = getattr(instance, relation.get_accessor_name()).all()
        for index, child in enumerate(children, start=1):
            fields += own_text_fields(child, part_label(type(child), index))
    return fields


def published_version(instance):
    """The version readers see now, or None for a page that was never published."""
    if not instance.pk or not getattr(instance, "live", True):
        return None
    return type(instance)._default_manager.filter(pk=instance.pk).first()


def review(fields, published_fields):
    """Every finding on the fields, each marked inherited if the published text had it too."""
    published = {field.key: field for field in published_fields}
    results = []
    for field in fields:
        before = published.get(field.key)
        inherited = (
            {(f.code, f.excerpt) for f in check_text(before.value, is_html=before.is_html)}
            if before
            else set()
        )
        results += [
            FieldFinding(field, finding, (finding.code, finding.excerpt) in inherited)
            for finding in check_text(field.value, is_html=field.is_html)
        ]
    return results


def review_instance(instance):
    """review() of a draft against its published version."""
    live = published_version(instance)
    return review(text_fields(instance), text_fields(live) if live else [])
