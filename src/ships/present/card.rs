//! One measure's card: what it is worth, why the person qualifies (or what is missing), its
//! dates, where to go, and its clause. Built only once the texts (`texts-zh.bin` or `texts-en.bin`) are here:
//! titles, clauses and departments come with them.

use chrono::NaiveDate;

use super::catalog::{national_note, t, tn, Msg};
use super::describe::{self, amount_text, articles_text, names};
use crate::engine::calendar::ymd;
use crate::engine::eval::{date_when_met, Eligibility, Evaluation, ReliefResult, Timing};
use crate::engine::facts::Facts;
use crate::engine::summary::Tier;
use crate::model::{Claim, Kind, Lang, Relief, RuleSet};

/// A card, every text in the language it was made in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The relief's id (`pingliang-2023.vat-small-scale-exempt`).
    pub id: String,
    /// The card's element id (`relief-pingliang-2023-vat-small-scale-exempt`), where the
    /// results come back to after one of its questions is answered.
    pub anchor: String,
    pub tier: Tier,
    pub title: String,
    pub timing: Timing,
    pub service: bool,
    /// The lesser member of its overlap group.
    pub alternative: bool,
    /// What it is worth: `28,800元 每年`, with how it is computed.
    pub amount: Option<(String, String)>,
    /// For a measure not in force: the day it ended or starts (`已于2023-12-31结束`).
    pub out_of_force: Option<String>,
    pub benefit: String,
    pub caveat: Option<String>,
    /// The note on a restated national policy whose period has passed.
    pub national: Option<&'static str>,
    /// The other members of its overlap group, the better one starred.
    pub overlap: Option<String>,
    /// When it is in force: `2023-01-01 – 2023-12-31`.
    pub dates: String,
    /// For a measure not in force: whether the person qualified while it ran.
    pub window: Option<(WindowClass, String)>,
    /// Why the person qualifies, in their own answers (only when eligible).
    pub why: Vec<String>,
    /// The one change that stands in the way of a near miss, and from when it would hold.
    pub why_not: Option<String>,
    /// The questions that would settle it (index into the rule set's questions, wording).
    pub needs: Vec<(usize, String)>,
    /// Where to go: `崆峒区税务局办税服务厅 · 电话 12366`.
    pub go: Option<String>,
    pub claim: Option<Msg>,
    pub channels: Option<String>,
    /// Every responsible department, and how many.
    pub depts: (usize, String),
    pub doc_number: String,
    pub doc_title: String,
    pub issuer: String,
    pub articles: String,
}

/// Whether the person qualified while a measure ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowClass {
    Yes,
    No,
}

impl WindowClass {
    /// Its class on the page.
    pub fn class(self) -> &'static str {
        match self {
            WindowClass::Yes => "window yes",
            WindowClass::No => "window no",
        }
    }
}

/// The badge of a card: its words and its class on the page.
pub fn badge(timing: Timing) -> (Msg, &'static str) {
    match timing {
        Timing::InForce => (Msg::ReliefInForce, "badge ok"),
        Timing::Expired => (Msg::ReliefExpired, "badge old"),
        Timing::NotYet => (Msg::ReliefNotYet, "badge soon"),
    }
}

/// A tier as the page's `data-tier` has it.
pub fn tier_digit(tier: Tier) -> &'static str {
    match tier {
        Tier::Money => "0",
        Tier::Other => "1",
        Tier::Service => "2",
    }
}

impl Card {
    /// The card of result `i` for a person with these answers.
    pub fn new(rs: &RuleSet, ev: &Evaluation, i: usize, facts: &Facts, lang: Lang) -> Card {
        let r = &ev.results[i];
        let relief = r.relief;
        let doc = rs.doc_of(relief);
        // A measure not in force was judged on a day of its own window: its reasons name
        // that day, not the date asked about.
        let anchor = r.window.as_ref().map(|_| r.judged_on);
        let why = match r.eligibility {
            Eligibility::Eligible => r
                .outcome
                .matched
                .iter()
                .map(|c| describe::reason(rs, c, facts, lang, anchor))
                .collect(),
            _ => Vec::new(),
        };
        Card {
            id: relief.id.clone(),
            anchor: format!("relief-{}", relief.id.replace('.', "-")),
            tier: Tier::of(relief),
            title: relief.title.get(lang).to_string(),
            timing: r.timing,
            service: relief.kind == Kind::Service,
            alternative: r.overlap.as_ref().is_some_and(|o| o.best != i),
            amount: match (&r.amount, &relief.amount) {
                (Some(a), Some(def)) => Some((
                    amount_text(a, def.per, lang),
                    def.basis.get(lang).to_string(),
                )),
                _ => None,
            },
            out_of_force: out_of_force(r, lang),
            benefit: relief.benefit.get(lang).to_string(),
            caveat: relief.caveat.as_ref().map(|c| c.get(lang).to_string()),
            national: (relief.national && r.timing == Timing::Expired)
                .then(|| national_note(lang, &relief.category)),
            overlap: overlap(rs, ev, i, lang),
            dates: describe::dates(relief, lang),
            window: window(r, lang),
            why,
            why_not: why_not(rs, r, facts, lang, anchor),
            needs: needs(rs, r, lang),
            go: describe::office_line(rs, relief, facts, lang),
            claim: relief.claim.map(|c| match c {
                Claim::Filing => Msg::ReliefClaimFiling,
                Claim::Application => Msg::ReliefClaimApplication,
            }),
            channels: (!relief.channels.is_empty()).then(|| names(&relief.channels, lang)),
            depts: (relief.apply_to.len(), names(&relief.apply_to, lang)),
            doc_number: doc.number.clone(),
            doc_title: doc.title.clone(),
            issuer: doc.issuer.clone(),
            articles: articles_text(relief, lang),
        }
    }
}

/// Out of force: the day it ended (or starts).
fn out_of_force(r: &ReliefResult, lang: Lang) -> Option<String> {
    match (r.timing, r.relief.valid_until, r.relief.valid_from) {
        (Timing::Expired, Some(d), _) => Some(t(lang, Msg::ReliefEndedOn).replace("{d}", &ymd(d))),
        (Timing::NotYet, _, Some(d)) => Some(t(lang, Msg::ReliefStartsOn).replace("{d}", &ymd(d))),
        _ => None,
    }
}

/// Whether the person qualified while a measure not in force ran, and when.
fn window(r: &ReliefResult, lang: Lang) -> Option<(WindowClass, String)> {
    let w = r.window.as_ref()?;
    Some(match w.qualified {
        Some((a, b)) => (
            WindowClass::Yes,
            match b {
                Some(b) => t(lang, Msg::ReliefWindowYes).replace("{b}", &ymd(b)),
                None => t(lang, Msg::ReliefWindowFrom).to_string(),
            }
            .replace("{a}", &ymd(a)),
        ),
        None => (WindowClass::No, t(lang, Msg::ReliefWindowNo).to_string()),
    })
}

/// A near miss in words, with the day from which a date condition would hold.
fn why_not(
    rs: &RuleSet,
    r: &ReliefResult,
    facts: &Facts,
    lang: Lang,
    anchor: Option<NaiveDate>,
) -> Option<String> {
    let c = r.near_miss(rs)?;
    let mut s = describe::condition_on(rs, c, lang, anchor);
    if let Some(d) = date_when_met(c, facts, r.judged_on) {
        s.push_str(&format!(
            "{}{} {}{}",
            t(lang, Msg::POpen),
            ymd(d),
            t(lang, Msg::ReliefHoldsFrom),
            t(lang, Msg::PClose)
        ));
    }
    Some(s)
}

/// The questions whose answers would settle a measure still open, each once.
fn needs(rs: &RuleSet, r: &ReliefResult, lang: Lang) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for f in &r.outcome.unknown {
        if let Some(q) = rs.questions.iter().position(|q| q.facts.contains(f)) {
            if !out.iter().any(|(x, _)| *x == q) {
                out.push((q, rs.questions[q].text.get(lang).to_string()));
            }
        }
    }
    out
}

/// The other members of result `i`'s overlap group, the better one starred: `标题（平政发
/// 〔2023〕18号 第2条） ★；…`.
fn overlap(rs: &RuleSet, ev: &Evaluation, i: usize, lang: Lang) -> Option<String> {
    let o = ev.results[i].overlap.as_ref()?;
    let others: Vec<String> = ev
        .results
        .iter()
        .enumerate()
        .filter(|(j, x)| *j != i && x.overlap.as_ref().is_some_and(|xo| xo.group == o.group))
        .map(|(j, x)| {
            let star = if o.best == j { " ★" } else { "" };
            format!(
                "{}{}{} {}{}{star}",
                x.relief.title.get(lang),
                t(lang, Msg::POpen),
                rs.doc_of(x.relief).number,
                articles_text(x.relief, lang),
                t(lang, Msg::PClose)
            )
        })
        .collect();
    (!others.is_empty()).then(|| others.join(t(lang, Msg::PSemi)))
}

/// The citation of a relief: `平政发〔2023〕18号 第2条`.
pub fn citation(rs: &RuleSet, relief: &Relief, lang: Lang) -> String {
    format!(
        "{} {}",
        rs.doc_of(relief).number,
        articles_text(relief, lang)
    )
}

/// `全部责任单位（9个）`: the heading of a card's folded list of departments.
pub fn depts_title(n: usize, lang: Lang) -> String {
    tn(lang, Msg::ReliefDepts, n)
}
