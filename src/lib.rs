//! 惠策通 Relief Finder: the rule set and the engine that evaluates it.
//!
//! - [`model`]: the rule set as data.
//! - [`engine`]: evaluation, planner and wizard state; no browser, no I/O.
//! - [`present`]: what the person reads (view models, words, the UI catalog), shared by the
//!   app, the CLI's reports, `all.html` and the printout; no browser, no I/O.
//! - [`ruleset`]: the rule set embedded at build time from `rules/`; [`decode`] reads it.
//! - [`qr`]: QR codes of links (byte mode, level M), for the hand-off to a phone.
//! - host only: [`expr`] and [`compile`] (rule files in), [`persona`] (persona files),
//!   [`report`] (JSON and text reports), [`cases`] (persona cases under `tests/cases`),
//!   [`walk`] (a persona walked through the wizard, for the questionnaire benchmark).

pub mod decode;
pub mod engine;
pub mod model;
pub mod present;
pub mod qr;
pub mod ruleset;

#[cfg(not(target_arch = "wasm32"))]
pub mod cases;
#[cfg(not(target_arch = "wasm32"))]
pub mod compile;
#[cfg(not(target_arch = "wasm32"))]
pub mod expr;
#[cfg(not(target_arch = "wasm32"))]
pub mod persona;
#[cfg(not(target_arch = "wasm32"))]
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod walk;
