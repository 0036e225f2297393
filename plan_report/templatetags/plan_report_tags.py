"""The home page's download link to the 実施計画調書, with the date of the content it holds."""

from django import template
from django.utils.translation import get_language

from plan_report import document

register = template.Library()


@register.inclusion_tag("plan_report/download_link.html")
def report_download():
    try:
        content_date = document.current_content_date(get_language())
    except document.ReportUnavailable:
        content_date = None
    return {"content_date": content_date}
