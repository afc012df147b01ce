"""The lake's process zone on Airflow: one DAG run per stored object.

The lake (airflow-trigger's AirflowPipelineTrigger) triggers this DAG with the "object stored" event as the run's
conf (project, object_id, storage_name, content_type, size, sha256, template, uploader, stored_at) and a run id
derived from the event. When the lake asks for one run again (a redo through the runs API), the conf also holds
'pipeline' and the run id names the run and its generation; the job then runs that pipeline (--pipeline). The run
picks the Spark resources by the object's content type and spark-submits the pipelines job, which routes the object
by its project's table and records and settles the lake's run records.
A task that fails for good leaves its reason in the XCom 'zonelake_failure', which the lake's follower reads.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

from zonelake_dag_support import (  # noqa: E402 (the folder must be on the path first)
    FAMILY_RESOURCES,
    PipelinesJobOperator,
    choose_branch,
    record_failure,
    task_id_of,
)

try:  # Airflow 3
    from airflow.providers.standard.operators.python import BranchPythonOperator
    from airflow.sdk import DAG
except ImportError:  # Airflow 2
    from airflow import DAG
    from airflow.operators.python import BranchPythonOperator

DAG_ID = "zonelake_object_stored"

DEFAULT_ARGS = {
    "owner": "zonelake",
    # Exit code 1 of the job (infrastructure) is retried: 30 s, then doubling, at most 10 min apart.
    "retries": 3,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=10),
    "execution_timeout": timedelta(hours=2),
    "on_failure_callback": record_failure,
}

with DAG(
    dag_id=DAG_ID,
    description="Processes one object the lake stored: spark-submit of the pipelines job, resources by content type",
    schedule=None,
    start_date=datetime(2025, 1, 1),
    catchup=False,
    max_active_runs=16,
    default_args=DEFAULT_ARGS,
    tags=["zonelake"],
    doc_md=__doc__,
) as dag:
    route = BranchPythonOperator(task_id="route_by_content_type", python_callable=choose_branch, retries=0)
    for family in FAMILY_RESOURCES:
        route >> PipelinesJobOperator(task_id=task_id_of(family), family=family)
