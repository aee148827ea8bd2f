//! Three-valued evaluation of every relief, with the reasons, the dates, the amounts and
//! the overlap groups (从高不重复).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::facts::{Facts, Value};
use crate::model::{
    AmountValue, Atom, Cond, DateRef, FactIx, Formula, Kind, Per, Relief, RuleSet, Test,
};

/// The truth of a condition when some facts may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    True,
    False,
    Unknown,
}

/// Whether the user qualifies for a relief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Eligibility {
    Eligible,
    /// Depends on facts still unknown.
    Maybe,
    Ineligible,
}

impl Eligibility {
    /// The name used in reports and persona cases.
    pub fn name(self) -> &'static str {
        match self {
            Eligibility::Eligible => "eligible",
            Eligibility::Maybe => "maybe",
            Eligibility::Ineligible => "ineligible",
        }
    }
}

/// Where `as_of` falls relative to a relief's validity window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timing {
    NotYet,
    InForce,
    Expired,
}

/// The result of a condition, with the parts that explain it.
#[derive(Debug, Clone)]
pub struct Outcome<'r> {
    pub tri: Tri,
    /// Conditions that held (for "why").
    pub matched: Vec<&'r Cond>,
    /// Conditions that failed (for "why not" and near misses).
    pub failed: Vec<&'r Cond>,
    /// Unknown facts that would settle it (only when `tri` is unknown).
    pub unknown: Vec<FactIx>,
}

impl<'r> Outcome<'r> {
    fn leaf(c: &'r Cond, tri: Tri, unknown: Vec<FactIx>) -> Self {
        match tri {
            Tri::True => Outcome {
                tri,
                matched: vec![c],
                failed: vec![],
                unknown: vec![],
            },
            Tri::False => Outcome {
                tri,
                matched: vec![],
                failed: vec![c],
                unknown: vec![],
            },
            Tri::Unknown => Outcome {
                tri,
                matched: vec![],
                failed: vec![],
                unknown,
            },
        }
    }
}

/// A computed amount.
#[derive(Debug, Clone, PartialEq)]
pub enum AmountResult {
    Exact(Decimal),
    Range(Decimal, Decimal),
    UpTo(Decimal),
}

impl AmountResult {
    /// The figure used to compare and sort: the value, or the top of a range or ceiling.
    pub fn top(&self) -> Decimal {
        match self {
            AmountResult::Exact(v) | AmountResult::UpTo(v) | AmountResult::Range(_, v) => *v,
        }
    }
}

/// Where a relief stands in its overlap group.
#[derive(Debug, Clone, PartialEq)]
pub struct OverlapStatus {
    pub group: String,
    /// Index (into the evaluation's results) of the better relief of the group.
    pub best: usize,
}

/// How a relief that is not in force on the date asked about stood during its own validity
/// window: a measure that ended is judged on the days it was in force, not on today.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    /// The first run of days of the window on which every condition held: its first and last
    /// day (`None`: the window has no end). `None` if there was no such day.
    pub qualified: Option<(NaiveDate, Option<NaiveDate>)>,
    /// What the answers give on the date asked about itself, as if the relief were in force
    /// then (e.g. eligible today, but the one year of operation it asks for came too late).
    pub on_date: Eligibility,
}

/// The result for one relief.
#[derive(Debug, Clone)]
pub struct ReliefResult<'r> {
    pub relief: &'r Relief,
    /// For a relief in force on the date asked about, on that date; for one that is not,
    /// within its own validity window (see [`Window`]).
    pub eligibility: Eligibility,
    pub timing: Timing,
    /// The conditions as they stood on `judged_on`.
    pub outcome: Outcome<'r>,
    pub amount: Option<AmountResult>,
    pub overlap: Option<OverlapStatus>,
    /// The day the eligibility and the outcome are judged on: the date asked about for a
    /// relief in force; otherwise a day of its window, the first on which every condition
    /// held, else the first still open, else the nearest miss (the latest of equals).
    pub judged_on: NaiveDate,
    /// Set for a relief not in force on the date asked about.
    pub window: Option<Window>,
}

impl ReliefResult<'_> {
    /// In force on the date asked about.
    pub fn in_force(&self) -> bool {
        self.timing == Timing::InForce
    }

    /// The single failing condition of an ineligible relief, when only one stands in the
    /// way and it is a change the person could make (a date, an amount, a registration), not
    /// who or where they are: a near miss. A service commitment is never missed: it is
    /// there when the person needs it.
    pub fn near_miss(&self, rs: &RuleSet) -> Option<&Cond> {
        if self.eligibility != Eligibility::Ineligible
            || self.outcome.failed.len() != 1
            || self.relief.kind != Kind::Relief
        {
            return None;
        }
        let c = self.outcome.failed[0];
        let mut facts = Vec::new();
        c.facts(&mut facts);
        // Who or where the person is (a city, a business form, an industry: `fixed` in
        // rules/facts.toml) is not a change anyone makes to get a relief.
        if facts.iter().any(|f| rs.fact(*f).fixed) {
            return None;
        }
        Some(c)
    }
}

/// All results for one set of facts on one date.
#[derive(Debug, Clone)]
pub struct Evaluation<'r> {
    pub as_of: NaiveDate,
    pub results: Vec<ReliefResult<'r>>,
}

impl Evaluation<'_> {
    /// Whether a result counts toward totals: eligible, in force, and not the lesser
    /// member of an overlap group.
    pub fn counts(&self, i: usize) -> bool {
        let r = &self.results[i];
        r.eligibility == Eligibility::Eligible
            && r.in_force()
            && r.overlap.as_ref().is_none_or(|o| o.best == i)
    }

    /// Sum of the exact amounts that count, per unit.
    pub fn totals(&self) -> Vec<(Per, Decimal)> {
        let mut sums: Vec<(Per, Decimal)> = Vec::new();
        for (i, r) in self.results.iter().enumerate() {
            if let (true, Some(AmountResult::Exact(v)), Some(a)) =
                (self.counts(i), &r.amount, &r.relief.amount)
            {
                match sums.iter_mut().find(|(p, _)| *p == a.per) {
                    Some((_, s)) => *s += *v,
                    None => sums.push((a.per, *v)),
                }
            }
        }
        sums
    }
}

/// Evaluate a condition.
pub fn eval_cond<'r>(c: &'r Cond, facts: &Facts, as_of: NaiveDate) -> Outcome<'r> {
    match c {
        Cond::Atom(a) => {
            let (tri, unknown) = eval_atom(a, facts, as_of);
            Outcome::leaf(c, tri, unknown)
        }
        Cond::Not(inner) => {
            let o = eval_cond(inner, facts, as_of);
            let tri = match o.tri {
                Tri::True => Tri::False,
                Tri::False => Tri::True,
                Tri::Unknown => Tri::Unknown,
            };
            Outcome::leaf(c, tri, o.unknown)
        }
        Cond::All(items) => {
            let outs: Vec<_> = items.iter().map(|c| eval_cond(c, facts, as_of)).collect();
            let tri = if outs.iter().any(|o| o.tri == Tri::False) {
                Tri::False
            } else if outs.iter().any(|o| o.tri == Tri::Unknown) {
                Tri::Unknown
            } else {
                Tri::True
            };
            let mut out = Outcome {
                tri,
                matched: vec![],
                failed: vec![],
                unknown: vec![],
            };
            for o in outs {
                out.matched.extend(o.matched);
                out.failed.extend(o.failed);
                if tri == Tri::Unknown {
                    merge(&mut out.unknown, o.unknown);
                }
            }
            out
        }
        Cond::Any(items) => {
            let outs: Vec<_> = items.iter().map(|c| eval_cond(c, facts, as_of)).collect();
            if let Some(o) = outs.iter().find(|o| o.tri == Tri::True) {
                return Outcome {
                    tri: Tri::True,
                    matched: o.matched.clone(),
                    failed: vec![],
                    unknown: vec![],
                };
            }
            if outs.iter().any(|o| o.tri == Tri::Unknown) {
                let mut unknown = Vec::new();
                for o in outs.into_iter().filter(|o| o.tri == Tri::Unknown) {
                    merge(&mut unknown, o.unknown);
                }
                return Outcome {
                    tri: Tri::Unknown,
                    matched: vec![],
                    failed: vec![],
                    unknown,
                };
            }
            // All branches failed: the one with the fewest failures is the nearest.
            let nearest = outs.into_iter().min_by_key(|o| o.failed.len());
            let failed = match nearest {
                Some(o) if o.failed.len() <= 1 => o.failed,
                _ => vec![c],
            };
            Outcome {
                tri: Tri::False,
                matched: vec![],
                failed,
                unknown: vec![],
            }
        }
    }
}

fn merge(into: &mut Vec<FactIx>, from: Vec<FactIx>) {
    for f in from {
        if !into.contains(&f) {
            into.push(f);
        }
    }
}

fn tri(b: bool) -> Tri {
    if b {
        Tri::True
    } else {
        Tri::False
    }
}

/// The date a [`DateRef`] stands for, or the unknown fact it needs.
pub fn resolve_date(
    r: &DateRef,
    facts: &Facts,
    as_of: NaiveDate,
) -> Result<Option<NaiveDate>, FactIx> {
    match r {
        DateRef::Fixed(d) => Ok(Some(*d)),
        DateRef::AsOf(off) => Ok(off.apply(as_of)),
        DateRef::Fact(f, off) => match facts.get(*f) {
            Some(Value::Date(d)) => Ok(off.apply(*d)),
            None if facts.is_absent(*f) => Ok(None),
            _ => Err(*f),
        },
    }
}

fn eval_atom(a: &Atom, facts: &Facts, as_of: NaiveDate) -> (Tri, Vec<FactIx>) {
    if a.test == Test::Known {
        return (tri(facts.get(a.fact).is_some()), vec![]);
    }
    if facts.is_absent(a.fact) {
        return (Tri::False, vec![]);
    }
    let Some(v) = facts.get(a.fact) else {
        let mut unknown = vec![a.fact];
        unknown.extend(a.test.other_fact().filter(|f| facts.get(*f).is_none()));
        return (Tri::Unknown, unknown);
    };
    let t = match (&a.test, v) {
        (Test::IsTrue, Value::Bool(b)) => tri(*b),
        (Test::OneOf(m), Value::Enum(i)) => tri(m & (1u64 << i) != 0),
        (Test::HasAny(m), Value::Set(s)) => tri(s & m != 0),
        (Test::HasAll(m), Value::Set(s)) => tri(s & m == *m),
        (Test::Cmp(op, rhs), Value::Num(n)) => tri(op.holds(n.cmp(rhs))),
        (Test::DateCmp(op, rhs), Value::Date(d)) => match resolve_date(rhs, facts, as_of) {
            Ok(Some(r)) => tri(op.holds(d.cmp(&r))),
            Ok(None) => Tri::False,
            Err(f) => return (Tri::Unknown, vec![f]),
        },
        // A value of the wrong shape is treated as unknown rather than guessed.
        _ => return (Tri::Unknown, vec![a.fact]),
    };
    (t, vec![])
}

/// The facts a formula reads.
pub fn formula_facts(f: &Formula, out: &mut Vec<FactIx>) {
    match f {
        Formula::Num(_) => {}
        Formula::Fact(ix) => {
            if !out.contains(ix) {
                out.push(*ix);
            }
        }
        Formula::Add(a, b) | Formula::Sub(a, b) | Formula::Mul(a, b) | Formula::Div(a, b) => {
            formula_facts(a, out);
            formula_facts(b, out);
        }
        Formula::Min(v) | Formula::Max(v) => v.iter().for_each(|f| formula_facts(f, out)),
    }
}

impl ReliefResult<'_> {
    /// Unknown facts that the amount still needs, for a relief that is not ruled out.
    pub fn amount_needs(&self, facts: &Facts) -> Vec<FactIx> {
        let (Some(a), None, false) = (
            &self.relief.amount,
            &self.amount,
            self.eligibility == Eligibility::Ineligible,
        ) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        match &a.value {
            AmountValue::Exact(f) | AmountValue::UpTo(f) => formula_facts(f, &mut out),
            AmountValue::Range(lo, hi) => {
                formula_facts(lo, &mut out);
                formula_facts(hi, &mut out);
            }
        }
        out.retain(|f| facts.get(*f).is_none());
        out
    }
}

/// Evaluate a formula; `None` while a fact it reads is unknown.
pub fn eval_formula(f: &Formula, facts: &Facts) -> Option<Decimal> {
    Some(match f {
        Formula::Num(n) => *n,
        Formula::Fact(ix) => match facts.get(*ix)? {
            Value::Num(n) => *n,
            _ => return None,
        },
        Formula::Add(a, b) => eval_formula(a, facts)?.checked_add(eval_formula(b, facts)?)?,
        Formula::Sub(a, b) => eval_formula(a, facts)?.checked_sub(eval_formula(b, facts)?)?,
        Formula::Mul(a, b) => eval_formula(a, facts)?.checked_mul(eval_formula(b, facts)?)?,
        Formula::Div(a, b) => eval_formula(a, facts)?.checked_div(eval_formula(b, facts)?)?,
        Formula::Min(v) => v
            .iter()
            .map(|f| eval_formula(f, facts))
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .min()?,
        Formula::Max(v) => v
            .iter()
            .map(|f| eval_formula(f, facts))
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .max()?,
    })
}

fn round(d: Decimal) -> Decimal {
    d.round_dp(2).normalize()
}

/// For a failed date condition against the date asked about, the first date on which it
/// would hold, e.g. "registered at least 1 year" holds from one year after registration.
pub fn date_when_met(c: &Cond, facts: &Facts, as_of: NaiveDate) -> Option<NaiveDate> {
    let Cond::Atom(Atom {
        fact,
        test: Test::DateCmp(op, DateRef::AsOf(o)),
    }) = c
    else {
        return None;
    };
    let Some(Value::Date(d)) = facts.get(*fact) else {
        return None;
    };
    // fact OP as_of + o  <=>  as_of (reverse OP) fact - o.
    let neg = crate::model::Offset {
        years: -o.years,
        months: -o.months,
        days: -o.days,
    };
    let base = neg.apply(*d)?;
    let from = match op {
        crate::model::CmpOp::Le => base,
        crate::model::CmpOp::Lt => base.succ_opt()?,
        _ => return None,
    };
    (from > as_of).then_some(from)
}

/// Timing of a relief on `as_of`.
pub fn timing(r: &Relief, as_of: NaiveDate) -> Timing {
    if r.valid_from.is_some_and(|f| as_of < f) {
        Timing::NotYet
    } else if r.valid_until.is_some_and(|u| as_of > u) {
        Timing::Expired
    } else {
        Timing::InForce
    }
}

fn eligibility_of(o: &Outcome) -> Eligibility {
    match o.tri {
        Tri::True => Eligibility::Eligible,
        Tri::Unknown => Eligibility::Maybe,
        Tri::False => Eligibility::Ineligible,
    }
}

/// The comparisons of a date fact with the date asked about: the only parts of a
/// condition that change with the date.
fn as_of_atoms<'c>(c: &'c Cond, out: &mut Vec<&'c Atom>) {
    match c {
        Cond::All(v) | Cond::Any(v) => v.iter().for_each(|c| as_of_atoms(c, out)),
        Cond::Not(c) => as_of_atoms(c, out),
        Cond::Atom(a) => {
            if matches!(a.test, Test::DateCmp(_, DateRef::AsOf(_))) {
                out.push(a);
            }
        }
    }
}

/// The days of `[from, to]` on which some comparison with the date asked about changes its
/// truth. Each such comparison is monotone in the date, so one binary search finds its
/// change; between two of these days the whole condition is constant.
fn turning_days(when: &Cond, facts: &Facts, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut atoms = Vec::new();
    as_of_atoms(when, &mut atoms);
    let mut days = Vec::new();
    for a in atoms {
        let truth = |d: NaiveDate| eval_atom(a, facts, d).0;
        let first = truth(from);
        if first == Tri::Unknown || truth(to) == first {
            continue;
        }
        // The first day whose truth differs from `from`'s.
        let (mut lo, mut hi) = (from, to);
        while lo < hi {
            let span = (hi - lo).num_days();
            let mid = lo + chrono::Days::new((span / 2) as u64);
            if truth(mid) == first {
                lo = mid.succ_opt().unwrap_or(hi);
            } else {
                hi = mid;
            }
        }
        // Kept in order as they come (no sort: a smaller wasm).
        if let Err(at) = days.binary_search(&lo) {
            days.insert(at, lo);
        }
    }
    days
}

/// Judge a relief within its own validity window (it is not in force on `as_of`): the day
/// to judge it on and what its window says. `None` when the window is empty. `opened` is
/// when its document took effect (its `valid_from`, else the day it was issued): a measure
/// with no start date of its own starts there, not before (an age or a graduation date
/// compared with the date asked about held for everyone long enough ago).
fn judge_window<'r>(
    relief: &'r Relief,
    opened: NaiveDate,
    facts: &Facts,
    as_of: NaiveDate,
) -> Option<(NaiveDate, Outcome<'r>, Window)> {
    // A window open at its end is closed where a comparison with the date asked about can
    // no longer change: far enough for any date a person gives.
    let far = chrono::Months::new(12 * 60);
    let from = match (relief.valid_from, relief.valid_until) {
        (Some(f), _) => f,
        (None, Some(u)) => opened.min(u),
        (None, None) => return None,
    };
    let to = relief
        .valid_until
        .or_else(|| from.checked_add_months(far))?;
    if to < from {
        return None;
    }
    // The first day, each day on which the condition may change, and the last day (the
    // same as the day before it, but the one a near miss is best told against).
    let mut days = vec![from];
    days.extend(
        turning_days(&relief.when, facts, from, to)
            .into_iter()
            .filter(|d| *d > from),
    );
    if relief.valid_until.is_some() && days.last() != Some(&to) {
        days.push(to);
    }
    let outcomes: Vec<Outcome<'r>> = days
        .iter()
        .map(|d| eval_cond(&relief.when, facts, *d))
        .collect();
    let pick = outcomes
        .iter()
        .position(|o| o.tri == Tri::True)
        .or_else(|| outcomes.iter().position(|o| o.tri == Tri::Unknown))
        .or_else(|| {
            // No day qualified: the nearest miss, the latest of equals.
            (0..outcomes.len())
                .rev()
                .min_by_key(|i| outcomes[*i].failed.len())
        })?;
    let qualified = (outcomes[pick].tri == Tri::True).then(|| {
        let end = (pick + 1..days.len())
            .find(|i| outcomes[*i].tri != Tri::True)
            .map(|i| days[i].pred_opt().unwrap_or(days[i]))
            .or(relief.valid_until);
        (days[pick], end)
    });
    let on_date = eligibility_of(&eval_cond(&relief.when, facts, as_of));
    let judged_on = days[pick];
    let outcome = outcomes.into_iter().nth(pick)?;
    Some((judged_on, outcome, Window { qualified, on_date }))
}

/// When a relief's document took effect: its `valid_from`, else the day it was issued.
fn opened(rs: &RuleSet, relief: &Relief) -> NaiveDate {
    let doc = rs.doc_of(relief);
    doc.valid_from.unwrap_or(doc.issued_on)
}

/// Evaluate every relief of the rule set.
///
/// Facts whose gate (`requires`) is false count as absent, whether or not the caller has
/// [`settle`]d them (a persona file that says there is no deposit needs no due date).
pub fn evaluate<'r>(rs: &'r RuleSet, facts: &Facts, as_of: NaiveDate) -> Evaluation<'r> {
    let mut settled;
    let facts = if rs.facts.iter().any(|f| f.requires.is_some()) {
        settled = facts.clone();
        settle(rs, &mut settled, as_of);
        &settled
    } else {
        facts
    };
    let mut results: Vec<ReliefResult<'r>> = rs
        .reliefs
        .iter()
        .map(|relief| {
            let timing = timing(relief, as_of);
            let (judged_on, outcome, window) = match timing {
                Timing::InForce => (as_of, eval_cond(&relief.when, facts, as_of), None),
                _ => match judge_window(relief, opened(rs, relief), facts, as_of) {
                    Some((d, o, w)) => (d, o, Some(w)),
                    None => (as_of, eval_cond(&relief.when, facts, as_of), None),
                },
            };
            let eligibility = eligibility_of(&outcome);
            let amount = match (&relief.amount, eligibility) {
                (Some(a), Eligibility::Eligible | Eligibility::Maybe) => match &a.value {
                    AmountValue::Exact(f) => {
                        eval_formula(f, facts).map(|v| AmountResult::Exact(round(v)))
                    }
                    AmountValue::UpTo(f) => {
                        eval_formula(f, facts).map(|v| AmountResult::UpTo(round(v)))
                    }
                    AmountValue::Range(lo, hi) => eval_formula(lo, facts)
                        .zip(eval_formula(hi, facts))
                        .map(|(lo, hi)| AmountResult::Range(round(lo), round(hi))),
                },
                _ => None,
            }
            .filter(|a| !a.top().is_sign_negative());
            ReliefResult {
                relief,
                eligibility,
                timing,
                outcome,
                amount,
                overlap: None,
                judged_on,
                window,
            }
        })
        .collect();

    // 从高不重复: in each group, the better relief is the eligible one in force with the
    // best `overlap_rank` where the author set one (amounts of different measures may be
    // counted against different baselines), then the highest amount, then the first listed.
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in results.iter().enumerate() {
        if let Some(g) = &r.relief.overlap {
            groups.entry(g.as_str()).or_default().push(i);
        }
    }
    for (g, members) in groups {
        let rank = |i: &usize| {
            let r = &results[*i];
            (
                r.eligibility == Eligibility::Eligible,
                r.in_force(),
                r.eligibility != Eligibility::Ineligible,
                std::cmp::Reverse(r.relief.overlap_rank),
                r.amount
                    .as_ref()
                    .map(AmountResult::top)
                    .unwrap_or(Decimal::MIN),
                std::cmp::Reverse(*i),
            )
        };
        let best = members
            .iter()
            .copied()
            .max_by_key(rank)
            .unwrap_or(members[0]);
        for i in members {
            results[i].overlap = Some(OverlapStatus {
                group: g.to_string(),
                best,
            });
        }
    }
    Evaluation { as_of, results }
}

/// Bring the facts in line with each other after a change: a fact whose `requires` is false
/// becomes absent (a value it had is dropped: no deposit due date once there is no
/// deposit), one whose `requires` holds again becomes askable, and an enum or set value
/// whose `only_if` is false is dropped (a county of the city the person no longer names).
/// Returns the facts whose value was dropped, so that their questions can be asked again.
pub fn settle(rs: &RuleSet, facts: &mut Facts, as_of: NaiveDate) -> Vec<FactIx> {
    let mut dropped = Vec::new();
    // Gates can depend on gated facts: repeat until nothing changes (a few rounds at most).
    for _ in 0..rs.facts.len() {
        let mut changed = false;
        for (i, f) in rs.facts.iter().enumerate() {
            let ix = i as FactIx;
            let absent = f
                .requires
                .as_ref()
                .is_some_and(|c| eval_cond(c, facts, as_of).tri == Tri::False);
            if absent != facts.is_absent(ix) {
                facts.set_absent(ix, absent);
                changed = true;
            }
            if absent && facts.get(ix).is_some() {
                facts.clear(ix);
                dropped.push(ix);
            }
            let offered = |vi: usize, facts: &Facts| {
                f.values[vi]
                    .only_if
                    .as_ref()
                    .is_none_or(|c| eval_cond(c, facts, as_of).tri != Tri::False)
            };
            match facts.get(ix).cloned() {
                Some(Value::Enum(vi)) if !offered(vi as usize, facts) => {
                    facts.clear(ix);
                    dropped.push(ix);
                    changed = true;
                }
                Some(Value::Set(s)) => {
                    let kept = (0..f.values.len())
                        .filter(|vi| s & (1u64 << vi) != 0 && offered(*vi, facts))
                        .fold(0u64, |m, vi| m | 1u64 << vi);
                    if kept != s {
                        facts.set(ix, Value::Set(kept));
                        dropped.push(ix);
                        changed = true;
                    }
                }
                _ => {}
            }
        }
        if !changed {
            break;
        }
    }
    dropped
}
