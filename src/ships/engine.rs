//! The rule engine: facts, three-valued evaluation, amounts, the question planner, the
//! wizard session and its link encoding, and what the results lead with (as data: the
//! words are [`present`](crate::present)'s).
//!
//! Plain Rust over a [`RuleSet`](crate::model::RuleSet): no browser crate, no I/O, no
//! clock (the caller passes `as_of`). It runs the same under `cargo test`, in the `relief`
//! CLI and in the wasm; `tests/tests.rs` (module `tidy`) checks that it stays that way.

pub mod calendar;
pub mod eval;
pub mod facts;
pub mod link;
pub mod planner;
pub mod session;
pub mod summary;

pub use eval::{evaluate, Eligibility, Evaluation, Outcome, ReliefResult, Timing, Tri, Window};
pub use facts::{parse_money, Facts, Value, ValueError};
pub use planner::{next_question, Plan};
pub use session::{Screen, Session};
