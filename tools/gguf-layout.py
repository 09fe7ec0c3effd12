#!/usr/bin/env python3
"""Prints a GGUF file's layout as JSON: every metadata key with its type (and its value when it is a
scalar or a string), and every tensor's name, type, offset and shape. Used once to record the layout of
an independent reference model (tests/data/reference/ref-tiny-f32.layout.json), so that the unit tests
can check that `quantbench synth` writes the same layout without the model file itself.
    tools/gguf-layout.py MODEL.gguf > layout.json"""
import json, struct, sys

VALUE_TYPES = ["UInt8", "Int8", "UInt16", "Int16", "UInt32", "Int32", "Float32", "Bool", "String", "Array",
               "UInt64", "Int64", "Float64"]
SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}
GGML_TYPES = {0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0", 10: "Q2_K", 11: "Q3_K",
              12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 30: "BF16"}


def main(path):
    with open(path, "rb") as f:
        data = f.read(1 << 20)
    pos = 0

    def take(fmt):
        nonlocal pos
        value = struct.unpack_from(fmt, data, pos)
        pos += struct.calcsize(fmt)
        return value[0]

    def text():
        nonlocal pos
        n = take("<Q")
        value = data[pos:pos + n].decode("utf-8")
        pos += n
        return value

    def value(kind):
        if kind == 8:
            return text()
        if kind == 9:
            element, count = take("<I"), take("<Q")
            return element, [value(element) for _ in range(count)]
        return take(SCALARS[kind])

    assert data[:4] == b"GGUF", "not a GGUF file"
    pos = 4
    version, tensor_count, metadata_count = take("<I"), take("<Q"), take("<Q")
    metadata = []
    for _ in range(metadata_count):
        key, kind = text(), take("<I")
        v = value(kind)
        entry = {"key": key, "type": VALUE_TYPES[kind]}
        if kind == 9:
            entry["element_type"] = VALUE_TYPES[v[0]]
            entry["length"] = len(v[1])
        else:
            entry["value"] = v
        metadata.append(entry)
    tensors = []
    for _ in range(tensor_count):
        name, dims = text(), take("<I")
        shape = [take("<Q") for _ in range(dims)]
        kind, offset = take("<I"), take("<Q")
        tensors.append({"name": name, "type": GGML_TYPES.get(kind, str(kind)), "offset": offset, "dimensions": shape})
    alignment = next((m["value"] for m in metadata if m["key"] == "general.alignment"), 32)
    data_offset = (pos + alignment - 1) // alignment * alignment
    with open(path, "rb") as f:
        file_bytes = f.seek(0, 2)
    json.dump({"version": version, "file_bytes": file_bytes, "data_offset": data_offset, "metadata": metadata,
               "tensors": tensors}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
