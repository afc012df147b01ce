"""Which requests give an event, and what the event says."""

import json

import pytest

from conftest import SECRET, call
from zonelake_webhook import signing
from zonelake_webhook.middleware import filter_factory, tracked_request


def only_event(receiver):
    headers, body = receiver.wait_for(1)[0]
    return json.loads(body)


def test_put_of_an_object_gives_a_signed_event_with_size_etag_and_type(receiver, make_filter):
    app = make_filter(receiver.url)
    status, _ = call(app, 'PUT', '/v1/AUTH_lake/zonelake_demo/data/readings.csv', body=b'a,b\n1,2\n',
                     headers={'Content-Type': 'text/csv'})

    assert status.startswith('201')
    headers, body = receiver.wait_for(1)[0]
    event = json.loads(body)
    assert event == {'account': 'AUTH_lake', 'container': 'zonelake_demo', 'object': 'data/readings.csv',
                     'method': 'PUT', 'etag': 'put-etag', 'size': 8, 'content_type': 'text/csv',
                     'timestamp': '1779350400.00001', 'transaction_id': 'tx-put-readings.csv'}
    assert headers['content-type'] == 'application/json'
    assert signing.verify(SECRET, headers['x-zonelake-timestamp'], event, headers['x-zonelake-signature'])


def test_post_copy_and_delete_of_objects_give_events(receiver, make_filter):
    app = make_filter(receiver.url)
    call(app, 'POST', '/v1/AUTH_lake/zonelake_demo/a.json', headers={'Content-Type': 'application/json'})
    call(app, 'COPY', '/v1/AUTH_lake/zonelake_demo/a.json', headers={'Destination': 'zonelake_other/b%20c.json'})
    call(app, 'DELETE', '/v1/AUTH_lake/zonelake_demo/a.json')

    events = [json.loads(body) for _, body in receiver.wait_for(3)]
    assert [(e['method'], e['container'], e['object']) for e in events] == [
        ('POST', 'zonelake_demo', 'a.json'), ('COPY', 'zonelake_other', 'b c.json'), ('DELETE', 'zonelake_demo', 'a.json')]
    assert events[0]['content_type'] == 'application/json'
    assert events[1]['etag'] == 'copied-etag'
    assert [e['size'] for e in events] == [-1, -1, -1]
    assert events[2]['etag'] == '' and events[2]['content_type'] == ''


def test_copy_to_another_account_names_the_destination_account(receiver, make_filter):
    app = make_filter(receiver.url)
    call(app, 'COPY', '/v1/AUTH_a/c/o', headers={'Destination': '/c2/o2', 'Destination-Account': 'AUTH_b'})

    assert only_event(receiver)['account'] == 'AUTH_b'


def test_object_names_are_decoded_as_utf8(receiver, make_filter):
    app = make_filter(receiver.url)
    wsgi_path = '/v1/AUTH_lake/zonelake_demo/m\u00e4rz.txt'.encode('utf-8').decode('latin-1')
    call(app, 'DELETE', wsgi_path)

    assert only_event(receiver)['object'] == 'm\u00e4rz.txt'


@pytest.mark.parametrize('method, path, status', [
    ('PUT', '/v1/AUTH_lake/zonelake_demo/a', '404 Not Found'),
    ('PUT', '/v1/AUTH_lake/zonelake_demo/a', '503 Service Unavailable'),
    ('DELETE', '/v1/AUTH_lake/zonelake_demo/a', '401 Unauthorized'),
    ('PUT', '/v1/AUTH_lake/zonelake_demo', '201 Created'),
    ('DELETE', '/v1/AUTH_lake/zonelake_demo', '204 No Content'),
    ('POST', '/v1/AUTH_lake', '204 No Content'),
    ('PUT', '/v1/AUTH_lake/zonelake_demo_segments/big/slo/1/2/3/00000001', '201 Created'),
    ('GET', '/v1/AUTH_lake/zonelake_demo/a', '200 OK'),
    ('HEAD', '/v1/AUTH_lake/zonelake_demo/a', '200 OK'),
    ('PUT', '/auth/v1.0', '200 OK'),
])
def test_no_event_for_failures_accounts_containers_segments_and_reads(receiver, make_filter, method, path, status):
    app = make_filter(receiver.url)
    normal = app.app.status[method]
    app.app.status[method] = status
    call(app, method, path)
    app.app.status[method] = normal
    marker_status, _ = call(app, 'DELETE', '/v1/AUTH_lake/zonelake_demo/marker')

    assert marker_status.startswith('204')
    receiver.wait_for(1)
    assert [e['object'] for e in receiver.events()] == ['marker']


def test_a_large_object_gives_one_event_with_its_total_size(receiver, make_filter):
    app = make_filter(receiver.url)
    manifest = []
    for i, chunk in enumerate([b'x' * 5, b'y' * 5, b'z' * 2]):
        path = '/v1/AUTH_lake/zonelake_demo_segments/big.bin/slo/1/12/5/%08d' % i
        call(app, 'PUT', path, body=chunk)
        manifest.append({'path': path[len('/v1/AUTH_lake'):], 'etag': None, 'size_bytes': len(chunk)})
    call(app, 'PUT', '/v1/AUTH_lake/zonelake_demo/big.bin', body=json.dumps(manifest).encode(),
         headers={'Content-Type': 'application/octet-stream'}, query='multipart-manifest=put')
    call(app, 'DELETE', '/v1/AUTH_lake/zonelake_demo/marker')

    receiver.wait_for(2)
    events = receiver.events()
    assert [e['object'] for e in events] == ['big.bin', 'marker']
    assert events[0]['size'] == 12
    assert events[0]['content_type'] == 'application/octet-stream'
    assert events[0]['etag'] == 'slo-etag'


def test_a_copying_put_and_a_chunked_put_have_an_unknown_size(receiver, make_filter):
    app = make_filter(receiver.url)
    call(app, 'PUT', '/v1/AUTH_lake/c/copy', headers={'X-Copy-From': '/c/original'})
    call(app, 'PUT', '/v1/AUTH_lake/c/streamed', body=b'abc', headers={'Transfer-Encoding': 'chunked'})

    assert [json.loads(body)['size'] for _, body in receiver.wait_for(2)] == [-1, -1]


def test_a_subrequest_of_another_middleware_gives_no_event():
    assert tracked_request({'REQUEST_METHOD': 'PUT', 'PATH_INFO': '/v1/a/c/o', 'swift.source': 'SLO'}) is None
    assert tracked_request({'REQUEST_METHOD': 'PUT', 'PATH_INFO': '/v1/a/c/o'}) is not None


def test_missing_url_or_secret_file_is_a_configuration_error(tmp_path):
    with pytest.raises(ValueError):
        filter_factory({}, secret_file=str(tmp_path / 's'), spool_dir=str(tmp_path))
    with pytest.raises(ValueError):
        filter_factory({}, url='http://127.0.0.1:1/x', spool_dir=str(tmp_path))
