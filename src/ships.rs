//! What ships in the wasm, in plain Rust (no browser crate, no I/O): the rule set's model
//! and wire format, the embedded rule set, the engine, the presentation layer and the QR
//! encoder. The native CLI and the tests use the same code. `tests/tidy.rs` checks the
//! folder as a whole.

pub mod decode;
pub mod engine;
pub mod model;
pub mod present;
pub mod qr;
pub mod ruleset;
