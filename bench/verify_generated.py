#!/usr/bin/env python3
"""Check a folder written by bench/generate.py against callspec's own verdicts.

    python3 bench/verify_generated.py DIR [--callspec BIN] [--specs DIR] [--schema FILE]

Runs `callspec validate --format json` over DIR and compares every file with DIR/manifest.tsv:
a file generated without mistakes must have no errors; a file with mistakes must be reported
with (at least) the codes its mistakes should produce. Prints a summary per mistake kind and
exits 1 on any disagreement. Standard library only.
"""

import argparse
import collections
import csv
import json
import os
import subprocess
import sys


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--callspec", default=os.environ.get("CALLSPEC", os.path.join(root, "target/release/callspec")))
    ap.add_argument("--specs", default=os.path.join(root, "specs"))
    ap.add_argument("--show", type=int, default=10, help="disagreements to print")
    a = ap.parse_args()

    with open(os.path.join(a.dir, "manifest.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    proc = subprocess.run([a.callspec, "validate", "--specs", a.specs, "--format", "json", "--color", "never", a.dir],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        print("callspec exited %d" % proc.returncode)
        return 1
    report = json.loads(proc.stdout)
    by_file = collections.defaultdict(list)
    for f in report["findings"]:
        by_file[os.path.relpath(os.path.abspath(f.get("file") or ""), os.path.abspath(a.dir))].append(f)

    bad = []
    stats = collections.Counter()
    extra = collections.Counter()
    for r in rows:
        found = by_file.get(r["file"], [])
        errors = {f["code"] for f in found if f["severity"] == "error"}
        codes = {f["code"] for f in found}
        expected = [c for c in r["expected_codes"].split(",") if c]
        if not expected:
            stats["valid"] += 1
            if errors:
                bad.append((r["file"], "no mistakes, but errors: " + ", ".join(sorted(errors))))
            continue
        kind = r["mistakes"]
        stats[kind] += 1
        missing = [c for c in expected if c not in codes]
        if missing:
            bad.append((r["file"], "mistakes %s: expected %s, got %s" % (kind, ",".join(missing), ",".join(sorted(codes)) or "nothing")))
        for c in errors - set(expected):
            extra["%s -> %s" % (kind, c)] += 1

    print("files: %d (%s)" % (len(rows), ", ".join("%s %d" % kv for kv in sorted(stats.items()))))
    summary = {k: v for k, v in (report.get("summary") or {}).items() if k in ("errors", "warnings", "advice")}
    print("callspec: exit %d, %s" % (proc.returncode, json.dumps(summary)))
    if extra:
        print("further errors reported beside the expected ones (cascades):")
        for k, n in extra.most_common():
            print("  %6d  %s" % (n, k))
    if bad:
        print("%d disagreements:" % len(bad))
        for f, why in bad[:a.show]:
            print("  %s: %s" % (f, why))
        return 1
    print("ok: every file got the verdict its manifest line expects")
    return 0


if __name__ == "__main__":
    sys.exit(main())
