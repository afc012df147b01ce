"""The spark-submit task and the failure callback, without Airflow running."""

import stat

import pytest
from conftest import DAGS  # noqa: F401 (sets AIRFLOW_HOME first)

import zonelake_dag_support as support
from zonelake_dag_support import (
    FAILURE_XCOM_KEY,
    AirflowException,
    AirflowFailException,
    JobRequest,
    JobSettings,
    PipelinesJobOperator,
    record_failure,
    spark_submit_command,
)


class FakeTaskInstance:
    def __init__(self, task_id="spark_submit_tabular", try_number=4):
        self.task_id = task_id
        self.try_number = try_number
        self.pushed = {}

    def xcom_push(self, key, value):
        self.pushed[key] = value


class FakeDagRun:
    def __init__(self, conf):
        self.conf = conf
        self.run_id = "zonelake:p1:7"


@pytest.fixture
def fake_spark_submit(tmp_path, monkeypatch):
    """A spark-submit that records its arguments and the job's secret, then exits with FAKE_EXIT_CODE."""
    script = tmp_path / "spark-submit"
    script.write_text('#!/bin/sh\necho "$@" > "$ARGS_FILE"\necho "db password is $ZONELAKE_METADATA_PASSWORD"\n'
                      'echo "${FAKE_JOB_LINE:-}"\necho "26/11/21 20:58:25 INFO ShutdownHookManager: last words"\n'
                      'exit "${FAKE_EXIT_CODE:-0}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    env_file = tmp_path / "job.env"
    env_file.write_text("# the lake's settings\nexport ZONELAKE_METADATA_PASSWORD='s3cr3t-value'\nZONELAKE_SPARK_MASTER=spark://127.0.0.1:57077\n")
    monkeypatch.setenv("ZONELAKE_SPARK_SUBMIT", str(script))
    monkeypatch.setenv("ZONELAKE_PIPELINES_JOB_JAR", "/opt/zonelake/job.jar")
    monkeypatch.delenv("ZONELAKE_SPARK_MASTER", raising=False)
    monkeypatch.setenv("ZONELAKE_PIPELINES_JOB_ENV_FILE", str(env_file))
    monkeypatch.setenv("ARGS_FILE", str(tmp_path / "args"))
    return tmp_path


def run_operator(exit_code, monkeypatch, family="tabular", **extra_conf):
    monkeypatch.setenv("FAKE_EXIT_CODE", str(exit_code))
    operator = PipelinesJobOperator(task_id=f"spark_submit_{family}", family=family)
    operator.execute({"dag_run": FakeDagRun({"project": "p1", "object_id": 7, "content_type": "text/csv", **extra_conf})})


def test_submits_the_job_for_the_object_with_the_family_resources(fake_spark_submit, monkeypatch):
    run_operator(0, monkeypatch)

    args = (fake_spark_submit / "args").read_text().split()
    assert args[args.index("--master") + 1] == "spark://127.0.0.1:57077"
    assert args[args.index("--class") + 1] == "org.zonelake.job.PipelinesJob"
    assert args[args.index("--executor-memory") + 1] == "1g"
    assert args[-5:] == ["/opt/zonelake/job.jar", "--project", "p1", "--object-id", "7"]


def test_passes_the_pipeline_of_a_redo_to_the_job(fake_spark_submit, monkeypatch):
    run_operator(0, monkeypatch, pipeline="sql-tabular")

    args = (fake_spark_submit / "args").read_text().split()
    assert args[-7:] == ["/opt/zonelake/job.jar", "--project", "p1", "--object-id", "7", "--pipeline", "sql-tabular"]


def test_without_a_pipeline_in_the_conf_the_job_routes_the_object():
    command = spark_submit_command(JobSettings("spark-submit", "spark://m:1", "job.jar"), support.FAMILY_RESOURCES["json"],
                                   JobRequest.from_conf({"project": "p1", "object_id": 3, "pipeline": None}), "run")

    assert "--pipeline" not in command


@pytest.mark.parametrize("pipeline", ["", "--project", "sql tabular", "x; rm -rf /", 7, ["sql-tabular"]])
def test_refuses_a_conf_whose_pipeline_is_not_a_pipeline_name(pipeline):
    with pytest.raises(AirflowFailException, match="invalid pipeline"):
        JobRequest.from_conf({"project": "p1", "object_id": 3, "pipeline": pipeline})


def test_exit_code_2_fails_without_retry(fake_spark_submit, monkeypatch):
    with pytest.raises(AirflowFailException, match="exited 2 .bad arguments"):
        run_operator(2, monkeypatch)


def test_exit_code_1_fails_to_be_retried_quoting_the_jobs_own_last_word(fake_spark_submit, monkeypatch):
    monkeypatch.setenv("FAKE_JOB_LINE", "pipelines job: the metadata zone at mongodb://127.0.0.1:1 does not answer")

    with pytest.raises(AirflowException) as failure:
        run_operator(1, monkeypatch)

    assert not isinstance(failure.value, AirflowFailException)
    assert str(failure.value) == ("spark-submit of the pipelines job exited 1 (infrastructure failure, retried): "
                                  "pipelines job: the metadata zone at mongodb://127.0.0.1:1 does not answer")


def test_without_a_word_from_the_job_the_reason_quotes_the_last_error_or_the_last_line():
    output = support.JobOutput()
    output.add("26/11/21 20:58:25 INFO SparkContext: Running Spark version 4.0.1")
    assert output.summary() == "26/11/21 20:58:25 INFO SparkContext: Running Spark version 4.0.1"

    output.add("26/11/21 20:58:26 ERROR TaskSchedulerImpl: Lost executor 0")
    output.add("26/11/21 20:58:27 INFO ShutdownHookManager: Shutdown hook called")
    assert output.summary() == "26/11/21 20:58:26 ERROR TaskSchedulerImpl: Lost executor 0"


def test_missing_settings_fail_the_task_naming_them(monkeypatch):
    monkeypatch.delenv("ZONELAKE_SPARK_SUBMIT", raising=False)
    monkeypatch.delenv("ZONELAKE_PIPELINES_JOB_ENV_FILE", raising=False)

    with pytest.raises(AirflowFailException, match="ZONELAKE_SPARK_SUBMIT"):
        JobSettings.from_environment({"ZONELAKE_SPARK_MASTER": "spark://x", "ZONELAKE_PIPELINES_JOB_JAR": "/j.jar"})


def test_adds_the_extra_spark_conf_entries_and_refuses_malformed_ones():
    env = {"ZONELAKE_SPARK_SUBMIT": "/bin/spark-submit", "ZONELAKE_SPARK_MASTER": "spark://m:7077", "ZONELAKE_PIPELINES_JOB_JAR": "/j.jar",
           "ZONELAKE_SPARK_SUBMIT_CONF": "spark.driver.host=127.0.0.1  spark.driver.bindAddress=127.0.0.1"}

    command = spark_submit_command(JobSettings.from_environment(env), support.FAMILY_RESOURCES["json"], JobRequest("p1", 1, None), "run")

    assert command[command.index("/j.jar") - 4:command.index("/j.jar")] == [
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1"]
    with pytest.raises(AirflowFailException, match="not key=value"):
        JobSettings.from_environment({**env, "ZONELAKE_SPARK_SUBMIT_CONF": "spark.driver.host"})


def test_the_command_is_an_argument_list_that_no_shell_interprets():
    command = spark_submit_command(JobSettings("/bin/spark-submit", "spark://m:7077", "/j.jar"),
                                   support.FAMILY_RESOURCES["image"], JobRequest("p-1", 42, "image/png"), "run")

    assert command[0] == "/bin/spark-submit"
    assert command[-4:] == ["--project", "p-1", "--object-id", "42"]


def test_failure_callback_records_the_reason_in_the_xcom_the_lake_reads(monkeypatch):
    monkeypatch.delenv("ZONELAKE_PIPELINES_JOB_ENV_FILE", raising=False)
    ti = FakeTaskInstance()

    record_failure({"ti": ti, "exception": AirflowException("spark-submit of the pipelines job exited 1: no master")})

    assert ti.pushed == {FAILURE_XCOM_KEY: "Airflow task spark_submit_tabular failed (try 4): "
                                           "spark-submit of the pipelines job exited 1: no master"}


def test_failure_callback_never_records_a_secret(fake_spark_submit, monkeypatch):
    ti = FakeTaskInstance()

    record_failure({"ti": ti, "exception": AirflowException("cannot connect as lake:s3cr3t-value\n to the metadata zone")})

    assert "s3cr3t-value" not in ti.pushed[FAILURE_XCOM_KEY]
    assert ti.pushed[FAILURE_XCOM_KEY].endswith("cannot connect as lake:*** to the metadata zone")


def test_failure_callback_bounds_a_long_reason(monkeypatch):
    ti = FakeTaskInstance()

    record_failure({"ti": ti, "exception": RuntimeError("x" * 5000)})

    assert len(ti.pushed[FAILURE_XCOM_KEY]) == support.MAX_REASON_CHARS
    assert ti.pushed[FAILURE_XCOM_KEY].endswith("...")


def test_failure_callback_without_an_exception_still_records_a_reason():
    ti = FakeTaskInstance(task_id="route_by_content_type", try_number=1)

    record_failure({"ti": ti})

    assert ti.pushed[FAILURE_XCOM_KEY] == "Airflow task route_by_content_type failed (try 1): no exception recorded"


def test_the_env_file_overrides_the_process_environment_and_a_missing_one_is_empty(fake_spark_submit, tmp_path):
    env = support.job_environment({"ZONELAKE_PIPELINES_JOB_ENV_FILE": str(fake_spark_submit / "job.env"),
                                   "ZONELAKE_SPARK_MASTER": "spark://old:7077", "PATH": "/bin"})

    assert env["ZONELAKE_SPARK_MASTER"] == "spark://127.0.0.1:57077"
    assert env["ZONELAKE_METADATA_PASSWORD"] == "s3cr3t-value"
    assert env["PATH"] == "/bin"
    assert support.read_env_file(str(tmp_path / "missing.env")) == {}
