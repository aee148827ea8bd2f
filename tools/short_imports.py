"""Run by tools/split.sh: give the main wasm's imports from wasm-bindgen's JS glue short
names, in the wasm and in the glue alike (issue 14).

wasm-bindgen names each import after its Rust item plus a 16-digit hash
(`__wbg_new_with_byte_offset_and_length_3cd32055a417f095`), and the start page sends every
name twice: in the wasm's import section and as a key of the glue's import object. Renamed
to `a`, `b`, ... (and the module `./<name>_bg.js` to `w`) they cost about 3 KB less
brotli. Only the names change: which function each import is stays as wasm-bindgen made it.

    python3 tools/short_imports.py MODULE.wasm GLUE.js MODULE_NAME

MODULE_NAME is the import module the glue provides (`./<name>_bg.js`). Fails, changing
nothing, if the glue does not hold each import exactly once as a key of that object.
"""
import re
import string
import sys


def leb(b, i):
    """An unsigned LEB128 at b[i]: (value, index after it)."""
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def enc(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def name_of(b, i):
    n, i = leb(b, i)
    return b[i:i + n], i + n


def limits(b, i):
    flag = b[i]
    _, i = leb(b, i + 1)
    if flag & 1:
        _, i = leb(b, i)
    return i


def short_names():
    """a … z, A … Z, then two characters: never `__proto__` or a name the glue has."""
    first = string.ascii_letters
    for c in first:
        yield c
    for c in first:
        for d in first + string.digits:
            yield c + d


def main(wasm_path, js_path, module):
    b = open(wasm_path, "rb").read()
    js = open(js_path, encoding="utf-8").read()
    assert b[:8] == b"\0asm\1\0\0\0", "not a wasm module"
    i = 8
    while i < len(b):
        sid, start = b[i], i
        size, body = leb(b, i + 1)
        if sid == 2:
            break
        i = body + size
    else:
        sys.exit("short_imports: the wasm has no import section")

    count, j = leb(b, body)
    out = bytearray(enc(count))
    renamed = {}
    names = short_names()
    for _ in range(count):
        mod, j = name_of(b, j)
        field, j = name_of(b, j)
        kind, k = b[j], j + 1
        if kind == 0:
            _, k = leb(b, k)
        elif kind == 1:
            k = limits(b, k + 1)
        elif kind == 2:
            k = limits(b, k)
        elif kind == 3:
            k += 2
        else:
            sys.exit("short_imports: unknown import kind %d" % kind)
        if mod.decode() == module:
            mod = b"w"
            if kind == 0:
                new = next(names)
                renamed[field.decode()] = new
                field = new.encode()
        out += enc(len(mod)) + mod + enc(len(field)) + field + b[j:k]
        j = k
    assert j == body + size, "the import section did not end where it said"

    # The glue's import object: one `        NAME: function(` line per import.
    for old, new in renamed.items():
        if len(re.findall(r"\b%s\b" % re.escape(old), js)) != 1:
            sys.exit("short_imports: the glue names %s elsewhere than as an import" % old)
        pattern = re.compile(r"^(\s+)%s(: function\()" % re.escape(old), re.M)
        js, n = pattern.subn(lambda m: m.group(1) + new + m.group(2), js)
        if n != 1:
            sys.exit("short_imports: the glue has %s %d times as an import, not once" % (old, n))

    # The module itself, a key of the object that __wbg_get_imports returns.
    js, n = re.subn(r'^(\s+)"%s": ' % re.escape(module), lambda m: m.group(1) + "w: ", js, flags=re.M)
    if n != 1:
        sys.exit("short_imports: the glue provides %s %d times, not once" % (module, n))

    section = bytes([2]) + enc(len(out)) + bytes(out)
    b = b[:start] + section + b[body + size:]
    open(wasm_path, "wb").write(b)
    open(js_path, "w", encoding="utf-8").write(js)
    print("short_imports: %d imports renamed" % len(renamed))


if __name__ == "__main__":
    main(*sys.argv[1:4])
