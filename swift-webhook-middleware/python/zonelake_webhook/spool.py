"""Undelivered events on disk: one JSON file per event, written atomically, read back oldest first.

Several proxy worker processes may share one spool directory. A worker claims a file before sending it by renaming
it to ``<name>.<pid>.sending``: a rename succeeds for one process only, so no event is sent twice at once. A claim
left by a process that died is given back on the next scan.
"""

import itertools
import json
import os
import threading
import time

_SUFFIX = '.json'
_CLAIM = '.sending'
_TMP_PREFIX = '.tmp-'
_TMP_MAX_AGE = 600


class Spool(object):
    """At most ``max_events`` event files under ``directory`` (claimed ones included)."""

    def __init__(self, directory, max_events):
        if max_events < 0:
            raise ValueError('max_spool_events must not be negative, was %d' % max_events)
        self.directory = directory
        self.max_events = max_events
        self._lock = threading.Lock()
        self._sequence = itertools.count()
        # Counting the files costs a directory scan; the count is kept in memory and rescanned when it reaches the
        # bound (other workers may have removed files) and on every scan of pending().
        self._count = None
        os.makedirs(directory, mode=0o700, exist_ok=True)

    def add(self, event):
        """Writes the event; False (nothing written) if the spool holds ``max_events`` already."""
        with self._lock:
            if self._count is None or self._count >= self.max_events:
                self._count = self._scan_count()
            if self._count >= self.max_events:
                return False
            name = '%020d-%08d-%06d%s' % (time.time_ns(), os.getpid(), next(self._sequence) % 1000000, _SUFFIX)
            self._write_atomically(name, json.dumps(event, sort_keys=True).encode('utf-8'))
            self._count += 1
            return True

    def pending(self):
        """Names of the unclaimed events, oldest first; gives back the claims of dead processes."""
        names = []
        for entry in os.listdir(self.directory):
            if entry.endswith(_SUFFIX) and not entry.startswith('.'):
                names.append(entry)
            elif entry.endswith(_CLAIM):
                restored = self._give_back_if_orphaned(entry)
                if restored is not None:
                    names.append(restored)
            elif entry.startswith(_TMP_PREFIX):
                self._remove_if_older(entry, _TMP_MAX_AGE)
        names.sort()
        with self._lock:
            self._count = self._scan_count()
        return names

    def claim(self, name):
        """Takes the event for sending; returns the claimed file name, or None if another process took it."""
        claimed = '%s.%d%s' % (name, os.getpid(), _CLAIM)
        try:
            os.rename(self._path(name), self._path(claimed))
        except FileNotFoundError:
            return None
        return claimed

    def read(self, claimed):
        """The claimed event. Raises ValueError if the file is not an event."""
        with open(self._path(claimed), 'rb') as f:
            event = json.loads(f.read().decode('utf-8'))
        if not isinstance(event, dict):
            raise ValueError('not a JSON object')
        return event

    def release(self, claimed):
        """Puts a claimed event back, under its original name (so it keeps its place in the order)."""
        os.rename(self._path(claimed), self._path(_original_name(claimed)))

    def remove(self, claimed):
        """Forgets a claimed event: it was delivered (or can never be)."""
        try:
            os.unlink(self._path(claimed))
        except FileNotFoundError:
            pass
        with self._lock:
            if self._count:
                self._count -= 1

    def count(self):
        """Events in the spool, claimed ones included (a directory scan)."""
        return self._scan_count()

    def _write_atomically(self, name, data):
        tmp = self._path(_TMP_PREFIX + name)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, 'wb') as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.rename(tmp, self._path(name))
        except BaseException:
            _unlink_quietly(tmp)
            raise

    def _scan_count(self):
        return sum(1 for entry in os.listdir(self.directory)
                   if not entry.startswith('.') and (entry.endswith(_SUFFIX) or entry.endswith(_CLAIM)))

    def _give_back_if_orphaned(self, claimed):
        """The original name of a claim whose process is gone, once renamed back; else None."""
        try:
            pid = int(claimed[:-len(_CLAIM)].rsplit('.', 1)[1])
        except (IndexError, ValueError):
            return None
        if pid == os.getpid() or _alive(pid):
            return None
        original = _original_name(claimed)
        try:
            os.rename(self._path(claimed), self._path(original))
        except FileNotFoundError:
            return None
        return original

    def _remove_if_older(self, entry, seconds):
        try:
            if time.time() - os.stat(self._path(entry)).st_mtime > seconds:
                os.unlink(self._path(entry))
        except FileNotFoundError:
            pass

    def _path(self, name):
        return os.path.join(self.directory, name)


def _original_name(claimed):
    return claimed[:-len(_CLAIM)].rsplit('.', 1)[0]


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _unlink_quietly(path):
    try:
        os.unlink(path)
    except OSError:
        pass
