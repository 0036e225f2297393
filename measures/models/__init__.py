from measures.models.content import (
    Evaluation,
    InitiativeStatus,
    MainInitiative,
    MeasureDepartment,
    PlanEntry,
    ProgressReport,
)
from measures.models.dx import DxPriority, DxPriorityMeasure
from measures.models.pages import CATEGORY_FIELDS, MeasureIndexPage, MeasurePage
from measures.models.snippets import Department, DepartmentMembership

__all__ = [
    "CATEGORY_FIELDS",
    "Department",
    "DepartmentMembership",
    "DxPriority",
    "DxPriorityMeasure",
    "Evaluation",
    "InitiativeStatus",
    "MainInitiative",
    "MeasureDepartment",
    "MeasureIndexPage",
    "MeasurePage",
    "PlanEntry",
    "ProgressReport",
]
