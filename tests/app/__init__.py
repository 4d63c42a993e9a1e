"""Dashboard tests in Streamlit's AppTest."""

import sys
from pathlib import Path

# `streamlit run` puts the app's folder on sys.path; the tests import app_pages the same way.
_ROOT = str(Path(__file__).resolve().parents[2])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
