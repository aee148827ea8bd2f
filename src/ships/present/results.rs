//! The results as the person reads them: a lead that fits a phone's first screen (the date
//! being looked at, one line of what is worth money now and in the measures' own years, the
//! ended-measures note), then the measures in sections, each in the chosen order, then the
//! scope. The app draws these, `relief eval` prints them, and the snapshot tests under
//! `tests/snapshots/` keep them.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::catalog::{fill, t, tn, Msg};
use super::describe::{totals, value};
use crate::engine::calendar::ymd;
use crate::engine::eval::{Eligibility, Evaluation};
use crate::engine::summary::{self, Worth};
use crate::engine::Session;
use crate::model::{Lang, RuleSet, CATEGORIES};

/// How the measures of a section are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Money (highest first), then other reliefs, then services.
    #[default]
    Default,
    /// The day a measure ends, soonest first.
    EndDate,
}

/// A section of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// Eligible and in force on the date; the lesser member of an overlap group is shown
    /// inside its better one's card.
    Eligible,
    /// In force, and an answer is still missing.
    Maybe,
    /// Not in force on the date: those the person qualified for in their own window, and
    /// those the date alone would give, which the card says they never had.
    NotInForce,
    /// In force, and one change the person could make stands in the way.
    NearMiss,
}

impl SectionKind {
    /// Every section, in the order they are shown.
    pub const ALL: [SectionKind; 4] = [
        SectionKind::Eligible,
        SectionKind::Maybe,
        SectionKind::NotInForce,
        SectionKind::NearMiss,
    ];

    /// The id of the section's heading on the page.
    pub fn id(self) -> &'static str {
        match self {
            SectionKind::Eligible => "sec-eligible",
            SectionKind::Maybe => "sec-maybe",
            SectionKind::NotInForce => "sec-expired",
            SectionKind::NearMiss => "sec-near",
        }
    }

    /// The section's heading.
    pub fn title(self) -> Msg {
        match self {
            SectionKind::Eligible => Msg::ResEligible,
            SectionKind::Maybe => Msg::ResMaybe,
            SectionKind::NotInForce => Msg::ResExpired,
            SectionKind::NearMiss => Msg::ResNear,
        }
    }

    /// Unfolded at first: what the person gets, and what an answer could still give.
    pub fn open(self) -> bool {
        matches!(self, SectionKind::Eligible | SectionKind::Maybe)
    }

    /// Whether result `i` belongs here.
    fn holds(self, rs: &RuleSet, ev: &Evaluation, i: usize) -> bool {
        let r = &ev.results[i];
        match self {
            SectionKind::Eligible => {
                r.eligibility == Eligibility::Eligible
                    && r.in_force()
                    && r.overlap
                        .as_ref()
                        .is_none_or(|o| o.best == i || !ev.counts(o.best))
            }
            SectionKind::Maybe => r.eligibility == Eligibility::Maybe && r.in_force(),
            SectionKind::NotInForce => {
                !r.in_force()
                    && (r.eligibility == Eligibility::Eligible
                        || r.window
                            .as_ref()
                            .is_some_and(|w| w.on_date == Eligibility::Eligible))
            }
            SectionKind::NearMiss => r.in_force() && r.near_miss(rs).is_some(),
        }
    }
}

/// A section and its measures (indices into the evaluation's results), in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub items: Vec<usize>,
}

impl Section {
    /// Whether the section is shown: the eligible one always (it says when it is empty),
    /// the others when they hold a measure.
    pub fn shown(&self) -> bool {
        self.kind == SectionKind::Eligible || !self.items.is_empty()
    }
}

/// Every section, in order, with the measures of `category` only where one is given.
pub fn sections(rs: &RuleSet, ev: &Evaluation, sort: Sort, category: Option<&str>) -> Vec<Section> {
    SectionKind::ALL
        .iter()
        .map(|kind| {
            let items = (0..ev.results.len())
                .filter(|i| category.is_none_or(|c| ev.results[*i].relief.category == c))
                .filter(|i| kind.holds(rs, ev, *i))
                .collect();
            Section {
                kind: *kind,
                items: sorted(ev, items, sort),
            }
        })
        .collect()
}

/// `items` in the order `sort` (stable: ties keep the rule set's order).
fn sorted(ev: &Evaluation, mut items: Vec<usize>, sort: Sort) -> Vec<usize> {
    match sort {
        Sort::Default => summary::order(ev, &mut items),
        Sort::EndDate => summary::sort_by(ev, &mut items, |r| {
            Decimal::from(
                r.relief
                    .valid_until
                    .unwrap_or(NaiveDate::MAX)
                    .num_days_from_ce(),
            )
        }),
    }
    items
}

/// What the results lead with, above the fold; it needs none of the texts fetched later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    /// The date looked at when it is not today ("您正在查看…"), with the way back to today.
    pub viewing: Option<(String, NaiveDate)>,
    /// What is worth money on the date, and what the person could have claimed in the
    /// measures' own years.
    pub summary: String,
    /// How many measures the person qualified for have ended, and a date to look back at.
    pub ended: Option<(String, Option<(String, NaiveDate)>)>,
}

/// The lead of an evaluation looked at on `today`.
pub fn lead(ev: &Evaluation, today: NaiveDate, lang: Lang) -> Lead {
    let as_of = ev.as_of;
    let ended = summary::ended_qualified(ev).len();
    let back = summary::look_back(ev).filter(|d| *d != as_of);
    Lead {
        viewing: (as_of != today)
            .then(|| (t(lang, Msg::ResViewing).replace("{d}", &ymd(as_of)), today)),
        summary: summary_line(ev, lang),
        ended: (ended > 0).then(|| {
            (
                tn(lang, Msg::ResEndedNote, ended),
                back.map(|d| (t(lang, Msg::ResLookBack).replace("{d}", &ymd(d)), d)),
            )
        }),
    }
}

/// `28,800元 每年、5,000元 一次性`: the exact amounts of some measures, per unit, or that
/// the amounts vary when none is exact.
fn money(w: &Worth, lang: Lang) -> String {
    if w.totals.is_empty() {
        return t(lang, Msg::SumVary).to_string();
    }
    totals(&w.totals, t(lang, Msg::PList), lang)
}

/// The one line above the fold: what is worth money on the date, and what the person could
/// have claimed in the measures' own years.
pub fn summary_line(ev: &Evaluation, lang: Lang) -> String {
    let s = summary::summary(ev);
    let line_of = |m: Msg, w: &Worth| {
        let text = t(lang, m)
            .replace("{d}", &ymd(ev.as_of))
            .replace("{m}", &money(w, lang));
        fill(&text, "n", w.count)
    };
    let mut line = if s.now.count == 0 {
        line_of(Msg::SumNowNone, &s.now)
    } else {
        line_of(Msg::SumNow, &s.now)
    };
    if s.own_years.count > 0 {
        line.push_str(&line_of(Msg::SumOwn, &s.own_years));
    }
    line
}

/// "再回答 N 个问题，可确定 M 项待定的政策。" for a person who stopped early (see
/// [`Session::open_to_settle`](crate::engine::Session::open_to_settle)).
pub fn early(questions: usize, open: usize, lang: Lang) -> String {
    fill(&tn(lang, Msg::ResEarly, questions), "m", open)
}

/// The scope, stated once under the measures it bounds: the documents the results cover,
/// and whom to ask about the rest.
pub fn scope(rs: &RuleSet, lang: Lang) -> String {
    let docs: Vec<&str> = rs.documents.iter().map(|d| d.number.as_str()).collect();
    format!(
        "{}{}{}",
        tn(lang, Msg::ResScope, docs.len()),
        docs.join(t(lang, Msg::PList)),
        t(lang, Msg::ResScopeMore)
    )
}

/// The categories the rule set uses, in the order of [`CATEGORIES`], for the filter.
pub fn categories(rs: &RuleSet) -> Vec<&'static str> {
    CATEGORIES
        .iter()
        .copied()
        .filter(|c| rs.reliefs.iter().any(|r| r.category == *c))
        .collect()
}

/// A question dealt with, as the results and the printout list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    /// Index into the rule set's questions.
    pub q: usize,
    pub question: String,
    /// Each answered fact's label and value in words; `None` for "not sure".
    pub values: Option<Vec<(String, String)>>,
}

impl AnswerRow {
    /// The answer in one line: the values, or "不确定".
    pub fn answer(&self, lang: Lang) -> String {
        match &self.values {
            None => t(lang, Msg::ResUnanswered).to_string(),
            Some(v) => v
                .iter()
                .map(|(_, value)| value.as_str())
                .collect::<Vec<_>>()
                .join(t(lang, Msg::PSemi)),
        }
    }
}

/// The questions dealt with, in the order they were.
pub fn answers(rs: &RuleSet, s: &Session, lang: Lang) -> Vec<AnswerRow> {
    s.history
        .iter()
        .map(|q| {
            let question = &rs.questions[*q];
            let values = (!s.not_sure.contains(q)).then(|| {
                question
                    .facts
                    .iter()
                    .filter_map(|f| {
                        let def = rs.fact(*f);
                        let v = s.facts.get(*f)?;
                        Some((def.label.get(lang).to_string(), value(def, v, lang)))
                    })
                    .collect()
            });
            AnswerRow {
                q: *q,
                question: question.text.get(lang).to_string(),
                values,
            }
        })
        .collect()
}
