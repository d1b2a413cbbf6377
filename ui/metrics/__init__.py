"""The Metrics view: each metric over time, and the items whose reach comes from it."""

from ui.metrics.chart import LineChart
from ui.metrics.view import MetricPanel, MetricsView

__all__ = ["LineChart", "MetricPanel", "MetricsView"]
