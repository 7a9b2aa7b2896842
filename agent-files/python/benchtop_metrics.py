"""Report metrics from a Benchtop job: one line on stdout that Benchtop charts.

    from benchtop_metrics import log_metrics
    log_metrics(step=120, loss=0.42, acc=0.91)          # ::metric step=120 loss=0.42 acc=0.91
    log_metrics(step=120, total=1000, loss=0.41)         # total: steps in the run, for progress

The agent puts this module on PYTHONPATH; outside Benchtop it just prints the same lines.
"""
import math
import re
import sys

_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_./-]{0,63}$")


def log_metrics(step=None, total=None, **values):
    parts = []
    if step is not None:
        parts.append(f"step={int(step)}")
    if total is not None:
        parts.append(f"total={int(total)}")
    for key, value in values.items():
        if not _KEY.match(key):
            raise ValueError(f"metric name {key!r} may hold letters, digits and _ . / - only")
        value = float(value)
        if math.isfinite(value):
            parts.append(f"{key}={value:.6g}")
    if parts:
        print("::metric " + " ".join(parts), file=sys.stdout, flush=True)
