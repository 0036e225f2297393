"""Fails when a pinned package has a known vulnerability that no override accepts.

Usage: audit_dependencies.py LOCK_FILE OVERRIDES_TOML

pip-audit looks every pin of the lock file up in PyPI's advisories (its JSON API; no resolving,
no pip: seconds). Overrides (id, package, reason, review_by) are passed to it as --ignore-vuln; an
override whose review date has passed fails the audit, so none stays accepted unread. Packages
the service could not answer for are listed: they were not audited.
"""

import datetime
import json
import subprocess
import sys
import tomllib
from pathlib import Path

REQUIRED_KEYS = {"id", "package", "reason", "review_by"}


def read_overrides(path):
    overrides = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("override", [])
    for override in overrides:
        missing = REQUIRED_KEYS - override.keys()
        if missing:
            name = override.get("id", "?")
            sys.exit(f"{path}: override {name} lacks {', '.join(sorted(missing))}")
    return overrides


def run_pip_audit(lock_file, ignored_ids):
    command = [
        Path(sys.executable).with_name("pip-audit"),
        "--vulnerability-service=pypi",
        "--no-deps",
        "--disable-pip",
        "--progress-spinner=off",
        "--format=json",
        "--requirement",
        lock_file,
        *(f"--ignore-vuln={vulnerability_id}" for vulnerability_id in ignored_ids),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        sys.exit(f"pip-audit failed ({result.returncode}):\n{result.stderr}")


def main(lock_file, overrides_file):
    overrides = read_overrides(overrides_file)
    today = datetime.date.today()
    problems = [
        f"override {o['id']} ({o['package']}) was due for review on {o['review_by']}: {o['reason']}"
        for o in overrides
        if o["review_by"] < today
    ]
    report = run_pip_audit(lock_file, [o["id"] for o in overrides])
    dependencies = report["dependencies"]
    skipped = [d for d in dependencies if "skip_reason" in d]
    for dependency in dependencies:
        for vulnerability in dependency.get("vulns", []):
            fixed = ", ".join(vulnerability["fix_versions"]) or "no fixed version"
            aliases = ", ".join(vulnerability["aliases"])
            problems.append(
                f"{dependency['name']} {dependency['version']}: {vulnerability['id']}"
                f" ({aliases}; fixed in {fixed})"
            )
    audited = len(dependencies) - len(skipped)
    print(f"audited {audited} of {len(dependencies)} pinned packages; {len(overrides)} overrides")  # noqa: T201
    if skipped:
        names = ", ".join(d["name"] for d in skipped)
        print(f"  not audited (the service had no answer for them): {names}")  # noqa: T201
    for problem in problems:
        print(f"  VULNERABLE: {problem}")  # noqa: T201
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
