//! A question screen: which of its facts it puts on screen, which choices each offers,
//! what its answer can settle, and the drafted answers read back as values (a tick box is
//! yes or no, an empty field "not sure", a mistyped one a message).

use chrono::NaiveDate;

use super::catalog::{category, t, tn, Msg};
use crate::engine::eval::{eval_cond, Evaluation, Tri};
use crate::engine::facts::{Facts, Value, ValueError};
use crate::engine::planner::{self, offer, shown};
use crate::engine::Session;
use crate::model::{FactDef, FactIx, FactType, Lang, RuleSet};

/// What a question screen shows, as the planner and the answers so far decide it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionView {
    /// Index into the rule set's questions.
    pub q: usize,
    /// The date asked about, which gates and choices are judged on.
    pub as_of: NaiveDate,
    /// The facts on screen (see [`offer`]).
    pub offered: Vec<FactIx>,
    /// What an answer can settle: open measures in force by category id.
    pub stakes: Vec<(String, usize)>,
    /// A screen of several facts: a yes/no is a tick box, a detail shows once its gate is
    /// ticked, and a field left empty is "not sure".
    pub multi: bool,
    /// One choice (an enum or a yes/no alone) answers at once, without "Continue".
    pub single_choice: bool,
}

impl QuestionView {
    /// Question `q` for the session's answers.
    pub fn new(rs: &RuleSet, s: &Session, ev: &Evaluation, q: usize) -> QuestionView {
        let question = &rs.questions[q];
        let multi = question.facts.len() > 1;
        QuestionView {
            q,
            as_of: s.as_of,
            offered: offer(rs, &s.facts, ev, q),
            stakes: planner::stakes(rs, &s.facts, ev, q),
            multi,
            single_choice: !multi
                && matches!(
                    rs.fact(question.facts[0]).ty,
                    FactType::Enum | FactType::Bool
                ),
        }
    }

    /// "这一步关系到：税收 2 项、就业创业 1 项", or nothing when only amounts are at stake.
    pub fn stakes_text(&self, lang: Lang) -> Option<String> {
        let parts: Vec<String> = self
            .stakes
            .iter()
            .map(|(c, n)| {
                let name = category(c).map_or(c.as_str(), |m| t(lang, m));
                format!("{name}{}", tn(lang, Msg::QItems, n))
            })
            .collect();
        (!parts.is_empty()).then(|| tn(lang, Msg::QStakes, parts.join(t(lang, Msg::QListSep))))
    }

    /// Whether offered fact `f` shows, given the answers so far with those drafted here.
    pub fn shows(&self, rs: &RuleSet, draft: &Facts, f: FactIx) -> bool {
        !self.multi || shown(rs, draft, self.as_of, f)
    }
}

/// The choices of an enum or yes/no fact, with their values' ids: a yes/no offers yes and
/// no; an enum offers the values whose `only_if` is not false for the answers so far with
/// those drafted on the screen (the counties of the city chosen beside them).
pub fn options<'d>(def: &'d FactDef, draft: &Facts, as_of: NaiveDate) -> Vec<(usize, &'d str)> {
    if def.ty == FactType::Bool {
        return vec![(0, "true"), (1, "false")];
    }
    def.values
        .iter()
        .enumerate()
        .filter(|(_, v)| {
            v.only_if
                .as_ref()
                .is_none_or(|c| eval_cond(c, draft, as_of).tri != Tri::False)
        })
        .map(|(i, v)| (i, v.id.as_str()))
        .collect()
}

/// The words of choice `i` of an enum or yes/no fact.
pub fn option_label(def: &FactDef, i: usize, lang: Lang) -> String {
    match def.ty {
        FactType::Bool => t(lang, if i == 0 { Msg::QYes } else { Msg::QNo }).to_string(),
        _ => def
            .values
            .get(i)
            .map(|v| v.label.get(lang).to_string())
            .unwrap_or_default(),
    }
}

/// The unit after an amount or number field: the fact's own, else yuan.
pub fn unit(def: &FactDef, lang: Lang) -> String {
    match (&def.unit, lang) {
        (Some(u), _) => u.get(lang).to_string(),
        (None, Lang::Zh) => "元".into(),
        (None, Lang::En) => "yuan".into(),
    }
}

/// The drafted answer of one fact while the person is choosing or typing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// The chosen enum value; for a yes/no, 0 is yes and 1 is no.
    pub choice: Option<usize>,
    /// The chosen values of a set.
    pub bits: u64,
    /// What was typed (an amount, a number, a date).
    pub text: String,
}

impl Draft {
    /// The draft that shows the answer already given, if any.
    pub fn of(def: &FactDef, current: Option<&Value>) -> Draft {
        match current {
            Some(Value::Enum(i)) => Draft {
                choice: Some(usize::from(*i)),
                ..Draft::default()
            },
            Some(Value::Bool(b)) => Draft {
                choice: Some(usize::from(!b)),
                ..Draft::default()
            },
            Some(Value::Set(b)) => Draft {
                bits: *b,
                ..Draft::default()
            },
            Some(v) => Draft {
                text: v.write(def),
                ..Draft::default()
            },
            None => Draft::default(),
        }
    }

    /// What the draft holds now, if anything: on a screen of several facts (`tick`) an
    /// unticked box is a no. The screen's drafts decide which details and choices it shows.
    pub fn value(&self, def: &FactDef, tick: bool) -> Option<Value> {
        match def.ty {
            FactType::Enum => self.choice.map(|i| Value::Enum(i as u8)),
            FactType::Bool if tick => Some(Value::Bool(self.choice == Some(0))),
            FactType::Bool => self.choice.map(|i| Value::Bool(i == 0)),
            FactType::Set => Some(Value::Set(self.bits)),
            _ => Value::parse(def, &self.text).ok(),
        }
    }

    /// The answer to record, or what is wrong with it. On a screen of several facts
    /// (`tick`) a tick box is yes or no, and a choice or a field left empty is "not sure"
    /// (`None`); alone, a fact must be answered (its "not sure" is the screen's button).
    pub fn answer(&self, def: &FactDef, tick: bool) -> Result<Option<Value>, Msg> {
        let empty = self.text.trim().is_empty();
        match def.ty {
            FactType::Bool if tick => Ok(Some(Value::Bool(self.choice == Some(0)))),
            FactType::Enum if tick => Ok(self.choice.map(|i| Value::Enum(i as u8))),
            FactType::Money | FactType::Number | FactType::Date if tick && empty => Ok(None),
            FactType::Enum => self
                .choice
                .map(|i| Some(Value::Enum(i as u8)))
                .ok_or(Msg::ErrChoose),
            FactType::Bool => self
                .choice
                .map(|i| Some(Value::Bool(i == 0)))
                .ok_or(Msg::ErrChoose),
            FactType::Set => Ok(Some(Value::Set(self.bits))),
            FactType::Money | FactType::Number | FactType::Date => Value::parse(def, &self.text)
                .map(Some)
                .map_err(|e| match e {
                    ValueError::Negative => Msg::ErrNegative,
                    ValueError::NotADate => Msg::ErrDate,
                    _ => Msg::ErrNumber,
                }),
        }
    }
}

/// The answers so far with those drafted on the screen.
pub fn drafted(rs: &RuleSet, facts: &Facts, drafts: &[(FactIx, Draft)], tick: bool) -> Facts {
    let mut facts = facts.clone();
    for (f, d) in drafts {
        match d.value(rs.fact(*f), tick) {
            Some(v) => facts.set(*f, v),
            None => facts.clear(*f),
        }
    }
    facts
}

/// What is wrong with the draft at this position of a screen's drafts.
pub type FieldError = (usize, Msg);

/// A screen's drafts read as answers: the values to record (of the facts shown), or, for
/// each draft that cannot be recorded, its position and what is wrong.
pub fn answers(
    rs: &RuleSet,
    view: &QuestionView,
    facts: &Facts,
    drafts: &[(FactIx, Draft)],
) -> Result<Vec<(FactIx, Option<Value>)>, Vec<FieldError>> {
    let draft = drafted(rs, facts, drafts, view.multi);
    let mut values = Vec::new();
    let mut errors = Vec::new();
    for (i, (f, d)) in drafts.iter().enumerate() {
        if !view.shows(rs, &draft, *f) {
            continue;
        }
        match d.answer(rs.fact(*f), view.multi) {
            Ok(v) => values.push((*f, v)),
            Err(e) => errors.push((i, e)),
        }
    }
    if errors.is_empty() {
        Ok(values)
    } else {
        Err(errors)
    }
}
