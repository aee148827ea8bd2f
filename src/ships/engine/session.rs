//! The wizard as a state machine: answers, the questions asked, back and edit, and what to
//! show next. The UI renders a [`Session`] and forwards clicks to it; it holds no logic.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::eval::{evaluate, settle, Evaluation};
use super::facts::{Facts, Value};
use super::planner::{next_question, remaining, Plan};
use crate::model::{FactIx, RuleSet};

/// What the wizard shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The welcome screen.
    Start,
    /// A question, by index into [`RuleSet::questions`].
    Question(usize),
    /// The results.
    Results,
}

/// One person's answers and where they are in the questionnaire.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub facts: Facts,
    /// Questions answered or skipped, in the order they were.
    pub history: Vec<usize>,
    /// Of those, the ones answered "not sure".
    pub not_sure: BTreeSet<usize>,
    pub as_of: NaiveDate,
    pub screen: Screen,
    /// Where to go after the question on screen is answered: back to the results when the
    /// user came from there to settle or edit one answer.
    pub return_to_results: bool,
}

impl Session {
    /// A fresh session about `as_of`.
    pub fn new(rs: &RuleSet, as_of: NaiveDate) -> Session {
        Session {
            facts: Facts::new(rs),
            history: Vec::new(),
            not_sure: BTreeSet::new(),
            as_of,
            screen: Screen::Start,
            return_to_results: false,
        }
    }

    /// Questions already dealt with, for the planner.
    pub fn asked(&self) -> BTreeSet<usize> {
        self.history.iter().copied().collect()
    }

    /// Evaluate every relief on the session's date.
    pub fn evaluate<'r>(&self, rs: &'r RuleSet) -> Evaluation<'r> {
        evaluate(rs, &self.facts, self.as_of)
    }

    /// The planner's next question.
    pub fn plan(&self, rs: &RuleSet, ev: &Evaluation) -> Option<Plan> {
        next_question(rs, &self.facts, &self.asked(), ev)
    }

    /// Leave the start screen for the first question.
    pub fn begin(&mut self, rs: &RuleSet) {
        self.advance(rs);
    }

    /// Go to the next question, or to the results when no answer can change anything.
    fn advance(&mut self, rs: &RuleSet) {
        if self.return_to_results {
            self.return_to_results = false;
            self.screen = Screen::Results;
            return;
        }
        let ev = self.evaluate(rs);
        self.screen = match self.plan(rs, &ev) {
            Some(p) => Screen::Question(p.question),
            None => Screen::Results,
        };
    }

    /// Bring the answers in line with each other ([`settle`]); a question whose answer was
    /// dropped leaves the history, so that the planner may ask it again.
    pub fn settle(&mut self, rs: &RuleSet) {
        let dropped = settle(rs, &mut self.facts, self.as_of);
        if !dropped.is_empty() {
            self.history
                .retain(|q| !rs.questions[*q].facts.iter().any(|f| dropped.contains(f)));
            self.not_sure.retain(|q| self.history.contains(q));
        }
    }

    /// For a person who stopped early: about how many questions remain (`N`, see
    /// [`Session::remaining`]: the planner's walk, which also asks what only an amount needs)
    /// and how many measures in force are still open (`M`) — "再回答 N 个问题，可确定 M 项" —
    /// or `None` when nothing is open or no question is left.
    pub fn open_to_settle(&self, rs: &RuleSet, ev: &Evaluation) -> Option<(usize, usize)> {
        let open = ev
            .results
            .iter()
            .filter(|r| r.in_force() && r.eligibility == super::eval::Eligibility::Maybe)
            .count();
        let n = self.remaining(rs);
        (open > 0 && n > 0).then_some((n, open))
    }

    /// About how many questions remain (see [`remaining`]).
    pub fn remaining(&self, rs: &RuleSet) -> usize {
        remaining(rs, &self.facts, &self.asked(), self.as_of, 30)
    }

    fn record(&mut self, q: usize) {
        self.history.retain(|x| *x != q);
        self.history.push(q);
    }

    /// Answer question `q`: each of its facts gets a value, or `None` for "not sure" of
    /// that fact. A value that does not fit its fact clears the fact, as "not sure" of it
    /// does (it does not leave the earlier answer in place).
    ///
    /// Answers that an answer contradicts are dropped and their questions asked again: a
    /// county of the city no longer named, a deposit's due date once there is no deposit.
    pub fn answer(&mut self, rs: &RuleSet, q: usize, values: &[(FactIx, Option<Value>)]) {
        for (f, v) in values {
            match v {
                Some(v) if v.fits(rs.fact(*f)) => self.facts.set(*f, v.clone()),
                _ => self.facts.clear(*f),
            }
        }
        self.settle(rs);
        self.record(q);
        if values.iter().all(|(_, v)| v.is_none()) {
            self.not_sure.insert(q);
        } else {
            self.not_sure.remove(&q);
        }
        self.advance(rs);
    }

    /// "Not sure": the question's facts stay unknown and it is not asked again.
    pub fn skip(&mut self, rs: &RuleSet, q: usize) {
        let none: Vec<(FactIx, Option<Value>)> =
            rs.questions[q].facts.iter().map(|f| (*f, None)).collect();
        self.answer(rs, q, &none);
    }

    /// Back: the screen before this one, with every answer kept. From a question, the
    /// question dealt with before it (the last one dealt with, if it is new); from the
    /// results, the last question; before the first, the start. From a question opened
    /// from the results to change one answer, the results. Back only moves: the browser's
    /// back button and the app's agree because neither forgets an answer.
    pub fn back(&mut self) {
        let last = |h: &[usize]| h.last().map_or(Screen::Start, |q| Screen::Question(*q));
        self.screen = match self.screen {
            Screen::Question(_) if self.return_to_results => {
                self.return_to_results = false;
                Screen::Results
            }
            Screen::Question(q) => match self.history.iter().position(|x| *x == q) {
                Some(i) => last(&self.history[..i]),
                None => last(&self.history),
            },
            Screen::Results => last(&self.history),
            Screen::Start => Screen::Start,
        };
    }

    /// Show question `q` to change or give its answer, then come back to the results.
    pub fn edit(&mut self, q: usize) {
        self.return_to_results = self.screen == Screen::Results;
        self.screen = Screen::Question(q);
    }

    /// Show the results now.
    pub fn show_results(&mut self) {
        self.return_to_results = false;
        self.screen = Screen::Results;
    }

    /// Forget everything but the date.
    pub fn reset(&mut self, rs: &RuleSet) {
        *self = Session::new(rs, self.as_of);
    }
}
