"""Japanese fiscal years: the report counts in 令和, the open data in Western years."""

from django.utils.translation import gettext as _

REIWA_FIRST_YEAR = 2019


def reiwa_year(fiscal_year: int) -> int:
    return fiscal_year - REIWA_FIRST_YEAR + 1


def fiscal_year_label(fiscal_year: int) -> str:
    """令和4年度 for 2022 in Japanese; the catalogue gives other languages their own form."""
    # Translations name the Western year instead of the era ("FY%(year)d"); msgfmt's format
    # check would refuse a translation that leaves out %(reiwa)d, so the check is off here.
    # xgettext:no-python-format
    return _("令和%(reiwa)d年度") % {"reiwa": reiwa_year(fiscal_year), "year": fiscal_year}
