"""The signature's canonical form, checked against the vector the Java receiver's tests read too."""

import json
import os

from zonelake_webhook import signing

VECTOR = os.path.join(os.path.dirname(__file__), 'vectors', 'signature-v1.json')


def load_vector():
    with open(VECTOR, encoding='utf-8') as f:
        return json.load(f)


def test_canonical_string_matches_the_shared_vector():
    vector = load_vector()
    assert signing.canonical_string(vector['delivery_timestamp'], vector['event']) == vector['canonical']


def test_signature_matches_the_shared_vector():
    vector = load_vector()
    assert signing.signature(vector['secret'], vector['delivery_timestamp'], vector['event']) == vector['signature']


def test_values_are_percent_encoded_so_a_line_feed_cannot_forge_a_field():
    honest = {'container': 'c', 'object': 'a\nPUT'}
    forged = {'container': 'c\na', 'object': 'PUT'}
    assert signing.canonical_string('1', honest) != signing.canonical_string('1', forged)
    assert len(signing.canonical_string('1', honest).split('\n')) == 2 + len(signing.FIELDS)


def test_missing_values_sign_as_empty_strings():
    assert signing.canonical_string('7', {'method': 'DELETE', 'size': -1}).split('\n') == [
        'zonelake-swift-event/v1', '7', '', '', '', 'DELETE', '', '-1', '', '', '']


def test_verify_rejects_a_changed_field_or_timestamp():
    vector = load_vector()
    event = dict(vector['event'])
    assert signing.verify(vector['secret'], vector['delivery_timestamp'], event, vector['signature'])
    assert not signing.verify(vector['secret'], '1779350461', event, vector['signature'])
    event['size'] = 1235
    assert not signing.verify(vector['secret'], vector['delivery_timestamp'], event, vector['signature'])


def test_secret_file_content_is_stripped(tmp_path):
    path = tmp_path / 'secret'
    path.write_text('  abc \n')
    assert signing.read_secret(str(path)) == 'abc'
