//! The question planner: which screen to put next, what it offers, and about how many remain.
//!
//! The planner works for the date the person chose. A measure that is not in force on that
//! date is shown as ended (or not yet started) with what the answers say of it, but no
//! question is asked for its sake: a question is a candidate only if one of the facts it
//! offers is unknown and would settle an open measure in force on the date, or give the
//! amount of one still in play. Its `ask_if` must hold (not merely be unknown), so a detail
//! is asked only once its gate is answered and a business question only once the person
//! said they ask for a business.
//!
//! A question with several yes/no facts is one screen of tick boxes; it offers only the facts
//! that matter now, and an unticked box is a "no". Among the candidates, the one that settles
//! the most wins, measures weighed by what they are worth to the person: a relief with a
//! figure counts 3, another relief 2, a service commitment 1, and giving the amount of a
//! relief still in play counts 2. Ties go to the question written first in the rule files.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::eval::{eval_cond, evaluate, Eligibility, Evaluation, ReliefResult, Tri};
use super::facts::{Facts, Value};
use crate::model::{FactIx, FactType, Kind, Question, RuleSet};

/// The planner's choice and what it rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Index into [`RuleSet::questions`].
    pub question: usize,
    /// The facts the screen offers: for a group of yes/no facts, those that matter now.
    pub offer: Vec<FactIx>,
    /// Open measures in force on the date that the answer can settle, by category id, in
    /// the order of the rule files (e.g. `[("tax", 2), ("employment", 1)]`).
    pub stakes: Vec<(String, usize)>,
    /// The weighed score the choice was made on.
    pub score: usize,
}

/// The measures an answer could still change on the date.
struct Relevance<'e, 'r> {
    /// Open (maybe) measures in force, each with the facts that could settle it: its
    /// unknown facts and, for one whose gate (`requires`) is itself unknown, the gate's.
    open: Vec<(&'e ReliefResult<'r>, Vec<FactIx>)>,
    /// Measures in force and still in play whose amount an answer would give, with the facts
    /// the amount needs.
    priced: Vec<(&'e ReliefResult<'r>, Vec<FactIx>)>,
}

impl<'e, 'r> Relevance<'e, 'r> {
    fn new(rs: &RuleSet, facts: &Facts, eval: &'e Evaluation<'r>) -> Self {
        let with_gates = |mut needs: Vec<FactIx>| {
            let mut i = 0;
            while i < needs.len() {
                let f = needs[i];
                if let Some(gate) = rs.fact(f).requires.as_ref() {
                    let o = eval_cond(gate, facts, eval.as_of);
                    if o.tri == Tri::Unknown {
                        for g in o.unknown {
                            if !needs.contains(&g) {
                                needs.push(g);
                            }
                        }
                    }
                }
                i += 1;
            }
            needs
        };
        Relevance {
            open: eval
                .results
                .iter()
                .filter(|r| r.eligibility == Eligibility::Maybe && r.in_force())
                .map(|r| (r, with_gates(r.outcome.unknown.clone())))
                .collect(),
            priced: eval
                .results
                .iter()
                .filter(|r| r.in_force() && r.eligibility != Eligibility::Ineligible)
                .map(|r| (r, with_gates(r.amount_needs(facts))))
                .filter(|(_, needs)| !needs.is_empty())
                .collect(),
        }
    }

    /// The open measures that an answer offering `offer` could settle.
    fn settles(&self, offer: &[FactIx]) -> Vec<&'e ReliefResult<'r>> {
        self.open
            .iter()
            .filter(|(_, n)| n.iter().any(|f| offer.contains(f)))
            .map(|(r, _)| *r)
            .collect()
    }

    /// Whether knowing `f` could change a result on the date.
    fn needed(&self, facts: &Facts, f: FactIx) -> bool {
        !facts.is_settled(f)
            && (self.open.iter().any(|(_, n)| n.contains(&f))
                || self.priced.iter().any(|(_, n)| n.contains(&f)))
    }
}

/// Whether fact `f` may be put on the screen of question `q`: its gate holds, or is still
/// open but answered on the same screen (the detail then shows once its box is ticked).
fn gate_open(rs: &RuleSet, facts: &Facts, as_of: NaiveDate, q: &Question, f: FactIx) -> bool {
    match rs
        .fact(f)
        .requires
        .as_ref()
        .map(|c| eval_cond(c, facts, as_of))
    {
        None => true,
        Some(o) => match o.tri {
            Tri::True => true,
            Tri::False => false,
            Tri::Unknown => q.facts.len() > 1 && o.unknown.iter().all(|g| q.facts.contains(g)),
        },
    }
}

/// The facts of `q` that the planner would put on screen now.
fn offered(
    rs: &RuleSet,
    facts: &Facts,
    rel: &Relevance,
    as_of: NaiveDate,
    q: &Question,
) -> Vec<FactIx> {
    q.facts
        .iter()
        .copied()
        .filter(|f| rel.needed(facts, *f) && gate_open(rs, facts, as_of, q, *f))
        .collect()
}

/// The facts question `q` puts on screen: on a screen of several facts, those already
/// answered (to change them) and those that can still change a result on the date; if none
/// can (a person editing an answer from the results), every one that exists for the person.
/// A question of one fact shows it.
pub fn offer(rs: &RuleSet, facts: &Facts, eval: &Evaluation, q: usize) -> Vec<FactIx> {
    let question = &rs.questions[q];
    if question.facts.len() == 1 {
        return question.facts.clone();
    }
    let rel = Relevance::new(rs, facts, eval);
    let now = offered(rs, facts, &rel, eval.as_of, question);
    if now.is_empty() {
        return question
            .facts
            .iter()
            .copied()
            .filter(|f| !facts.is_absent(*f) && gate_open(rs, facts, eval.as_of, question, *f))
            .collect();
    }
    question
        .facts
        .iter()
        .copied()
        .filter(|f| facts.get(*f).is_some() || now.contains(f))
        .collect()
}

/// What an answer to question `q` can settle: the open measures in force on the date, by
/// category id, in the order of the rule files (see [`Plan::stakes`]). The same count the
/// planner chose its question by, for the question on screen, whichever way it came there.
pub fn stakes(rs: &RuleSet, facts: &Facts, eval: &Evaluation, q: usize) -> Vec<(String, usize)> {
    let mut settled = facts.clone();
    super::eval::settle(rs, &mut settled, eval.as_of);
    let rel = Relevance::new(rs, &settled, eval);
    let offer = offered(rs, &settled, &rel, eval.as_of, &rs.questions[q]);
    by_category(&rel.settles(&offer))
}

/// Measures counted by category, in the order they come.
fn by_category(settled: &[&ReliefResult]) -> Vec<(String, usize)> {
    let mut stakes: Vec<(String, usize)> = Vec::new();
    for r in settled {
        match stakes.iter_mut().find(|(c, _)| *c == r.relief.category) {
            Some((_, n)) => *n += 1,
            None => stakes.push((r.relief.category.clone(), 1)),
        }
    }
    stakes
}

/// Whether a fact offered on a screen is shown, given the answers so far with those drafted
/// on the screen: its gate holds (a detail appears once its box is ticked).
pub fn shown(rs: &RuleSet, draft: &Facts, as_of: NaiveDate, f: FactIx) -> bool {
    rs.fact(f)
        .requires
        .as_ref()
        .is_none_or(|c| eval_cond(c, draft, as_of).tri == Tri::True)
}

/// What settling a measure is worth to the person (see the module comment).
fn weight(r: &ReliefResult) -> usize {
    match (r.relief.kind, r.relief.amount.is_some()) {
        (Kind::Service, _) => 1,
        (_, true) => MONEY,
        (_, false) => 2,
    }
}

/// The weight of a relief with a figure, and of an answer that gives one: money first, so
/// that a restaurant is asked its VAT status and sales before its plans.
const MONEY: usize = 6;

/// The next question, or `None` when no answer could change a result (an eligibility or an
/// amount) of a measure in force on the date.
/// `asked` holds questions already answered or skipped ("not sure").
pub fn next_question(
    rs: &RuleSet,
    facts: &Facts,
    asked: &BTreeSet<usize>,
    eval: &Evaluation,
) -> Option<Plan> {
    let mut settled = facts.clone();
    super::eval::settle(rs, &mut settled, eval.as_of);
    let facts = &settled;
    let rel = Relevance::new(rs, facts, eval);
    let priced = &rel.priced;
    let mut best: Option<Plan> = None;
    for (qi, q) in rs.questions.iter().enumerate() {
        if asked.contains(&qi) {
            continue;
        }
        if q.ask_if
            .as_ref()
            .is_some_and(|c| eval_cond(c, facts, eval.as_of).tri != Tri::True)
        {
            continue;
        }
        let offer = offered(rs, facts, &rel, eval.as_of, q);
        if offer.is_empty() {
            continue;
        }
        let settled = rel.settles(&offer);
        // What the screen settles per thing it asks (a long list of tick boxes weighs more
        // on the person than a two-field screen), so that short screens that decide much come
        // first.
        let worth = settled.iter().map(|r| weight(r)).sum::<usize>()
            + MONEY
                * priced
                    .iter()
                    .filter(|(_, n)| n.iter().any(|f| offer.contains(f)))
                    .count();
        let score = worth * 100 / (offer.len() + 2);
        if best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(Plan {
                question: qi,
                stakes: by_category(&settled),
                offer,
                score,
            });
        }
    }
    best
}

/// About how many screens remain: the planner walked forward with every box unticked, every
/// yes/no answered "no", every multiple choice "none" and anything else "not sure" (the
/// answers that end a walk soonest are not assumed; these are the commonest). At most `cap`.
pub fn remaining(
    rs: &RuleSet,
    facts: &Facts,
    asked: &BTreeSet<usize>,
    as_of: NaiveDate,
    cap: usize,
) -> usize {
    let mut facts = facts.clone();
    let mut asked = asked.clone();
    let mut n = 0;
    while n < cap {
        let ev = evaluate(rs, &facts, as_of);
        let Some(plan) = next_question(rs, &facts, &asked, &ev) else {
            break;
        };
        n += 1;
        asked.insert(plan.question);
        let mut changed = false;
        for f in &plan.offer {
            let v = match rs.fact(*f).ty {
                FactType::Bool => Value::Bool(false),
                FactType::Set => Value::Set(0),
                _ => continue,
            };
            facts.set(*f, v);
            changed = true;
        }
        if changed {
            super::eval::settle(rs, &mut facts, as_of);
        }
    }
    n
}
