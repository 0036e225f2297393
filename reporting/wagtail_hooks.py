from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from reporting import views


@hooks.register("register_admin_urls")
def reporting_admin_urls():
    return [
        path("reporting/", views.index, name="reporting_index"),
        path("reporting/<int:round_id>/", views.dashboard, name="reporting_round"),
        path("reporting/<int:round_id>/close/", views.close, name="reporting_close"),
        path("reporting/<int:round_id>/workbook/", views.upload, name="reporting_upload"),
        path("reporting/<int:round_id>/workbook.xlsx", views.download, name="reporting_download"),
        path("reporting/reminders/", views.my_reminders, name="reporting_my_reminders"),
    ]


@hooks.register("register_admin_menu_item")
def reporting_menu_item():
    return MenuItem(_("進捗報告の依頼"), reverse("reporting_index"), icon_name="tasks", order=250)


@hooks.register("register_account_menu_item")
def reminders_account_item(request):
    return {
        "url": reverse("reporting_my_reminders"),
        "label": _("進捗報告のお知らせ"),
        "help_text": _("受け取るお知らせと、最近送られたお知らせを確認します。"),
    }
