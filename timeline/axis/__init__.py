"""The time axis above the list: proportional time, breaks, ticks, lanes, marks and clusters.

Flask-free: :func:`build` turns a query into an :class:`Axis` that templates draw as SVG.
"""

from __future__ import annotations

from timeline.axis.build import Axis, Layout, build
from timeline.axis.view import AxisView, Links, present

__all__ = ["Axis", "AxisView", "Layout", "Links", "build", "present"]
