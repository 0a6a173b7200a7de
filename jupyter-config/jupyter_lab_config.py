# JupyterLab for the course. `make lab` and the README's command without make both start it with
#     jupyter lab --config jupyter-config/jupyter_lab_config.py
# so both open the same course the same way.
import os
from pathlib import Path

COURSE = Path(__file__).resolve().parents[1]

# The course folder is the server's root, so notebooks/ and exercises/ are both reachable
# (starting Lab on a notebook's path would make that notebook's folder the root), and the
# browser opens on the start lesson, also from the printed URL.
c.ServerApp.root_dir = str(COURSE)
c.LabApp.default_url = "/lab/tree/notebooks/00_start_here.ipynb"

# This computer only, with the token printed at start (Jupyter's default).
c.ServerApp.ip = "127.0.0.1"

# Containers and CI run as root; Jupyter refuses root unless told.
if hasattr(os, "geteuid") and os.geteuid() == 0:
    c.ServerApp.allow_root = True

# Defaults for JupyterLab's settings (lab-settings/overrides.json): no news or update pop-ups
# (nothing to fetch offline); every cell of a lesson rendered at once, so charts further down a
# lesson are drawn without scrolling. A student's own changes in Settings still win.
c.LabApp.app_settings_dir = str(COURSE / "jupyter-config" / "lab-settings")
