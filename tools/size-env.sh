# Sourced by ./dev and bench/run before a release Trunk build (never for host builds): the
# size options that bring the first load under 150 KB brotli (issue 7). They need the
# standard library rebuilt from source (rustup's rust-src), and unstable flags, which the
# stable toolchain accepts with RUSTC_BOOTSTRAP=1:
#   -Zbuild-std              std compiled with our MVP target features and the options below
#   -Cpanic=immediate-abort  a panic traps at once: no panic messages or formatting machinery
#   -Zlocation-detail=none   no file/line/column of every possible panic in the wasm
#   -Zfmt-debug=none         `{:?}` prints nothing (the app never shows Debug output)
# Measured: -15 KB brotli on the wasm (157.7 to 142.4 KB). Without this file (a plain
# `trunk build`), the app builds and works the same, only larger. These flags are unstable:
# a new rustc may rename them (1.95 here). toolchain.md's MVP flags stay in
# .cargo/config.toml, and cargo adds these to them.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
