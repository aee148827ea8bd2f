//! Walking a persona through the wizard as a person would (host only): the questionnaire
//! benchmark (`relief walk`, `bench/`) and the "no lost relief" test use it.
//!
//! The answering model: answer what the persona says; a yes/no (or a tick box) it does not
//! mention is "no"; a multiple choice it does not mention is "none"; anything else is "not
//! sure". A persona that gives a detail (a deposit's due date) has its gate (a deposit)
//! ticked.

use chrono::NaiveDate;

use crate::engine::planner::offer;
use crate::engine::{Facts, Screen, Session, Value};
use crate::model::{Cond, FactIx, FactType, RuleSet, Test};

/// One walk: the screens it took and where it ended.
#[derive(Debug, Clone)]
pub struct Walk {
    /// Question screens answered or skipped before the results.
    pub screens: usize,
    /// Question ids in the order they were put.
    pub asked: Vec<String>,
    /// The session at the results.
    pub session: Session,
}

/// The persona's facts with the gates its details imply: a known detail whose `requires`
/// names a yes/no fact or a set value that the persona leaves unknown gets it.
pub fn with_gates(rs: &RuleSet, facts: &Facts) -> Facts {
    let mut out = facts.clone();
    for (i, f) in rs.facts.iter().enumerate() {
        let (Some(gate), Some(_)) = (&f.requires, facts.get(i as FactIx)) else {
            continue;
        };
        imply(rs, gate, &mut out);
    }
    out
}

fn imply(rs: &RuleSet, c: &Cond, facts: &mut Facts) {
    match c {
        Cond::All(v) => v.iter().for_each(|c| imply(rs, c, facts)),
        Cond::Any(v) => {
            if let Some(c) = v.first() {
                imply(rs, c, facts)
            }
        }
        Cond::Atom(a) if facts.get(a.fact).is_none() => match (&a.test, rs.fact(a.fact).ty) {
            (Test::IsTrue, FactType::Bool) => facts.set(a.fact, Value::Bool(true)),
            (Test::HasAny(m), FactType::Set) => facts.set(a.fact, Value::Set(m & m.wrapping_neg())),
            _ => {}
        },
        _ => {}
    }
}

/// Walk `persona` through the wizard on `as_of` (at most `cap` screens).
pub fn walk(rs: &RuleSet, persona: &Facts, as_of: NaiveDate, cap: usize) -> Walk {
    let persona = with_gates(rs, persona);
    let mut s = Session::new(rs, as_of);
    s.begin(rs);
    let mut asked = Vec::new();
    while let Screen::Question(q) = s.screen {
        if asked.len() >= cap {
            break;
        }
        asked.push(rs.questions[q].id.clone());
        let ev = s.evaluate(rs);
        if std::env::var_os("RELIEF_WALK_DEBUG").is_some() {
            let offered = offer(rs, &s.facts, &ev, q);
            let ids: Vec<&str> = ev
                .results
                .iter()
                .filter(|r| r.in_force() && r.eligibility == crate::engine::Eligibility::Maybe)
                .filter(|r| r.outcome.unknown.iter().any(|f| offered.contains(f)))
                .map(|r| r.relief.id.as_str())
                .collect();
            eprintln!(
                "{} {:?}: {}",
                rs.questions[q].id,
                offered
                    .iter()
                    .map(|f| rs.fact(*f).id.as_str())
                    .collect::<Vec<_>>(),
                ids.join(" ")
            );
        }
        let values: Vec<(FactIx, Option<Value>)> = offer(rs, &s.facts, &ev, q)
            .into_iter()
            .map(|f| {
                let v = persona.get(f).cloned().or(match rs.fact(f).ty {
                    FactType::Bool => Some(Value::Bool(false)),
                    FactType::Set => Some(Value::Set(0)),
                    _ => None,
                });
                (f, v)
            })
            .collect();
        if values.iter().all(|(_, v)| v.is_none()) {
            s.skip(rs, q);
        } else {
            s.answer(rs, q, &values);
        }
    }
    Walk {
        screens: asked.len(),
        asked,
        session: s,
    }
}

/// A persona walked on its own date and on a later one.
#[derive(Debug, Clone)]
pub struct PersonaWalks {
    pub path: String,
    pub business: bool,
    pub own_date: NaiveDate,
    pub own: Walk,
    pub later: Walk,
    /// Measures eligible and in force for the whole persona that the walk did not find so,
    /// as `date relief-id`.
    pub lost: Vec<String>,
}

/// Walk every persona file under `dirs` on its own date (2023-06-01 where it gives none) and
/// on `later`.
pub fn walk_all(rs: &RuleSet, files: &[std::path::PathBuf], later: NaiveDate) -> Vec<PersonaWalks> {
    let mut out = Vec::new();
    let default = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap_or(later);
    let applicant = rs.fact_ix("applicant");
    for path in files {
        let p = path.display().to_string();
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok(persona) = crate::persona::parse(&p, &text, rs) else {
            continue;
        };
        let business = applicant
            .and_then(|a| persona.facts.get(a))
            .is_some_and(|v| matches!(v, Value::Enum(0)));
        let own_date = persona.as_of.unwrap_or(default);
        let own = walk(rs, &persona.facts, own_date, 60);
        let later_walk = walk(rs, &persona.facts, later, 60);
        let mut lost = Vec::new();
        for (date, w) in [(own_date, &own), (later, &later_walk)] {
            lost.extend(
                lost_reliefs(rs, &persona.facts, date, w)
                    .into_iter()
                    .map(|id| format!("{date} {id}")),
            );
        }
        out.push(PersonaWalks {
            path: p,
            business,
            own_date,
            own,
            later: later_walk,
            lost,
        });
    }
    out
}

/// Measures eligible and in force for the whole persona on `date` that are not eligible and
/// in force at the end of its walk.
pub fn lost_reliefs(rs: &RuleSet, persona: &Facts, date: NaiveDate, w: &Walk) -> Vec<String> {
    use crate::engine::{evaluate, Eligibility};
    let full = evaluate(rs, persona, date);
    let end = evaluate(rs, &w.session.facts, date);
    full.results
        .iter()
        .zip(&end.results)
        .filter(|(a, _)| a.eligibility == Eligibility::Eligible && a.in_force())
        .filter(|(_, b)| !(b.eligibility == Eligibility::Eligible && b.in_force()))
        .map(|(a, _)| a.relief.id.clone())
        .collect()
}

/// Median, 90th percentile and maximum of a list of screen counts.
pub fn stats(mut v: Vec<usize>) -> (usize, usize, usize) {
    if v.is_empty() {
        return (0, 0, 0);
    }
    v.sort_unstable();
    let at = |q: usize| v[((v.len() - 1) * q).div_ceil(100)];
    (at(50), at(90), v[v.len() - 1])
}
