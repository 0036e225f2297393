from measures.models.content import (
    InitiativeStatus,
    MainInitiative,
    MeasureDepartment,
    PlanEntry,
    ProgressReport,
)
from measures.models.dx import DxPriority, DxPriorityMeasure
from measures.models.history import MeasureChangeNote
from measures.models.pages import MeasureIndexPage, MeasurePage, published_measures
from measures.models.snippets import Department, DepartmentMembership
from measures.models.workflow import DivisionReviewTask
from measures.vocabulary import CATEGORY_FIELDS, Evaluation

__all__ = [
    "CATEGORY_FIELDS",
    "Department",
    "DepartmentMembership",
    "DivisionReviewTask",
    "DxPriority",
    "DxPriorityMeasure",
    "Evaluation",
    "InitiativeStatus",
    "MainInitiative",
    "MeasureChangeNote",
    "MeasureDepartment",
    "MeasureIndexPage",
    "MeasurePage",
    "PlanEntry",
    "ProgressReport",
    "published_measures",
]
