//! What the results page leads with: the measures worth money on the date and in the
//! measures' own years, the default order of cards (money, then other reliefs, then
//! services), the date to look back at when something the person qualified for has ended,
//! as plain data: `present` words it (and says where to go).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::eval::{AmountResult, Eligibility, Evaluation, ReliefResult, Timing};
use crate::model::{Kind, Per, Relief};

/// The three tiers of the default order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// A relief whose text gives a figure: a tax cut, a subsidy, an award.
    Money,
    /// Any other relief: a deferral, an exemption from a procedure, a lower rate.
    Other,
    /// A service commitment.
    Service,
}

impl Tier {
    /// The tier of a relief.
    pub fn of(r: &Relief) -> Tier {
        match (r.kind, &r.amount) {
            (Kind::Service, _) => Tier::Service,
            (_, Some(_)) => Tier::Money,
            _ => Tier::Other,
        }
    }
}

/// Put results in the default order: money (highest amount first), then other reliefs,
/// then services; ties keep the rule-set order. Two stable passes by plain keys rather than
/// one key of both (a tier times a large number): the multiplication and another sort
/// instance would cost the wasm more than the second pass costs the phone.
pub fn order(ev: &Evaluation, items: &mut [usize]) {
    sort_by(ev, items, |r| {
        -r.amount.as_ref().map(AmountResult::top).unwrap_or_default()
    });
    sort_by(ev, items, |r| Decimal::from(Tier::of(r.relief) as u8));
}

/// Sort results by a key, stably. Every order of the results goes through this one sort.
pub fn sort_by(ev: &Evaluation, items: &mut [usize], key: fn(&ReliefResult) -> Decimal) {
    items.sort_by_key(|i| key(&ev.results[*i]));
}

/// Measures worth money: how many, and the sum of their exact amounts per unit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Worth {
    pub count: usize,
    pub totals: Vec<(Per, Decimal)>,
}

impl Worth {
    fn add(&mut self, r: &ReliefResult) {
        self.count += 1;
        if let (Some(AmountResult::Exact(v)), Some(a)) = (&r.amount, &r.relief.amount) {
            match self.totals.iter_mut().find(|(p, _)| *p == a.per) {
                Some((_, s)) => *s += *v,
                None => self.totals.push((a.per, *v)),
            }
        }
    }
}

/// The one line above the fold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Eligible and in force on the date, counted once per overlap group.
    pub now: Worth,
    /// Not in force on the date, but the person qualified within the measure's own window,
    /// counted once per overlap group among these.
    pub own_years: Worth,
}

/// Whether a result is worth money and qualified in its own window, out of force.
fn qualified_out_of_force(r: &ReliefResult) -> bool {
    r.eligibility == Eligibility::Eligible
        && !r.in_force()
        && r.window.as_ref().is_some_and(|w| w.qualified.is_some())
}

/// What the person gets on the date, and what they could have had in the measures' own
/// years.
pub fn summary(ev: &Evaluation) -> Summary {
    let mut s = Summary::default();
    for (i, r) in ev.results.iter().enumerate() {
        if Tier::of(r.relief) != Tier::Money {
            continue;
        }
        if ev.counts(i) {
            s.now.add(r);
        } else if qualified_out_of_force(r) && best_out_of_force(ev, i) {
            s.own_years.add(r);
        }
    }
    s
}

/// Among the members of `i`'s overlap group that qualified out of force, whether `i` is
/// the better (the higher amount, then the better terms, then the first listed).
fn best_out_of_force(ev: &Evaluation, i: usize) -> bool {
    let Some(g) = &ev.results[i].relief.overlap else {
        return true;
    };
    let key = |j: usize| {
        let r = &ev.results[j];
        (
            r.amount
                .as_ref()
                .map(AmountResult::top)
                .unwrap_or(Decimal::MIN),
            std::cmp::Reverse(r.relief.overlap_rank),
            std::cmp::Reverse(j),
        )
    };
    !ev.results.iter().enumerate().any(|(j, r)| {
        j != i
            && r.relief.overlap.as_ref() == Some(g)
            && qualified_out_of_force(r)
            && key(j) > key(i)
    })
}

/// Measures the person qualified for that have ended by the date asked about.
pub fn ended_qualified(ev: &Evaluation) -> Vec<usize> {
    (0..ev.results.len())
        .filter(|i| {
            let r = &ev.results[*i];
            r.timing == Timing::Expired && qualified_out_of_force(r)
        })
        .collect()
}

/// A date to look back at: the earliest last day of qualifying among the ended measures the
/// person qualified for (on it, every one of them that had begun was still running), or
/// `None` when none has ended.
pub fn look_back(ev: &Evaluation) -> Option<NaiveDate> {
    ended_qualified(ev)
        .into_iter()
        .filter_map(|i| {
            let (a, b) = ev.results[i].window.as_ref()?.qualified?;
            Some(b.unwrap_or(a))
        })
        .min()
}
