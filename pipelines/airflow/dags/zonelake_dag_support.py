"""What the lake's DAGs share: the content-type routing table, the spark-submit task, the failure callback.

Runs on Airflow 3 (task SDK) and on Airflow 2.10+; no DAG is defined here (.airflowignore keeps the
DAG processor from parsing this file on its own).
"""

from __future__ import annotations

import fnmatch
import os
import re
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from typing import Any, Mapping

try:  # Airflow 3
    from airflow.sdk import BaseOperator
    from airflow.sdk.exceptions import AirflowException, AirflowFailException
    from airflow.sdk.log import mask_secret
except ImportError:  # Airflow 2
    from airflow.exceptions import AirflowException, AirflowFailException
    from airflow.models.baseoperator import BaseOperator
    from airflow.utils.log.secrets_masker import mask_secret


# The XCom the Java follower reads (per failed task instance) to tell users why a DAG run failed.
FAILURE_XCOM_KEY = "zonelake_failure"
JOB_MAIN_CLASS = "org.zonelake.job.PipelinesJob"
NOT_HANDLED = "not_handled"
MAX_REASON_CHARS = 1000

PROJECT = re.compile(r"[a-z0-9][a-z0-9_-]{0,62}")
PIPELINE = re.compile(r"[a-z0-9][a-z0-9-]{0,62}")
SENSITIVE_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE|_KEY$", re.IGNORECASE)

# Content type (parameters ignored, '*' matches any run of characters) -> family; the first match wins.
# The families decide only the Spark resources: the job routes the object by its project's own table.
ROUTES: tuple[tuple[str, str], ...] = (
    ("text/csv", "tabular"),
    ("text/tab-separated-values", "tabular"),
    ("application/x-parquet", "tabular"),
    ("application/vnd.apache.parquet", "tabular"),
    ("application/json", "json"),
    ("application/x-ndjson", "json"),
    ("application/ndjson", "json"),
    ("application/*+json", "json"),
    ("image/*", "image"),
    ("application/zip", "archive"),
    ("application/gzip", "archive"),
    ("application/x-gzip", "archive"),
    ("application/x-gtar", "archive"),
    ("application/x-tar", "archive"),
    ("application/sql", "sql_dump"),
    ("text/x-sql", "sql_dump"),
)

# What each exit code of the pipelines job means (see pipelines-job/README.md).
EXIT_MEANINGS = {1: "infrastructure failure, retried", 2: "bad arguments, not retried"}


@dataclass(frozen=True)
class Resources:
    """Spark resources of one family's job: the standalone workers have 1 core and about 2 GiB each."""

    driver_memory: str
    executor_memory: str
    executor_cores: int
    total_executor_cores: int


FAMILY_RESOURCES: dict[str, Resources] = {
    "tabular": Resources("1g", "1g", 1, 2),
    "json": Resources("512m", "1g", 1, 2),
    "image": Resources("512m", "1g", 1, 1),
    "archive": Resources("512m", "512m", 1, 1),
    "sql_dump": Resources("1g", "1g", 1, 1),
    NOT_HANDLED: Resources("512m", "512m", 1, 1),
}


def family_of(content_type: str | None) -> str:
    """The family of a content type such as 'text/csv; charset=utf-8'; 'not_handled' when none matches."""
    if not content_type:
        return NOT_HANDLED
    bare = content_type.split(";", 1)[0].strip().lower()
    for pattern, family in ROUTES:
        if fnmatch.fnmatchcase(bare, pattern):
            return family
    return NOT_HANDLED


def task_id_of(family: str) -> str:
    return f"spark_submit_{family}"


@dataclass(frozen=True)
class JobRequest:
    """The part of a DAG run's conf (the lake's "object stored" event) the job needs; 'pipeline' is there when the
    lake asks for one run again (a redo): the job then runs that pipeline instead of routing the object."""

    project: str
    object_id: int
    content_type: str | None
    pipeline: str | None = None

    @staticmethod
    def from_conf(conf: Mapping[str, Any] | None) -> "JobRequest":
        conf = conf or {}
        project = conf.get("project")
        if not isinstance(project, str) or not PROJECT.fullmatch(project):
            raise AirflowFailException(f"The DAG run's conf has no valid project: {project!r}")
        object_id = conf.get("object_id")
        if isinstance(object_id, bool) or not isinstance(object_id, (int, str)) or not str(object_id).isdigit():
            raise AirflowFailException(f"The DAG run's conf has no valid object_id: {object_id!r}")
        content_type = conf.get("content_type")
        pipeline = conf.get("pipeline")
        if pipeline is not None and (not isinstance(pipeline, str) or not PIPELINE.fullmatch(pipeline)):
            raise AirflowFailException(f"The DAG run's conf has an invalid pipeline: {pipeline!r}")
        return JobRequest(project, int(object_id), content_type if isinstance(content_type, str) else None, pipeline)


def choose_branch(dag_run=None, **_: Any) -> str:
    """The branch callable: the spark-submit task of the object's family."""
    request = JobRequest.from_conf(dag_run.conf if dag_run is not None else None)
    return task_id_of(family_of(request.content_type))


@dataclass(frozen=True)
class JobSettings:
    """Where spark-submit, the cluster and the job jar are: environment variables of the Airflow processes,
    overridable by the job environment file (read at every run)."""

    spark_submit: str
    master: str
    jar: str
    extra_conf: tuple[str, ...] = ()

    @staticmethod
    def from_environment(env: Mapping[str, str]) -> "JobSettings":
        missing = [k for k in ("ZONELAKE_SPARK_SUBMIT", "ZONELAKE_SPARK_MASTER", "ZONELAKE_PIPELINES_JOB_JAR") if not env.get(k)]
        if missing:
            raise AirflowFailException("Cannot run the pipelines job: set " + ", ".join(missing)
                                       + " in the Airflow processes' environment or the job environment file")
        extra_conf = tuple(env.get("ZONELAKE_SPARK_SUBMIT_CONF", "").split())
        malformed = [entry for entry in extra_conf if "=" not in entry]
        if malformed:
            raise AirflowFailException(f"ZONELAKE_SPARK_SUBMIT_CONF holds entries that are not key=value: {malformed}")
        return JobSettings(env["ZONELAKE_SPARK_SUBMIT"], env["ZONELAKE_SPARK_MASTER"], env["ZONELAKE_PIPELINES_JOB_JAR"], extra_conf)


def read_env_file(path: str | None) -> dict[str, str]:
    """KEY=VALUE lines ('#' comments, optional 'export '); a missing file is empty."""
    if not path or not os.path.isfile(path):
        return {}
    values: dict[str, str] = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            key, value = line.removeprefix("export ").split("=", 1)
            values[key.strip()] = value.strip().strip("'\"")
    return values


def job_environment(base: Mapping[str, str]) -> dict[str, str]:
    """The Airflow process's environment with the job environment file's values on top."""
    env = dict(base)
    env.update(read_env_file(env.get("ZONELAKE_PIPELINES_JOB_ENV_FILE")))
    return env


def mask_sensitive(env: Mapping[str, str]) -> None:
    """Tells Airflow's log masker about every secret the job receives, in case the job prints one."""
    for name, value in env.items():
        if value and SENSITIVE_NAME.search(name):
            mask_secret(value, name)


def spark_submit_command(settings: JobSettings, resources: Resources, request: JobRequest, run_id: str) -> list[str]:
    """An argument list, not a shell line: nothing from the conf is ever interpreted by a shell."""
    return [
        settings.spark_submit,
        "--master", settings.master,
        "--deploy-mode", "client",
        "--name", f"zonelake-{request.project}-{request.object_id}",
        "--class", JOB_MAIN_CLASS,
        "--driver-memory", resources.driver_memory,
        "--executor-memory", resources.executor_memory,
        "--executor-cores", str(resources.executor_cores),
        "--total-executor-cores", str(resources.total_executor_cores),
        "--conf", f"spark.app.zonelake.airflowRunId={run_id}",
        *[arg for entry in settings.extra_conf for arg in ("--conf", entry)],
        settings.jar,
        "--project", request.project,
        "--object-id", str(request.object_id),
        *(["--pipeline", request.pipeline] if request.pipeline else []),
    ]


class JobOutput:
    """What a failure reason quotes from the job's output, in bounded memory: the job's own last word (its lines
    start with 'pipelines job:'), else the last line that reports an error, else the last line."""

    JOB_PREFIX = "pipelines job:"
    ERROR_MARKERS = (" ERROR ", "Exception", "Error:")

    def __init__(self) -> None:
        self.job_line = ""
        self.error_line = ""
        self.last_line = ""

    def add(self, line: str) -> None:
        line = line[:MAX_REASON_CHARS]
        if not line.strip():
            return
        self.last_line = line
        if line.startswith(self.JOB_PREFIX):
            self.job_line = line
        elif any(marker in line for marker in self.ERROR_MARKERS):
            self.error_line = line

    def summary(self) -> str:
        return self.job_line or self.error_line or self.last_line or "no output"


class PipelinesJobOperator(BaseOperator):
    """spark-submit of the pipelines job for the DAG run's object: exit 0 succeeds, 2 fails at once, else retried."""

    ui_color = "#e4f0e8"

    def __init__(self, *, family: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.family = family
        self.spark_resources = FAMILY_RESOURCES[family]
        self._process: subprocess.Popen | None = None

    def execute(self, context: Any) -> None:
        request = JobRequest.from_conf(context["dag_run"].conf)
        env = job_environment(os.environ)
        mask_sensitive(env)
        command = spark_submit_command(JobSettings.from_environment(env), self.spark_resources, request, context["dag_run"].run_id)
        exit_code, output = self._run(command, env)
        if exit_code == 0:
            return
        meaning = EXIT_MEANINGS.get(exit_code, "unexpected exit code, retried")
        message = f"spark-submit of the pipelines job exited {exit_code} ({meaning}): {output.summary()}"
        if exit_code == 2:
            raise AirflowFailException(message)
        raise AirflowException(message)

    def _run(self, command: list[str], env: dict[str, str]) -> tuple[int, JobOutput]:
        """Streams the output into the task log line by line; keeps only what the failure reason needs."""
        self.log.info("Running %s", command)
        output = JobOutput()
        with tempfile.TemporaryDirectory(prefix="zonelake-job-") as cwd:
            self._process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd, env=env,
                                             start_new_session=True)
            for raw in iter(self._process.stdout.readline, b""):
                line = raw.decode("utf-8", errors="backslashreplace").rstrip()
                self.log.info("%s", line)
                output.add(line)
            self._process.stdout.close()
            exit_code = self._process.wait()
        self.log.info("spark-submit exited %s", exit_code)
        return exit_code, output

    def on_kill(self) -> None:
        # The job runs in a session of its own: end it with its JVMs.
        if self._process is not None and self._process.poll() is None:
            os.killpg(os.getpgid(self._process.pid), signal.SIGTERM)


def failure_reason(task_id: str, try_number: Any, exception: BaseException | None) -> str:
    """One line for the lake's run records, bounded, with every known secret value replaced."""
    what = str(exception) if exception is not None else "no exception recorded"
    reason = f"Airflow task {task_id} failed (try {try_number}): {what}"
    for name, value in job_environment(os.environ).items():
        if value and len(value) >= 4 and SENSITIVE_NAME.search(name):
            reason = reason.replace(value, "***")
    reason = " ".join(reason.split())
    return reason if len(reason) <= MAX_REASON_CHARS else reason[: MAX_REASON_CHARS - 3] + "..."


def record_failure(context: Mapping[str, Any]) -> None:
    """on_failure_callback: leaves the reason in the XCom the lake's follower reads over the REST API."""
    ti = context["ti"]
    reason = failure_reason(ti.task_id, getattr(ti, "try_number", "?"), context.get("exception"))
    ti.xcom_push(key=FAILURE_XCOM_KEY, value=reason)
