//! The question planner: which question to ask next.
//!
//! Only questions that can still change some result are candidates: one of their facts is
//! unknown and appears among the facts that would settle a `maybe` relief. Among those, the
//! one that settles the most reliefs in force on the date wins, then the most reliefs of
//! any date, then the earlier question in the rule files.

use std::collections::BTreeSet;

use super::eval::{eval_cond, Eligibility, Evaluation, Tri};
use super::facts::Facts;
use crate::model::RuleSet;

/// The planner's choice and its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Index into [`RuleSet::questions`].
    pub question: usize,
    /// Open reliefs in force on the date that the answer can settle.
    pub in_force: usize,
    /// Open reliefs of any date that the answer can settle.
    pub open: usize,
}

/// The next question, or `None` when no answer could change any result.
/// `asked` holds questions already answered or skipped ("not sure").
pub fn next_question(
    rs: &RuleSet,
    facts: &Facts,
    asked: &BTreeSet<usize>,
    eval: &Evaluation,
) -> Option<Plan> {
    let open: Vec<_> = eval
        .results
        .iter()
        .filter(|r| r.eligibility == Eligibility::Maybe)
        .collect();
    let mut best: Option<Plan> = None;
    for (qi, q) in rs.questions.iter().enumerate() {
        if asked.contains(&qi) || q.facts.iter().all(|f| facts.get(*f).is_some()) {
            continue;
        }
        if q.ask_if
            .as_ref()
            .is_some_and(|c| eval_cond(c, facts, eval.as_of).tri == Tri::False)
        {
            continue;
        }
        let settles =
            |r: &&&super::eval::ReliefResult| r.outcome.unknown.iter().any(|f| q.facts.contains(f));
        let open_n = open.iter().filter(settles).count();
        if open_n == 0 {
            continue;
        }
        let in_force = open.iter().filter(settles).filter(|r| r.in_force()).count();
        let plan = Plan {
            question: qi,
            in_force,
            open: open_n,
        };
        if best
            .as_ref()
            .is_none_or(|b| (in_force, open_n) > (b.in_force, b.open))
        {
            best = Some(plan);
        }
    }
    best
}
