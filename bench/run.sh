#!/usr/bin/env bash
# Throughput and latency of `callspec validate` on generated application drafts, compared with two
# generic JSON Schema validators checking the same files against schemas/application.schema.json
# (structure only: they know nothing of the calls' rules).
#
#   bash bench/run.sh                                   # from /work/main (or anywhere: it cds there)
#   CALLSPEC=/tmp/cs/callspec SIZES=1000 bash bench/run.sh
#
# Environment (all optional):
#   CALLSPEC       binary to measure (default ./target/release/callspec; build it with
#                  `cargo build --release`)
#   SIZES          file counts to measure (default "1000 10000 100000")
#   SPECS          specs folder passed to `--specs` (default specs)
#   DATA           where generated data and raw results go (default /tmp/bench-data)
#   SEED           generator seed (default 1)
#   INVALID_SHARE  share of generated files with mistakes (default 0.2)
#   FULL=1         also run check-jsonschema at sizes above 10000 (slow: ~50 files/s)
#   CJS_FORMATS    data formats check-jsonschema reads (default "yaml json")
#   CALLSPEC_JOBS  pass `-j N` to callspec (default: its own default, one thread per core)
#   REPEAT         runs per measurement; the median wall time is reported (default 1)
#   LAT_RUNS       runs for the cold single-file latency of callspec (default 50; 10 for the others)
#
# Tools are installed locally, only under bench/.tools/ (git-ignored): ajv-cli 5 with ajv-formats
# (npm) and check-jsonschema (pip, in a venv). Data goes under $DATA, never into the repository.
# Writes the results table to stdout and to bench/results-latest.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

CALLSPEC=${CALLSPEC:-./target/release/callspec}
SIZES=${SIZES:-"1000 10000 100000"}
SPECS=${SPECS:-specs}
DATA=${DATA:-/tmp/bench-data}
SEED=${SEED:-1}
INVALID_SHARE=${INVALID_SHARE:-0.2}
FULL=${FULL:-0}
CJS_FORMATS=${CJS_FORMATS:-"yaml json"}
REPEAT=${REPEAT:-1}
LAT_RUNS=${LAT_RUNS:-50}
SCHEMA=schemas/application.schema.json
TOOLS=bench/.tools
AJV=$TOOLS/node_modules/.bin/ajv
CJS=$TOOLS/venv/bin/check-jsonschema

die() { echo "bench/run.sh: error: $*" >&2; exit 1; }
note() { echo "== $*" >&2; }

case "$DATA" in "$ROOT"|"$ROOT"/*) die "DATA ($DATA) must be outside the repository" ;; esac

# ---------------------------------------------------------------------------------------------
# Prerequisites and local tool installs
# ---------------------------------------------------------------------------------------------
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is missing: apt-get install time"
command -v python3 >/dev/null || die "python3 is missing"
command -v node >/dev/null || die "node is missing (needed for ajv-cli): apt-get install nodejs npm"
command -v npm >/dev/null || die "npm is missing (needed for ajv-cli): apt-get install npm"
[ -x "$CALLSPEC" ] || die "callspec binary not found at $CALLSPEC: build it with 'cargo build --release', or set CALLSPEC"
CALLSPEC=$(cd "$(dirname "$CALLSPEC")" && pwd)/$(basename "$CALLSPEC")
[ -d "$SPECS" ] || die "specs folder $SPECS not found"
mkdir -p "$DATA"
if ! "$CALLSPEC" check "$SPECS" >"$DATA/check.out" 2>&1; then
  cat "$DATA/check.out" >&2
  die "'$CALLSPEC check $SPECS' fails: the binary and the specs do not match (a binary older than the specs?)"
fi

mkdir -p "$TOOLS"
if [ ! -x "$AJV" ] || [ ! -d "$TOOLS/node_modules/ajv-formats" ] \
   || ! grep -q '"version": "5\.' "$TOOLS/node_modules/ajv-cli/package.json" 2>/dev/null; then
  note "installing ajv-cli 5 and ajv-formats into $TOOLS (npm)"
  npm install --no-audit --no-fund --prefix "$TOOLS" ajv-cli@5 ajv-formats >"$TOOLS/npm.log" 2>&1 || {
    tail -20 "$TOOLS/npm.log" >&2
    die "could not install ajv-cli/ajv-formats with npm (no network access to the npm registry?); log: $TOOLS/npm.log"
  }
fi
# ruamel.yaml 0.19 no longer pulls in its C loader (ruamel.yaml.clib); without it check-jsonschema
# parses YAML in pure Python, about 3× slower. It is installed too, so YAML is read at its best.
if [ ! -x "$CJS" ] || ! "$TOOLS/venv/bin/python" -c 'import _ruamel_yaml' 2>/dev/null; then
  note "installing check-jsonschema and ruamel.yaml.clib into $TOOLS/venv (pip)"
  { [ -x "$TOOLS/venv/bin/pip" ] || python3 -m venv "$TOOLS/venv"; } >"$TOOLS/pip.log" 2>&1 &&
  "$TOOLS/venv/bin/pip" install -q check-jsonschema ruamel.yaml.clib >>"$TOOLS/pip.log" 2>&1 || {
    tail -20 "$TOOLS/pip.log" >&2
    rm -rf "$TOOLS/venv"
    die "could not install check-jsonschema with pip (no network access to PyPI, or python3-venv missing?); log: $TOOLS/pip.log"
  }
fi
AJV_VERSION=$(node -p "require('./$TOOLS/node_modules/ajv-cli/package.json').version")
AJV_CORE_VERSION=$(node -p "require('./$TOOLS/node_modules/ajv/package.json').version")
CJS_VERSION=$("$CJS" --version | awk '{print $NF}')
CALLSPEC_VERSION=$("$CALLSPEC" --version 2>/dev/null || echo unknown)

# ajv: draft 2020-12; --allow-union-types because the schema uses `type: [integer, string]`;
# bench/ajv-uint32.js registers the non-standard `format: uint32` that ajv's strict mode rejects.
AJV_ARGS=(validate --spec=draft2020 --allow-union-types -c ajv-formats -c ./bench/ajv-uint32.js -s "$SCHEMA")
CALLSPEC_ARGS=(validate --specs "$SPECS" --format json --color never)
[ -n "${CALLSPEC_JOBS:-}" ] && CALLSPEC_ARGS+=(-j "$CALLSPEC_JOBS")

# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------
GEN_HASH=$(cat bench/generate.py examples/*/valid/*.yaml "$SPECS"/*.yaml | cksum | awk '{print $1}')
gen() { # gen FORMAT N -> prints the folder
  local fmt=$1 n=$2 dir="$DATA/$1-$2"
  local stamp="seed=$SEED share=$INVALID_SHARE gen=$GEN_HASH"
  if [ "$(cat "$dir/.complete" 2>/dev/null)" != "$stamp" ]; then
    note "generating $n $fmt files in $dir"
    rm -rf "$dir"
    python3 bench/generate.py --count "$n" --out "$dir" --format "$fmt" --seed "$SEED" \
      --invalid-share "$INVALID_SHARE" --specs "$SPECS" >&2 || die "bench/generate.py failed"
    echo "$stamp" >"$dir/.complete"
  fi
  echo "$dir"
}
avg_bytes() { # folder, extension
  find "$1" -name "*.$2" -printf '%s\n' | awk '{s+=$1; n++} END {printf "%.0f", n ? s/n : 0}'
}

RUN_ID=$(date +%Y%m%d-%H%M%S)
OUT="$DATA/results/$RUN_ID"
mkdir -p "$OUT"
TSV="$OUT/measurements.tsv"
printf 'tool\tformat\tfiles\twall_s\tpeak_kb\texit\tnote\n' >"$TSV"
NOTES="$OUT/notes.txt"
: >"$NOTES"
addnote() { echo "$*" >>"$NOTES"; note "$*"; }

# measure TOOL FORMAT FILES NOTE -- command...   (stdout/stderr of the command go to a log)
measure() {
  local tool=$1 fmt=$2 files=$3 extra=$4; shift 5
  local walls=() peak=0 rc=0 i tf log w m
  for ((i = 1; i <= REPEAT; i++)); do
    tf=$(mktemp) log="$OUT/$tool-$fmt-$files.out"
    rc=0
    /usr/bin/time -f '%e %M' -o "$tf" "$@" >"$log" 2>"$log.err" || rc=$?
    read -r w m < <(tail -1 "$tf"); rm -f "$tf"
    walls+=("$w"); [ "$m" -gt "$peak" ] && peak=$m
  done
  local med
  med=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$fmt" "$files" "$med" "$peak" "$rc" "$extra" >>"$TSV"
  note "$(printf '%-22s %-4s %7s files: %8ss  peak %6s KB  exit %s' "$tool" "$fmt" "$files" "$med" "$peak" "$rc")"
  echo "$rc"
}

# ---------------------------------------------------------------------------------------------
# Smoke test: every tool must accept a few valid generated files of each format, or the
# benchmark would time error paths.
# ---------------------------------------------------------------------------------------------
SMOKE="$DATA/smoke"
rm -rf "$SMOKE"
python3 bench/generate.py --count 40 --out "$SMOKE/yaml" --format yaml --seed smoke --invalid-share 0 --specs "$SPECS" 2>/dev/null
python3 bench/generate.py --count 40 --out "$SMOKE/json" --format json --seed smoke --invalid-share 0 --specs "$SPECS" 2>/dev/null
for fmt in yaml json; do
  "$CALLSPEC" "${CALLSPEC_ARGS[@]}" "$SMOKE/$fmt" >"$SMOKE/callspec-$fmt.out" 2>&1 \
    || die "callspec reports errors on valid generated $fmt files: see $SMOKE/callspec-$fmt.out"
  "$AJV" "${AJV_ARGS[@]}" -d "$SMOKE/$fmt/*/*.$fmt" >"$SMOKE/ajv-$fmt.out" 2>&1 \
    || die "ajv rejects valid generated $fmt files: see $SMOKE/ajv-$fmt.out"
  grep -q ' valid$' "$SMOKE/ajv-$fmt.out" || die "ajv validated no $fmt file: see $SMOKE/ajv-$fmt.out"
  (cd "$SMOKE/$fmt" && "$ROOT/$CJS" --schemafile "$ROOT/$SCHEMA" */*."$fmt") >"$SMOKE/cjs-$fmt.out" 2>&1 \
    || die "check-jsonschema rejects valid generated $fmt files: see $SMOKE/cjs-$fmt.out"
done
addnote "ajv-cli reads the YAML files itself (js-yaml 3, YAML 1.1): it works on the generated YAML because its dates are quoted; an unquoted date (start: 2025-05-01) would load as a Date and fail the schema's string type."

PARSE_ONLY=0
if "$CALLSPEC" validate --help 2>&1 | grep -q -- '--parse-only'; then
  PARSE_ONLY=1
elif "$CALLSPEC" validate --parse-only --specs "$SPECS" "$SMOKE/yaml" >/dev/null 2>"$SMOKE/parse-only.err"; then
  PARSE_ONLY=1   # the flag exists but is hidden from --help
fi
if [ "$PARSE_ONLY" = 1 ]; then
  addnote "callspec supports 'validate --parse-only': measured as a read-and-parse baseline."
else
  addnote "callspec has no 'validate --parse-only' (probed with --help and a trial run): parse-only baseline skipped."
fi

# ---------------------------------------------------------------------------------------------
# Throughput
# ---------------------------------------------------------------------------------------------
SIZES_DONE=()
for n in $SIZES; do
  ydir=$(gen yaml "$n")
  jdir=$(gen json "$n")
  yavg=$(avg_bytes "$ydir" yaml)
  javg=$(avg_bytes "$jdir" json)
  echo -e "$n\t$yavg\t$javg" >>"$OUT/sizes.tsv"
  SIZES_DONE+=("$n")

  for fmt in yaml json; do
    dir=$ydir; [ "$fmt" = json ] && dir=$jdir
    rc=$(measure callspec "$fmt" "$n" "" -- "$CALLSPEC" "${CALLSPEC_ARGS[@]}" "$dir")
    [ "$rc" -le 1 ] || addnote "callspec exited $rc on $n $fmt files (unusable input?): see $OUT/callspec-$fmt-$n.out"
    addnote "callspec on $n $fmt files: $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = d["summary"]
f = d["files"]
print("%s files checked, %s errors, %s warnings, %s advice" % (len(f) if isinstance(f, list) else f, s["errors"], s["warnings"], s["advice"]))
' "$OUT/callspec-$fmt-$n.out" 2>/dev/null || echo "output not readable as JSON")"
    if [ "$PARSE_ONLY" = 1 ]; then
      measure callspec-parse-only "$fmt" "$n" "" -- "$CALLSPEC" validate --parse-only --specs "$SPECS" --format json --color never "$dir" >/dev/null
    fi
    measure ajv "$fmt" "$n" "" -- "$AJV" "${AJV_ARGS[@]}" -d "$dir/*/*.$fmt" >/dev/null
    if [[ " $CJS_FORMATS " == *" $fmt "* ]]; then
      if [ "$n" -gt 10000 ] && [ "$FULL" != 1 ]; then
        addnote "check-jsonschema skipped at $n $fmt files (slow; FULL=1 runs it)"
      else
        # Relative paths (shorter) and xargs batches of 5000 files per process.
        # xargs exits 123 when some process exited 1 (files with mistakes): reported as 1.
        measure check-jsonschema "$fmt" "$n" "xargs, 5000 files per process" -- bash -c \
          'cd "$1" && find . -name "*.$2" -print0 | sort -z | xargs -0 -n 5000 -s 1000000 "$3" --schemafile "$4"
           rc=$?; [ $rc = 123 ] && exit 1; exit $rc' \
          _ "$dir" "$fmt" "$ROOT/$CJS" "$ROOT/$SCHEMA" >/dev/null
      fi
    fi
  done
done

# ---------------------------------------------------------------------------------------------
# Cold single-file latency (a new process per run; page cache warm)
# ---------------------------------------------------------------------------------------------
first=${SIZES_DONE[0]}
# The first file generated without mistakes.
LAT_FILE="$DATA/yaml-$first/$(awk -F'\t' 'NR > 1 && $4 == "" {print $1; exit}' "$DATA/yaml-$first/manifest.tsv")"
python3 - "$OUT/latency.tsv" "$LAT_FILE" "$LAT_RUNS" "$CALLSPEC" "$ROOT/$AJV" "$ROOT/$CJS" "$ROOT/$SCHEMA" "$SPECS" <<'EOF'
import statistics, subprocess, sys, time
out, f, runs, callspec, ajv, cjs, schema, specs = sys.argv[1:]
runs = int(runs)
cmds = [
    ("callspec", runs, [callspec, "validate", "--specs", specs, "--format", "json", "--color", "never", f]),
    ("ajv", min(runs, 10), [ajv, "validate", "--spec=draft2020", "--allow-union-types", "-c", "ajv-formats",
                            "-c", "./bench/ajv-uint32.js", "-s", schema, "-d", f]),
    ("check-jsonschema", min(runs, 10), [cjs, "--schemafile", schema, f]),
]
with open(out, "w") as o:
    o.write("tool\truns\tmedian_ms\tmin_ms\tp90_ms\n")
    for name, n, cmd in cmds:
        ms = []
        for _ in range(n):
            t = time.perf_counter_ns()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ms.append((time.perf_counter_ns() - t) / 1e6)
        ms.sort()
        o.write("%s\t%d\t%.1f\t%.1f\t%.1f\n" % (name, n, statistics.median(ms), ms[0], ms[min(n - 1, int(n * 0.9))]))
EOF

# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
export CALLSPEC CALLSPEC_VERSION AJV_VERSION AJV_CORE_VERSION CJS_VERSION SPECS SEED INVALID_SHARE REPEAT LAT_FILE
python3 - "$OUT" "$ROOT/bench/results-latest.md" <<'EOF'
import csv, datetime, os, platform, sys
out, md_path = sys.argv[1:]
rows = list(csv.DictReader(open(os.path.join(out, "measurements.tsv")), delimiter="\t"))
lat = list(csv.DictReader(open(os.path.join(out, "latency.tsv")), delimiter="\t"))
sizes = [l.split("\t") for l in open(os.path.join(out, "sizes.tsv")).read().split("\n") if l]
notes = [l for l in open(os.path.join(out, "notes.txt")).read().split("\n") if l]
env = os.environ

rate = {}
for r in rows:
    w = float(r["wall_s"])
    r["rate"] = int(r["files"]) / w if w > 0 else float("inf")
    rate[(r["tool"], r["format"], r["files"])] = r["rate"]

def fmt_rate(x):
    return "%.0f" % x if x >= 100 else "%.1f" % x

table = [("tool", "data", "files", "wall s", "files/s", "peak MB", "exit")]
for r in rows:
    table.append((r["tool"], r["format"], r["files"], "%.2f" % float(r["wall_s"]), fmt_rate(r["rate"]),
                  "%.1f" % (int(r["peak_kb"]) / 1024), r["exit"]))

ratios = [("files", "callspec ÷ ajv (YAML)", "callspec ÷ ajv (JSON)", "callspec ÷ check-jsonschema (YAML)",
           "callspec ÷ check-jsonschema (JSON)", "callspec JSON ÷ YAML")]
def ratio(a, b):
    return "%.1f×" % (a / b) if a and b else "–"
for n, _, _ in sizes:
    g = lambda t, f: rate.get((t, f, n))
    ratios.append((n, ratio(g("callspec", "yaml"), g("ajv", "yaml")), ratio(g("callspec", "json"), g("ajv", "json")),
                   ratio(g("callspec", "yaml"), g("check-jsonschema", "yaml")),
                   ratio(g("callspec", "json"), g("check-jsonschema", "json")),
                   ratio(g("callspec", "json"), g("callspec", "yaml"))))

def text_table(t):
    w = [max(len(str(row[i])) for row in t) for i in range(len(t[0]))]
    lines = []
    for k, row in enumerate(t):
        lines.append("  ".join(str(c).rjust(w[i]) if i else str(c).ljust(w[i]) for i, c in enumerate(row)))
        if k == 0:
            lines.append("  ".join("-" * x for x in w))
    return "\n".join(lines)

def md_table(t):
    lines = ["| " + " | ".join(t[0]) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(t[0]))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in t[1:]]
    return "\n".join(lines)

lat_table = [("tool", "runs", "median ms", "min ms", "p90 ms")] + [
    (l["tool"], l["runs"], l["median_ms"], l["min_ms"], l["p90_ms"]) for l in lat]
size_table = [("files", "avg bytes/file (YAML)", "avg bytes/file (JSON)")] + [tuple(s) for s in sizes]

try:
    cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
except Exception:
    cpu = platform.processor() or "?"
meta = [
    "date: %s" % datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
    "machine: %d cores (%s), %s" % (os.cpu_count() or 0, cpu, platform.platform()),
    "callspec: %s (%s), `validate --specs %s --format json`, output to a file" % (env["CALLSPEC_VERSION"], env["CALLSPEC"], env["SPECS"]),
    "ajv-cli %s (ajv %s) + ajv-formats, draft 2020-12: `ajv validate --spec=draft2020 --allow-union-types -c ajv-formats -c ./bench/ajv-uint32.js -s schemas/application.schema.json -d 'DIR/*/*.EXT'`" % (env["AJV_VERSION"], env["AJV_CORE_VERSION"]),
    "check-jsonschema %s: `find . -name '*.EXT' -print0 | xargs -0 -n 5000 check-jsonschema --schemafile schemas/application.schema.json` (5000 files per process)" % env["CJS_VERSION"],
    "data: bench/generate.py --seed %s --invalid-share %s (all four calls mixed); the same drafts as YAML and as JSON" % (env["SEED"], env["INVALID_SHARE"]),
    "timing: /usr/bin/time -f '%%e %%M' (wall seconds, peak RSS), median of %s run(s), page cache warm" % env["REPEAT"],
    "latency file: %s" % env["LAT_FILE"],
]
report = "\n".join([
    "# callspec benchmark results", "",
    "\n".join("- " + m for m in meta), "",
    "## Throughput", "", md_table(table), "",
    "## Throughput ratios (files/s of callspec ÷ files/s of the other tool, same data)", "", md_table(ratios), "",
    "## Cold single-file latency (new process per run)", "", md_table(lat_table), "",
    "## Generated data", "", md_table(size_table), "",
    "## Notes", "", "\n".join("- " + n for n in notes) or "- none",
    "- ajv and check-jsonschema check structure only (the generic JSON Schema); callspec also applies every rule of the call, and (as they do not) the rules across files.",
    "- ajv and check-jsonschema run on one core; callspec uses one thread per core unless CALLSPEC_JOBS is set.",
    "- check-jsonschema reads YAML with ruamel.yaml's C loader (ruamel.yaml.clib, installed beside it; without it, YAML is about 3× slower).",
    "- ajv needs `--allow-union-types` (the schema has `type: [number, string]` for money); bench/ajv-uint32.js is kept for schemas generated before `format: uint32` was dropped from them.",
    "- decimal amounts are written as strings (\"4.8\") by default; the schema accepts a plain 4.8 too.",
    "- exit 1 is expected where the data holds drafts with mistakes (INVALID_SHARE > 0).", "",
])
open(md_path, "w").write(report)
print()
print(text_table(table))
print()
print(text_table(ratios))
print()
print(text_table(lat_table))
print()
print(text_table(size_table))
print()
for n in notes:
    print("note: " + n)
print()
print("raw results: %s; markdown: %s" % (out, md_path))
EOF
