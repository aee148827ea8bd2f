//! What a printout holds, in its order (issue 15, point 12): the measures in force that the
//! person qualifies for, those they qualify for that are not in force on the date, and
//! those still open (the results' sections), each list in the results' default order
//! (worth money first, then other reliefs, then services); and the printout itself as HTML,
//! each measure in short. The app prints it in place of the screen (`app/print.rs`); the
//! page count is checked in the browser.

use chrono::NaiveDate;

use super::catalog::{t, tn, Msg};
use super::describe::{amount_text, articles_text, dates, names, totals};
use super::results::{answers, sections, Sort};
use crate::engine::calendar::ymd;
use crate::engine::eval::{Eligibility, Evaluation};
use crate::engine::session::Session;
use crate::model::{Lang, RuleSet};

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

/// The printout of an evaluation: the results screen's sections (`present::results`) in
/// their default order, those not in force narrowed to the measures the person qualified
/// for while they ran.
pub fn printout(rs: &RuleSet, ev: &Evaluation) -> Printout {
    let mut sections = sections(rs, ev, Sort::Default, None).into_iter();
    let mut next = || sections.next().map(|s| s.items).unwrap_or_default();
    let (in_force, open, not_in_force) = (next(), next(), next());
    Printout {
        in_force,
        not_in_force: not_in_force
            .into_iter()
            .filter(|i| ev.results[*i].eligibility == Eligibility::Eligible)
            .collect(),
        open,
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
    let p = printout(rs, ev);
    let mut out = String::with_capacity(8192);
    out.push_str(&format!(
        "<h1>{} · {}</h1><p class=\"when\"><strong>{} {}</strong> · {} {}</p><p class=\"scope\">{}</p><p class=\"docs\">{}</p>",
        t(lang, Msg::AppName),
        t(lang, Msg::ResTitle),
        t(lang, Msg::ResAsOf),
        ymd(s.as_of),
        t(lang, Msg::PrintPrintedOn),
        ymd(printed_on),
        t(lang, Msg::PrintScope),
        esc(&rs.documents.iter().map(|d| d.number.as_str()).collect::<Vec<_>>().join(t(lang, Msg::PList))),
    ));
    answers_html(&mut out, rs, s, lang);
    out.push_str(&format!(
        "<h2>{} {}</h2>",
        t(lang, Msg::ResEligible),
        p.in_force.len()
    ));
    let sums = ev.totals();
    if !sums.is_empty() {
        out.push_str(&format!(
            "<p>{}{}<strong>{}</strong></p>",
            t(lang, Msg::ResTotal),
            t(lang, Msg::PColon),
            totals(&sums, t(lang, Msg::PSemi), lang)
        ));
    }
    if p.in_force.is_empty() {
        out.push_str(&format!("<p>{}</p>", t(lang, Msg::ResEligibleNone)));
    }
    for i in &p.in_force {
        short(&mut out, rs, ev, *i, lang);
    }
    if !p.not_in_force.is_empty() {
        out.push_str(&format!(
            "<h2>{} {}</h2>",
            t(lang, Msg::PrintNotInForce),
            p.not_in_force.len()
        ));
        for i in &p.not_in_force {
            short(&mut out, rs, ev, *i, lang);
        }
    }
    if !p.open.is_empty() {
        out.push_str(&format!(
            "<p class=\"m\">{}</p>",
            tn(lang, Msg::PrintOpen, p.open.len())
        ));
    }
    if let Some(svg) = qr {
        out.push_str(&format!(
            "<section class=\"print-qr\"><p>{}</p>{svg}</section>",
            t(lang, Msg::ResQr)
        ));
    }
    out
}

/// The answers given, each fact with its value; "not sure" only counted.
fn answers_html(out: &mut String, rs: &RuleSet, s: &Session, lang: Lang) {
    out.push_str(&format!(
        "<h2>{}</h2><ul class=\"print-answers\">",
        t(lang, Msg::ResAnswers)
    ));
    let mut unsure = 0;
    for row in answers(rs, s, lang) {
        match row.values {
            None => unsure += 1,
            Some(values) => {
                for (label, value) in values {
                    out.push_str(&format!(
                        "<li>{}{}{}</li>",
                        esc(&label),
                        t(lang, Msg::PColon),
                        esc(&value)
                    ));
                }
            }
        }
    }
    out.push_str("</ul>");
    if unsure > 0 {
        out.push_str(&format!(
            "<p class=\"m\">{}</p>",
            tn(lang, Msg::PrintUnsure, unsure)
        ));
    }
}

/// One measure in two lines: its title and amount; its dates, departments and citation.
fn short(out: &mut String, rs: &RuleSet, ev: &Evaluation, i: usize, lang: Lang) {
    let r = &ev.results[i];
    let relief = r.relief;
    let amount = match (&r.amount, &relief.amount) {
        (Some(a), Some(def)) => format!(
            " <span class=\"amt\">{}</span>",
            amount_text(a, def.per, lang)
        ),
        _ => String::new(),
    };
    out.push_str(&format!(
        "<div class=\"short{}\"><p><strong>{}</strong>{amount}</p><p class=\"m\">{} · {} · {} {}</p></div>",
        if r.in_force() { "" } else { " ended" },
        esc(relief.title.get(lang)),
        dates(relief, lang),
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
