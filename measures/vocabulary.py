"""The plan's fixed vocabulary: the four target categories and the three progress evaluations.

Plain values, no models, so that the listing and the progress charts can use them without
importing the page models that call them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# The labels are the report's own words (and the open data's values); templates translate them.
CATEGORY_FIELDS = (
    ("category_smart_government", gettext_noop("スマート自治体")),
    ("category_future_society", gettext_noop("未来社会創出")),
    ("category_digital_administration", gettext_noop("デジタル行政")),
    ("category_infrastructure", gettext_noop("情報基盤強化")),
)


class Evaluation(models.TextChoices):
    ON_TRACK = "on_track", _("計画通り")
    SLIGHTLY_DELAYED = "slightly_delayed", _("少し遅延")
    DELAYED = "delayed", _("遅延")
