"""Swift proxy middleware: tells the Zonelake lake about every object written, changed or deleted in Swift.

After a successful (2xx) PUT, POST, COPY or DELETE of an object, it posts a signed JSON event to the lake (see
``signing`` for the signature). The client's request is never delayed or failed by it: the event is queued when
the response is closed, a background worker sends it with a short timeout, and what cannot be delivered goes to a
spool directory and is redelivered later, re-signed at delivery. Standard library only.

Paste configuration::

    [filter:zonelake_webhook]
    paste.filter_factory = zonelake_webhook.middleware:filter_factory
    url = http://127.0.0.1:58180/api/v1/swift/events
    secret_file = /path/to/webhook.secret
    spool_dir = /path/to/webhook-spool
    timeout = 0.5
    max_spool_events = 10000
    # optional: retry_interval = 5, queue_size = 1000, segment_container_suffix = _segments
"""

import logging
import re
import time
import urllib.parse
import uuid

from zonelake_webhook.delivery import Deliverer
from zonelake_webhook.spool import Spool
from zonelake_webhook import signing

TRACKED_METHODS = frozenset(['PUT', 'POST', 'COPY', 'DELETE'])
_SWIFT_TIMESTAMP = re.compile(r'^\d{1,10}(\.\d{1,5})?(_[0-9a-f]{16})?$')
_DEFAULTS = {'timeout': '0.5', 'max_spool_events': '10000', 'retry_interval': '5', 'queue_size': '1000',
             'segment_container_suffix': '_segments'}


def filter_factory(global_conf, **local_conf):
    """The paste entry point."""
    conf = dict(global_conf)
    conf.update(local_conf)
    settings = Settings.from_conf(conf)
    logger = _logger(conf)
    deliverer = Deliverer(settings.url, signing.read_secret(settings.secret_file),
                          Spool(settings.spool_dir, settings.max_spool_events), settings.timeout,
                          settings.retry_interval, settings.queue_size, logger)

    def webhook_filter(app):
        return WebhookMiddleware(app, deliverer, settings.segment_container_suffix, logger)
    return webhook_filter


class Settings(object):
    """The filter's configuration keys, checked when the proxy loads its pipeline."""

    def __init__(self, url, secret_file, spool_dir, timeout, max_spool_events, retry_interval, queue_size,
                 segment_container_suffix):
        if not url or not (url.startswith('http://') or url.startswith('https://')):
            raise ValueError('zonelake_webhook: url must be an http:// or https:// URL, was %r' % url)
        if not secret_file or not spool_dir:
            raise ValueError('zonelake_webhook: secret_file and spool_dir are required')
        if timeout <= 0 or retry_interval <= 0 or queue_size < 1 or max_spool_events < 0:
            raise ValueError('zonelake_webhook: timeout and retry_interval must be positive, queue_size at least 1, '
                             'max_spool_events not negative')
        self.url = url
        self.secret_file = secret_file
        self.spool_dir = spool_dir
        self.timeout = timeout
        self.max_spool_events = max_spool_events
        self.retry_interval = retry_interval
        self.queue_size = queue_size
        self.segment_container_suffix = segment_container_suffix

    @classmethod
    def from_conf(cls, conf):
        value = dict(_DEFAULTS)
        value.update((k, v) for k, v in conf.items() if v is not None)
        return cls(value.get('url', '').strip(), value.get('secret_file', '').strip(),
                   value.get('spool_dir', '').strip(), float(value['timeout']), int(value['max_spool_events']),
                   float(value['retry_interval']), int(value['queue_size']), value['segment_container_suffix'].strip())


class WebhookMiddleware(object):
    """The WSGI filter. Sits after ``proxy-logging cache`` so that it sees the client's own requests."""

    def __init__(self, app, deliverer, segment_container_suffix, logger):
        self.app = app
        self.deliverer = deliverer
        self.segment_container_suffix = segment_container_suffix
        self.logger = logger

    def __call__(self, env, start_response):
        try:
            self.deliverer.ensure_started()
            request = tracked_request(env, self.segment_container_suffix)
        except Exception:
            self.logger.exception('Cannot inspect a request for Swift events')
            request = None
        if request is None:
            return self.app(env, start_response)
        response = {}

        def capturing_start_response(status, headers, exc_info=None):
            response['status'] = status
            response['headers'] = headers
            if exc_info is None:
                return start_response(status, headers)
            return start_response(status, headers, exc_info)

        app_iter = self.app(env, capturing_start_response)
        return _AfterClose(app_iter, lambda: self._after_response(request, env, response))

    def _after_response(self, request, env, response):
        status = response.get('status') or ''
        if not status.startswith('2'):
            return
        self.deliverer.submit(event_of(request, env, response.get('headers') or []))


class _AfterClose(object):
    """The response body, unchanged; the callback runs once the server closes it, after the client has it all.

    It is its own iterator: Swift's filters to the left (proxy-logging's ``reiterate``) close the object that
    ``iter()`` returned, so that object must be this one, not the inner body's iterator.
    """

    def __init__(self, app_iter, callback):
        self._app_iter = app_iter
        self._iterator = None
        self._callback = callback

    def __iter__(self):
        return self

    def __next__(self):
        if self._iterator is None:
            self._iterator = iter(self._app_iter)
        return next(self._iterator)

    def close(self):
        try:
            close = getattr(self._app_iter, 'close', None)
            if close is not None:
                close()
        finally:
            callback, self._callback = self._callback, None
            if callback is not None:
                try:
                    callback()
                except Exception:
                    logging.getLogger('zonelake_webhook').exception('Cannot emit a Swift event')


def tracked_request(env, segment_container_suffix='_segments'):
    """What the event needs from the request before the pipeline changes it, or None if no event is due."""
    method = env.get('REQUEST_METHOD')
    if method not in TRACKED_METHODS or env.get('swift.source'):
        return None
    path = _object_path(env.get('PATH_INFO', ''))
    if path is None:
        return None
    account, container, obj = path
    if method == 'COPY':
        destination = _destination(env, account)
        if destination is None:
            return None
        account, container, obj = destination
    if segment_container_suffix and container.endswith(segment_container_suffix):
        return None
    return {'method': method, 'account': account, 'container': container, 'object': obj,
            'content_length': env.get('CONTENT_LENGTH'),
            'whole_body': method == 'PUT' and not env.get('HTTP_X_COPY_FROM') and not env.get('HTTP_X_OBJECT_MANIFEST')
            and 'chunked' not in env.get('HTTP_TRANSFER_ENCODING', '').lower(),
            'transaction_id': env.get('swift.trans_id')}


def event_of(request, env, response_headers):
    """The event of a request that succeeded. ``env`` is read after the response: Swift filled it in."""
    headers = dict((name.lower(), value) for name, value in response_headers)
    content_type, swift_bytes = _content_type(env.get('CONTENT_TYPE'))
    return {
        'account': request['account'],
        'container': request['container'],
        'object': request['object'],
        'method': request['method'],
        'etag': (headers.get('etag') or '').strip('"') if request['method'] in ('PUT', 'COPY') else '',
        'size': _size(request, swift_bytes),
        'content_type': content_type if request['method'] in ('PUT', 'POST', 'COPY') else '',
        'timestamp': _timestamp(env.get('HTTP_X_TIMESTAMP')),
        'transaction_id': request['transaction_id'] or headers.get('x-trans-id') or 'tx' + uuid.uuid4().hex,
    }


def _object_path(path_info):
    """(account, container, object) of /<version>/<account>/<container>/<object>, or None for anything else."""
    parts = _wsgi_to_str(path_info).split('/', 4)
    if len(parts) != 5 or parts[0] or not parts[1].startswith('v') or not all(parts[2:]):
        return None
    return parts[2], parts[3], parts[4]


def _destination(env, account):
    """The target of a COPY: (account, container, object) from Destination (and Destination-Account)."""
    destination = _unquote(env.get('HTTP_DESTINATION', ''))
    parts = ('/' + destination.lstrip('/')).split('/', 2)
    if len(parts) != 3 or not parts[1] or not parts[2]:
        return None
    target_account = _unquote(env.get('HTTP_DESTINATION_ACCOUNT', '')) or account
    return target_account, parts[1], parts[2]


def _size(request, swift_bytes):
    """Bytes of the object: a large object's total, a plain PUT's length, -1 when the request does not say."""
    if request['method'] != 'PUT':
        return -1
    if swift_bytes is not None:
        return swift_bytes
    if not request['whole_body']:
        return -1
    try:
        return int(request['content_length'])
    except (TypeError, ValueError):
        return -1


def _content_type(value):
    """The object's content type without Swift's ``swift_bytes`` parameter, which the SLO filter adds."""
    if not value:
        return '', None
    kept, swift_bytes = [], None
    for i, part in enumerate(value.split(';')):
        name, _, number = part.strip().partition('=')
        if i > 0 and name == 'swift_bytes':
            swift_bytes = int(number) if number.isdigit() else None
        else:
            kept.append(part.strip())
    return '; '.join(p for p in kept if p), swift_bytes


def _timestamp(value):
    """Swift's timestamp of the write when the proxy set one, else now (seconds, 5 decimals, as Swift writes it)."""
    if value and _SWIFT_TIMESTAMP.match(value):
        return value
    return '%016.05f' % time.time()


def _wsgi_to_str(value):
    """WSGI strings carry the request's bytes as latin-1; Swift names are UTF-8."""
    return value.encode('latin-1', 'replace').decode('utf-8', 'replace')


def _unquote(value):
    return urllib.parse.unquote_to_bytes(value.encode('latin-1', 'replace')).decode('utf-8', 'replace')


def _logger(conf):
    try:
        from swift.common.utils import get_logger
    except ImportError:
        return logging.getLogger('zonelake_webhook')
    return get_logger(conf, log_route='zonelake_webhook')
