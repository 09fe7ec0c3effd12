#!/usr/bin/env python3
"""Prints 'NAME TYPE' for every tensor of a GGUF file, read with the standard library only (no QuantBench, no numpy),
so that tools/quantize-listings.sh records llama-quantize's output independently of QuantBench's own GGUF reader."""
import struct
import sys

# ggml.h enum ggml_type (b10361)
TYPES = {0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0", 9: "Q8_1", 10: "Q2_K", 11: "Q3_K",
         12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 15: "Q8_K", 16: "IQ2_XXS", 17: "IQ2_XS", 18: "IQ3_XXS", 19: "IQ1_S",
         20: "IQ4_NL", 21: "IQ3_S", 22: "IQ2_S", 23: "IQ4_XS", 24: "I8", 25: "I16", 26: "I32", 27: "I64", 28: "F64",
         29: "IQ1_M", 30: "BF16", 34: "TQ1_0", 35: "TQ2_0", 39: "MXFP4", 40: "NVFP4", 41: "Q1_0", 42: "Q2_0"}
# gguf value type -> struct format of fixed-size scalars
SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}


def main(path):
    with open(path, "rb") as f:
        data = f.read(64 << 20)

    pos = 0

    def take(fmt):
        nonlocal pos
        values = struct.unpack_from("<" + fmt, data, pos)
        pos += struct.calcsize("<" + fmt)
        return values[0] if len(values) == 1 else values

    def string():
        nonlocal pos
        n = take("Q")
        text = data[pos:pos + n].decode("utf-8")
        pos += n
        return text

    def skip(kind):
        nonlocal pos
        if kind in SCALARS:
            pos += struct.calcsize("<" + SCALARS[kind])
        elif kind == 8:
            string()
        elif kind == 9:
            inner, count = take("I"), take("Q")
            for _ in range(count):
                skip(inner)
        else:
            raise SystemExit(f"{path}: unknown GGUF value type {kind}")

    if data[:4] != b"GGUF":
        raise SystemExit(f"{path}: not a GGUF file")
    pos = 4
    take("I")  # version
    n_tensors, n_kv = take("Q"), take("Q")
    for _ in range(n_kv):
        string()
        skip(take("I"))
    for _ in range(n_tensors):
        name = string()
        dims = take("I")
        pos += 8 * dims
        kind = take("I")
        take("Q")  # offset
        print(name, TYPES.get(kind, f"type{kind}"))


if __name__ == "__main__":
    main(sys.argv[1])
