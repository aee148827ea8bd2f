//! What a printout holds, in its order (issue 15, point 12): the measures in force that the
//! person qualifies for, those they qualify for that are not in force on the date, and
//! those still open; each list worth-money first, then other reliefs, then services; and
//! the printout itself as HTML, each measure in short. The app prints it in place of the
//! screen (`app/print.rs`); the page count is checked in the browser.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::calendar::ymd;
use super::describe::{self, amount_text, articles_text, dates, names, yuan};
use super::eval::{Eligibility, Evaluation};
use super::session::Session;
use crate::catalog::{t, tn};
use crate::model::{Kind, Lang, RuleSet};

/// Indices into [`Evaluation::results`], by section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printout {
    /// Qualified and in force; the lesser members of an overlap group are left out (their
    /// better one is listed).
    pub in_force: Vec<usize>,
    /// Qualified, but not in force on the date asked about.
    pub not_in_force: Vec<usize>,
    /// In force, and an answer is still missing.
    pub open: Vec<usize>,
}

/// The printout of an evaluation.
pub fn printout(ev: &Evaluation) -> Printout {
    // Services last, the rest by what they are worth, highest first.
    let key = |i: usize| {
        let r = &ev.results[i];
        match r.relief.kind {
            Kind::Service => Decimal::ONE,
            _ => -r.amount.as_ref().map(|a| a.top()).unwrap_or_default(),
        }
    };
    let pick = |keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
        // An insertion sort: stable (ties keep the rule set's order), few items, and far
        // smaller in the wasm than another instance of the standard sort.
        let mut v: Vec<usize> = Vec::new();
        for i in (0..ev.results.len()).filter(|i| keep(*i)) {
            let at = v
                .iter()
                .rposition(|j| key(*j) <= key(i))
                .map_or(0, |p| p + 1);
            v.insert(at, i);
        }
        v
    };
    let eligible = |i: usize| ev.results[i].eligibility == Eligibility::Eligible;
    Printout {
        in_force: pick(&|i| {
            eligible(i)
                && ev.results[i].in_force()
                && ev.results[i]
                    .overlap
                    .as_ref()
                    .is_none_or(|o| o.best == i || !ev.counts(o.best))
        }),
        not_in_force: pick(&|i| eligible(i) && !ev.results[i].in_force()),
        open: pick(&|i| {
            ev.results[i].eligibility == Eligibility::Maybe && ev.results[i].in_force()
        }),
    }
}

/// The printout as HTML, for the app to print in place of the screen: the date asked about
/// first, what the results cover, the answers, the measures in force; then those not in
/// force and how many are still open; the QR code (`qr`, an SVG) last. No rule-set hash and
/// no raw address. Every text is escaped.
pub fn html(
    rs: &RuleSet,
    ev: &Evaluation,
    s: &Session,
    lang: Lang,
    printed_on: NaiveDate,
    qr: Option<&str>,
) -> String {
    let p = printout(ev);
    let mut out = String::with_capacity(8192);
    let list = t(lang, "p.list");
    let colon = t(lang, "p.colon");
    out.push_str(&format!(
        "<h1>{} · {}</h1><p class=\"when\"><strong>{} {}</strong> · {} {}</p><p class=\"scope\">{}</p><p class=\"docs\">{}</p>",
        t(lang, "app.name"),
        t(lang, "res.title"),
        t(lang, "res.as_of"),
        ymd(s.as_of),
        t(lang, "print.printed_on"),
        ymd(printed_on),
        t(lang, "print.scope"),
        esc(&rs.documents.iter().map(|d| d.number.as_str()).collect::<Vec<_>>().join(list)),
    ));

    answers(&mut out, rs, s, lang);

    out.push_str(&format!(
        "<h2>{} {}</h2>",
        t(lang, "res.eligible"),
        p.in_force.len()
    ));
    let totals: Vec<String> = ev
        .totals()
        .iter()
        .map(|(per, v)| {
            format!(
                "{} {}",
                yuan(*v, lang),
                t(lang, &format!("per.{}", per.name()))
            )
        })
        .collect();
    if !totals.is_empty() {
        out.push_str(&format!(
            "<p>{}{colon}<strong>{}</strong></p>",
            t(lang, "res.total"),
            totals.join(t(lang, "p.semi"))
        ));
    }
    if p.in_force.is_empty() {
        out.push_str(&format!("<p>{}</p>", t(lang, "res.eligible_none")));
    }
    for i in &p.in_force {
        card(&mut out, rs, ev, *i, lang);
    }
    if !p.not_in_force.is_empty() {
        out.push_str(&format!(
            "<h2>{} {}</h2>",
            t(lang, "print.not_in_force"),
            p.not_in_force.len()
        ));
        for i in &p.not_in_force {
            card(&mut out, rs, ev, *i, lang);
        }
    }
    if !p.open.is_empty() {
        out.push_str(&format!(
            "<p class=\"m\">{}</p>",
            tn(lang, "print.open", p.open.len())
        ));
    }
    if let Some(svg) = qr {
        out.push_str(&format!(
            "<section class=\"print-qr\"><p>{}</p>{svg}</section>",
            t(lang, "res.qr")
        ));
    }
    out
}

/// The answers given; "not sure" only counted.
fn answers(out: &mut String, rs: &RuleSet, s: &Session, lang: Lang) {
    let colon = t(lang, "p.colon");
    out.push_str(&format!(
        "<h2>{}</h2><ul class=\"print-answers\">",
        t(lang, "res.answers")
    ));
    let mut unsure = 0;
    for q in &s.history {
        if s.not_sure.contains(q) {
            unsure += 1;
            continue;
        }
        for f in &rs.questions[*q].facts {
            if let Some(v) = s.facts.get(*f) {
                let def = rs.fact(*f);
                out.push_str(&format!(
                    "<li>{}{colon}{}</li>",
                    esc(def.label.get(lang)),
                    esc(&describe::value(def, v, lang))
                ));
            }
        }
    }
    out.push_str("</ul>");
    if unsure > 0 {
        out.push_str(&format!(
            "<p class=\"m\">{}</p>",
            tn(lang, "print.unsure", unsure)
        ));
    }
}

/// One measure in short: its title and amount, then its dates, offices, document and
/// articles.
fn card(out: &mut String, rs: &RuleSet, ev: &Evaluation, i: usize, lang: Lang) {
    let r = &ev.results[i];
    let relief = r.relief;
    let amount = match (&r.amount, &relief.amount) {
        (Some(a), Some(def)) => format!(
            " <span class=\"amt\">{}</span>",
            amount_text(a, def.per.name(), lang)
        ),
        _ => String::new(),
    };
    out.push_str(&format!(
        "<div class=\"short{}\"><p><strong>{}</strong>{amount}</p><p class=\"m\">{} · {} · {} {}</p></div>",
        if r.in_force() { "" } else { " ended" },
        esc(relief.title.get(lang)),
        dates(r, lang),
        esc(&names(&relief.apply_to, lang)),
        esc(&rs.doc_of(relief).number),
        articles_text(relief, lang),
    ));
}

/// Text for HTML, in an element or a quoted attribute.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
