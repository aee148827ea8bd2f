//! All tests in one binary (ripgrep style): features, not code. Most are data-driven:
//! persona cases in `tests/cases/`, broken rule files in `tests/bad_rules/`, broken persona
//! files in `tests/bad_personas/`, each with the outcome it must produce, and what a persona
//! reads in `tests/snapshots/` (`UPDATE_SNAPSHOTS=1` rewrites those).

mod bad_inputs;
mod catalog;
mod decode;
mod describe;
mod engine;
mod fuzz;
mod growth;
mod history;
mod link;
mod persona_cases;
mod planner;
mod printout;
mod qr;
mod reports;
mod results;
mod snapshots;
mod texts;
mod tidy;
mod walk;
