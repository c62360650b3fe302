#!/usr/bin/env python3
"""Koers under load: national-scale synthetic data on PostgreSQL, every key endpoint driven by
wrk from a second process on 127.0.0.1, the ceilings of the HTTP stack (/health/live) and of
the database (the same SQL through pgbench), start-up time and memory, and the same endpoints on
SQLite at the scale of one SWV. Prints the figures and writes them to bench/results/ as Markdown.
It measures; it never fails on a figure.

    bench/bench.py [--swvs 150] [--seconds 10] [--connections 16]

Needs a release build (target/release/koers), wrk, pgbench and psql, and a PostgreSQL server at
KOERS_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
"""

import argparse
import base64
import datetime
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.path.join(ROOT, "target", "release", "koers")
ADMIN_URL = os.environ.get("KOERS_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
BENCH_DB = "koers_bench"
DEFAULT_POOL = max(2, os.cpu_count() or 2)  # KOERS_POOL_SIZE when unset (api/src/config.rs)
PASSWORD = "koers-bench-2026"
BEHEERDER = "beheerder@po0001.synth.example"
CONSULENT = "consulent@po0001.synth.example"
PLATFORM = "platform@synth.example"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def log(msg):
    print(msg, flush=True)


def with_db(url, name):
    base, _, rest = url.rpartition("/")
    query = rest[rest.index("?"):] if "?" in rest else ""
    return f"{base}/{name}{query}"


def psql(url, sql):
    out = subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-Atqc", sql],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(method, url, token=None, body=None, accept=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method)
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    if accept:
        req.add_header("Accept", accept)
    if data is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Server:
    """A koers process on a free port; `ready_ms` is the time from spawn to /health/ready."""

    def __init__(self, database_url, data_dir, pool_size=None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, KOERS_DATABASE_URL=database_url, KOERS_DATA_DIR=data_dir,
                   KOERS_BIND=f"127.0.0.1:{self.port}", RUST_LOG="warn", KOERS_DEMO="false")
        if pool_size:
            env["KOERS_POOL_SIZE"] = str(pool_size)
        self.log = open(os.path.join(data_dir, "server.log"), "w")
        start = time.monotonic()
        self.proc = subprocess.Popen([BIN], env=env, stdout=self.log, stderr=subprocess.STDOUT)
        while True:
            if self.proc.poll() is not None:
                raise SystemExit(f"koers stopped at start; see {self.log.name}")
            try:
                if request("GET", f"{self.base}/health/ready")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() - start > 60:
                raise SystemExit("koers did not become ready within 60 s")
            time.sleep(0.005)
        self.ready_ms = (time.monotonic() - start) * 1000

    def rss_mib(self):
        return rss_kib(self.proc.pid) / 1024

    def login(self, email):
        status, body = request("POST", f"{self.base}/api/v1/auth/login", body={"email": email, "password": PASSWORD})
        if status != 200:
            raise SystemExit(f"login {email}: {status} {body[:200]!r}")
        return json.loads(body)["accessToken"]

    def get_json(self, path, token):
        status, body = request("GET", f"{self.base}/api/v1{path}", token)
        if status != 200:
            raise SystemExit(f"GET {path}: {status} {body[:300]!r}")
        return json.loads(body)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


class PeakRss(threading.Thread):
    """Samples a process's resident memory while a load runs."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0, True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_kib(self.pid))
            time.sleep(0.05)

    def stop(self):
        self.running = False
        self.join()
        return self.peak / 1024


def wrk(server, path, token, seconds, connections, accept=None, paths=None):
    env = dict(os.environ, TOKEN=token or "", ACCEPT=accept or "", PATHS="|".join(paths or []))
    threads = min(2, connections)
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s",
                          "--timeout", "10s", "-s", os.path.join(HERE, "wrk", "koers.lua"),
                          f"{server.base}{path}"], env=env, capture_output=True, text=True, check=True)
    line = next(l for l in out.stdout.splitlines() if l.startswith("BENCH "))
    r = json.loads(line[len("BENCH "):])
    secs = r["duration_us"] / 1e6
    return {"rps": r["requests"] / secs, "p50": r["p50_us"] / 1000, "p99": r["p99_us"] / 1000,
            "errors": r["errors"] + r["non_2xx"], "requests": r["requests"],
            "kib_per_req": r["bytes"] / max(r["requests"], 1) / 1024}


def pgbench(url, script, seconds, clients, variables, mode="extended"):
    args = ["pgbench", "-n", "-M", mode, "-T", str(seconds), "-c", str(clients),
            "-j", str(min(2, clients)), "-f", os.path.join(HERE, "sql", script)]
    for k, v in variables.items():
        args += ["-D", f"{k}={v}"]
    out = subprocess.run(args + [url], capture_output=True, text=True)
    if out.returncode != 0:
        return {"tps": 0.0, "error": out.stderr.strip().splitlines()[-1:]}
    tps = re.search(r"tps = ([0-9.]+)", out.stdout)
    lat = re.search(r"latency average = ([0-9.]+) ms", out.stdout)
    return {"tps": float(tps.group(1)) if tps else 0.0, "latency": float(lat.group(1)) if lat else 0.0}


def machine():
    def cmd(*a):
        try:
            return subprocess.run(a, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "?"
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) / 1024 / 1024
    return {
        "cores": os.cpu_count(), "cpu": cpu, "memory": f"{mem:.0f} GiB", "kernel": platform.release(),
        "postgres": psql(ADMIN_URL, "show server_version"), "rustc": cmd("rustc", "--version"),
        "wrk": (cmd("wrk", "-v").splitlines() or ["?"])[0], "commit": cmd("git", "-C", ROOT, "rev-parse", "--short", "HEAD"),
    }


def ensure_tools():
    missing = [t for t in ("wrk", "pgbench", "psql") if shutil.which(t) is None]
    if "wrk" in missing and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
        if shutil.which("wrk") is None:
            subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
        missing = [t for t in missing if shutil.which(t) is None]
    if missing:
        raise SystemExit(f"missing tools: {', '.join(missing)} (apt-get install wrk postgresql-client)")
    if not os.path.exists(BIN):
        raise SystemExit(f"{BIN} missing: cargo build --release --bin koers")


def synth(database_url, swvs, data_dir):
    start = time.monotonic()
    env = dict(os.environ, KOERS_DATABASE_URL=database_url, KOERS_DATA_DIR=data_dir, RUST_LOG="warn")
    out = subprocess.run([BIN, "synth", "--swvs", str(swvs), "--seed", "42"], env=env,
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"synth failed: {out.stderr or out.stdout}")
    return time.monotonic() - start


def big_meetings(url, swv, school):
    """Two meetings with 10,000 and 100,000 registrations, for the export figures. They are held
    in 2019-2020, a year before the synthetic ones, so the year's figures measured stay those of
    a real SWV."""
    ids = {}
    for n in (10_000, 100_000):
        bk = psql(url, f"""
            INSERT INTO bijeenkomsten (id, samenwerkingsverband_id, titel, soort, start, eind, schooljaar, vorm,
              status, publiek, public_id, volgnummer, created_at, updated_at, versie)
            VALUES (gen_random_uuid()::text, '{swv}', 'Landelijke conferentie {n}', 'groot_netwerk',
              '2020-03-19 09:00', '2020-03-19 17:00', '2019-2020', 'live', 'doorgegaan', false,
              'bench{n}', {n}, now(), now(), 1)
            RETURNING id""").splitlines()[0]
        psql(url, f"""
            INSERT INTO aanmeldingen (id, samenwerkingsverband_id, bijeenkomst_id, naam, email, email_sleutel,
              school_id, functie, status, aanwezig, positie, bron, created_at, updated_at, versie)
            SELECT gen_random_uuid()::text, '{swv}', '{bk}', 'Deelnemer ' || g, 'deelnemer' || g || '@bench.example',
              'deelnemer' || g || '@bench.example', '{school}', 'leerkracht', 'aangemeld', g % 10 <> 0, g,
              'import', now(), now(), 1
            FROM generate_series(1, {n}) g""")
        ids[n] = bk
    # The steady state of a database in use: autovacuum has visited the tables after the bulk
    # load, so PostgreSQL can answer counts from an index without visiting every row.
    psql(url, "VACUUM ANALYZE")
    return ids


def fixtures(server, token):
    me = server.get_json("/auth/me", token)
    swv = me["samenwerkingsverband"]["id"]
    meetings = server.get_json("/bijeenkomsten?schooljaar=2024-2025&soort=groot_netwerk&pageSize=1", token)["items"] \
        or server.get_json("/bijeenkomsten?schooljaar=2024-2025&pageSize=1", token)["items"]
    plan = server.get_json("/activiteitenplannen?schooljaar=2024-2025", token)["items"][0]["id"]
    school = server.get_json("/scholen?pageSize=1", token)["items"][0]["id"]
    kengetallen(server, token)
    return {"swv": swv, "bk": meetings[0]["id"], "plan": plan, "school": school}


def jop_clients(server):
    """Two gemeente clients made by the platformbeheerder: one gemeente, and every gemeente."""
    token = server.login(PLATFORM)
    gemeenten, page = [], 1
    while True:
        items = server.get_json(f"/gemeenten?pageSize=200&page={page}", token)["items"]
        gemeenten += items
        if len(items) < 200:
            break
        page += 1
    # The gemeente with the most schools of the first SWV: served by it and by others.
    school = server.get_json("/scholen?pageSize=1", server.login(BEHEERDER))["items"][0]
    tokens = {}
    for name, ids in [("one", [school["gemeenteId"]]), ("all", [g["id"] for g in gemeenten])]:
        status, body = request("POST", f"{server.base}/api/v1/clients", token,
                               body={"naam": f"JOP {name}", "scopes": ["jop:read"], "gemeenteIds": ids})
        if status != 201:
            raise SystemExit(f"client {name}: {status} {body[:200]!r}")
        c = json.loads(body)
        form = f"grant_type=client_credentials&client_id={c['clientId']}&client_secret={c['clientSecret']}"
        status, body = request("POST", f"{server.base}/api/v1/auth/token", body=form.encode(),
                               content_type="application/x-www-form-urlencoded")
        if status != 200:
            raise SystemExit(f"token {name}: {status} {body[:200]!r}")
        tokens[name] = json.loads(body)["access_token"]
    return tokens


# One KPI per measure, so the overview measures every area (the synthetic data has none).
KENGETALLEN = [
    ("deelname_go_percentage", "percentage", "maximaal", 3, None),
    ("thuiszitters_gemiddeld_op_peildatum", "aantal", "maximaal", 8, None),
    ("opkomst_doelgroep_percentage", "percentage", "minimaal", 60.1, "ib_netwerk"),
    ("streef_behaald_percentage", "percentage", "minimaal", 80, "directienetwerk"),
    ("aanwezig_totaal", "aantal", "minimaal", 151, "groot_netwerk"),
    ("arrangementen_totaal", "aantal", "maximaal", 500, None),
    ("tlv_binnen_termijn_percentage", "percentage", "minimaal", 95, None),
    ("budget_besteed_percentage", "percentage", "maximaal", 100, None),
    ("mdo_totaal", "aantal", "minimaal", 100, None),
]


def kengetallen(server, token):
    if server.get_json("/kengetallen?pageSize=1", token)["total"] > 0:
        return
    for i, (bron, eenheid, richting, streef, soort) in enumerate(KENGETALLEN):
        body = {"naam": bron, "eenheid": eenheid, "richting": richting, "streefwaarde": streef,
                "bron": bron, "volgorde": i}
        if soort:
            body["bijeenkomstSoort"] = soort
        status, _ = request("POST", f"{server.base}/api/v1/kengetallen", token, body)
        assert status == 201, f"kengetal {bron}: {status}"


def scenarios(fx):
    bk, plan = fx["bk"], fx["plan"]
    return [
        ("page of pupils with its audit entry", "/api/v1/leerlingen", None, fx.get("pupils_script")),
        ("page of schools with a filter", f"/api/v1/scholen?soort=bao&sort=naam", None, "scholen.sql"),
        ("meeting with its registrations", f"/api/v1/bijeenkomsten/{bk}/aanmeldingen", None, "aanmeldingen.sql"),
        ("opkomst of a meeting", f"/api/v1/bijeenkomsten/{bk}/opkomst", None, "opkomst.sql"),
        ("statistieken of one SWV-year", "/api/v1/bijeenkomsten/statistieken?schooljaar=2024-2025", None, "statistieken.sql"),
        ("werkgebied budget of one SWV-year", "/api/v1/arrangementen/budget?schooljaar=2025-2026&peildatum=2026-03-15", None, "budget.sql"),
        ("arrangementen figures of one SWV-year", "/api/v1/arrangementen/statistieken?schooljaar=2025-2026", None, "arrangementen-statistieken.sql"),
        ("MDO figures of one SWV-year", "/api/v1/mdos/statistieken?schooljaar=2025-2026", None, "mdos-statistieken.sql"),
        ("TLV figures of one SWV-year", "/api/v1/toelaatbaarheidsverklaringen/statistieken?schooljaar=2025-2026", None, "tlv-statistieken.sql"),
        ("TLV worklist of one SWV", "/api/v1/toelaatbaarheidsverklaringen/werkvoorraad", None, "tlv-werkvoorraad.sql"),
        ("thuiszitters count of one SWV on a day", "/api/v1/thuiszitters/telling?datum=2026-03-15", None, "thuiszitters-telling.sql"),
        ("thuiszitters figures of one SWV-year", "/api/v1/thuiszitters/statistieken?schooljaar=2025-2026", None, "thuiszitters-statistieken.sql"),
        ("worklist of one consulent", "/api/v1/werkvoorraad", None, None),
        ("JOP monitor of one SWV-year", "/api/v1/monitor/jop?schooljaar=2025-2026", None, None),
        ("JOP monitor for one gemeente (client)", "/api/v1/monitor/jop?schooljaar=2025-2026", None, None),
        ("JOP monitor for every gemeente over all SWV's (client)", "/api/v1/monitor/jop?schooljaar=2025-2026", None, None),
        ("kengetallen overview of one SWV-year", "/api/v1/kengetallen/overzicht?schooljaar=2025-2026", None, None),
        ("school contacts overview of one SWV-year", "/api/v1/schoolcontacten/overzicht?schooljaar=2025-2026", None, None),
        ("evaluation account (JSON)", f"/api/v1/activiteitenplannen/{plan}/evaluatie", None, None),
        ("evaluation account (DOCX)", f"/api/v1/activiteitenplannen/{plan}/evaluatie", DOCX, None),
    ]


CLIENT_TOKENS = {}


def login_for(scenario):
    """The worklist is the caller's own: it is measured as a consulent with her schools."""
    return CONSULENT if "consulent" in scenario else BEHEERDER


def token_for(server, scenario):
    """A token for the scenario: the gemeente clients' own, else a login."""
    if "(client)" in scenario:
        if not CLIENT_TOKENS:
            CLIENT_TOKENS.update(jop_clients(server))
        return CLIENT_TOKENS["all" if "every gemeente" in scenario else "one"]
    return server.login(login_for(scenario))


def jop_recount(server, db_url, swv):
    """The platform-wide monitor when its stored counts are not current: every SWV counted again
    (the first request of a day, or after a change of the municipal division), and one SWV
    counted again after a write in it. Each measured three times, one request at a time."""
    token = token_for(server, "every gemeente (client)")
    path = f"{server.base}/api/v1/monitor/jop?schooljaar=2025-2026"
    out = {}
    for name, sql in [
        ("all", "DELETE FROM monitor_tussenstanden"),
        ("one", f"UPDATE mdos SET datum = datum WHERE id = (SELECT id FROM mdos WHERE samenwerkingsverband_id = '{swv}' LIMIT 1)"),
    ]:
        times = []
        for _ in range(3):
            psql(db_url, sql)
            start = time.monotonic()
            status, _ = request("GET", path, token)
            times.append((time.monotonic() - start) * 1000)
            assert status == 200, f"monitor: {status}"
        out[name] = sorted(times)[1]
        log(f"   JOP monitor for every gemeente, {name} SWV counted again: {out[name]:.0f} ms (median of 3)")
    return out


def mixed_paths(fx):
    bk, plan = fx["bk"], fx["plan"]
    return ["/api/v1/auth/me", "/api/v1/scholen?soort=bao&sort=naam", f"/api/v1/bijeenkomsten?schooljaar=2024-2025",
            f"/api/v1/bijeenkomsten/{bk}", f"/api/v1/bijeenkomsten/{bk}/aanmeldingen",
            f"/api/v1/bijeenkomsten/{bk}/opkomst", "/api/v1/bijeenkomsten/statistieken?schooljaar=2024-2025",
            f"/api/v1/activiteitenplannen/{plan}/evaluatie", "/api/v1/projecten", "/api/v1/activiteiten?pageSize=50"]


def pupil_scripts(server, token, data_dir):
    """The statements of `GET /leerlingen` (first page, default order) as the server runs them in
    one transaction: the count, the page, and the audit entry naming the page's pupils (one row,
    then one multi-row insert). The second script is the same without the audit entry, so the
    cost of auditing shows as a ratio."""
    ids = [p["id"] for p in server.get_json("/leerlingen", token)["items"]]
    read = [
        "SELECT rol, samenwerkingsverband_id FROM gebruikers WHERE id = :uid AND actief = true AND EXISTS "
        "(SELECT 1 FROM refresh_tokens WHERE familie_id = :sid AND gebruiker_id = :uid AND revoked_at IS NULL) LIMIT 1;",
        "BEGIN;",
        "SELECT COUNT(*) FROM leerlingen WHERE samenwerkingsverband_id = :swv;",
        "SELECT id, referentie, geboortemaand, geslacht, woongemeente_id, school_id, leerjaar, geanonimiseerd, "
        "created_at, updated_at, versie FROM leerlingen WHERE samenwerkingsverband_id = :swv "
        "ORDER BY referentie ASC, id ASC LIMIT 50 OFFSET 0;",
    ]
    audit = [
        "INSERT INTO auditregels (id, samenwerkingsverband_id, tijdstip, gebruiker_id, actie, pad) "
        "VALUES (gen_random_uuid()::text, :swv, now(), :uid, 'lezen', '/leerlingen') RETURNING id AS regel \\gset",
        "INSERT INTO auditregel_leerlingen (auditregel_id, leerling_id) VALUES "
        + ", ".join(f"(:regel, '{i}')" for i in ids) + ";",
    ]
    paths = []
    for name, lines in (("leerlingen.sql", read + audit), ("leerlingen-zonder-audit.sql", read)):
        path = os.path.join(data_dir, name)
        with open(path, "w") as f:
            f.write("\n".join(lines + ["COMMIT;"]) + "\n")
        paths.append(path)
    return paths


def export_memory(server, token, bk, rows):
    """Peak resident memory while one CSV export of `rows` registrations is produced."""
    sampler = PeakRss(server.proc.pid)
    before = server.rss_mib()
    sampler.start()
    start = time.monotonic()
    status, body = request("GET", f"{server.base}/api/v1/bijeenkomsten/{bk}/aanmeldingen", token, accept="text/csv")
    took = time.monotonic() - start
    peak = sampler.stop()
    lines = body.count(b"\r\n") - 1 if status == 200 else 0
    return {"rows": lines, "seconds": took, "before": before, "peak": peak, "mib": len(body) / 1024 / 1024}


def run_postgres(args, results):
    db_url = with_db(ADMIN_URL, BENCH_DB)
    psql(ADMIN_URL, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    psql(ADMIN_URL, f"CREATE DATABASE {BENCH_DB}")
    data = tempfile.mkdtemp(prefix="koers-bench-")
    log(f"== synthetic data: {args.swvs} SWV's on PostgreSQL")
    results["synth_seconds"] = synth(db_url, args.swvs, data)
    counts = {}
    for t in ("samenwerkingsverbanden", "scholen", "schoolbesturen", "gebruikers", "activiteiten",
              "bijeenkomsten", "aanmeldingen", "leerlingen", "arrangementen", "budgetten", "mdos", "tlvs",
              "thuiszitters", "schoolcontacten"):
        counts[t] = int(psql(db_url, f"SELECT count(*) FROM {t}"))
    results["counts"] = counts
    log(f"   {results['synth_seconds']:.0f} s: {counts}")

    server = Server(db_url, data)
    results["pg_ready_ms"] = server.ready_ms
    time.sleep(2)
    results["pg_idle_mib"] = server.rss_mib()
    token = server.login(BEHEERDER)
    fx = fixtures(server, token)
    big = big_meetings(db_url, fx["swv"], fx["school"])
    year = f"SELECT id FROM bijeenkomsten WHERE samenwerkingsverband_id = '{fx['swv']}' AND schooljaar = '2024-2025'"
    ids = psql(db_url, f"SELECT string_agg(id, ',') FROM ({year}) y")
    came = "AND status = 'aangemeld' AND aanwezig AND school_id IS NOT NULL"
    schools = psql(db_url, f"SELECT string_agg(DISTINCT school_id, ',') FROM aanmeldingen WHERE bijeenkomst_id IN ({year}) {came}")
    bkschools = psql(db_url, f"SELECT string_agg(DISTINCT school_id, ',') FROM aanmeldingen WHERE bijeenkomst_id = '{fx['bk']}' {came}")
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    fx["pupils_script"], plain = pupil_scripts(server, token, data)
    variables = {"swv": fx["swv"], "bk": fx["bk"], "ids": "{" + ids + "}", "schools": "{" + schools + "}",
                 "bkschools": "{" + bkschools + "}", "uid": claims["sub"], "sid": claims["sid"]}
    # The token check that every request makes, alone: what revocation costs per request.
    results["token_check"] = pgbench(db_url, "token.sql", args.seconds, args.connections, variables, "prepared")
    log(f"   token check alone: {results['token_check']['tps']:.0f} tps prepared")

    results["pupils_plain"] = pgbench(db_url, plain, args.seconds, args.connections, variables, "prepared")
    log(f"   the same page of pupils without its audit entry: {results['pupils_plain']['tps']:.0f} tps prepared")

    log("== ceilings")
    results["health"] = wrk(server, "/health/live", None, args.seconds, args.connections)
    log(f"   /health/live: {results['health']['rps']:.0f} req/s")
    rows = []
    for name, path, accept, script in scenarios(fx):
        token = token_for(server, name)
        r = wrk(server, path, token, args.seconds, args.connections, accept=accept)
        if script:
            # Diesel prepares every statement once per connection and reuses it, so the ceiling
            # is pgbench with prepared statements; the extended protocol (planned on every run)
            # is shown beside it.
            r["ceiling"] = pgbench(db_url, script, args.seconds, args.connections, variables, "prepared")["tps"]
            r["extended"] = pgbench(db_url, script, args.seconds, args.connections, variables)["tps"]
        rows.append((name, r))
        log(f"   {name}: {r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, errors {r['errors']}"
            + (f", pgbench {r['ceiling']:.0f} tps prepared ({r['extended']:.0f} extended)" if script else ""))
    # The figures a board member waits for, one request at a time.
    results["single"] = []
    for name, path, accept, _ in [sc for sc in scenarios(fx) if "SWV" in sc[0] or "account" in sc[0] or "consulent" in sc[0]
                                  or "gemeente" in sc[0]]:
        token = token_for(server, name)
        r = wrk(server, path, token, args.seconds // 2 or 1, 1, accept=accept)
        results["single"].append((name, r))
        log(f"   {name}, one at a time: p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms")
    results["jop_recount"] = jop_recount(server, db_url, fx["swv"])
    token = server.login(BEHEERDER)
    r = wrk(server, f"/api/v1/bijeenkomsten/{big[10_000]}/aanmeldingen", token, args.seconds,
            min(args.connections, 4), accept="text/csv")
    rows.append(("CSV export of 10,000 rows", r))
    log(f"   CSV export of 10,000 rows: {r['rps']:.1f} req/s, p50 {r['p50']:.0f} ms, {r['kib_per_req']:.0f} KiB each")
    results["pg_rows"] = rows

    log("== mixed read load with authentication")
    sampler = PeakRss(server.proc.pid)
    sampler.start()
    token = server.login(BEHEERDER)
    results["mixed"] = wrk(server, "/api/v1/auth/me", token, args.seconds * 2, args.connections, paths=mixed_paths(fx))
    results["pg_load_mib"] = sampler.stop()
    results["mixed_moderate"] = wrk(server, "/api/v1/auth/me", token, args.seconds, 4, paths=mixed_paths(fx))
    log(f"   {args.connections} connections: {results['mixed']['rps']:.0f} req/s, p99 {results['mixed']['p99']:.1f} ms; "
        f"4 connections: p99 {results['mixed_moderate']['p99']:.1f} ms")
    server.stop()
    # A fresh process, so the export's own memory shows and not what the load left behind.
    server = Server(db_url, data)
    token = server.login(BEHEERDER)
    results["export_10k"] = export_memory(server, token, big[10_000], 10_000)
    results["export_100k"] = export_memory(server, token, big[100_000], 100_000)
    log(f"   export of 100,000 rows: {results['export_100k']['seconds']:.1f} s, memory {results['export_100k']['before']:.0f}"
        f" -> {results['export_100k']['peak']:.0f} MiB")
    server.stop()
    log("== pool size (mixed load)")
    results["pools"] = []
    for size in sorted({2, 4, 8, 16, DEFAULT_POOL}):
        server = Server(db_url, data, pool_size=size)
        token = server.login(BEHEERDER)
        r = wrk(server, "/api/v1/auth/me", token, args.seconds, args.connections, paths=mixed_paths(fx))
        m = wrk(server, "/api/v1/auth/me", token, args.seconds, 4, paths=mixed_paths(fx))
        results["pools"].append((size, r, m))
        log(f"   KOERS_POOL_SIZE={size}: {r['rps']:.0f} req/s, p99 {r['p99']:.1f} ms; 4 connections p99 {m['p99']:.1f} ms")
        server.stop()
    shutil.rmtree(data, ignore_errors=True)
    if not args.keep:
        psql(ADMIN_URL, f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")


def run_sqlite(args, results):
    data = tempfile.mkdtemp(prefix="koers-bench-sqlite-")
    url = f"sqlite://{data}/koers.db"
    log("== SQLite, one SWV")
    results["sqlite_synth_seconds"] = synth(url, 1, data)
    server = Server(url, data)
    results["sqlite_ready_ms"] = server.ready_ms
    time.sleep(1)
    results["sqlite_idle_mib"] = server.rss_mib()
    token = server.login(BEHEERDER)
    fx = fixtures(server, token)
    rows = []
    CLIENT_TOKENS.clear()
    for name, path, accept, _ in scenarios(fx):
        token = token_for(server, name)
        r = wrk(server, path, token, max(3, args.seconds // 2), args.connections, accept=accept)
        rows.append((name, r))
        log(f"   {name}: {r['rps']:.0f} req/s, p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms, errors {r['errors']}")
    token = server.login(BEHEERDER)
    r = wrk(server, "/api/v1/auth/me", token, max(3, args.seconds // 2), args.connections, paths=mixed_paths(fx))
    rows.append(("mixed read load", r))
    results["sqlite_rows"] = rows
    server.stop()
    shutil.rmtree(data, ignore_errors=True)


def token_share(results):
    """The token check's share of the statements of the page of schools, from their pgbench rates."""
    check = results["token_check"]["tps"]
    page = results["pg_rows"][0][1].get("ceiling") or 0
    return page / check * 100 if check else 0


def report(args, results, m):
    def row(name, r, with_ceiling=True):
        ceiling, extended = r.get("ceiling"), r.get("extended")
        ratio = f"{r['rps'] / ceiling * 100:.0f} %" if ceiling else "—"
        c = f"{ceiling:.0f}" if ceiling else "—"
        ex = f"{extended:.0f}" if extended else "—"
        return f"| {name} | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['errors']} |" + \
            (f" {c} | {ratio} | {ex} |" if with_ceiling else "")

    health = results["health"]["rps"]
    lines = [
        f"# Koers benchmark, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: {m['cores']} cores ({m['cpu']}), {m['memory']}, Linux {m['kernel']}; PostgreSQL {m['postgres']}; "
        f"{m['rustc']}; {m['wrk']}; koers {m['commit']} (release build). Load from wrk on 127.0.0.1, "
        f"{args.connections} connections, {args.seconds} s per scenario; server, load generator and database share the machine.",
        "",
        "## Data (PostgreSQL)",
        "",
        f"`koers synth --swvs {args.swvs} --seed 42` took {results['synth_seconds']:.0f} s: "
        + ", ".join(f"{v:,} {k}" for k, v in results["counts"].items()) + ".",
        "",
        "## Endpoints (PostgreSQL, national scale)",
        "",
        f"The HTTP stack alone (`/health/live`): {health:,.0f} req/s, p99 {results['health']['p99']:.1f} ms. The ceiling of an "
        "endpoint is the same SQL, statement for statement, run by pgbench with the same number of clients, without HTTP or "
        "JSON, as prepared statements (the server prepares each statement once per connection), starting with the token "
        "check every request makes; the last column is pgbench with the extended protocol, planning every statement on "
        "every run.",
        "",
        f"The token check (is the caller's session or client still as issued, `auth/revocation.rs`), one indexed "
        f"lookup per request: {results['token_check']['tps']:,.0f} per second on pgbench alone with "
        f"{args.connections} clients, {results['token_check']['latency'] * 1000:.0f} µs each, which is "
        f"{token_share(results):.0f} % of the database work of the cheapest endpoint below (a page of schools).",
        "",
        "| scenario | req/s | p50 ms | p99 ms | errors | pgbench tps | of ceiling | pgbench extended |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [row(n, r) for n, r in results["pg_rows"]]
    pupils = next((r for n, r in results["pg_rows"] if n.startswith("page of pupils")), None)
    plain = results["pupils_plain"]["tps"]
    if pupils and pupils.get("ceiling") and plain:
        lines += ["", f"The cost of auditing: the statements of a page of pupils run {plain:,.0f} times per second on "
                  f"pgbench without the audit entry and {pupils['ceiling']:,.0f} with it (the entry and the 50 pupils it "
                  f"names), a ratio of {pupils['ceiling'] / plain:.2f}; the endpoint reaches {pupils['rps']:,.0f} req/s."]
    lines += ["", "One request at a time (1 connection), the latency a user sees:", ""]
    lines += [f"- {n}: p50 {r['p50']:.1f} ms, p99 {r['p99']:.1f} ms" for n, r in results["single"]]
    jr = results.get("jop_recount")
    if jr:
        lines += ["", "The platform-wide JOP monitor sums the counts stored per SWV; when they are not current it "
                  f"counts again: every SWV (the first request of a day) {jr['all']:,.0f} ms, one SWV after a write in it "
                  f"{jr['one']:,.0f} ms (median of three)."]
    mx, mm = results["mixed"], results["mixed_moderate"]
    e10, e100 = results["export_10k"], results["export_100k"]
    lines += [
        "",
        f"Mixed read load with authentication (10 endpoints round-robin, every request with a bearer token): "
        f"{args.connections} connections {mx['rps']:,.0f} req/s, p50 {mx['p50']:.1f} ms, p99 {mx['p99']:.1f} ms, {mx['errors']} errors; "
        f"moderate load (4 connections) {mm['rps']:,.0f} req/s, p99 {mm['p99']:.1f} ms.",
        "",
        f"Pool size (`KOERS_POOL_SIZE`, default {DEFAULT_POOL}), the same mixed load against a fresh server:",
        "",
        "| pool | req/s | p50 ms | p99 ms | 4 connections: req/s | p99 ms |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [f"| {n} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {m['rps']:,.0f} | {m['p99']:.1f} |"
              for n, r, m in results["pools"]]
    lines += [
        "",
        "## Start-up and memory",
        "",
        f"- Cold start to ready: {results['pg_ready_ms']:.0f} ms on PostgreSQL, {results['sqlite_ready_ms']:.0f} ms on SQLite.",
        f"- Resident memory idle: {results['pg_idle_mib']:.0f} MiB (PostgreSQL), {results['sqlite_idle_mib']:.0f} MiB (SQLite); "
        f"peak under the mixed load: {results['pg_load_mib']:.0f} MiB.",
        f"- CSV export of {e10['rows']:,} rows: {e10['seconds'] * 1000:.0f} ms, {e10['mib']:.1f} MiB, memory {e10['before']:.0f} → {e10['peak']:.0f} MiB.",
        f"- CSV export of {e100['rows']:,} rows: {e100['seconds'] * 1000:.0f} ms, {e100['mib']:.1f} MiB, memory {e100['before']:.0f} → {e100['peak']:.0f} MiB.",
        "",
        f"## SQLite, one SWV (`--swvs 1`, synthesised in {results['sqlite_synth_seconds']:.1f} s)",
        "",
        "| scenario | req/s | p50 ms | p99 ms | errors |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [row(n, r, with_ceiling=False) for n, r in results["sqlite_rows"]]
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--swvs", type=int, default=150)
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--keep", action="store_true", help="keep the PostgreSQL bench database afterwards")
    args = p.parse_args()
    ensure_tools()
    m = machine()
    results = {}
    run_postgres(args, results)
    run_sqlite(args, results)
    text = report(args, results, m)
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    path = os.path.join(HERE, "results", f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d-%H%M}.md")
    with open(path, "w") as f:
        f.write(text)
    print()
    print(text)
    print(f"written to {os.path.relpath(path, ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
