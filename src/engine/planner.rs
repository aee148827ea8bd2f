//! The question planner: which question to ask next.
//!
//! Only questions that can still change some result are candidates: one of their facts is
//! unknown and appears among the facts that would settle a `maybe` relief. Among those, the
//! one that settles the most open measures in force on the date wins, then the most of any
//! date, then the earlier question in the rule files. Measures are weighed by what they are
//! worth to the person: a relief with a figure counts 3, another relief 2, a service
//! commitment 1; and a question that gives the amount of a relief still in play counts 2
//! for it — so that a restaurant is asked its sales before its procurement plans.

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
    /// The weighed score the choice was made on: (in force, any date).
    pub score: (usize, usize),
}

/// What settling a measure is worth to the person (see the module comment).
fn weight(r: &super::eval::ReliefResult) -> usize {
    match (r.relief.kind, r.relief.amount.is_some()) {
        (crate::model::Kind::Service, _) => 1,
        (_, true) => 3,
        (_, false) => 2,
    }
}

/// The next question, or `None` when no answer could change any result (an eligibility or
/// an amount).
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
        // Reliefs still in play whose amount this answer would give.
        let priced: Vec<_> = eval
            .results
            .iter()
            .filter(|r| r.amount_needs(facts).iter().any(|f| q.facts.contains(f)))
            .collect();
        if open_n == 0 && priced.is_empty() {
            continue;
        }
        let in_force = open.iter().filter(settles).filter(|r| r.in_force()).count();
        let score = (
            open.iter()
                .filter(settles)
                .filter(|r| r.in_force())
                .map(|r| weight(r))
                .sum::<usize>()
                + 2 * priced.iter().filter(|r| r.in_force()).count(),
            open.iter()
                .filter(settles)
                .map(|r| weight(r))
                .sum::<usize>()
                + 2 * priced.len(),
        );
        let plan = Plan {
            question: qi,
            in_force,
            open: open_n,
            score,
        };
        if best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(plan);
        }
    }
    best
}
