"""Sends events to the lake from a background worker, spooling what cannot be delivered and redelivering it later.

In the Swift proxy, eventlet has patched ``threading``, ``queue`` and ``socket`` (not ``time``): the worker is a
green thread, its HTTP call yields to the proxy's requests, and it waits only on queue and event timeouts, never
``time.sleep``, which would stall the whole process. Outside eventlet (the tests) it is an ordinary thread.
"""

import json
import os
import queue
import threading
import time
import urllib.error
import urllib.request

from zonelake_webhook import signing

DELIVERED = 'delivered'
REJECTED = 'rejected'
RETRY = 'retry'            # the receiver is unreachable or too slow: stop sending for a while
RETRY_LATER = 'retry-later'  # the receiver answered with an error: this event waits, the next ones may go

# A redelivery round stops after this many events the receiver answered with an error (it is probably failing).
_MAX_ERRORS_PER_ROUND = 10

# Answers that no retry can change: the lake read the event and refused its content.
_PERMANENT_REJECTIONS = frozenset([400, 413, 415, 422])


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an error: the event goes to the configured URL or nowhere."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _opener():
    # No proxy: environment variables such as http_proxy must never route events elsewhere.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects())


class Deliverer(object):
    """Accepts events without blocking and delivers them in order, oldest spooled first."""

    def __init__(self, url, secret, spool, timeout, retry_interval, queue_size, logger, clock=time.time):
        self.url = url
        self._secret = secret
        self.spool = spool
        self.timeout = timeout
        self.retry_interval = retry_interval
        self.queue_size = queue_size
        self.logger = logger
        self._clock = clock
        self._opener = _opener()
        self._start_lock = threading.Lock()
        self._worker_pid = None
        self._queue = None
        self._stop = threading.Event()
        self._thread = None
        self._next_attempt = 0.0
        self._next_scan = 0.0
        self._spool_dirty = True
        self._receiver_down = False
        self.dropped = 0

    def ensure_started(self):
        """Starts the worker of this process (after a fork the parent's worker does not exist in the child)."""
        pid = os.getpid()
        if self._worker_pid == pid:
            return
        with self._start_lock:
            if self._worker_pid == pid:
                return
            self._queue = queue.Queue(self.queue_size)
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._run, name='zonelake-webhook', daemon=True)
            self._thread.start()
            self._worker_pid = pid

    def submit(self, event):
        """Queues the event for delivery. Never blocks on the network and never raises."""
        try:
            self.ensure_started()
            self._queue.put_nowait(event)
        except queue.Full:
            self._spool_quietly(event)
        except Exception:
            self.logger.exception('Cannot queue the Swift event of %s/%s', event.get('container'), event.get('object'))

    def close(self, timeout=5.0):
        """Stops the worker (tests; the proxy's worker dies with its process)."""
        self._stop.set()
        thread = self._thread
        if thread is not None and self._worker_pid == os.getpid():
            thread.join(timeout)

    def _run(self):
        try:
            self._spool_dirty = self.spool.count() > 0
        except Exception:
            self.logger.exception('Cannot read the Swift event spool %s', self.spool.directory)
        while not self._stop.is_set():
            try:
                event = self._queue.get(timeout=self.retry_interval)
            except queue.Empty:
                event = None
            try:
                if event is not None:
                    self._handle(event)
                self._redeliver_if_due()
            except Exception:
                self.logger.exception('Swift event delivery failed unexpectedly; continuing')

    def _handle(self, event):
        if self._spool_dirty or self._clock() < self._next_attempt:
            # Older events wait in the spool, or the receiver is down: keep the order and do not wait on it.
            self._spool_quietly(event)
        elif self._send(event) in (RETRY, RETRY_LATER):
            self._spool_quietly(event)

    def _redeliver_if_due(self):
        now = self._clock()
        if now < self._next_attempt:
            return
        if not self._spool_dirty and now < self._next_scan:
            return
        self._next_scan = now + self.retry_interval
        self._spool_dirty = self._redeliver()

    def _redeliver(self):
        """Sends spooled events oldest first. An unreachable receiver ends the round; an event it answers with an
        error is kept and skipped, so that it does not hold up the others. True if events remain."""
        errors = 0
        for name in self.spool.pending():
            if self._stop.is_set():
                return True
            claimed = self.spool.claim(name)
            if claimed is None:
                continue
            outcome = RETRY
            try:
                outcome = self._send(self.spool.read(claimed))
            except ValueError as e:
                self.logger.error('Dropping unreadable spooled Swift event %s: %s', name, e)
                outcome = REJECTED
            finally:
                if outcome in (RETRY, RETRY_LATER):
                    self.spool.release(claimed)
                else:
                    self.spool.remove(claimed)
            if outcome == RETRY_LATER:
                errors += 1
            if outcome == RETRY or errors >= _MAX_ERRORS_PER_ROUND:
                return True
        return errors > 0

    def _send(self, event):
        """One delivery attempt, signed now. Returns DELIVERED, REJECTED (never retried), RETRY or RETRY_LATER."""
        timestamp = str(int(self._clock()))
        request = urllib.request.Request(self.url, data=json.dumps(event, sort_keys=True).encode('utf-8'), method='POST',
                                         headers={'Content-Type': 'application/json',
                                                  'User-Agent': 'zonelake-swift-webhook/1',
                                                  signing.TIMESTAMP_HEADER: timestamp,
                                                  signing.SIGNATURE_HEADER: signing.signature(self._secret, timestamp, event)})
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                response.read(65536)
        except urllib.error.HTTPError as e:
            e.close()
            if e.code in _PERMANENT_REJECTIONS:
                self.logger.error('The lake rejected the Swift event of %s/%s with HTTP %d; dropping it',
                                  event.get('container'), event.get('object'), e.code)
                return REJECTED
            self._failed('HTTP %d' % e.code)
            return RETRY_LATER
        except Exception as e:
            self._failed('%s: %s' % (type(e).__name__, e))
            return RETRY
        if self._receiver_down:
            self._receiver_down = False
            self.logger.info('Swift events reach %s again', self.url)
        return DELIVERED

    def _failed(self, reason):
        """New events go to the spool until the next attempt, a retry interval from now."""
        self._next_attempt = self._clock() + self.retry_interval
        if not self._receiver_down:
            self._receiver_down = True
            self.logger.warning('Cannot deliver Swift events to %s (%s); spooling them in %s',
                                self.url, reason, self.spool.directory)

    def _spool_quietly(self, event):
        try:
            if self.spool.add(event):
                self._spool_dirty = True
                return
            self.dropped += 1
            self.logger.error('Swift event spool %s is full (%d events); dropping the %s event of %s/%s',
                              self.spool.directory, self.spool.max_events, event.get('method'),
                              event.get('container'), event.get('object'))
        except Exception:
            self.dropped += 1
            self.logger.exception('Cannot spool the Swift event of %s/%s; dropping it',
                                  event.get('container'), event.get('object'))
