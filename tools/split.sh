#!/usr/bin/env bash
# Run by tools/post_build.sh: split the app's wasm in two (issue 14). What only the split
# points of src/app/lazy.rs reach (the results, the printout, the kiosk dock) goes into
# rest-<hash>.wasm, fetched once the person leaves the start screen; the start page and the
# questions load the rest of it, the main wasm.
#
# Trunk has built the wasm (with --emit-relocs, .cargo/config.toml), run wasm-bindgen on it
# and staged relief-finder-<hash>.js and _bg.wasm. A split must happen before wasm-bindgen
# (it needs the linker's relocations), so this starts again from cargo's output:
#   wasm-split-cli   main module + split_rest.wasm + __wasm_split.js (the chunk's loader)
#   wasm-bindgen     the main module, keeping the linker's exports that the chunk imports
#   trim_glue.py     short names for the imports from wasm-bindgen's glue, and no
#                    wasm-streams classes (nothing here makes a stream)
#   wasm-opt         both modules, with the MVP features old engines need (release only;
#                    Trunk's own wasm-opt is off, data-wasm-opt="0" in index.html)
# and replaces the staged pair under the same names. The chunk and its loader are named by
# their content hash. The loader's fetch reads the bytes whole (any MIME type, as a kiosk's
# file server may send) rather than instantiateStreaming.
set -euo pipefail
stage="${TRUNK_STAGING_DIR:?run by trunk}"
profile="${TRUNK_PROFILE:-debug}"
cd "$(dirname "$0")/.."

js=$(cd "$stage" && ls relief-finder-*.js | grep -v '_split' | head -n1)
name="${js%.js}"
input="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/relief-finder.wasm"
[ -f "$input" ] || { echo "split.sh: no $input" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-split-cli "$input" "$work" --out-name "$name"
[ -f "$work/split_rest.wasm" ] || { echo "split.sh: wasm-split made no rest chunk" >&2; exit 1; }
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-name "$name" \
  --out-dir "$work/bg" "$work/$name.wasm"
# Short names for the imports from the glue; wasm-streams' unused classes out.
python3 tools/trim_glue.py "$work/bg/${name}_bg.wasm" "$work/bg/$name.js" "./${name}_bg.js"

opt() {
  if [ "$profile" = release ]; then
    wasm-opt -Os --mvp-features --enable-mutable-globals --low-memory-unused --converge "$1" -o "$2"
  else
    cp "$1" "$2"
  fi
}
opt "$work/bg/${name}_bg.wasm" "$stage/${name}_bg.wasm"
opt "$work/split_rest.wasm" "$work/rest.wasm"
rest="rest-$(sha256sum "$work/rest.wasm" | cut -c1-16).wasm"
mv "$work/rest.wasm" "$stage/$rest"

python3 - "$work/__wasm_split.js" "$rest" <<'PY'
import sys
path, rest = sys.argv[1], sys.argv[2]
js = open(path, encoding="utf-8").read()
for old, new in [
    ('"./split_rest.wasm"', '"./%s"' % rest),
    ("WebAssembly.instantiateStreaming(src, imports)",
     "src.then((r) => { if (!r.ok) throw new Error(r.status); return r.arrayBuffer(); })"
     ".then((b) => WebAssembly.instantiate(b, imports))"),
]:
    if js.count(old) != 1:
        sys.exit("split.sh: the loader of wasm-split changed: %s" % old)
    js = js.replace(old, new)
open(path, "w", encoding="utf-8").write(js)
PY
loader="split-$(sha256sum "$work/__wasm_split.js" | cut -c1-16).js"
mv "$work/__wasm_split.js" "$stage/$loader"
# The glue imports the loader by the wasm's import module name; only the file it comes
# from is renamed (the import object keeps the key the wasm asks for).
sed "s|from \"./__wasm_split.js\"|from \"./$loader\"|" "$work/bg/$name.js" > "$stage/$js"
grep -q "from \"./$loader\"" "$stage/$js" || { echo "split.sh: the glue does not import the loader" >&2; exit 1; }

# boot.js preloads the main wasm and the chunk for a link that opens past the start screen.
sed -i -e "s|__REST_WASM__|$rest|" -e "s|__MAIN_WASM__|${name}_bg.wasm|" "$stage/static/boot.js"
grep -q "'$rest'" "$stage/static/boot.js" || { echo "split.sh: boot.js does not name $rest" >&2; exit 1; }
grep -q "'${name}_bg.wasm'" "$stage/static/boot.js" || { echo "split.sh: boot.js does not name ${name}_bg.wasm" >&2; exit 1; }
echo "split.sh: $name: main $(stat -c %s "$stage/${name}_bg.wasm") bytes, $rest $(stat -c %s "$stage/$rest") bytes"
