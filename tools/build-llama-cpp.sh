#!/usr/bin/env bash
# Builds llama.cpp's CPU tools (llama-server, llama-bench, llama-perplexity, llama-quantize, llama-imatrix)
# from the sources bundled in the npm package node-llama-cpp (its llama/gitRelease.bundle), caches them
# under ~/.cache/quantbench/llama.cpp-<release>/ and prints the folder that holds the binaries.
# A later call finds the cache and returns at once. Needs npm, git, cmake and g++.
#   tools/build-llama-cpp.sh [NODE_LLAMA_CPP_VERSION]     (default 3.20.0, which bundles b10361)
# The server's web UI is left out (-DLLAMA_BUILD_UI=OFF, no prebuilt download): it needs npm ci and a vite build.
set -euo pipefail
version="${1:-3.20.0}"
cache="${QUANTBENCH_CACHE:-$HOME/.cache/quantbench}"
work="$cache/llama.cpp-src-$version"
mkdir -p "$cache"
# One build at a time: a second caller waits for the first and then finds its cache.
exec 9>"$cache/.llama.cpp-build.lock"
flock 9
if [[ -f "$work/release" ]]; then
  release=$(cat "$work/release")
  bin="$cache/llama.cpp-$release/bin"
  if [[ -x "$bin/llama-server" && -x "$bin/llama-perplexity" && -x "$bin/llama-quantize" && -x "$bin/llama-bench" ]]; then
    echo "$bin"; exit 0
  fi
fi
for tool in npm git cmake g++; do
  command -v "$tool" >/dev/null || { echo "build-llama-cpp: $tool is required" >&2; exit 2; }
done
rm -rf "$work" && mkdir -p "$work"
( cd "$work" && npm pack --silent "node-llama-cpp@$version" >/dev/null && tar xzf "node-llama-cpp-$version.tgz" package/llama )
release=$(sed -n 's/.*"release": *"\([^"]*\)".*/\1/p' "$work/package/llama/binariesGithubRelease.json")
[[ -n "$release" ]] || { echo "build-llama-cpp: no release named in node-llama-cpp@$version" >&2; exit 1; }
git clone -q "$work/package/llama/gitRelease.bundle" "$work/src" 2>/dev/null
build="$work/build"
cmake -S "$work/src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=ON -DBUILD_SHARED_LIBS=OFF \
  -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
  -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF >"$work/cmake.log" 2>&1 \
  || { tail -20 "$work/cmake.log" >&2; exit 1; }
cmake --build "$build" -j "$(nproc)" --target llama-server llama-bench llama-perplexity llama-quantize llama-imatrix \
  >"$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
bin="$cache/llama.cpp-$release/bin"
mkdir -p "$bin"
cp "$build"/bin/llama-{server,bench,perplexity,quantize,imatrix} "$bin/"
echo "$release" > "$work/release"
rm -rf "$work/package" "$work/node-llama-cpp-$version.tgz"
echo "$bin"
