//! Host only, never in the wasm: rule files in (`expr`, `compile`), persona files, JSON and
//! text reports, persona cases and the questionnaire walk. The TOML and JSON crates are
//! host-only dependencies, and `lib.rs` compiles this folder only off wasm32.

pub mod cases;
pub mod compile;
pub mod expr;
pub mod persona;
pub mod report;
pub mod walk;
