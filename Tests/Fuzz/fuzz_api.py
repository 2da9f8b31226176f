"""API fuzzing: Schemathesis against /api/v1/openapi.json on a running server, signed in as each role and
signed out.

Schemathesis generates valid and invalid requests (`--mode all`). Every answer must not be a 5xx and must
conform to the document (status code, content type, body schema), and a request the document says is invalid
must be rejected (`negative_data_rejection`). The JUnit report of each run is kept in the report directory.
Run by scripts/test against its own demo server, because the fuzzer creates records.

    python Tests/Fuzz/fuzz_api.py http://127.0.0.1:8080 [--examples N] [--seed S] [--report-dir DIR]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import urllib.request

PASSWORD = "escalator-demo"
ROLES = {
    "adviser": "adviser@demo.escalator.test",
    "employer": "employer@demo.escalator.test",
    "provider": "provider@demo.escalator.test",
    "analyst": "analyst@demo.escalator.test",
    "administrator": "admin@demo.escalator.test",
}
CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,"
          "negative_data_rejection")


def token(base, email):
    body = json.dumps({"email": email, "password": PASSWORD, "name": "schemathesis"}).encode()
    request = urllib.request.Request(
        f"{base}/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)["token"]


def fuzz(base, role, email, examples, seed, report_dir):
    """One run as `role` (signed out when `email` is None)."""
    junit = os.path.join(report_dir, f"{role}.xml")
    command = [
        os.path.join(os.path.dirname(sys.executable), "schemathesis"), "run", f"{base}/api/v1/openapi.json",
        "--url", base, "--mode", "all",
        "--checks", CHECKS, "--max-examples", str(examples), "--seed", str(seed),
        "--workers", "2", "--request-timeout", "30", "--report", "junit", "--report-junit-path", junit,
    ]
    if email:
        command[5:5] = ["-H", f"Authorization: Bearer {token(base, email)}"]
    result = subprocess.run(command, capture_output=True, text=True)
    # "4452 generated, 4452 passed", or with failures "4472 generated, 1 found 1 unique failure".
    summary = [line for line in result.stdout.splitlines() if re.search(r"\d+ generated, ", line)]
    line = summary[-1].strip() if summary else ""
    generated, failed = count(line, "generated"), count(line, "failed") + count(line, "unique failures?")
    print(f"{role:>13}: {generated} cases, {failed} failures" + ("" if summary else " (no summary from Schemathesis)"))
    if result.returncode != 0:
        print(result.stdout[-6000:])
        print(result.stderr[-2000:], file=sys.stderr)
    return result.returncode == 0 and bool(summary)


def count(summary, word):
    """The number before `word` (a pattern) in Schemathesis's summary line, or 0."""
    match = re.search(rf"(\d+) {word}", summary)
    return int(match.group(1)) if match else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--examples", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--report-dir", default="schemathesis-report")
    args = parser.parse_args()
    os.makedirs(args.report_dir, exist_ok=True)
    base = args.base.rstrip("/")
    runs = list(ROLES.items()) + [("signed-out", None)]
    results = [fuzz(base, role, email, args.examples, args.seed, args.report_dir) for role, email in runs]
    print(f"Reports: {os.path.abspath(args.report_dir)}")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
