"""The signature of a Zonelake Swift event (version 1). The Java receiver implements the same canonical form.

Canonical string: these lines joined by a line feed ("\\n", no trailing one)::

    zonelake-swift-event/v1
    <X-Zonelake-Timestamp: the delivery time, whole seconds since the epoch>
    <account>
    <container>
    <object>
    <method>
    <etag>
    <size, decimal, -1 when unknown>
    <content_type>
    <timestamp>
    <transaction_id>

Every value after the first line is percent-encoded: its UTF-8 bytes, with A-Z a-z 0-9 - . _ ~ kept and every
other byte written as %XX (upper-case hex), so no value can contain a line feed and the split is unambiguous.
A missing value (JSON null) is the empty string.

Signature: hex(HMAC-SHA256(key, canonical string as UTF-8)), lower case, sent as
``X-Zonelake-Signature: v1=<hex>``. The key is the secret file's content, surrounding whitespace removed, as UTF-8.
"""

import hashlib
import hmac
from urllib.parse import quote

VERSION_LINE = 'zonelake-swift-event/v1'
SIGNATURE_PREFIX = 'v1='
TIMESTAMP_HEADER = 'X-Zonelake-Timestamp'
SIGNATURE_HEADER = 'X-Zonelake-Signature'
FIELDS = ('account', 'container', 'object', 'method', 'etag', 'size', 'content_type', 'timestamp',
          'transaction_id')


def _encoded(value):
    if value is None:
        return ''
    if isinstance(value, bool):
        raise TypeError('a boolean is not a valid event field')
    if isinstance(value, int):
        value = str(value)
    return quote(value.encode('utf-8'), safe='')


def canonical_string(delivery_timestamp, event):
    """The text that is signed: the version line, the delivery timestamp and the event's fields."""
    lines = [VERSION_LINE, _encoded(str(delivery_timestamp))]
    lines.extend(_encoded(event.get(field)) for field in FIELDS)
    return '\n'.join(lines)


def signature(secret, delivery_timestamp, event):
    """The X-Zonelake-Signature header value of the event delivered at the timestamp."""
    key = secret.encode('utf-8') if isinstance(secret, str) else secret
    digest = hmac.new(key, canonical_string(delivery_timestamp, event).encode('utf-8'), hashlib.sha256)
    return SIGNATURE_PREFIX + digest.hexdigest()


def verify(secret, delivery_timestamp, event, header_value):
    """True if the header value is the event's signature (compared in constant time)."""
    return hmac.compare_digest(signature(secret, delivery_timestamp, event), header_value or '')


def read_secret(path):
    """The key in the secret file: its content without surrounding whitespace; never empty."""
    with open(path, 'r', encoding='utf-8') as f:
        secret = f.read().strip()
    if not secret:
        raise ValueError('the webhook secret file %s is empty' % path)
    return secret
