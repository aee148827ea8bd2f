//! Back means back: it moves to the screen before, and never forgets an answer (issue 15,
//! point 13). The browser's back button replays the same screens (tests/e2e/wizard).

use relief_finder::engine::{Screen, Session};
use relief_finder::model::RuleSet;
use relief_finder::ruleset;

/// A restaurant's walk to the results: its own answers, "not sure" for the rest.
fn walk(rs: &RuleSet) -> Session {
    crate::walk::walk(rs, &crate::walk::RESTAURANT, |_| None)
}

#[test]
fn back_from_the_results_walks_the_questions_in_reverse_and_keeps_every_answer() {
    let rs = ruleset::embedded();
    let done = walk(rs);
    assert!(done.history.len() >= 5);
    let mut s = done.clone();
    let mut seen = Vec::new();
    loop {
        s.back();
        assert_eq!(s.facts, done.facts, "back forgets no answer");
        assert_eq!(s.history, done.history);
        assert_eq!(s.not_sure, done.not_sure);
        match s.screen {
            Screen::Question(q) => seen.push(q),
            Screen::Start => break,
            Screen::Results => panic!("back from a question went forward to the results"),
        }
    }
    let mut reversed = done.history.clone();
    reversed.reverse();
    assert_eq!(seen, reversed, "each question once, latest first");
}

#[test]
fn answering_again_after_going_back_moves_on_without_losing_the_later_answers() {
    let rs = ruleset::embedded();
    let done = walk(rs);
    let mut s = done.clone();
    for _ in 0..3 {
        s.back();
    }
    let Screen::Question(q) = s.screen else {
        panic!("a question")
    };
    // The same answer again: nothing changes but the screen, which moves past what is
    // already answered.
    let values: Vec<_> = rs.questions[q]
        .facts
        .iter()
        .map(|f| (*f, s.facts.get(*f).cloned()))
        .collect();
    s.answer(rs, q, &values);
    assert_eq!(s.screen, Screen::Results);
    assert_eq!(s.facts, done.facts);
    assert_eq!(s.asked(), done.asked());
}

#[test]
fn back_from_a_question_opened_to_change_an_answer_returns_to_the_results() {
    let rs = ruleset::embedded();
    let mut s = walk(rs);
    s.edit(s.history[0]);
    s.back();
    assert_eq!(s.screen, Screen::Results);
}
