"""The glossary (用語集): terms explained at the end of the report, linked from measure text."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from glossary.ordering import grouped
from search.index import AnalysedSearchField, page_search_fields
from translations.fragments import has_japanese

# Section names are data (stored on each term); templates translate them for display.
SECTIONS = [
    gettext_noop("あ行"),
    gettext_noop("か行"),
    gettext_noop("さ行"),
    gettext_noop("た行"),
    gettext_noop("な行"),
    gettext_noop("は行"),
    gettext_noop("ま行"),
    gettext_noop("や行"),
    gettext_noop("ら行"),
    gettext_noop("わ行"),
    gettext_noop("A～Z"),
]


class GlossaryTerm(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A term of the glossary; changes go through the same review workflow as the measures."""

    term = models.CharField(_("用語"), max_length=255)
    slug = models.SlugField(
        _("アンカー"),
        max_length=255,
        allow_unicode=True,
        help_text=_("用語集ページ内のリンク先（#…）。空欄なら用語から作ります。"),
        blank=True,
    )
    section = models.CharField(_("行"), max_length=10, choices=[(s, s) for s in SECTIONS])
    definition = models.TextField(_("説明"))
    sort_order = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords()
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="glossaryterm")
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="glossaryterm",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("section"),
        FieldPanel("definition"),
    ]
    search_fields = [
        AnalysedSearchField("term", boost=2),
        index.AutocompleteField("term"),
        AnalysedSearchField("definition"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("用語")
        verbose_name_plural = _("用語集")
        ordering = ["sort_order", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_glossary_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.term, allow_unicode=True)
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    @property
    def anchor(self):
        return f"term-{self.slug}"


class GlossaryIndexPage(Page):
    """/glossary/: every term of the page's language, grouped by section."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "glossary/pages/glossary_index_page.html"
    search_fields = page_search_fields()

    class Meta:
        verbose_name = _("用語集ページ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = list(GlossaryTerm.objects.filter(locale=self.locale, live=True))
        if self.locale.language_code == settings.LANGUAGE_CODE:
            sections = [(_(s), [t for t in terms if t.section == s]) for s in SECTIONS]
            context["sections"] = [(heading, ts) for heading, ts in sections if ts]
        else:
            _attach_japanese_terms(terms)
            context["sections"] = grouped(terms, self.locale.language_code, lambda t: t.term)
        return context


def _attach_japanese_terms(terms):
    """term.japanese_term: the Japanese term a translated term translates, shown (with its
    readings) beside it where the translation does not already quote it in full."""
    source = GlossaryTerm.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE,
        translation_key__in=[t.translation_key for t in terms],
    )
    japanese = dict(source.values_list("translation_key", "term"))
    for term in terms:
        original = japanese.get(term.translation_key, "")
        shown = has_japanese(original) and original not in term.term
        term.japanese_term = original if shown else ""
