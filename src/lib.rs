//! 惠策通 Relief Finder: the rule set and the engine that evaluates it. The folders say
//! which side of the wasm boundary a file is on: `src/ships/` ships in the wasm (and runs
//! on the host too), `src/host/` never does, `src/app/` is the browser app (the wasm binary,
//! `src/main.rs`) and `src/bin/` the native CLI. The modules are re-exported here by name.
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

pub mod ships;
pub use ships::{decode, engine, model, present, qr, ruleset};

#[cfg(not(target_arch = "wasm32"))]
pub mod host;
#[cfg(not(target_arch = "wasm32"))]
pub use host::{cases, compile, expr, persona, report, walk};
