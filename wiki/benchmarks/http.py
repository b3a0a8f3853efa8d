"""`make bench-http`: page views over HTTP beside the Django floor, as readers get them.

Three sites run at once, each under gunicorn with 2 sync workers, debug off:
- the floor (wiki.benchmarks.plain): a plain Django project showing the bench's
  article through a base template, and a fixed response;
- this wiki as it runs, pages kept (the seeded wiki and the bench's 4 KB article);
- this wiki with WIKI_PAGE_CACHE_SECONDS=0, so that nothing is kept and every page is
  drawn afresh, as the first reader after an edit gets it.

wrk asks each address with 4 connections and a browser's Accept-Encoding, the
addresses taking turns round after round, so that a drift of the machine touches all
alike. Each row gives the requests per second (the range over rounds), its ratio to
the floor, and the server's CPU per request (the workers' user and system time, from
/proc, over the requests they answered). The wiki's database and cache are throwaway:
SQLite and a cache folder by default; DATABASE_URL=postgres://… and CACHE_URL=redis://…
measure on PostgreSQL (a new database, dropped after) and Redis (keys of their own).
Needs wrk (Debian's `wrk` package).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
ACCEPT_ENCODING = "gzip, deflate, br"
CONNECTIONS = 4
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")
ARTICLE = "/wiki/bench-article/"
FILM_PAGE = "/wiki/miracle-in-cell-no-7/"


@dataclass(frozen=True)
class Target:
    label: str
    site: str  # the name of the Site that answers it
    path: str


FLOOR = Target(
    "Django floor: the article through a base template", "plain", "/article/"
)
TARGETS = [
    FLOOR,
    Target("Django, a fixed response", "plain", "/fixed/"),
    Target("this wiki, article kept", "kept", ARTICLE),
    Target("this wiki, history kept", "kept", f"{ARTICLE}history/"),
    Target("this wiki, film page kept", "kept", FILM_PAGE),
    Target("this wiki, home page kept", "kept", "/"),
    Target("this wiki, article drawn afresh", "afresh", ARTICLE),
    Target("this wiki, history drawn afresh", "afresh", f"{ARTICLE}history/"),
    Target("this wiki, film page drawn afresh", "afresh", FILM_PAGE),
    Target("this wiki, home page drawn afresh", "afresh", "/"),
    Target('this wiki, search "general"', "afresh", "/search/?q=general"),
]


@dataclass
class Site:
    """One gunicorn server: its name, port and environment."""

    name: str
    port: int
    env: dict
    app: str = "wiki.wsgi"
    process: subprocess.Popen | None = None

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    @contextmanager
    def running(self, workdir):
        pid_file = workdir / f"{self.name}.pid"
        self.process = subprocess.Popen(
            [GUNICORN, self.app, "--workers", "2", "--bind", f"127.0.0.1:{self.port}"]
            + ["--pid", str(pid_file), "--log-level", "warning"],
            cwd=ROOT,
            env=self.env,
        )
        try:
            self._wait_until_it_answers()
            yield self
        finally:
            self.process.terminate()
            self.process.wait(timeout=30)

    def _wait_until_it_answers(self):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(
                    self.url("/fixed/" if self.name == "plain" else "/")
                )
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        raise RuntimeError(f"The {self.name} site did not answer within 30 s.")

    def workers(self):
        found = subprocess.run(
            ["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True
        )
        return [int(pid) for pid in found.stdout.split()]

    def cpu_seconds(self):
        """User and system time of the site's workers so far."""
        total = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / TICKS_PER_SECOND

    def resident_megabytes(self):
        sizes = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024)
        return sizes


@dataclass
class Tally:
    """What the rounds measured of one target."""

    rates: list
    requests: int = 0
    cpu_seconds: float = 0.0

    def add(self, rate, requests, cpu_seconds):
        self.rates.append(rate)
        self.requests += requests
        self.cpu_seconds += cpu_seconds


def wrk(url, seconds):
    """Requests per second and requests made, asking `url` for `seconds`."""
    report = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s"]
        + ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if "Non-2xx" in report:
        raise RuntimeError(f"{url} answered errors:\n{report}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", report)[1])
    requests = int(re.search(r"(\d+) requests in", report)[1])
    return rate, requests


def measure(sites, targets, rounds, seconds):
    tallies = {target: Tally([]) for target in targets}
    for target in targets:  # warm up: code loaded, templates compiled, pages kept
        wrk(sites[target.site].url(target.path), 1)
    for _ in range(rounds):
        for target in targets:
            site = sites[target.site]
            before = site.cpu_seconds()
            rate, requests = wrk(site.url(target.path), seconds)
            tallies[target].add(rate, requests, site.cpu_seconds() - before)
    return tallies


def report(tallies, sites):
    floor = sum(tallies[FLOOR].rates) / len(tallies[FLOOR].rates)
    print(f"{'target':<52} {'requests/s':>13} {'÷ floor':>11} {'CPU/request':>12}")
    for target, tally in tallies.items():
        low, high = min(tally.rates), max(tally.rates)
        rates = (
            f"{low:,.0f}–{high:,.0f}" if round(low) != round(high) else f"{low:,.0f}"
        )
        ratios = f"{low / floor:.2f}–{high / floor:.2f}"
        cpu = 1000 * tally.cpu_seconds / tally.requests
        print(f"{target.label:<52} {rates:>13} {ratios:>11} {cpu:>9.2f} ms")
    for site in sites.values():
        sizes = ", ".join(f"{size:.0f} MB" for size in site.resident_megabytes())
        print(f"{site.name} workers after the run: {sizes} resident")


@contextmanager
def throwaway_database(workdir):
    """A DATABASE_URL for a new database: SQLite in `workdir`, or a new database on
    the PostgreSQL server DATABASE_URL names, dropped afterwards."""
    given = os.environ.get("DATABASE_URL", "")
    if not given.startswith("postgres"):
        yield f"sqlite:///{workdir}/wiki.sqlite3"
        return
    name = f"bench_http_{os.getpid()}"
    parts = urlsplit(given)
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_wiki(env, article_file):
    """Migrate, seed and write the bench's article; save its HTML for the floor."""
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "catalogues", "compile", "--verbosity", "0")
    manage(env, "seed", "--verbosity", "0")
    manage(
        env,
        "shell",
        "--verbosity",
        "0",
        "-c",
        "from wiki.benchmarks.pages import write_article, export_article; "
        f"write_article(); export_article({str(article_file)!r})",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5, help="per address and round")
    parser.add_argument("--port", type=int, default=8765, help="the first of three")
    parser.add_argument(
        "--only",
        default="",
        help="measure only the rows whose name holds this (and the floor)",
    )
    options = parser.parse_args()

    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        secret = f"bench-http-{time.time_ns()}-not-a-secret-of-any-site"
        cache_url = os.environ.get("CACHE_URL") or f"file://{workdir}/cache"
        wiki_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wiki.settings.bench",
            "DJANGO_SECRET_KEY": secret,
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": stack.enter_context(throwaway_database(workdir)),
            "CACHE_URL": cache_url,
            "CACHE_KEY_PREFIX": f"bench-http-{os.getpid()}",
        }
        article_file = workdir / "article.html"
        prepare_wiki(wiki_env, article_file)
        plain_env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wiki.benchmarks.plain.settings",
            "DJANGO_SECRET_KEY": secret,
            "BENCH_ARTICLE_HTML": str(article_file),
            "BENCH_ARTICLE_TITLE": "Bench article",
        }
        sites = {
            "plain": Site("plain", options.port, plain_env),
            "kept": Site("kept", options.port + 1, wiki_env),
            "afresh": Site(
                "afresh", options.port + 2, {**wiki_env, "WIKI_PAGE_CACHE_SECONDS": "0"}
            ),
        }
        for site in sites.values():
            stack.enter_context(site.running(workdir))
        db = wiki_env["DATABASE_URL"].partition(":")[0]
        print(
            f"{options.rounds} rounds of {options.seconds} s per address, wrk with "
            f"{CONNECTIONS} connections; the wiki on {db} with the cache at "
            f"{cache_url.partition(':')[0]}://"
        )
        targets = [t for t in TARGETS if t == FLOOR or options.only in t.label]
        report(measure(sites, targets, options.rounds, options.seconds), sites)


if __name__ == "__main__":
    main()
