#!/usr/bin/env bash
# Regenerates tests/data/reference/: the reference models made by QuantBench itself (the synthetic generator
# from a fixed preset and seed, then the bundled llama.cpp quantizer), their SHA-256 pins, and llama.cpp's
# own figures on exactly those files: llama-perplexity's PPL on Alice in Wonderland, its KL divergence and
# same-top share of each quantization against the F32 base, and llama-bench's rates.
#   tools/make-reference-fixture.sh [LLAMA_CPP_BIN_DIR]
# Default tools: tools/build-llama-cpp.sh's build (node-llama-cpp's bundled sources; release recorded).
# The models are not committed: the tests make them again and check them against the pins.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="${1:-$("$root/tools/build-llama-cpp.sh")}"
out="$root/tests/data/reference"
text="$root/tests/data/text/alice_in_wonderland.txt"
preset=tiny seed=7 types=q8_0,q6_k,q4_k_m,q4_0,q2_k threads=2 ctx=128
# The first 128 chunks of 128 tokens: QuantBench's default quality budget (16,384 tokens) at that context,
# and a quarter of the text, which keeps the agreement tests short.
chunks=128
kld_types="Q8_0 Q4_0 Q2_K" # the types the agreement tests compare
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in llama-perplexity llama-bench; do
  [[ -x "$bin/$tool" ]] || { echo "make-reference-fixture: no $tool in $bin" >&2; exit 2; }
done
command -v jq >/dev/null || { echo "make-reference-fixture: jq is required" >&2; exit 2; }
release=$(basename "$(dirname "$bin")"); release=${release#llama.cpp-}

# 1. The models, by QuantBench's own synth and quantize commands.
# Debug, as `dotnet test` builds it: the files must be those the tests make.
dotnet build "$root/src/QuantBench.Cli" -c Debug -nologo -v q >/dev/null
cli=(dotnet "$root/src/QuantBench.Cli/bin/Debug/net10.0/linux-x64/QuantBench.Cli.dll")
synth_cmd="quantbench synth --preset $preset --seed $seed -o tiny-F32.gguf"
quantize_cmd="quantbench quantize tiny-F32.gguf --types $types -t $threads"
(cd "$work" && "${cli[@]}" ${synth_cmd#quantbench } >/dev/null && "${cli[@]}" ${quantize_cmd#quantbench } >/dev/null)
files=(tiny-F32.gguf)
for t in ${types//,/ }; do files+=("tiny-${t^^}.gguf"); done
llamasharp=$(sed -n 's/.*<LLamaSharpVersion>\(.*\)<\/LLamaSharpVersion>.*/\1/p' "$root/Directory.Packages.props")
bundled=$(grep -rhoE 'BundledBuild = "b[0-9]+"' "$root/src" | grep -oE 'b[0-9]+' | head -1)

# 2. llama.cpp's figures on those files, in the folder that holds them (file names as printed).
mkdir -p "$out/llama.cpp"
ppl_cmd="llama-perplexity -m tiny-F32.gguf -f alice_in_wonderland.txt -c $ctx --chunks $chunks -t $threads --kl-divergence-base tiny-F32.kld"
cp "$text" "$work/alice_in_wonderland.txt"
# llama.cpp's log lines begin with a time stamp and a level ("0.02.383.739 I "): dropped from what is kept.
plain() { sed -E 's/^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+ [A-Z] //' "$1"; }
# Runs one llama.cpp command in $work into LOG until LOG holds PATTERN: on a busy machine llama.cpp's
# asynchronous logger was seen to lose its last lines (the final estimate) once.
run_until() {
  local log=$1 pattern=$2 cmd=$3 try
  for try in 1 2 3; do
    (cd "$work" && "$bin/${cmd%% *}" ${cmd#* } >"$log" 2>&1) || { tail -20 "$work/$log" >&2; exit 1; }
    grep -qE "$pattern" "$work/$log" && return 0
    echo "make-reference-fixture: no '$pattern' in the output of $cmd (try $try)" >&2
  done
  exit 1
}
run_until ppl.log 'Final estimate: PPL' "$ppl_cmd"
{ grep -oE 'perplexity: calculating perplexity over [0-9]+ chunks, n_ctx=[0-9]+' "$work/ppl.log"
  grep -oE 'Final estimate: PPL = [0-9.]+ \+/- [0-9.]+' "$work/ppl.log"; } >"$out/llama.cpp/ppl-tiny-F32.txt"
commands=$(jq -n --arg p "$ppl_cmd" '{"ppl-tiny-F32.txt": $p}')
rm -f "$out"/llama.cpp/kld-tiny-*.txt
for t in $kld_types; do
  f="tiny-$t.gguf"
  kld_cmd="llama-perplexity -m $f -c $ctx --chunks $chunks -t $threads --kl-divergence-base tiny-F32.kld --kl-divergence"
  run_until "kld-$t.log" 'Same top p' "$kld_cmd"
  plain "$work/kld-$t.log" | sed -n '/^====== Perplexity statistics ======/,/^Same top p/p' >"$out/llama.cpp/kld-tiny-$t.txt"
  commands=$(jq --arg k "kld-tiny-$t.txt" --arg v "$kld_cmd" '. + {($k): $v}' <<<"$commands")
done
bench_cmd="llama-bench $(printf -- '-m %s ' "${files[@]}")-p 128 -n 64 -r 5 -t $threads -o json"
(cd "$work" && "$bin/${bench_cmd%% *}" ${bench_cmd#* } >"$out/llama.cpp/llama-bench-tiny.json" 2>bench.log) \
  || { tail -20 "$work/bench.log" >&2; exit 1; }
commands=$(jq --arg k "llama-bench-tiny.json" --arg v "$bench_cmd" '. + {($k): $v}' <<<"$commands")

# 3. The fixture: how the files were made, their pins, and where the figures came from.
models=$(for f in "${files[@]}"; do
  t=${f#tiny-}; t=${t%.gguf}
  jq -n --arg f "$f" --arg t "$t" --argjson b "$(stat -c %s "$work/$f")" --arg h "$(sha256sum "$work/$f" | cut -d' ' -f1)" \
    '{file: $f, type: $t, bytes: $b, sha256: $h}'
done | jq -s .)
jq -n --arg preset "$preset" --argjson seed "$seed" --arg quantizer "LLamaSharp $llamasharp (llama.cpp $bundled)" \
  --arg synth "$synth_cmd" --arg quantize "$quantize_cmd" --argjson models "$models" --arg release "$release" \
  --arg commit "$(jq -r '.[0].build_commit' "$out/llama.cpp/llama-bench-tiny.json")" \
  --arg cpu "$(jq -r '.[0].cpu_info' "$out/llama.cpp/llama-bench-tiny.json")" \
  --arg made "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --argjson commands "$commands" \
  '{preset: $preset, seed: $seed, quantizer: $quantizer, generated_by: [$synth, $quantize], models: $models,
    llama_cpp_release: $release, llama_cpp_build: ("tools/build-llama-cpp.sh (node-llama-cpp bundled sources), commit " + $commit + ", CPU, GGML_NATIVE"),
    cpu: $cpu, made: $made, text: "alice_in_wonderland.txt", figures: $commands}' >"$out/reference.json"
echo "wrote $out/reference.json and $out/llama.cpp/ (llama.cpp $release)"
