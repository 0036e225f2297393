from measures.models.content import (
    Evaluation,
    InitiativeStatus,
    MainInitiative,
    MeasureDepartment,
    PlanEntry,
    ProgressReport,
)
from measures.models.dx import DxPriority, DxPriorityMeasure
from measures.models.history import MeasureChangeNote
from measures.models.pages import CATEGORY_FIELDS, MeasureIndexPage, MeasurePage
from measures.models.snippets import Department, DepartmentMembership
from measures.models.workflow import DivisionReviewTask

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
]
