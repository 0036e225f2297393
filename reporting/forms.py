from django import forms
from django.utils.translation import gettext_lazy as _

from measures.models.content import FISCAL_YEAR_VALIDATORS
from reporting.models import ReportingRound
from reporting.services import MeasureStatus


class OpenRoundForm(forms.Form):
    fiscal_year = forms.IntegerField(label=_("報告対象年度"), validators=FISCAL_YEAR_VALIDATORS)
    due_date = forms.DateField(label=_("提出期限"), widget=forms.DateInput({"type": "date"}))

    def clean_fiscal_year(self):
        year = self.cleaned_data["fiscal_year"]
        if ReportingRound.objects.filter(fiscal_year=year).exists():
            raise forms.ValidationError(_("この年度の報告の依頼はすでにあります。"))
        return year


class RowFilterForm(forms.Form):
    department = forms.ChoiceField(label=_("課"), required=False)
    status = forms.ChoiceField(
        label=_("状況"),
        required=False,
        choices=[("", _("すべて")), *MeasureStatus.LABELS.items()],
    )

    def __init__(self, *args, departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [("", _("すべて"))] + [(d, d) for d in departments]


class WorkbookForm(forms.Form):
    workbook = forms.FileField(label=_("記入したファイル（.xlsx）"))
