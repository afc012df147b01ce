"""Fixtures: a local HTTP receiver of events, a fake Swift proxy app and the filter around it."""

import io
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir))

from zonelake_webhook import middleware  # noqa: E402

SECRET = 'test-secret-0123456789'


def pytest_configure(config):
    config.addinivalue_line('markers', 'integration: needs the real Swift proxy of services/swift.sh')


class Receiver(object):
    """An HTTP server on 127.0.0.1 that records every POST; it can answer slowly, fail, stop and restart."""

    def __init__(self, port=0):
        self.deliveries = []
        self.status = 200
        self.failing_objects = set()
        self.hold = None
        self.holding = threading.Event()
        self._changed = threading.Condition()
        self._server = None
        self.port = port

    def start(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get('Content-Length', '0')))
                if receiver.hold is not None:
                    receiver.holding.set()
                    receiver.hold.wait(10)
                receiver._record(dict((k.lower(), v) for k, v in self.headers.items()), body)
                failing = json.loads(body).get('object') in receiver.failing_objects
                self.send_response(500 if failing else receiver.status)
                self.send_header('Content-Length', '0')
                self.end_headers()

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(('127.0.0.1', self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, kwargs={'poll_interval': 0.02}, daemon=True).start()
        return self

    def stop(self):
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def url(self):
        return 'http://127.0.0.1:%d/api/v1/swift/events' % self.port

    def events(self):
        with self._changed:
            return [json.loads(body) for _, body in self.deliveries]

    def wait_for(self, count, timeout=10.0):
        """The first ``count`` deliveries, once they have arrived; fails after the deadline."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.deliveries) < count:
                left = deadline - time.monotonic()
                assert left > 0, 'expected %d deliveries, got %d' % (count, len(self.deliveries))
                self._changed.wait(left)
            return list(self.deliveries[:count])

    def _record(self, headers, body):
        with self._changed:
            self.deliveries.append((headers, body))
            self._changed.notify_all()


class FakeSwift(object):
    """Answers like the proxy below the filter: statuses per method, and the environ changes Swift makes."""

    def __init__(self):
        self.status = {'PUT': '201 Created', 'POST': '202 Accepted', 'COPY': '201 Created', 'DELETE': '204 No Content',
                       'GET': '200 OK', 'HEAD': '200 OK'}

    def __call__(self, env, start_response):
        body = env['wsgi.input'].read()
        method = env['REQUEST_METHOD']
        env['HTTP_X_TIMESTAMP'] = '1779350400.00001'
        headers = [('Content-Length', '0'), ('X-Trans-Id', 'tx-from-response')]
        if method == 'PUT' and 'multipart-manifest=put' in env.get('QUERY_STRING', ''):
            total = sum(segment['size_bytes'] for segment in json.loads(body))
            env['CONTENT_TYPE'] = (env.get('CONTENT_TYPE') or 'application/octet-stream') + ';swift_bytes=%d' % total
            headers.append(('Etag', '"slo-etag"'))
        elif method == 'COPY':
            # Swift's copy filter rewrites the request into a PUT of the destination, in place.
            env['REQUEST_METHOD'] = 'PUT'
            env['PATH_INFO'] = '/v1/AUTH_lake/' + env['HTTP_DESTINATION']
            headers.append(('Etag', 'copied-etag'))
        elif method == 'PUT':
            headers.append(('Etag', 'put-etag'))
        start_response(self.status[method], headers)
        return iter([b'<html>' + self.status[method].encode() + b'</html>'])


def call(app, method, path, body=b'', headers=None, query=''):
    """Runs one request through the WSGI app as Swift's proxy-logging and a server would: iterate what ``iter()``
    returned, then close that iterator (not the object the app returned). Returns (status, seconds)."""
    env = {'REQUEST_METHOD': method, 'PATH_INFO': path, 'QUERY_STRING': query, 'SERVER_NAME': '127.0.0.1',
           'SERVER_PORT': '58080', 'wsgi.input': io.BytesIO(body), 'wsgi.url_scheme': 'http',
           'CONTENT_LENGTH': str(len(body)), 'swift.trans_id': 'tx-%s-%s' % (method.lower(), path.rsplit('/', 1)[-1])}
    for name, value in (headers or {}).items():
        key = name.upper().replace('-', '_')
        env[key if key in ('CONTENT_TYPE', 'CONTENT_LENGTH') else 'HTTP_' + key] = value
    result = {}
    started = time.monotonic()

    def start_response(status, response_headers, exc_info=None):
        result['status'] = status

    iterator = iter(app(env, start_response))
    try:
        for _ in iterator:
            pass
    finally:
        if hasattr(iterator, 'close'):
            iterator.close()
    return result['status'], time.monotonic() - started


@pytest.fixture
def receiver():
    r = Receiver().start()
    yield r
    if r.hold is not None:
        r.hold.set()
    r.stop()


@pytest.fixture
def make_filter(tmp_path):
    """Builds the filter through its paste factory around a FakeSwift; closes their workers after the test."""
    built = []
    secret_file = tmp_path / 'webhook.secret'
    secret_file.write_text(SECRET + '\n')

    def build(url, **overrides):
        conf = {'url': url, 'secret_file': str(secret_file), 'spool_dir': str(tmp_path / 'spool'),
                'timeout': '0.5', 'retry_interval': '0.1'}
        conf.update(overrides)
        app = middleware.filter_factory({}, **conf)(FakeSwift())
        built.append(app)
        return app

    yield build
    for app in built:
        app.deliverer.close()


def wait_until(condition, timeout=10.0, message='condition'):
    """Polls the condition until it holds; fails after the deadline."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        assert time.monotonic() < deadline, 'timed out waiting for ' + message
        pause.wait(0.01)
