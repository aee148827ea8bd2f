"""Run by tools/split.sh: trim what wasm-bindgen makes of the main wasm and its JS glue
(issue 14). Both are sent on the start page.

1. Short import names. wasm-bindgen names each import from the glue after its Rust item
   plus a 16-digit hash (`__wbg_new_with_byte_offset_and_length_3cd32055a417f095`), and
   the start page sends every name twice: in the wasm's import section and as a key of the
   glue's import object. Renamed to `a`, `b`, ... (and the module `./<name>_bg.js` to `w`)
   they cost about 2.9 KB less brotli. Only the names change: which function each import
   is stays as wasm-bindgen made it.
2. wasm-streams' classes. Leptos always builds server_fn with its `browser` feature, which
   brings wasm-streams, whose three classes (IntoUnderlyingSource, IntoUnderlyingSink,
   IntoUnderlyingByteSource) are exported from the wasm and the glue whether or not
   anything uses them. Only server functions' streams make them, and the app has none (and
   no code that could: the link-time optimiser has already dropped it), so their exports go
   from the wasm (wasm-opt then drops their code) and their classes from the glue: about
   1.1 KB less brotli.

    python3 tools/trim_glue.py MODULE.wasm GLUE.js MODULE_NAME

MODULE_NAME is the import module the glue provides (`./<name>_bg.js`). Fails, writing
nothing, where the wasm or the glue is not as expected.
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


def section(b, wanted):
    """The section with id `wanted`: (its start, the start of its body, its body's size)."""
    assert b[:8] == b"\0asm\1\0\0\0", "not a wasm module"
    i = 8
    while i < len(b):
        sid, start = b[i], i
        size, body = leb(b, i + 1)
        if sid == wanted:
            return start, body, size
        i = body + size
    sys.exit("trim_glue: the wasm has no section %d" % wanted)


def replace_section(b, wanted, new_body):
    start, body, size = section(b, wanted)
    return b[:start] + bytes([wanted]) + enc(len(new_body)) + bytes(new_body) + b[body + size:]


# wasm-streams' exports: `__wbg_intounderlyingsource_free`, `intounderlyingsink_write`, ...
STREAMS = re.compile(rb"^(__wbg_)?intounderlying(bytesource|sink|source)_")


def drop_streams(b, js):
    """The wasm without wasm-streams' exports, and the glue without their classes."""
    _, body, size = section(b, 7)
    count, j = leb(b, body)
    kept = []
    for _ in range(count):
        entry = j
        name, j = name_of(b, j)
        _, j = leb(b, j + 1)
        if not STREAMS.match(name):
            kept.append(b[entry:j])
    dropped = count - len(kept)
    if dropped == 0:
        sys.exit("trim_glue: the wasm exports none of wasm-streams' classes")
    b = replace_section(b, 7, enc(len(kept)) + b"".join(kept))

    classes = re.compile(
        r"^export class (IntoUnderlying\w+) \{\n.*?^\}\n"
        r"if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n",
        re.S | re.M,
    )
    js, n = classes.subn("", js)
    registries = re.compile(r"^const IntoUnderlying\w+Finalization = .*?;\n", re.S | re.M)
    js, m = registries.subn("", js)
    if n != 3 or m != 3 or "IntoUnderlying" in js or "intounderlying" in js:
        sys.exit("trim_glue: the glue's wasm-streams classes are not as expected (%d, %d)" % (n, m))
    return b, js, dropped


def main(wasm_path, js_path, module):
    b = open(wasm_path, "rb").read()
    js = open(js_path, encoding="utf-8").read()
    b, js, dropped = drop_streams(b, js)
    start, body, size = section(b, 2)

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
            sys.exit("trim_glue: unknown import kind %d" % kind)
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
            sys.exit("trim_glue: the glue names %s elsewhere than as an import" % old)
        pattern = re.compile(r"^(\s+)%s(: function\()" % re.escape(old), re.M)
        js, n = pattern.subn(lambda m: m.group(1) + new + m.group(2), js)
        if n != 1:
            sys.exit("trim_glue: the glue has %s %d times as an import, not once" % (old, n))

    # The module itself, a key of the object that __wbg_get_imports returns.
    js, n = re.subn(r'^(\s+)"%s": ' % re.escape(module), lambda m: m.group(1) + "w: ", js, flags=re.M)
    if n != 1:
        sys.exit("trim_glue: the glue provides %s %d times, not once" % (module, n))

    b = replace_section(b, 2, out)
    open(wasm_path, "wb").write(b)
    open(js_path, "w", encoding="utf-8").write(js)
    print("trim_glue: %d imports renamed, %d exports of wasm-streams dropped" % (len(renamed), dropped))


if __name__ == "__main__":
    main(*sys.argv[1:4])
