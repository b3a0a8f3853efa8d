"""A TCP proxy on 127.0.0.1 that a test can cut, as a network that fails would."""

import contextlib
import socket
import threading

from tests.support.servers import free_port


class TcpProxy:
    """Forward connections to `target_port` until cut.

    `cut_at(marker, count)` cuts every connection as the client starts its request
    number `count` + 1 (counted by `marker`, e.g. b"PUT "), and from then on every new
    connection is closed as it opens, until `mend()`. `hang()` accepts connections
    and never answers.
    """

    def __init__(self, target_port):
        self.target_port = target_port
        self.port = free_port()
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.lock = threading.Lock()
        self.cut = self.hanging = False
        self.marker, self.allowed, self.seen = None, None, 0
        self.open = []
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_at(self, marker, count):
        with self.lock:
            self.marker, self.allowed, self.seen = marker, count, 0

    def mend(self):
        with self.lock:
            self.cut = self.hanging = False
            self.marker = None

    def hang(self):
        self.hanging = True

    def refuse(self):
        """Close every connection, now and as it opens."""
        self._cut_all()

    def close(self):
        self.listener.close()
        self._cut_all()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.cut:
                client.close()
            elif self.hanging:
                self.open.append(client)
            else:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
                self.open += [client, upstream]
                threading.Thread(
                    target=self._pump, args=(client, upstream, True), daemon=True
                ).start()
                threading.Thread(
                    target=self._pump, args=(upstream, client, False), daemon=True
                ).start()

    def _pump(self, source, sink, from_client):
        try:
            while data := source.recv(65536):
                if from_client and self._over_count(data):
                    self._cut_all()
                    return
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                end.close()

    def _over_count(self, data):
        with self.lock:
            if self.marker is None:
                return self.cut
            self.seen += data.count(self.marker)
            if self.seen > self.allowed:
                self.cut = True
            return self.cut

    def _cut_all(self):
        self.cut = True
        for end in self.open:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()
        self.open = []
