//! What the person reads: the engine's results turned into view models and words, the same
//! for the Leptos app, the `relief` CLI's text report, `all.html` and the printout.
//!
//! Plain Rust like the engine: no browser crate, no I/O, no clock (today is passed in);
//! `tests/tidy.rs` checks it. The components in `src/app/` are markup over these models:
//! they decide nothing that a test here could not check.
//!
//! - [`catalog`]: every UI string under a typed key ([`catalog::Msg`]).
//! - [`describe`]: conditions, values, amounts, dates, articles and offices in words.
//! - [`results`]: the results screen: its lead, its sections and their order.
//! - [`card`]: one measure's card.
//! - [`question`]: a question screen: the facts and options it offers, what it settles,
//!   and the drafted answers read back as values.
//! - [`header`]: the header's counts, the start screen's and the notices above the screen.
//! - [`printout`]: what a printout holds, and the printout as HTML.
//! - [`kiosk`]: when an idle kiosk warns and when it wipes.
//! - [`texts`]: when the app needs the texts of a language, and the rule set they restore.

pub mod card;
pub mod catalog;
pub mod describe;
pub mod header;
pub mod kiosk;
pub mod printout;
pub mod question;
pub mod results;
pub mod texts;

pub use catalog::{t, tn, Msg};
