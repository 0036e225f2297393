"""Japanese fiscal years: the report counts in 令和, the open data in Western years."""

from django.utils.translation import gettext as _

REIWA_FIRST_YEAR = 2019


def reiwa_year(fiscal_year: int) -> int:
    return fiscal_year - REIWA_FIRST_YEAR + 1


def fiscal_year_label(fiscal_year: int) -> str:
    """令和4年度 for 2022 in Japanese; the catalogue gives other languages their own form, the
    Western year first and the era year after it ("FY2022 (Reiwa 4)"), so that a reader can find
    the year in the city's Japanese documents."""
    # A translation may also leave out %(reiwa)d; msgfmt's format check would refuse that, so the
    # check is off here.
    # xgettext:no-python-format
    return _("令和%(reiwa)d年度") % {"reiwa": reiwa_year(fiscal_year), "year": fiscal_year}


# The years an editor may choose: the plan's own (令和3–7年度) and the years around it
# (from 令和2年度, so no label needs the era's first year, 元年).
FIRST_CHOOSABLE_YEAR = 2020
LAST_CHOOSABLE_YEAR = 2035


def fiscal_year_choice_label(fiscal_year: int) -> str:
    """令和5年度 (2023): the era year staff write in the 調書, with the Western year beside it
    where the label does not already say it."""
    label = fiscal_year_label(fiscal_year)
    return label if str(fiscal_year) in label else f"{label} ({fiscal_year})"


def fiscal_year_choices():
    """Built when the form is shown, so that labels follow the admin user's language."""
    return [("", "---------")] + [
        (year, fiscal_year_choice_label(year))
        for year in range(FIRST_CHOOSABLE_YEAR, LAST_CHOOSABLE_YEAR + 1)
    ]
