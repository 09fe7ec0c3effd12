#!/usr/bin/env bash
# Writes tests/data/quantize/<preset>.txt, the fixture QuantBench's quantizer is checked against: for each odd-shape
# synthetic model (quantbench synth --preset P --seed 42: odd576, odd96, odd64) and each level llama-quantize lists for
# CPU, what llama.cpp's own llama-quantize (built by tools/build-llama-cpp.sh, b10361) made of it:
#   LEVEL sha256 HEX          the output file's SHA-256
#   LEVEL TENSOR TYPE         every tensor's type (read by tools/gguf-tensor-types.py, not by QuantBench)
#   LEVEL failed: LINE        llama-quantize refused the level (its last error line)
#   tools/quantize-listings.sh [PRESET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$("$root/tools/build-llama-cpp.sh")
release=$(basename "$(dirname "$bin")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build "$root/src/QuantBench.Cli" -c Release -o "$work/qb" >"$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
levels="F16 BF16 Q8_0 Q4_0 Q4_1 Q5_0 Q5_1 Q2_K Q2_K_S Q3_K_S Q3_K_M Q3_K_L Q4_K_S Q4_K_M Q5_K_S Q5_K_M Q6_K
        IQ1_S IQ1_M IQ2_XXS IQ2_XS IQ2_S IQ2_M IQ3_XXS IQ3_XS IQ3_S IQ3_M IQ4_NL IQ4_XS TQ1_0 TQ2_0 MXFP4_MOE"
presets=("$@")
[[ ${#presets[@]} -gt 0 ]] || presets=(odd576 odd96 odd64)
mkdir -p "$root/tests/data/quantize"
for preset in "${presets[@]}"; do
  base="$work/$preset-F32.gguf"
  dotnet "$work/qb/QuantBench.Cli.dll" synth --preset "$preset" --seed 42 -o "$base" >/dev/null
  out="$root/tests/data/quantize/$preset.txt"
  {
    echo "# llama-quantize ($release) on quantbench synth --preset $preset --seed 42 (base SHA-256 $(sha256sum "$base" | cut -d' ' -f1))"
    echo "# made by tools/quantize-listings.sh; llama-quantize BASE OUT LEVEL 2 (two threads, no options)"
    for level in $levels; do
      file="$work/$preset-$level.gguf"
      if "$bin/llama-quantize" "$base" "$file" "$level" 2 >"$work/log" 2>&1; then
        echo "$level sha256 $(sha256sum "$file" | cut -d' ' -f1)"
        python3 "$root/tools/gguf-tensor-types.py" "$file" | sed "s/^/$level /"
        rm -f "$file"
      else
        why=$(grep -E "error|failed|exception|ERROR" "$work/log" | grep -v "failed to quantize model" | tail -1 | tr -s ' ' | cut -c1-200)
        echo "$level failed: ${why:-exit code $?}"
      fi
    done
  } >"$out"
  echo "$out"
done
