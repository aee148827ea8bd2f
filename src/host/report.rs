//! Reports of an evaluation: the JSON of facts.md (a contract: its form does not change),
//! and for people at a terminal the results as the app shows them (`relief eval`), one
//! relief's reasoning (`relief explain`), and every relief as a static page (`relief html`,
//! `all.html`). The words and the sections are `present`'s, the same as the app's.

use serde_json::{json, Value as Json};

use crate::engine::eval::{date_when_met, AmountResult, ReliefResult};
use crate::engine::{Eligibility, Evaluation, Facts, Session};
use crate::model::{Cond, Lang, RuleSet};
use crate::present::card::{badge, Card};
use crate::present::catalog::{national_note, t, Msg};
use crate::present::describe::{self, articles_text, dates, names};
use crate::present::printout::esc;
use crate::present::results::{self, sections, Sort};

fn date(d: Option<chrono::NaiveDate>) -> Json {
    d.map(|d| Json::String(d.format("%Y-%m-%d").to_string()))
        .unwrap_or(Json::Null)
}

/// An amount as cases and reports write it: `28800`, `1000-2000`, `up to 50000`.
pub fn amount_text(a: &AmountResult) -> String {
    match a {
        AmountResult::Exact(v) => v.normalize().to_string(),
        AmountResult::Range(lo, hi) => format!("{}-{}", lo.normalize(), hi.normalize()),
        AmountResult::UpTo(v) => format!("up to {}", v.normalize()),
    }
}

fn result_json(rs: &RuleSet, ev: &Evaluation, i: usize) -> Json {
    let r: &ReliefResult = &ev.results[i];
    let relief = r.relief;
    let doc = rs.doc_of(relief);
    let mut o = json!({
        "id": relief.id,
        "title": relief.title.zh,
        "kind": relief.kind.name(),
        "category": relief.category,
        "eligibility": r.eligibility.name(),
        "in_force": r.in_force(),
        "valid_from": date(relief.valid_from),
        "valid_until": date(relief.valid_until),
        "sources": relief.articles.iter().map(|a| json!({ "doc": doc.number, "article": a })).collect::<Vec<_>>(),
        "apply_to": relief.apply_to.iter().map(|o| &o.zh).collect::<Vec<_>>(),
        "channels": relief.channels.iter().map(|c| &c.zh).collect::<Vec<_>>(),
    });
    if let (Some(a), Some(def)) = (&r.amount, &relief.amount) {
        let mut am = json!({ "unit": "CNY", "per": def.per.name(), "basis": def.basis.zh });
        match a {
            AmountResult::Exact(v) => am["value"] = json!(v.normalize().to_string()),
            AmountResult::Range(lo, hi) => {
                am["min"] = json!(lo.normalize().to_string());
                am["max"] = json!(hi.normalize().to_string());
            }
            AmountResult::UpTo(v) => am["max"] = json!(v.normalize().to_string()),
        }
        o["amount"] = am;
    }
    if r.eligibility == Eligibility::Maybe {
        o["unknown_facts"] = json!(r
            .outcome
            .unknown
            .iter()
            .map(|f| rs.fact(*f).id.clone())
            .collect::<Vec<_>>());
    }
    if let Some(ov) = &r.overlap {
        o["overlap"] = json!({ "group": ov.group, "best": ev.results[ov.best].relief.id });
    }
    if let Some(note) = expired_national(r, Lang::Zh) {
        o["national_note"] = json!(note);
    }
    o
}

/// For a measure that restates national policy and whose period has passed on the date
/// asked about (and that the person is not ruled out of): the note on whom to ask.
pub fn expired_national(r: &ReliefResult, lang: Lang) -> Option<&'static str> {
    (r.relief.national
        && r.timing == crate::engine::Timing::Expired
        && r.eligibility != Eligibility::Ineligible)
        .then(|| national_note(lang, &r.relief.category))
}

/// The JSON report of facts.md.
pub fn json(rs: &RuleSet, ev: &Evaluation) -> Json {
    json!({
        "as_of": ev.as_of.format("%Y-%m-%d").to_string(),
        "ruleset": rs.version,
        "results": (0..ev.results.len()).map(|i| result_json(rs, ev, i)).collect::<Vec<_>>(),
    })
}

/// The results as the app shows them, as text: the lead, then each section the app shows
/// with its cards in the app's order (the parts of each card that depend on the answers and
/// the date), then the scope. `s` is the person's session on its results.
pub fn text(rs: &RuleSet, ev: &Evaluation, s: &Session, lang: Lang) -> String {
    let colon = t(lang, Msg::PColon);
    let mut out = format!(
        "{} {} · {} {}\n",
        t(lang, Msg::ResAsOf),
        ev.as_of,
        t(lang, Msg::AppRuleset),
        rs.short_version()
    );
    // The date looked at is the one asked about: no "you are looking at" note.
    let lead = results::lead(ev, ev.as_of, lang);
    out.push_str(&format!("{}\n", lead.summary));
    if let Some((note, back)) = lead.ended {
        out.push_str(&note);
        if let Some((label, _)) = back {
            out.push_str(&format!(" → {label}"));
        }
        out.push('\n');
    }
    for section in sections(rs, ev, Sort::Default, None) {
        if !section.shown() {
            continue;
        }
        out.push_str(&format!(
            "\n{} ({})\n",
            t(lang, section.kind.title()),
            section.items.len()
        ));
        if section.items.is_empty() {
            out.push_str(&format!("  {}\n", t(lang, Msg::ResEligibleNone)));
        }
        for i in &section.items {
            card_text(
                &mut out,
                &Card::new(rs, ev, *i, &s.facts, lang),
                colon,
                lang,
            );
        }
        if section.kind == results::SectionKind::Eligible {
            if let Some((n, m)) = s.open_to_settle(rs, ev) {
                out.push_str(&format!("\n{}\n", results::early(n, m, lang)));
            }
        }
    }
    out.push_str(&format!("\n{}\n", results::scope(rs, lang)));
    out
}

/// A card as text: its id and title, then one line for each of its facts that depends on
/// the answers or the date.
fn card_text(out: &mut String, c: &Card, colon: &str, lang: Lang) {
    let (badge, _) = badge(c.timing);
    out.push_str(&format!("  {}  {} [{}]\n", c.id, c.title, t(lang, badge)));
    let mut line = |label: Option<Msg>, text: &str| {
        let label = label.map(|m| format!("{}{colon}", t(lang, m)));
        out.push_str(&format!("      {}{text}\n", label.unwrap_or_default()));
    };
    if let Some((amount, _)) = &c.amount {
        match &c.out_of_force {
            Some(out) => line(None, &format!("{amount} ({out})")),
            None => line(None, amount),
        }
    }
    if let Some(note) = c.national {
        line(Some(Msg::ReliefNote), note);
    }
    if let Some(o) = &c.overlap {
        line(None, &format!("{} {o}", t(lang, Msg::ReliefOverlap)));
    }
    line(Some(Msg::ReliefValid), &c.dates);
    if let Some((_, w)) = &c.window {
        line(Some(Msg::ReliefWindow), w);
    }
    if !c.why.is_empty() {
        line(Some(Msg::ReliefWhy), &c.why.join(t(lang, Msg::PSemi)));
    }
    if let Some(n) = &c.why_not {
        line(Some(Msg::ReliefWhyNot), n);
    }
    if !c.needs.is_empty() {
        let needs: Vec<&str> = c.needs.iter().map(|(_, q)| q.as_str()).collect();
        line(Some(Msg::ReliefNeeds), &needs.join(t(lang, Msg::PSemi)));
    }
    if let Some(go) = &c.go {
        line(Some(Msg::ReliefGo), go);
    }
    if let Some(claim) = c.claim {
        line(Some(Msg::ReliefClaim), t(lang, claim));
    }
}

/// The conditions of a relief as items: the parts of its top-level "and", each in words.
fn conditions(c: &Cond) -> Vec<&Cond> {
    match c {
        Cond::All(v) => v.iter().collect(),
        c => vec![c],
    }
}

/// Condition-by-condition reasoning for one relief.
pub fn explain(rs: &RuleSet, ev: &Evaluation, facts: &Facts, i: usize, lang: Lang) -> String {
    use crate::engine::eval::{eval_cond, Tri};
    let r = &ev.results[i];
    let relief = r.relief;
    let mut out = format!(
        "{}  {}\n{}\n\n",
        relief.id,
        relief.title.get(lang),
        relief.benefit.get(lang)
    );
    out.push_str(&format!(
        "result: {} ({})\nvalid: {}\n",
        r.eligibility.name(),
        t(lang, badge(r.timing).0),
        dates(relief, lang),
    ));
    // A measure not in force on the date asked about is judged on a day of its own window
    // (`ReliefResult::judged_on`), and its conditions are marked as they stood that day.
    let on = r.judged_on;
    if on != ev.as_of {
        out.push_str(&format!(
            "judged on {on}, a day of its own window (the date asked about is {})\n",
            ev.as_of
        ));
    }
    out.push_str("\nconditions:\n");
    for c in conditions(&relief.when) {
        let mark = match eval_cond(c, facts, on).tri {
            Tri::True => "yes ",
            Tri::False => "NO  ",
            Tri::Unknown => "?   ",
        };
        out.push_str(&format!("  {mark} {}\n", describe::condition(rs, c, lang)));
        if let Some(d) = date_when_met(c, facts, on) {
            out.push_str(&format!("        holds from {d}\n"));
        }
    }
    if let (Some(a), Some(def)) = (&r.amount, &relief.amount) {
        out.push_str(&format!(
            "\namount: {} ({})\n",
            describe::amount_text(a, def.per, lang),
            def.basis.get(lang)
        ));
    }
    if let Some(c) = &relief.caveat {
        out.push_str(&format!("\nnote: {}\n", c.get(lang)));
    }
    if let Some(note) = expired_national(r, lang) {
        out.push_str(&format!("national policy: {note}\n"));
    }
    out.push_str(&format!(
        "\nsource: {} {}\n「{}」\n",
        rs.doc_of(relief).number,
        articles_text(relief, lang),
        relief.quote
    ));
    out.push_str(&format!("apply to: {}\n", names(&relief.apply_to, lang)));
    if !relief.channels.is_empty() {
        out.push_str(&format!("channels: {}\n", names(&relief.channels, lang)));
    }
    out
}

/// The head of `all.html`: a page that needs no script and no stylesheet of its own.
const HTML_HEAD: &str = concat!(
    "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n",
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    "<title>惠策通 · 全部政策清单</title>\n<style>\n",
    "body{font-family:system-ui,-apple-system,\"PingFang SC\",\"Microsoft YaHei\",sans-serif;max-width:46rem;margin:0 auto;padding:0 12px;line-height:1.6;color:#1a1a1a;background:#fafaf7}\n",
    "h1{font-size:1.4em}h2{font-size:1.15em;border-top:2px solid #9e1b1b;padding-top:8px}h3{font-size:1.05em;margin-bottom:2px}",
    "article{background:#fff;border:1px solid #d6d3cc;border-radius:8px;padding:8px 12px;margin:10px 0}",
    "dt{font-weight:600;color:#4a4a4a;font-size:.9em}dd{margin:0 0 4px}blockquote{margin:4px 0;padding:4px 8px;border-left:4px solid #d6d3cc;background:#f6f5f1}",
    "</style>\n</head>\n<body>\n<h1>惠策通 · 全部政策清单</h1>\n",
    "<p>您的浏览器不支持本应用所需的 WebAssembly，以下列出全部政策和服务，以及适用条件、实施期限、办理部门和政策原文。",
    "Your browser cannot run the wizard (no WebAssembly), so here is every relief and service with its conditions, dates, departments and clause.</p>\n"
);

/// A static page listing every relief and service with its conditions, dates, departments
/// and clause: what a browser without WebAssembly shows instead of the wizard. In Chinese,
/// with the app's words for conditions, dates, articles and notes.
pub fn html(rs: &RuleSet) -> String {
    let lang = Lang::Zh;
    let mut out = String::from(HTML_HEAD);
    out.push_str(&format!(
        "<p>{} {}</p>\n",
        t(lang, Msg::AppRuleset),
        esc(&rs.version)
    ));
    for (di, d) in rs.documents.iter().enumerate() {
        out.push_str(&format!(
            "<h2>{} {}</h2>\n<p>{}</p>\n",
            esc(&d.number),
            esc(&d.title),
            esc(&d.issuer)
        ));
        for r in rs.reliefs.iter().filter(|r| r.doc as usize == di) {
            html_card(&mut out, rs, r, lang);
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The start screen as static HTML, in Chinese: what `index.html` shows while the wasm loads
/// (`tools/post_build.sh` puts it there). The same words, counts and list of documents as
/// the app's own start screen (`StartScreen` in `src/app/mod.rs`), so that the app's first
/// paint replaces it without a larger paint: the page's largest paint is this one, long
/// before the wasm has arrived. The button waits, disabled, for the app.
pub fn preboot(rs: &RuleSet) -> String {
    let lang = Lang::Zh;
    let docs: String = rs
        .documents
        .iter()
        .map(|d| format!("<li>{} {}</li>", esc(&d.number), esc(&d.title)))
        .collect();
    format!(
        "<section class=\"start\"><h1>{}</h1>\n<p class=\"lead\">{}</p>\n\
         <button type=\"button\" class=\"primary big-button\" disabled>{}</button>\n\
         <p class=\"counts\">{}</p>\n<ul class=\"docs\">{docs}</ul></section>",
        esc(t(lang, Msg::AppTagline)),
        esc(t(lang, Msg::StartLead)),
        esc(t(lang, Msg::StartBegin)),
        esc(&crate::present::header::start_counts(rs, lang)),
    )
}

/// One relief of `all.html`.
fn html_card(out: &mut String, rs: &RuleSet, r: &crate::model::Relief, lang: Lang) {
    let conds: String = conditions(&r.when)
        .into_iter()
        .map(|c| format!("<li>{}</li>", esc(&describe::condition(rs, c, lang))))
        .collect();
    let row = |m: Msg, text: &str| format!("<dt>{}</dt><dd>{}</dd>\n", t(lang, m), esc(text));
    out.push_str(&format!(
        "<article id=\"{}\">\n<h3>{}</h3>\n<p>{}</p>\n<dl>\n<dt>{}</dt><dd><ul>{conds}</ul></dd>\n{}{}",
        esc(&r.id),
        esc(r.title.get(lang)),
        esc(r.benefit.get(lang)),
        t(lang, Msg::ReliefConditions),
        row(Msg::ReliefValid, &dates(r, lang)),
        row(Msg::ReliefDepartments, &names(&r.apply_to, lang)),
    ));
    if !r.channels.is_empty() {
        out.push_str(&row(Msg::ReliefChannels, &names(&r.channels, lang)));
    }
    if let Some(c) = &r.caveat {
        out.push_str(&row(Msg::ReliefNote, c.get(lang)));
    }
    if r.national {
        out.push_str(&row(Msg::ReliefNational, national_note(lang, &r.category)));
    }
    out.push_str(&format!(
        "</dl>\n<blockquote>{}</blockquote>\n<p>{} {}</p>\n</article>\n",
        esc(&r.quote),
        esc(&rs.doc_of(r).number),
        articles_text(r, lang)
    ));
}
