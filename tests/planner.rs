//! The planner asks only what can still change a result, never twice, and finishes.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use relief_finder::engine::{evaluate, next_question, Eligibility, Facts, Session, Value};
use relief_finder::model::{FactType, RuleSet};
use relief_finder::ruleset;
use relief_finder::walk::{walk_all, PersonaWalks};

fn answer_with(rs: &RuleSet, q: usize, pick: u64) -> Vec<(u16, Option<Value>)> {
    rs.questions[q]
        .facts
        .iter()
        .map(|f| {
            let def = rs.fact(*f);
            let n = def.values.len().max(1) as u64;
            let v = match def.ty {
                FactType::Enum => Value::Enum((pick % n) as u8),
                FactType::Set => Value::Set(if pick.is_multiple_of(3) {
                    0
                } else {
                    1 << (pick % n)
                }),
                FactType::Bool => Value::Bool(pick.is_multiple_of(2)),
                FactType::Money | FactType::Number => Value::Num(((pick % 7) * 40_000).into()),
                FactType::Date => Value::Date(
                    NaiveDate::from_ymd_opt(2019 + (pick % 5) as i32, 1 + (pick % 12) as u32, 1)
                        .expect("date"),
                ),
            };
            (*f, Some(v))
        })
        .collect()
}

#[test]
fn every_question_asked_can_change_a_result_and_the_wizard_ends() {
    let rs = ruleset::embedded();
    let as_of = NaiveDate::from_ymd_opt(2023, 6, 1).expect("date");
    for seed in 0..300u64 {
        let mut s = Session::new(rs, as_of);
        s.begin(rs);
        let mut steps = 0;
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        while let relief_finder::engine::Screen::Question(q) = s.screen {
            steps += 1;
            assert!(
                steps <= 2 * rs.questions.len(),
                "seed {seed}: the wizard asks more questions than exist"
            );
            assert!(
                !s.asked().contains(&q),
                "seed {seed}: question {} asked twice",
                rs.questions[q].id
            );
            let ev = s.evaluate(rs);
            let open = ev
                .results
                .iter()
                .filter(|r| {
                    let qf = &rs.questions[q].facts;
                    (r.eligibility == Eligibility::Maybe
                        && r.outcome.unknown.iter().any(|f| qf.contains(f)))
                        || r.amount_needs(&s.facts).iter().any(|f| qf.contains(f))
                })
                .count();
            assert!(
                open > 0,
                "seed {seed}: question {} cannot change any result or amount",
                rs.questions[q].id
            );
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if x % 9 == 0 {
                s.skip(rs, q);
            } else {
                s.answer(rs, q, &answer_with(rs, q, x));
            }
        }
        // At the end, no question can change anything.
        let ev = s.evaluate(rs);
        assert_eq!(
            next_question(rs, &s.facts, &s.asked(), &ev),
            None,
            "seed {seed}"
        );
    }
}

#[test]
fn with_nothing_known_the_first_question_is_about_who_or_where() {
    let rs = ruleset::embedded();
    let f = Facts::new(rs);
    let ev = evaluate(rs, &f, NaiveDate::from_ymd_opt(2023, 6, 1).expect("date"));
    let p = next_question(rs, &f, &BTreeSet::new(), &ev).expect("a question");
    assert_eq!(rs.questions[p.question].id, "who");
}

#[test]
fn back_returns_to_the_last_question_with_its_answer() {
    let rs = ruleset::embedded();
    let mut s = Session::new(rs, NaiveDate::from_ymd_opt(2023, 6, 1).expect("date"));
    s.begin(rs);
    let relief_finder::engine::Screen::Question(first) = s.screen else {
        panic!("a first question")
    };
    s.answer(rs, first, &answer_with(rs, first, 0));
    let after = s.facts.clone();
    s.back();
    assert_eq!(s.screen, relief_finder::engine::Screen::Question(first));
    assert_eq!(s.facts, after, "back keeps the answer to show it again");
    assert!(s.asked().contains(&first), "back forgets nothing");
}

#[test]
fn every_relief_with_an_eligible_case_is_found_by_walking_the_questionnaire() {
    let rs = ruleset::embedded();
    let mut missed = Vec::new();
    let mut checked = 0;
    for p in relief_finder::cases::files(std::path::Path::new("tests/cases")) {
        let text = std::fs::read_to_string(&p).expect("readable");
        let Ok(persona) = relief_finder::persona::parse(&p.display().to_string(), &text, rs) else {
            continue;
        };
        let Some(as_of) = persona.as_of else { continue };
        let wanted: Vec<&str> = persona
            .expect
            .iter()
            .filter(|e| e.eligibility.as_deref() == Some("eligible"))
            .map(|e| e.relief.as_str())
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let s = relief_finder::walk::walk(rs, &persona.facts, as_of, 60).session;
        let ev = s.evaluate(rs);
        for id in wanted {
            checked += 1;
            let r = ev
                .results
                .iter()
                .find(|r| r.relief.id == id)
                .expect("relief");
            // The questionnaire is about the chosen date: a measure not in force then is
            // shown with what the answers say of it, and nothing is asked for its sake.
            if r.eligibility != Eligibility::Eligible && r.in_force() {
                let unknown: Vec<&str> = r
                    .outcome
                    .unknown
                    .iter()
                    .map(|f| rs.fact(*f).id.as_str())
                    .collect();
                missed.push(format!(
                    "{}: {id} ends {} (never asked: {})",
                    p.display(),
                    r.eligibility.name(),
                    unknown.join(", ")
                ));
            }
        }
    }
    assert!(checked > 200, "only {checked} eligible expectations walked");
    assert!(
        missed.is_empty(),
        "the questionnaire never asks what these need:\n{}",
        missed.join("\n")
    );
}

fn all_walks() -> Vec<PersonaWalks> {
    let rs = ruleset::embedded();
    let mut files = relief_finder::cases::files(std::path::Path::new("tests/cases"));
    files.extend(relief_finder::cases::files(std::path::Path::new(
        "tests/personas",
    )));
    walk_all(
        rs,
        &files,
        NaiveDate::from_ymd_opt(2026, 12, 1).expect("date"),
    )
}

/// Walking every persona with the answering model of the benchmark (what it says; "no" and
/// "none" for what it does not mention; "not sure" otherwise), on its own date and on a 2026
/// date: every measure the whole persona is eligible for and in force ends eligible and in
/// force, and no walk takes more than 15 screens.
#[test]
fn no_persona_loses_a_relief_by_answering_the_short_questionnaire() {
    let walks = all_walks();
    assert!(walks.len() > 250, "only {} personas walked", walks.len());
    let lost: Vec<String> = walks
        .iter()
        .flat_map(|w| w.lost.iter().map(move |l| format!("{}: {l}", w.path)))
        .collect();
    assert!(lost.is_empty(), "lost by the walk:\n{}", lost.join("\n"));
    let long: Vec<String> = walks
        .iter()
        .filter(|w| w.own.screens > 15 || w.later.screens > 15)
        .map(|w| format!("{}: {} / {}", w.path, w.own.screens, w.later.screens))
        .collect();
    assert!(
        long.is_empty(),
        "walks over 15 screens:\n{}",
        long.join("\n")
    );
}

/// A question is never put to an applicant for whom no measure using its facts can be
/// eligible: for each kind of applicant (every business form, a person), each screen's
/// `ask_if` is false, or some measure reading one of its facts (in its condition or its
/// amount) is not ruled out by who the applicant is.
#[test]
fn no_question_is_put_to_an_applicant_it_cannot_concern() {
    let rs = ruleset::embedded();
    let as_of = NaiveDate::from_ymd_opt(2023, 6, 1).expect("date");
    let applicant = rs.fact_ix("applicant").expect("applicant");
    let form = rs.fact_ix("business_form").expect("business_form");
    let mut kinds: Vec<(String, Facts)> = Vec::new();
    let mut person = Facts::new(rs);
    person.set(applicant, Value::Enum(1));
    kinds.push(("person".into(), person));
    for (i, v) in rs.fact(form).values.iter().enumerate() {
        let mut f = Facts::new(rs);
        f.set(applicant, Value::Enum(0));
        f.set(form, Value::Enum(i as u8));
        kinds.push((v.id.clone(), f));
    }
    let mut wrong = Vec::new();
    for (name, facts) in &kinds {
        let ev = evaluate(rs, facts, as_of);
        for (qi, q) in rs.questions.iter().enumerate() {
            let offered = relief_finder::engine::planner::offer(rs, facts, &ev, qi);
            let asked = q.ask_if.as_ref().is_none_or(|c| {
                relief_finder::engine::eval::eval_cond(c, facts, as_of).tri
                    != relief_finder::engine::Tri::False
            });
            if !asked {
                continue;
            }
            for f in offered {
                if f == applicant || f == form || facts.is_absent(f) {
                    continue;
                }
                // The fact, or a detail it is the gate of.
                let mut reads = vec![f];
                for (d, def) in rs.facts.iter().enumerate() {
                    let mut gate = Vec::new();
                    if let Some(c) = &def.requires {
                        c.facts(&mut gate);
                    }
                    if gate.contains(&f) {
                        reads.push(d as u16);
                    }
                }
                let mut used = Vec::new();
                let useful = ev.results.iter().any(|r| {
                    used.clear();
                    r.relief.when.facts(&mut used);
                    if let Some(a) = &r.relief.amount {
                        use relief_finder::engine::eval::formula_facts;
                        use relief_finder::model::AmountValue;
                        match &a.value {
                            AmountValue::Exact(f) | AmountValue::UpTo(f) => {
                                formula_facts(f, &mut used)
                            }
                            AmountValue::Range(lo, hi) => {
                                formula_facts(lo, &mut used);
                                formula_facts(hi, &mut used);
                            }
                        }
                    }
                    used.iter().any(|u| reads.contains(u))
                        && r.eligibility != Eligibility::Ineligible
                });
                if !useful {
                    wrong.push(format!("{name}: {} offers {}", q.id, rs.fact(f).id));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "asked of an applicant it cannot concern:\n{}",
        wrong.join("\n")
    );
}

/// Set facts so that `c` is false (the first part of an `and`, every part of an `or`).
fn falsify(rs: &RuleSet, c: &relief_finder::model::Cond, facts: &mut Facts) {
    use relief_finder::model::{Cond, Test};
    match c {
        Cond::All(v) => {
            if let Some(c) = v.first() {
                falsify(rs, c, facts)
            }
        }
        Cond::Any(v) => v.iter().for_each(|c| falsify(rs, c, facts)),
        Cond::Not(_) => panic!("a gate written with not"),
        Cond::Atom(a) => {
            let def = rs.fact(a.fact);
            let v = match &a.test {
                Test::IsTrue => Value::Bool(false),
                Test::HasAny(_) | Test::HasAll(_) => Value::Set(0),
                Test::OneOf(m) => Value::Enum(
                    (0..def.values.len())
                        .find(|i| m & (1 << i) == 0)
                        .expect("a value outside the gate") as u8,
                ),
                other => panic!("a gate on {} tests {other:?}", def.id),
            };
            facts.set(a.fact, v);
        }
    }
}

/// Later answers follow earlier ones: once a detail's gate is "no" (no vehicle, never went to
/// college, no deposit), no screen offers the detail, and a value given before is dropped.
#[test]
fn a_detail_is_never_asked_once_its_gate_says_no() {
    let rs = ruleset::embedded();
    let as_of = NaiveDate::from_ymd_opt(2023, 6, 1).expect("date");
    let applicant = rs.fact_ix("applicant").expect("applicant");
    let mut gated = 0;
    for (i, def) in rs.facts.iter().enumerate() {
        let Some(gate) = &def.requires else { continue };
        gated += 1;
        let f = i as u16;
        for who in 0..2u8 {
            let mut facts = Facts::new(rs);
            facts.set(applicant, Value::Enum(who));
            falsify(rs, gate, &mut facts);
            let ev = evaluate(rs, &facts, as_of);
            let mut s = Session::new(rs, as_of);
            s.facts = facts.clone();
            s.settle(rs);
            for q in 0..rs.questions.len() {
                assert!(
                    !relief_finder::engine::planner::offer(rs, &s.facts, &ev, q).contains(&f),
                    "{} is offered on {} though its gate is false",
                    def.id,
                    rs.questions[q].id
                );
            }
            // A value given before the gate said no is dropped.
            let sample = match def.ty {
                FactType::Bool => Value::Bool(true),
                FactType::Enum => Value::Enum(0),
                FactType::Set => Value::Set(1),
                FactType::Money | FactType::Number => Value::Num(1.into()),
                FactType::Date => Value::Date(as_of),
            };
            let mut s = Session::new(rs, as_of);
            s.facts = facts;
            s.facts.set(f, sample);
            s.settle(rs);
            assert!(
                s.facts.get(f).is_none(),
                "{} kept after its gate said no",
                def.id
            );
            assert!(s.facts.is_absent(f));
        }
    }
    assert!(gated >= 15, "only {gated} gated facts");
}

/// The persona facts of a small TOML `[facts]` table.
fn persona_facts(rs: &RuleSet, toml: &str) -> Facts {
    let text = format!("name = \"planner test\"\n[facts]\n{toml}");
    relief_finder::persona::parse("planner test", &text, rs)
        .expect("the test persona parses")
        .facts
}

#[test]
fn a_follow_up_is_not_asked_of_someone_without_what_it_follows() {
    // The national-catalogue question of the province's NEV measure needs a new-energy
    // vehicle (`requires`): someone without one is not asked about the catalogue; a 2024
    // buyer is (the vehicles screen shows it once the green plate is ticked).
    let rs = ruleset::embedded();
    let as_of = NaiveDate::from_ymd_opt(2024, 6, 1).expect("date");
    let model = rs.fact_ix("nev_exempt_model").expect("the catalogue fact");
    let no_car = persona_facts(rs, "city = \"pingliang\"\napplicant = \"person\"\n");
    let s = relief_finder::walk::walk(rs, &no_car, as_of, 60).session;
    assert!(
        s.facts.is_absent(model),
        "asked of someone without a vehicle"
    );
    let buyer = persona_facts(
        rs,
        "city = \"pingliang\"\napplicant = \"person\"\nnev_purchase_on = 2024-03-01\n",
    );
    let s = relief_finder::walk::walk(rs, &buyer, as_of, 60).session;
    assert!(s.facts.get(model).is_some(), "not asked of a 2024 buyer");
}

/// Stopping early: the results can say how many more questions would settle how many open
/// measures, and the count falls to nothing once the questionnaire is done.
#[test]
fn a_person_who_stops_early_is_told_what_more_answers_would_settle() {
    let rs = ruleset::embedded();
    let as_of = NaiveDate::from_ymd_opt(2023, 6, 1).expect("date");
    let persona = persona_facts(
        rs,
        "city = \"pingliang\"\napplicant = \"business\"\nbusiness_form = \"individual_business\"\n",
    );
    let mut s = Session::new(rs, as_of);
    s.begin(rs);
    let relief_finder::engine::Screen::Question(q) = s.screen else {
        panic!("a first screen")
    };
    let who: Vec<(u16, Option<Value>)> = rs.questions[q]
        .facts
        .iter()
        .map(|f| (*f, persona.get(*f).cloned()))
        .collect();
    s.answer(rs, q, &who);
    s.show_results();
    let ev = s.evaluate(rs);
    let (n, m) = s
        .open_to_settle(rs, &ev)
        .expect("open measures after one screen");
    assert!((1..=10).contains(&n), "{n} more questions");
    assert!(m > 10, "only {m} open");
    let done = relief_finder::walk::walk(rs, &persona, as_of, 60).session;
    assert_eq!(done.open_to_settle(rs, &done.evaluate(rs)), None);
}
