"""Many-to-many links of a translated measure point at snippets in the measure's own language.

wagtail-localize translates foreign keys to translatable snippets (a measure's departments) but
leaves many-to-many links alone, so a translated measure would keep the Japanese glossary terms
and initiative departments. Whenever a translated measure is published (by the import, from the
translation editor or after review) its links are recomputed from the Japanese measure.
"""

from wagtail.models import Locale


def _in_locale(objects, locale):
    return [obj.get_translation_or_none(locale) or obj for obj in objects]


def _relink(manager, wanted):
    if set(manager.all()) != set(wanted):
        manager.set(wanted)
        manager.commit()


def localize_relations(page):
    """Point a translated measure's glossary terms and initiative departments at the
    translations of its Japanese measure's, where those translations exist."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return
    source = page.get_translation_or_none(default)
    if source is None:
        return
    _relink(page.glossary_terms, _in_locale(source.glossary_terms.all(), page.locale))
    source_initiatives = {i.translation_key: i for i in source.initiatives.all()}
    for initiative in page.initiatives.all():
        original = source_initiatives.get(initiative.translation_key)
        if original is not None:
            _relink(initiative.departments, _in_locale(original.departments.all(), page.locale))


def relink_on_publish(sender, instance, **kwargs):
    """Publish receiver (editorial.publishing) for measures."""
    localize_relations(instance)
