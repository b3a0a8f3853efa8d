"""A Redis server of a test's own, to kill, pause and fill while the site runs on it."""

import shutil
import signal
import subprocess
from contextlib import contextmanager

import redis

from tests.support.servers import free_port, wait_until

REDIS_SERVER = shutil.which("redis-server")


class RedisServer:
    """One redis-server process on a free port, keeping nothing on disk."""

    def __init__(self, folder):
        self.folder = folder
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        return redis.Redis(port=self.port, socket_timeout=2)

    def start(self):
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, what="Redis answering")

    def _answers(self):
        try:
            return self.client().ping()
        except redis.RedisError:
            return False

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def pause(self):
        """Stop the process: connections are accepted and never answered."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def fill(self, max_bytes):
        """Give Redis a memory limit it is already past: every write is refused."""
        client = self.client()
        client.set("ballast", b"x" * 2 * max_bytes)
        client.config_set("maxmemory-policy", "noeviction")
        client.config_set("maxmemory", str(max_bytes))

    def stop(self):
        self.resume()
        self.process.terminate()
        self.process.wait(timeout=10)


@contextmanager
def redis_server(folder):
    server = RedisServer(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()
