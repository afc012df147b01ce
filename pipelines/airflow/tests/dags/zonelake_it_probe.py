"""A stand-in for zonelake_object_stored in the lake's ITs (airflow-trigger's AirflowPipelineTriggerIT).

Takes the same conf, needs no Spark: its one task returns "<project>/<object_id>", with "/<pipeline>" when the conf
names one (a redo), as the XCom return_value; or,
when the event's template is 'it-fail', fails after one retry through the same failure callback as the real DAG.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta

# The real DAG's support module lives in pipelines/airflow/dags, next to this folder's parent.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__)))), "dags"))

from zonelake_dag_support import AirflowException, JobRequest, record_failure  # noqa: E402

try:  # Airflow 3
    from airflow.providers.standard.operators.python import PythonOperator
    from airflow.sdk import DAG
except ImportError:  # Airflow 2
    from airflow import DAG
    from airflow.operators.python import PythonOperator

DAG_ID = "zonelake_it_probe"
FAIL_TEMPLATE = "it-fail"


def probe(dag_run=None, **_):
    conf = dag_run.conf or {}
    request = JobRequest.from_conf(conf)
    if conf.get("template") == FAIL_TEMPLATE:
        raise AirflowException(f"probe asked to fail for object {request.object_id} of project {request.project}")
    return f"{request.project}/{request.object_id}" + (f"/{request.pipeline}" if request.pipeline else "")


with DAG(
    dag_id=DAG_ID,
    description="IT stand-in for zonelake_object_stored: succeeds, or fails on template it-fail",
    schedule=None,
    start_date=datetime(2025, 1, 1),
    catchup=False,
    max_active_runs=16,
    default_args={"retries": 1, "retry_delay": timedelta(seconds=1), "on_failure_callback": record_failure},
    tags=["zonelake", "it"],
) as dag:
    PythonOperator(task_id="probe", python_callable=probe)
