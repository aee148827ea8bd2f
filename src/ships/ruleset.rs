//! The rule set compiled from `rules/` by `build.rs` and embedded as postcard bytes.

use std::sync::OnceLock;

use crate::model::RuleSet;

static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ruleset.postcard"));

/// The embedded rule set, decoded once.
pub fn embedded() -> &'static RuleSet {
    static RS: OnceLock<RuleSet> = OnceLock::new();
    // build.rs encoded these bytes from the same types, so decoding cannot fail unless the
    // build is corrupt; an empty rule set keeps the app alive rather than panicking.
    RS.get_or_init(decode_fresh)
}

/// Decode the embedded bytes again (for benchmarks: the app decodes once).
pub fn decode_fresh() -> RuleSet {
    crate::decode::ruleset(BYTES).unwrap_or_else(empty)
}

fn empty() -> RuleSet {
    RuleSet {
        version: "invalid".into(),
        facts: vec![],
        questions: vec![],
        documents: vec![],
        reliefs: vec![],
        offices: vec![],
    }
}

/// Size of the embedded rule set in bytes.
pub fn embedded_size() -> usize {
    BYTES.len()
}
