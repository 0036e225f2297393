from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accessibility import views as reading_aid_views
from cms.api import api_router
from embeds import views as embed_views
from feedback import views as feedback_views
from measures import views as opendata_views
from operations import views as operations_views
from plan_report import views as plan_report_views
from search import views as search_views
from staff_accounts import views as staff_account_views

urlpatterns = [
    # Before Wagtail's own: the same form and mail, sent a limited number of times an hour.
    path(
        "admin/password_reset/",
        staff_account_views.RateLimitedPasswordResetView.as_view(),
        name="staff_password_reset",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("healthz", operations_views.healthz, name="healthz"),
    path("reading-aids/", reading_aid_views.set_reading_aid, name="reading_aids"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("feedback/measures/<int:number>/", feedback_views.feedback_form, name="feedback"),
    path("report.pdf", plan_report_views.report_pdf, name="report_pdf"),
    path("embed/measures/<int:number>/", embed_views.measure_card, name="embed_measure"),
    path("embed/progress/", embed_views.progress_chart, name="embed_progress"),
    path("open-data/plan.json", opendata_views.plan_json, name="plan_json"),
    path("open-data/plan.csv", opendata_views.plan_csv, name="plan_csv"),
    path("open-data/plan-sjis.csv", opendata_views.plan_csv_shift_jis, name="plan_csv_sjis"),
    path("open-data/plan.schema.json", opendata_views.plan_schema, name="plan_schema"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
