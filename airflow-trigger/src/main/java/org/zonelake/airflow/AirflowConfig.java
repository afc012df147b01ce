package org.zonelake.airflow;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.zonelake.core.config.ConfigSource;
import org.zonelake.core.error.ErrorCode;
import org.zonelake.core.error.LakeException;

/**
 * How the lake reaches Airflow and follows its DAG runs.
 *
 * @param url Airflow's base URL, e.g. {@code http://127.0.0.1:58090} ({@code ZONELAKE_AIRFLOW_URL}, required)
 * @param user the lake's Airflow user ({@code ZONELAKE_AIRFLOW_USER}); empty: requests carry no credentials
 * @param password its password ({@code ZONELAKE_AIRFLOW_PASSWORD}); never printed
 * @param apiVersion {@code v1} (Airflow 2), {@code v2} (Airflow 3) or {@code auto} ({@code ZONELAKE_AIRFLOW_API_VERSION}, default auto)
 * @param dagId the DAG each stored object triggers ({@code ZONELAKE_AIRFLOW_DAG_ID}, default {@code zonelake_object_stored})
 * @param pollInterval how often a DAG run in progress is looked at, and how long an idle dispatcher waits for
 *                     events it was not woken for ({@code ZONELAKE_AIRFLOW_POLL_INTERVAL}, default 5s)
 * @param lease how long a claimed event belongs to the dispatcher before another may take it
 *              ({@code ZONELAKE_AIRFLOW_LEASE}, default 60s)
 * @param retryBackoff wait after Airflow first fails to answer, doubled per further failure
 *                     ({@code ZONELAKE_AIRFLOW_RETRY_BACKOFF}, default 1s)
 * @param retryBackoffMax longest wait between attempts ({@code ZONELAKE_AIRFLOW_RETRY_BACKOFF_MAX}, default 5m)
 * @param requestTimeout connect and read timeout of one request ({@code ZONELAKE_AIRFLOW_REQUEST_TIMEOUT}, default 30s)
 */
public record AirflowConfig(String url, String user, String password, ApiVersion apiVersion, String dagId, Duration pollInterval,
                            Duration lease, Duration retryBackoff, Duration retryBackoffMax, Duration requestTimeout) {
    public static final String URL = "airflow.url";
    public static final String USER = "airflow.user";
    public static final String PASSWORD = "airflow.password";
    public static final String API_VERSION = "airflow.api-version";
    public static final String DAG_ID = "airflow.dag-id";
    public static final String POLL_INTERVAL = "airflow.poll-interval";
    public static final String LEASE = "airflow.lease";
    public static final String RETRY_BACKOFF = "airflow.retry-backoff";
    public static final String RETRY_BACKOFF_MAX = "airflow.retry-backoff-max";
    public static final String REQUEST_TIMEOUT = "airflow.request-timeout";

    public static final String DEFAULT_DAG_ID = "zonelake_object_stored";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETRY_BACKOFF_MAX = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public AirflowConfig {
        url = requireNonNull(url, "url is null").trim().replaceAll("/+$", "");
        user = user == null ? "" : user.trim();
        password = password == null ? "" : password;
        requireNonNull(apiVersion, "apiVersion is null");
        dagId = requireNonNull(dagId, "dagId is null").trim();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw invalid(URL, "must start with http:// or https://, was '" + url.replaceFirst("//[^/@]*@", "//***@") + "'");
        }
        if (url.contains("@")) {
            throw invalid(URL, "must not carry credentials: set " + ConfigSource.environmentName(USER) + " and "
                    + ConfigSource.environmentName(PASSWORD));
        }
        if (!dagId.matches("[A-Za-z0-9_.-]{1,250}")) {
            throw invalid(DAG_ID, "must be a DAG id (letters, digits, _ . -), was '" + dagId + "'");
        }
        positive(POLL_INTERVAL, pollInterval);
        positive(LEASE, lease);
        positive(RETRY_BACKOFF, retryBackoff);
        positive(RETRY_BACKOFF_MAX, retryBackoffMax);
        positive(REQUEST_TIMEOUT, requestTimeout);
    }

    /** Settings with the defaults for everything but where Airflow is and who the lake is there. */
    public static AirflowConfig of(String url, String user, String password, ApiVersion apiVersion) {
        return new AirflowConfig(url, user, password, apiVersion, DEFAULT_DAG_ID, DEFAULT_POLL_INTERVAL, DEFAULT_LEASE,
                DEFAULT_RETRY_BACKOFF, DEFAULT_RETRY_BACKOFF_MAX, DEFAULT_REQUEST_TIMEOUT);
    }

    public static AirflowConfig from(ConfigSource config) {
        String url = config.get(URL).orElseThrow(() -> LakeException.of(ErrorCode.INVALID_REQUEST,
                "Setting %s is required when %s=airflow", ConfigSource.environmentName(URL),
                ConfigSource.environmentName(PipelineTriggerKind.KEY)));
        ApiVersion version;
        try {
            version = ApiVersion.parse(config.string(API_VERSION, "auto"));
        } catch (IllegalArgumentException e) {
            throw invalid(API_VERSION, "expected v1, v2 or auto, was '" + config.string(API_VERSION, "") + "'");
        }
        return new AirflowConfig(url, config.string(USER, ""), config.get(PASSWORD).orElse(""), version,
                config.string(DAG_ID, DEFAULT_DAG_ID), config.duration(POLL_INTERVAL, DEFAULT_POLL_INTERVAL),
                config.duration(LEASE, DEFAULT_LEASE), config.duration(RETRY_BACKOFF, DEFAULT_RETRY_BACKOFF),
                config.duration(RETRY_BACKOFF_MAX, DEFAULT_RETRY_BACKOFF_MAX), config.duration(REQUEST_TIMEOUT, DEFAULT_REQUEST_TIMEOUT));
    }

    public AirflowConfig withDagId(String otherDagId) {
        return new AirflowConfig(url, user, password, apiVersion, otherDagId, pollInterval, lease, retryBackoff, retryBackoffMax,
                requestTimeout);
    }

    public AirflowConfig withTimings(Duration otherPollInterval, Duration otherRetryBackoff, Duration otherRetryBackoffMax) {
        return new AirflowConfig(url, user, password, apiVersion, dagId, otherPollInterval, lease, otherRetryBackoff,
                otherRetryBackoffMax, requestTimeout);
    }

    /** Wait before the next attempt after {@code failures} consecutive failures: the backoff doubled per failure, capped. */
    public Duration backoffAfter(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        try {
            Duration wait = retryBackoff.multipliedBy(1L << doublings);
            return wait.compareTo(retryBackoffMax) > 0 ? retryBackoffMax : wait;
        } catch (ArithmeticException e) {
            return retryBackoffMax;
        }
    }

    public boolean authenticated() {
        return !user.isEmpty();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "AirflowConfig[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + ", apiVersion="
                + apiVersion.wireName() + ", dagId=" + dagId + ", pollInterval=" + pollInterval + ", lease=" + lease + ", retryBackoff="
                + retryBackoff + ", retryBackoffMax=" + retryBackoffMax + ", requestTimeout=" + requestTimeout + "]";
    }

    private static void positive(String key, Duration value) {
        requireNonNull(value, key + " is null");
        if (value.isZero() || value.isNegative()) {
            throw invalid(key, "must be positive, was " + value);
        }
    }

    private static LakeException invalid(String key, String problem) {
        return new LakeException(ErrorCode.INVALID_REQUEST, ConfigSource.environmentName(key) + " " + problem);
    }
}
