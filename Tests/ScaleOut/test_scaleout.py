"""Scale-out tests: several `escalator serve` instances over one PostgreSQL database, behind nginx.

Everything goes through real HTTP. Instance A and instance B are reached directly (to say which one serves a
request); the load balancer spreads the rest over both. scripts/test-scaleout starts the lot
(scripts/lib/scaleout.sh) and sets:

    SCALEOUT_LB_URL            nginx in front of every instance
    SCALEOUT_URL_A             instance A, directly
    SCALEOUT_URL_B             instance B, directly
    SCALEOUT_DATABASE_URL      the PostgreSQL database they share (seeded with the synthetic data set)
    SCALEOUT_BINARY            the escalator binary they run (for `escalator audit verify`)
    SCALEOUT_DATA_KEY_FILE     the data key file they share
    SCALEOUT_NGINX_ACCESS_LOG  optional: nginx's access log, with the upstream that answered each request
    ESCALATOR_SIGNIN_ACCOUNT_LIMIT   the instances' failed sign-ins per account (default 5)

Every response in every test must have a status below 500.
"""
import collections
import datetime
import os
import re
import subprocess
import threading
import time
import uuid

import pytest
import requests

LB_URL = os.environ.get("SCALEOUT_LB_URL", "").rstrip("/")
URL_A = os.environ.get("SCALEOUT_URL_A", "").rstrip("/")
URL_B = os.environ.get("SCALEOUT_URL_B", "").rstrip("/")
DATABASE_URL = os.environ.get("SCALEOUT_DATABASE_URL", "")
BINARY = os.environ.get("SCALEOUT_BINARY", "")
DATA_KEY_FILE = os.environ.get("SCALEOUT_DATA_KEY_FILE", "")
NGINX_ACCESS_LOG = os.environ.get("SCALEOUT_NGINX_ACCESS_LOG", "")
ACCOUNT_LIMIT = int(os.environ.get("ESCALATOR_SIGNIN_ACCOUNT_LIMIT", "5") or 5)

if not (LB_URL and URL_A and URL_B):
    pytest.skip("SCALEOUT_LB_URL, SCALEOUT_URL_A and SCALEOUT_URL_B are not set (run scripts/test-scaleout)",
                allow_module_level=True)

PASSWORD = "escalator-demo"
USERS = {
    "adviser": "adviser@demo.escalator.test",
    "partner": "partner@demo.escalator.test",
    "admin": "admin@demo.escalator.test",
    # Locked out by the throttling test: used by nothing else.
    "throttled": "analyst@demo.escalator.test",
}
TIMEOUT = 120  # seconds for any one request: a debug build on two cores is slow, but never this slow


# ---------------------------------------------------------------------------------------------------------------
# HTTP with every status recorded

class ResponseLog:
    """Every response any test received, so that the last test can check that none was a 5xx."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = collections.Counter()
        self.server_errors = []

    def record(self, where, method, path, response):
        with self.lock:
            self.counts[response.status_code // 100 * 100] += 1
            if response.status_code >= 500:
                self.server_errors.append(f"{method} {where} {path} -> {response.status_code}: {' '.join(response.text.split())[:200]}")


RESPONSES = ResponseLog()


def where_name(base):
    return {URL_A: "A", URL_B: "B", LB_URL: "LB"}.get(base, base)


def route_of(path):
    """A path with its ids replaced, to count failures by route."""
    path = path.split("?")[0]
    return re.sub(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "{id}", path)


class Api:
    """One person's bearer-token session with one base URL (an instance or the load balancer)."""

    def __init__(self, base, token=None, user=None):
        self.base = base
        self.where = where_name(base)
        self.user = user or {}
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def request(self, method, path, expect=None, check=True, **kwargs):
        """Sends the request and records its status. `check`: assert status < 500 (and `expect`, if given) here;
        worker threads pass check=False and judge the statuses themselves."""
        kwargs.setdefault("timeout", TIMEOUT)
        response = self.session.request(method, self.base + path, **kwargs)
        RESPONSES.record(self.where, method, path, response)
        if check:
            assert response.status_code < 500, f"{method} {self.where} {path} -> {response.status_code}: {response.text[:500]}"
            if expect is not None:
                allowed = expect if isinstance(expect, (tuple, list, set)) else (expect,)
                assert response.status_code in allowed, \
                    f"{method} {self.where} {path} -> {response.status_code} (wanted {expect}): {response.text[:500]}"
        return response

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.request("POST", path, **kwargs)

    def put(self, path, **kwargs):
        return self.request("PUT", path, **kwargs)


def token_request(base, email, password):
    return Api(base).post("/api/v1/auth/token", json={"email": email, "password": password}, check=False)


def sign_in(base, who):
    response = token_request(base, USERS[who], PASSWORD)
    assert response.status_code == 201, f"signing in {who} at {where_name(base)}: {response.status_code} {response.text[:300]}"
    body = response.json()
    return Api(base, body["token"], body["user"])


# ---------------------------------------------------------------------------------------------------------------
# The data the tests work on

@pytest.fixture(scope="module")
def adviser_a():
    return sign_in(URL_A, "adviser")


@pytest.fixture(scope="module")
def adviser_b():
    return sign_in(URL_B, "adviser")


@pytest.fixture(scope="module")
def partner_b():
    return sign_in(URL_B, "partner")


@pytest.fixture(scope="module")
def admin_lb():
    return sign_in(LB_URL, "admin")


@pytest.fixture(scope="module")
def council_id(partner_b):
    """The partner adviser's organisation (Birmingham City Council)."""
    return partner_b.user["organisationID"]


@pytest.fixture(scope="module")
def assessed_clients(adviser_a):
    """Clients the demo adviser's organisation owns, assessed, with at least one skill, and with no standing
    consent to share with anyone (so the partner adviser cannot see them, and no vacancy's candidates show them
    to other organisations, until a consent is recorded): (detail, assessment) pairs."""
    own = adviser_a.user["organisationID"]
    items = []
    for page in range(1, 6):
        listing = adviser_a.get("/api/v1/clients", params={"size": 200, "page": page}, expect=200).json()
        items += listing["items"]
        if page * 200 >= listing["total"]:
            break
    found = []
    for item in items:
        if item.get("distanceFromWork") is None:
            continue
        detail = adviser_a.get(f"/api/v1/clients/{item['id']}", expect=200).json()
        if detail["client"]["organisationID"] != own or not detail.get("latestAssessmentID"):
            continue
        if any(c["active"] for c in detail["consents"]):
            continue  # candidates lists include clients with a standing consent to any organisation
        assessment = adviser_a.get(f"/api/v1/assessments/{detail['latestAssessmentID']}", expect=200).json()["assessment"]
        if not 1 <= len(assessment["skills"]) <= 60:
            continue
        found.append((detail, assessment))
        if len(found) == 6:
            break
    assert len(found) >= 3, f"only {len(found)} assessed clients of the adviser's own organisation found"
    return found


@pytest.fixture(scope="module")
def employer_id(adviser_a):
    return adviser_a.get("/api/v1/employers", params={"size": 1}, expect=200).json()["items"][0]["id"]


@pytest.fixture(scope="module")
def any_occupation(adviser_a):
    return adviser_a.get("/api/v1/taxonomy/occupations", params={"size": 1}, expect=200).json()["items"][0]["id"]


def tailored_vacancy(detail, assessment, employer_id, occupation_id, status):
    """A vacancy the client fits perfectly: their own skills at their own levels, in their ward, hours they can
    work, no qualification, GCSE or age bar, one of their aspirations when they have one."""
    client = detail["client"]
    constraints = assessment["constraints"]
    hours = max(1, min(60, (constraints["minHoursPerWeek"] + constraints["maxHoursPerWeek"]) // 2))
    occupation = (assessment.get("aspirations") or [occupation_id])[0]
    return {
        "employerID": employer_id,
        "occupationID": occupation,
        "title": f"Scale-out test {uuid.uuid4().hex[:8]}",
        "requirements": [{"skillID": s["skillID"], "importance": "essential", "minimumLevel": s["level"]}
                         for s in assessment["skills"]],
        "minimumQualification": 0,
        "needsGCSEEnglish": False,
        "needsGCSEMaths": False,
        "hoursPerWeek": hours,
        "hourlyPayPence": 2000,
        "postcode": client["postcode"],
        "wardID": client["wardID"],
        "openings": 1,
        "closingDate": (datetime.date.today() + datetime.timedelta(days=30)).isoformat(),
        "minimumAge": 16,
        "status": status,
    }


def create_vacancy(api, body, occupation_fallback):
    response = api.post("/api/v1/vacancies", json=body)
    if response.status_code == 422 and body["occupationID"] != occupation_fallback:
        body = dict(body, occupationID=occupation_fallback)  # an aspiration that is not in the taxonomy
        response = api.post("/api/v1/vacancies", json=body)
    assert response.status_code == 201, f"creating a vacancy at {api.where}: {response.status_code} {response.text[:500]}"
    return response.json()


def candidate_references(api, vacancy_id):
    body = api.get(f"/api/v1/vacancies/{vacancy_id}/candidates", params={"limit": 100}, expect=200).json()
    return {c["clientReference"]: c for c in body["candidates"]}


def matched_vacancy_ids(api, client_id):
    body = api.get(f"/api/v1/clients/{client_id}/matches", params={"limit": 100}, expect=200).json()
    return [v["vacancyID"] for v in body["vacancies"]]


# ---------------------------------------------------------------------------------------------------------------
# a. Consent withdrawn through A is enforced on B at once

def test_consent_withdrawn_on_a_is_enforced_on_b_at_once(adviser_a, adviser_b, partner_b, council_id, assessed_clients,
                                                          employer_id, any_occupation):
    detail, assessment = assessed_clients[0]
    client = detail["client"]
    client_id, reference = client["id"], client["reference"]

    # The client consents to share with the council, recorded through B; a vacancy they fit is scoped through B.
    given = adviser_b.post(f"/api/v1/clients/{client_id}/consents",
                           json={"organisationID": council_id, "purpose": "employment-support"}, expect=201).json()
    consent = [c for c in given["consents"] if c["organisationID"] == council_id and c["active"]]
    assert len(consent) == 1, given["consents"]
    vacancy = create_vacancy(adviser_b, tailored_vacancy(detail, assessment, employer_id, any_occupation, "open"), any_occupation)

    # Before: the partner adviser sees the client on B, in the record, the list and the vacancy's candidates.
    partner_b.get(f"/api/v1/clients/{client_id}", expect=200)
    assert partner_b.get("/api/v1/clients", params={"q": reference}, expect=200).json()["total"] == 1
    before = candidate_references(partner_b, vacancy["id"])
    assert reference in before, \
        f"precondition: {reference} is not among the partner's candidates on B for a vacancy it fits perfectly"

    # The client withdraws, through A.
    adviser_a.post(f"/api/v1/clients/{client_id}/consents/{consent[0]['id']}/withdraw", expect=200)

    # At once (no waiting), on B: no record, not in the list, no matches, not a candidate.
    failures = []
    record = partner_b.get(f"/api/v1/clients/{client_id}")
    if record.status_code != 404:
        failures.append(f"GET B /api/v1/clients/{{id}} -> {record.status_code}, wanted 404")
    listed = partner_b.get("/api/v1/clients", params={"q": reference}, expect=200).json()
    if listed["total"] != 0:
        failures.append(f"GET B /api/v1/clients?q={reference} -> total {listed['total']}, wanted 0")
    matches = partner_b.get(f"/api/v1/clients/{client_id}/matches")
    if matches.status_code != 404:
        failures.append(f"GET B /api/v1/clients/{{id}}/matches -> {matches.status_code}, wanted 404")
    after = candidate_references(partner_b, vacancy["id"])
    if reference in after:
        row = after[reference]
        failures.append(
            f"GET B /api/v1/vacancies/{{id}}/candidates still lists {reference} "
            f"(clientID {row.get('clientID')}, name {row.get('name')!r}, score {row.get('scorePercent')}%, "
            f"{len(row.get('skillsMet', []))} skills met)")
    assert not failures, "after withdrawal through A, instance B still shares the client:\n  " + "\n  ".join(failures)


# ---------------------------------------------------------------------------------------------------------------
# b. A vacancy opened through A is in a matching client's matches on B within 2 seconds

def test_vacancy_opened_on_a_appears_in_matches_on_b_within_2_seconds(adviser_a, adviser_b, assessed_clients, employer_id,
                                                                      any_occupation):
    detail, assessment = assessed_clients[1]
    client_id = detail["client"]["id"]
    matched_vacancy_ids(adviser_b, client_id)  # B has its matching data loaded before the vacancy exists

    draft = create_vacancy(adviser_a, tailored_vacancy(detail, assessment, employer_id, any_occupation, "draft"), any_occupation)
    assert draft["id"] not in matched_vacancy_ids(adviser_b, client_id), "a draft vacancy is matched on B"
    opened = dict(draft, status="open")  # the vacancy's JSON, changed, sent back
    adviser_a.put(f"/api/v1/vacancies/{draft['id']}", json=opened, expect=200)
    opened_at = time.monotonic()

    seen_after = None
    polls = 0
    while time.monotonic() - opened_at <= 2.0:
        polls += 1
        if draft["id"] in matched_vacancy_ids(adviser_b, client_id):
            seen_after = time.monotonic() - opened_at
            break
        time.sleep(0.1)
    if seen_after is not None:
        print(f"\nvacancy opened through A was in the client's matches on B after {seen_after:.2f} s ({polls} polls)")
    else:
        on_a = draft["id"] in matched_vacancy_ids(adviser_a, client_id)
        pytest.fail(f"vacancy opened through A not in the client's matches on B after {time.monotonic() - opened_at:.1f} s "
                    f"({polls} polls); on A it {'is' if on_a else 'is NOT either'} in the matches")


# ---------------------------------------------------------------------------------------------------------------
# c. Sign-in throttling counts failures on every instance

def test_sign_in_throttle_counts_failures_across_instances():
    email = USERS["throttled"]
    instances = [URL_A, URL_B]
    statuses = []
    for attempt in range(ACCOUNT_LIMIT):
        base = instances[attempt % 2]
        response = token_request(base, email, f"wrong-password-{attempt}")
        statuses.append((f"bad #{attempt + 1} on {where_name(base)}", response.status_code))
    assert all(status == 401 for _, status in statuses), f"failures under the limit were not all 401: {statuses}"

    after = []
    for base in instances:
        after.append((f"bad after the limit on {where_name(base)}", token_request(base, email, "wrong-password-x").status_code))
    for base in instances + [LB_URL]:
        after.append((f"right password after the limit on {where_name(base)}", token_request(base, email, PASSWORD).status_code))
    refused = [status == 429 for _, status in after]
    assert all(refused), (f"limit {ACCOUNT_LIMIT} failures per account, made alternately on A and B ({statuses}); "
                          f"every later attempt should be 429, got: {after}")


# ---------------------------------------------------------------------------------------------------------------
# d. Audited reads and writes through the load balancer from many threads: all succeed, and the audit chain
#    written by both instances verifies as one

THREADS = 8
REQUESTS_PER_THREAD = 50


def audit_total(admin):
    return admin.get("/api/v1/audit", params={"size": 1}, expect=200).json()["total"]


def test_concurrent_audited_requests_through_the_load_balancer_keep_one_chain(admin_lb, assessed_clients):
    seeded = [detail["client"] for detail, _ in assessed_clients]
    template = seeded[0]
    advisers = [sign_in(LB_URL, "adviser") for _ in range(THREADS)]
    rows_before = audit_total(admin_lb)
    access_log_start = os.path.getsize(NGINX_ACCESS_LOG) if NGINX_ACCESS_LOG and os.path.exists(NGINX_ACCESS_LOG) else None

    results = []  # (thread, method, route, status, body excerpt)
    results_lock = threading.Lock()
    crashes = []
    start = threading.Barrier(THREADS)

    def worker(number, api):
        try:
            start.wait(timeout=60)
            registration = {"givenName": "Scaleout", "familyName": f"Thread{number}", "postcode": template["postcode"],
                            "wardID": template["wardID"], "employmentStatus": "unemployed", "referralSource": "jobcentre"}
            own_id = None
            for i in range(REQUESTS_PER_THREAD):
                other = seeded[(number + i) % len(seeded)]["id"]
                if own_id is None:
                    method, path, kwargs = "POST", "/api/v1/clients", {"json": registration}
                else:
                    method, path, kwargs = [
                        ("PUT", f"/api/v1/clients/{own_id}", {"json": dict(registration, givenName=f"Scaleout{i}")}),
                        ("GET", f"/api/v1/clients/{other}", {}),
                        ("GET", f"/api/v1/clients/{own_id}", {}),
                        ("GET", f"/api/v1/clients/{other}/assessments", {}),
                        ("GET", f"/api/v1/clients/{other}/matches", {"params": {"limit": 10}}),
                    ][i % 5]
                response = api.request(method, path, check=False, **kwargs)
                if method == "POST" and response.status_code == 201:
                    own_id = response.json()["client"]["id"]
                with results_lock:
                    results.append((number, method, route_of(path), response.status_code,
                                    "" if response.status_code < 300 else response.text[:200]))
        except Exception as error:  # a timeout or a refused connection: reported below
            with results_lock:
                crashes.append(f"thread {number}: {type(error).__name__}: {error}")

    threads = [threading.Thread(target=worker, args=(n, api), daemon=True) for n, api in enumerate(advisers)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=900)
    elapsed = time.monotonic() - began
    assert not any(thread.is_alive() for thread in threads), "worker threads still running after 15 minutes"

    by_status = collections.Counter((method, route, status) for _, method, route, status, _ in results)
    summary = ", ".join(f"{m} {r} {s}: {n}" for (m, r, s), n in sorted(by_status.items()))
    print(f"\n{len(results)} requests in {elapsed:.1f} s through the load balancer: {summary}")

    # Every check runs, so that one failing run tells everything; the findings are asserted together at the end.
    problems = []
    if crashes:
        problems.append(f"{len(crashes)} threads stopped on a request that got no answer: {crashes[:3]}")
    if len(results) != THREADS * REQUESTS_PER_THREAD:
        problems.append(f"{len(results)} of {THREADS * REQUESTS_PER_THREAD} requests made")
    failed = [r for r in results if not 200 <= r[3] < 300]
    if failed:
        kind = "answered 5xx" if any(r[3] >= 500 for r in failed) else "did not succeed"
        first = "; ".join(f"{m} {r} {s} {' '.join(body.split())[:120]!r}" for _, m, r, s, body in failed[:3])
        problems.append(f"{len(failed)} of {len(results)} {kind} ({summary}); first: {first}")

    if access_log_start is not None:
        with open(NGINX_ACCESS_LOG, encoding="utf-8", errors="replace") as log:
            log.seek(access_log_start)
            lines = log.read().splitlines()
        upstreams = collections.Counter(u for line in lines for u in re.findall(r"upstream=(\S+)", line))
        by_instance = collections.Counter((re.search(r"upstream=(\S+)", line).group(1), re.search(r'" (\d{3}) ', line).group(1))
                                          for line in lines if re.search(r'" \d{3} ', line) and "upstream=" in line)
        named = {URL_A.replace("http://", ""): "A", URL_B.replace("http://", ""): "B"}
        print("answered by: " + ", ".join(f"{named.get(u, u)} {status}: {n}" for (u, status), n in sorted(by_instance.items())))
        if len([u for u in upstreams if u != "-"]) < 2:
            problems.append(f"the load balancer used only {dict(upstreams)}")
        server_errors = {f"{named.get(u, u)} {status}": n for (u, status), n in by_instance.items() if status.startswith("5")}
        if server_errors:
            problems.append(f"5xx by instance (nginx's log): {server_errors}")

    rows_added = audit_total(admin_lb) - rows_before
    succeeded = len([r for r in results if 200 <= r[3] < 300])
    print(f"audit rows added: {rows_added} for {succeeded} audited requests that succeeded")
    if rows_added < succeeded:
        problems.append(f"{succeeded} audited requests succeeded but only {rows_added} audit rows were added")

    verified = admin_lb.get("/api/v1/audit/verify", expect=200).json()
    print(f"GET /api/v1/audit/verify: {verified['summary']}")
    if not verified["intact"]:
        problems.append(f"GET /api/v1/audit/verify: {verified['summary']}")

    if BINARY:
        env = dict(os.environ, DATABASE_URL=DATABASE_URL)
        if DATA_KEY_FILE:
            env["ESCALATOR_DATA_KEY_FILE"] = DATA_KEY_FILE
        cli = subprocess.run([BINARY, "audit", "verify"], env=env, capture_output=True, text=True, timeout=600)
        print(f"escalator audit verify: exit {cli.returncode}: {cli.stdout.strip()} {cli.stderr.strip()}")
        if cli.returncode != 0:
            problems.append(f"escalator audit verify exited {cli.returncode}: {cli.stdout.strip()} {cli.stderr.strip()}")
    else:
        problems.append("SCALEOUT_BINARY not set: `escalator audit verify` not run")

    assert not problems, "concurrent audited requests through the load balancer:\n  " + "\n  ".join(problems)


# ---------------------------------------------------------------------------------------------------------------
# e. No response in any test was a 5xx (each test also checks its own as it goes)

def test_no_response_was_a_server_error():
    assert sum(RESPONSES.counts.values()) > 0, "no responses recorded: the tests above did not run"
    assert not RESPONSES.server_errors, f"{len(RESPONSES.server_errors)} server errors: " + " | ".join(RESPONSES.server_errors[:10])
