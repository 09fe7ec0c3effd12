#!/usr/bin/env bash
# Side-by-side check of QuantBench's pp/tg rates against llama-bench on the same llama.cpp build:
# llama-bench and `quantbench run --llama-lib` take turns on each model, round after round, so that drift in
# the machine's speed falls on both alike. Prints one line per round and the median ratio per model and test.
#
#   tools/llama-bench-alternation.sh LLAMA_BUILD_BIN ROUNDS THREADS MODEL...
#
# LLAMA_BUILD_BIN holds llama-bench and a libllama.so with LLamaSharp 0.30.0's interface (docs/how-it-works.md,
# "Agreement with llama.cpp's own tools", says how such a build was made). Needs python3 to read the JSON.
# Tests: pp128 (QuantBench -p 128) and tg64 at depth 0 (QuantBench -p 1 -n 65: 64 timed decode steps).
set -euo pipefail
bin=$1; rounds=$2; threads=$3; shift 3
root=$(cd "$(dirname "$0")/.." && pwd)
cli="$root/src/QuantBench.Cli/bin/Release/net10.0/linux-x64/QuantBench.Cli.dll"
[ -f "$cli" ] || dotnet build "$root/src/QuantBench.Cli" -c Release >/dev/null
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
reps=5
for model in "$@"; do
  for round in $(seq 1 "$rounds"); do
    "$bin/llama-bench" -m "$model" -t "$threads" -r "$reps" -p 128 -n 64 -o json > "$work/lb.json" 2>/dev/null
    for shape in "128 2" "1 65"; do
      read -r prompt gen <<< "$shape"
      rm -rf "$work/qb"
      dotnet "$cli" run "$model" --llama-lib "$bin" --scenarios latency -t "$threads" -p "$prompt" -n "$gen" \
        --no-bandwidth -o "$work/qb" > /dev/null
      cp "$work/qb/llama-bench.json" "$work/qb-$prompt.json"
    done
    python3 - "$model" "$round" "$work" <<'PY' | tee -a "$work/rounds.txt"
import json, os, sys
model, rnd, work = sys.argv[1], sys.argv[2], sys.argv[3]
lb = {('pp' if t['n_gen'] == 0 else 'tg'): t['avg_ts'] for t in json.load(open(os.path.join(work, 'lb.json')))}
qb = {'pp': next(t['avg_ts'] for t in json.load(open(os.path.join(work, 'qb-128.json'))) if t['n_gen'] == 0),
      'tg': next(t['avg_ts'] for t in json.load(open(os.path.join(work, 'qb-1.json'))) if t['n_gen'] != 0)}
for test in ('pp', 'tg'):
    print(f"{os.path.basename(model)}\t{rnd}\t{test}\t{lb[test]:.1f}\t{qb[test]:.1f}\t{qb[test] / lb[test]:.3f}")
PY
  done
done
python3 - "$work/rounds.txt" <<'PY'
import statistics, sys
rows = [line.split('\t') for line in open(sys.argv[1]).read().splitlines()]
print('\nmodel\ttest\tllama-bench t/s (median)\tQuantBench t/s (median)\tratio (median of rounds)\tratio range')
for key in dict.fromkeys((r[0], r[2]) for r in rows):
    sel = [r for r in rows if (r[0], r[2]) == key]
    ratios = [float(r[5]) for r in sel]
    print(f"{key[0]}\t{'pp128' if key[1] == 'pp' else 'tg64'}\t{statistics.median(float(r[3]) for r in sel):.1f}\t"
          f"{statistics.median(float(r[4]) for r in sel):.1f}\t{statistics.median(ratios):.3f}\t{min(ratios):.3f}-{max(ratios):.3f}")
PY
