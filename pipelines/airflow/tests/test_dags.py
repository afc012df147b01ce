"""Every DAG loads; the object DAG routes each content type to its family's spark-submit task."""

import pytest
from conftest import DAGS, TEST_DAGS

try:  # Airflow 3
    from airflow.dag_processing.dagbag import DagBag
except ImportError:  # Airflow 2
    from airflow.models.dagbag import DagBag

from zonelake_dag_support import FAMILY_RESOURCES, choose_branch, task_id_of


class FakeDagRun:
    def __init__(self, conf):
        self.conf = conf
        self.run_id = "zonelake:p1:7"


@pytest.fixture(scope="module")
def object_stored_dag():
    bag = DagBag(dag_folder=str(DAGS))
    return bag.dags["zonelake_object_stored"]


@pytest.mark.parametrize("folder", [DAGS, TEST_DAGS], ids=["dags", "test-dags"])
def test_every_dag_in_the_folder_loads_without_import_errors(folder):
    bag = DagBag(dag_folder=str(folder))

    assert bag.import_errors == {}
    assert bag.dags, f"no DAG found in {folder}"


def test_the_lake_dags_are_found_under_their_ids():
    assert "zonelake_object_stored" in DagBag(dag_folder=str(DAGS)).dags
    assert "zonelake_it_probe" in DagBag(dag_folder=str(TEST_DAGS)).dags


def test_the_dag_runs_only_when_triggered(object_stored_dag):
    assert type(object_stored_dag.timetable).__name__ == "NullTimetable"
    assert object_stored_dag.catchup is False


@pytest.mark.parametrize(
    ("content_type", "family"),
    [
        ("text/csv", "tabular"),
        ("text/csv; charset=utf-8", "tabular"),
        ("text/tab-separated-values", "tabular"),
        ("application/vnd.apache.parquet", "tabular"),
        ("application/x-parquet", "tabular"),
        ("application/json", "json"),
        ("application/x-ndjson", "json"),
        ("application/geo+json", "json"),
        ("image/png", "image"),
        ("IMAGE/JPEG", "image"),
        ("application/zip", "archive"),
        ("application/gzip", "archive"),
        ("application/x-tar", "archive"),
        ("application/sql", "sql_dump"),
        ("text/x-sql", "sql_dump"),
        ("application/octet-stream", "not_handled"),
        ("text/plain", "not_handled"),
        (None, "not_handled"),
    ],
)
def test_routes_each_content_type_to_its_family_task(object_stored_dag, content_type, family):
    chosen = choose_branch(dag_run=FakeDagRun({"project": "p1", "object_id": 7, "content_type": content_type}))

    assert chosen == f"spark_submit_{family}"
    assert chosen in object_stored_dag.task_dict["route_by_content_type"].downstream_task_ids


def test_every_family_has_a_retried_spark_submit_task_with_the_failure_callback(object_stored_dag):
    for family in FAMILY_RESOURCES:
        task = object_stored_dag.task_dict[task_id_of(family)]
        assert task.retries == 3
        assert task.retry_exponential_backoff
        assert task.on_failure_callback, f"{task.task_id} has no failure callback"


@pytest.mark.parametrize(
    "conf",
    [{}, {"project": "P1", "object_id": 1}, {"project": "p1"}, {"project": "p1", "object_id": "x"},
     {"project": "p1;rm -rf /", "object_id": 1}, {"project": "p1", "object_id": True}],
    ids=["empty", "upper-case project", "no object id", "object id not a number", "shell in project", "boolean id"],
)
def test_refuses_a_conf_without_a_valid_project_and_object_id(conf):
    from zonelake_dag_support import AirflowFailException

    with pytest.raises(AirflowFailException):
        choose_branch(dag_run=FakeDagRun(conf))
