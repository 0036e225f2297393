"""Celery tasks of the report document: thin wrappers around plan_report.document."""

from celery import shared_task

from cms.celery import RETRY_ON_DATABASE_ERRORS
from plan_report import document


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def build_report(fiscal_year, language):
    document.build_and_store(fiscal_year, language)
