//! The planner asks only what can still change a result, never twice, and finishes.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use relief_finder::engine::{evaluate, next_question, Eligibility, Facts, Session, Value};
use relief_finder::model::{FactType, RuleSet};
use relief_finder::ruleset;

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
                steps <= rs.questions.len(),
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
    assert!(["city", "applicant"].contains(&rs.questions[p.question].id.as_str()));
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
    assert!(!s.asked().contains(&first));
}

/// Walk the wizard as the persona of a case would: answer what the planner asks from the
/// persona's facts, "not sure" for anything the persona does not say.
fn walk(rs: &RuleSet, persona: &Facts, as_of: NaiveDate) -> Session {
    let mut s = Session::new(rs, as_of);
    s.begin(rs);
    let mut guard = 0;
    while let relief_finder::engine::Screen::Question(q) = s.screen {
        guard += 1;
        assert!(guard <= rs.questions.len(), "the wizard loops");
        let answers: Vec<(u16, Option<Value>)> = rs.questions[q]
            .facts
            .iter()
            .map(|f| (*f, persona.get(*f).cloned()))
            .collect();
        s.answer(rs, q, &answers);
    }
    s
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
        let s = walk(rs, &persona.facts, as_of);
        let ev = s.evaluate(rs);
        for id in wanted {
            checked += 1;
            let r = ev
                .results
                .iter()
                .find(|r| r.relief.id == id)
                .expect("relief");
            if r.eligibility != Eligibility::Eligible {
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

/// The persona facts of a small TOML `[facts]` table.
fn persona_facts(rs: &RuleSet, toml: &str) -> Facts {
    let text = format!("name = \"planner test\"\n[facts]\n{toml}");
    relief_finder::persona::parse("planner test", &text, rs)
        .expect("the test persona parses")
        .facts
}

#[test]
fn a_follow_up_is_not_asked_of_someone_who_skipped_what_it_follows() {
    // The national-catalogue question of the province's NEV measure follows the purchase date
    // (`ask_if = "known(nev_purchase_on)"`): someone without a new-energy vehicle skips the
    // date and is not asked about the catalogue; a 2024 buyer is.
    let rs = ruleset::embedded();
    let as_of = NaiveDate::from_ymd_opt(2024, 6, 1).expect("date");
    let follow_up = rs
        .questions
        .iter()
        .position(|q| q.id == "nev_exempt_model")
        .expect("the catalogue question");
    let no_car = persona_facts(rs, "city = \"pingliang\"\napplicant = \"person\"\n");
    let s = walk(rs, &no_car, as_of);
    assert!(
        !s.asked().contains(&follow_up),
        "asked of someone who skipped the date"
    );
    let buyer = persona_facts(
        rs,
        "city = \"pingliang\"\napplicant = \"person\"\nnev_purchase_on = 2024-03-01\n",
    );
    let s = walk(rs, &buyer, as_of);
    assert!(s.asked().contains(&follow_up), "not asked of a 2024 buyer");
}
