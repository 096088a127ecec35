"""Time Release Study engine: plain Python over Ibis (DuckDB by default, PySpark optional).

Nothing here imports Django, so the CLI, tasks and pages all call the same functions.
"""

from .backends import connect, spark_session
from .compare import CompareRow, Comparison, compare
from .errors import InputError, TrsError
from .generate import generate
from .periods import Period
from .render import FORMATS, as_dict, render
from .report import BY_COLUMNS, Group, Report, report
from .stats import DataQuality, Summary

__all__ = [
    "BY_COLUMNS",
    "FORMATS",
    "CompareRow",
    "Comparison",
    "DataQuality",
    "Group",
    "InputError",
    "Period",
    "Report",
    "Summary",
    "TrsError",
    "as_dict",
    "compare",
    "connect",
    "generate",
    "render",
    "report",
    "spark_session",
]
