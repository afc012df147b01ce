"""Delivery never holds up the client; what cannot be delivered is spooled (bounded) and redelivered in order."""

import json
import logging
import os
import shutil
import subprocess
import threading
import time

from conftest import SECRET, Receiver, call, wait_until
from zonelake_webhook import signing
from zonelake_webhook.delivery import Deliverer
from zonelake_webhook.spool import Spool


def unused_port():
    receiver = Receiver().start()
    receiver.stop()
    return receiver.port


def put(app, name):
    return call(app, 'PUT', '/v1/AUTH_lake/zonelake_demo/' + name, body=b'data')


def test_events_wait_in_the_spool_while_the_receiver_is_down_and_arrive_in_order_when_it_is_up(make_filter):
    port = unused_port()
    app = make_filter('http://127.0.0.1:%d/api/v1/swift/events' % port)
    put(app, 'first')
    put(app, 'second')
    wait_until(lambda: app.deliverer.spool.count() == 2, message='two spooled events')
    spooled = [app.deliverer.spool.read(name) for name in app.deliverer.spool.pending()]
    assert [e['object'] for e in spooled] == ['first', 'second']
    assert all('signature' not in json.dumps(e) for e in spooled)

    up_since = int(time.time())
    receiver = Receiver(port).start()
    try:
        put(app, 'third')
        deliveries = receiver.wait_for(3)
        assert [json.loads(body)['object'] for _, body in deliveries] == ['first', 'second', 'third']
        for headers, body in deliveries:
            assert int(headers['x-zonelake-timestamp']) >= up_since
            assert signing.verify(SECRET, headers['x-zonelake-timestamp'], json.loads(body), headers['x-zonelake-signature'])
        wait_until(lambda: app.deliverer.spool.count() == 0, message='an empty spool')
    finally:
        receiver.stop()


def test_a_spooled_event_is_signed_again_with_the_time_of_its_delivery(tmp_path):
    port = unused_port()
    now = [1000.0]
    deliverer = Deliverer('http://127.0.0.1:%d/e' % port, SECRET, Spool(str(tmp_path), 10), 0.5, 0.05, 10,
                          logging.getLogger('test'), clock=lambda: now[0])
    receiver = None
    try:
        deliverer.submit({'object': 'o', 'method': 'DELETE', 'size': -1})
        wait_until(lambda: deliverer.spool.count() == 1, message='a spooled event')
        now[0] = 5000.0
        receiver = Receiver(port).start()
        headers, body = receiver.wait_for(1)[0]
        assert headers['x-zonelake-timestamp'] == '5000'
        assert signing.verify(SECRET, '5000', json.loads(body), headers['x-zonelake-signature'])
    finally:
        deliverer.close()
        if receiver is not None:
            receiver.stop()


def test_a_slow_receiver_does_not_delay_the_clients_response(receiver, make_filter):
    app = make_filter(receiver.url, timeout='0.2')
    receiver.hold = threading.Event()
    put(app, 'first')
    assert receiver.holding.wait(5), 'the receiver never got the first event'

    status, seconds = put(app, 'second')

    assert status.startswith('201')
    assert not receiver.hold.is_set(), 'the response came back while the receiver still held the first event'
    assert seconds < 0.2
    receiver.hold.set()
    wait_until(lambda: {'first', 'second'} <= {e['object'] for e in receiver.events()}, message='both events')
    wait_until(lambda: app.deliverer.spool.count() == 0, message='an empty spool')


def test_the_spool_keeps_at_most_max_spool_events_and_drops_the_newest(make_filter):
    app = make_filter('http://127.0.0.1:%d/e' % unused_port(), max_spool_events='3')
    for i in range(5):
        status, _ = put(app, 'o%d' % i)
        assert status.startswith('201')

    wait_until(lambda: app.deliverer.dropped == 2, message='two dropped events')
    assert app.deliverer.spool.count() == 3
    kept = [app.deliverer.spool.read(name) for name in app.deliverer.spool.pending()]
    assert [e['object'] for e in kept] == ['o0', 'o1', 'o2']


def test_a_failing_receiver_gets_the_event_again_until_it_accepts_it(receiver, make_filter):
    receiver.status = 503
    app = make_filter(receiver.url)
    put(app, 'retried')
    receiver.wait_for(2)
    receiver.status = 200
    wait_until(lambda: app.deliverer.spool.count() == 0, message='delivery')
    assert {e['object'] for e in receiver.events()} == {'retried'}


def test_an_event_the_lake_keeps_failing_does_not_hold_up_the_others(receiver, make_filter):
    receiver.failing_objects.add('poison')
    app = make_filter(receiver.url)
    put(app, 'poison')
    put(app, 'healthy')

    wait_until(lambda: 'healthy' in [e['object'] for e in receiver.events()], message='the healthy event')
    receiver.wait_for(3)
    wait_until(lambda: app.deliverer.spool.count() == 1, message='only the failing event in the spool')
    assert [e['object'] for e in receiver.events()].count('healthy') == 1


def test_an_event_the_lake_rejects_as_malformed_is_not_retried(receiver, make_filter):
    receiver.status = 400
    app = make_filter(receiver.url)
    put(app, 'rejected')
    receiver.wait_for(1)
    receiver.status = 200
    put(app, 'next')
    receiver.wait_for(2)

    assert [e['object'] for e in receiver.events()] == ['rejected', 'next']
    assert app.deliverer.spool.count() == 0


def test_a_broken_spool_never_fails_the_request(make_filter, tmp_path):
    app = make_filter('http://127.0.0.1:%d/e' % unused_port())
    shutil.rmtree(app.deliverer.spool.directory)
    (tmp_path / 'spool').write_text('not a directory')

    status, _ = put(app, 'lost')

    assert status.startswith('201')
    wait_until(lambda: app.deliverer.dropped == 1, message='the dropped event')


def test_a_spooled_event_is_claimed_by_one_process_only_and_a_dead_claimers_event_comes_back(tmp_path):
    spool = Spool(str(tmp_path), 10)
    spool.add({'object': 'o'})
    name = spool.pending()[0]
    assert spool.claim(name) is not None
    assert spool.claim(name) is None

    dead = subprocess.Popen(['true'])
    dead.wait()
    orphan = '%s.%d.sending' % (name, dead.pid)
    (tmp_path / ('%s.%d.sending' % (name, os.getpid()))).rename(tmp_path / orphan)

    assert spool.pending() == [name]
