"""Airflow reads its home at import: point it at a temporary folder before any test imports Airflow."""

import os
import sys
import tempfile
from pathlib import Path

AIRFLOW_DIR = Path(__file__).resolve().parent.parent
DAGS = AIRFLOW_DIR / "dags"
TEST_DAGS = AIRFLOW_DIR / "tests" / "dags"

os.environ["AIRFLOW_HOME"] = tempfile.mkdtemp(prefix="zonelake-airflow-tests-")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(DAGS)
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "True"
sys.path.insert(0, str(DAGS))
