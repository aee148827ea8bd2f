//! Reports of an evaluation: the JSON of facts.md, and text for people at a terminal.

use serde_json::{json, Value as Json};

use crate::catalog::national_note;
use crate::engine::describe::{self, yuan};
use crate::engine::eval::{AmountResult, ReliefResult};
use crate::engine::{Eligibility, Evaluation, Facts};
use crate::model::{Lang, RuleSet};

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

/// Which results a report section lists.
type Pick = fn(&ReliefResult) -> bool;

/// A text report: eligible reliefs in force first, then the rest by standing.
pub fn text(rs: &RuleSet, ev: &Evaluation, lang: Lang) -> String {
    let mut out = format!("as of {}  ruleset {}\n", ev.as_of, rs.short_version());
    let sections: [(&str, Pick); 4] = [
        ("eligible, in force", |r| {
            r.eligibility == Eligibility::Eligible && r.in_force()
        }),
        ("eligible, not in force on this date", |r| {
            r.eligibility == Eligibility::Eligible && !r.in_force()
        }),
        ("maybe", |r| r.eligibility == Eligibility::Maybe),
        ("ineligible", |r| r.eligibility == Eligibility::Ineligible),
    ];
    for (title, pick) in sections {
        let items: Vec<usize> = (0..ev.results.len())
            .filter(|i| pick(&ev.results[*i]))
            .collect();
        out.push_str(&format!("\n{title} ({})\n", items.len()));
        for i in items {
            let r = &ev.results[i];
            let mut line = format!("  {}  {}", r.relief.id, r.relief.title.get(lang));
            if let Some(a) = &r.amount {
                line.push_str(&format!("  [{}]", amount_text(a)));
            }
            if let Some(o) = &r.overlap {
                if o.best != i {
                    line.push_str(&format!(
                        "  (overlaps {}, which is better)",
                        ev.results[o.best].relief.id
                    ));
                }
            }
            out.push_str(&line);
            out.push('\n');
            if r.eligibility == Eligibility::Maybe {
                let facts: Vec<_> = r
                    .outcome
                    .unknown
                    .iter()
                    .map(|f| rs.fact(*f).id.as_str())
                    .collect();
                out.push_str(&format!("      needs: {}\n", facts.join(", ")));
            }
            if let Some(note) = expired_national(r, lang) {
                out.push_str(&format!("      national policy: {note}\n"));
            }
        }
    }
    let totals = ev.totals();
    if !totals.is_empty() {
        out.push_str(
            "\ntotal of computable amounts (eligible, in force, overlaps counted once):\n",
        );
        for (p, v) in totals {
            out.push_str(&format!("  {} {}\n", yuan(v, lang), describe::per(p, lang)));
        }
    }
    out
}

/// Condition-by-condition reasoning for one relief.
pub fn explain(rs: &RuleSet, ev: &Evaluation, facts: &Facts, i: usize, lang: Lang) -> String {
    use crate::engine::eval::{eval_cond, Tri};
    use crate::model::Cond;
    let r = &ev.results[i];
    let relief = r.relief;
    let doc = rs.doc_of(relief);
    let mut out = format!(
        "{}  {}\n{}\n\n",
        relief.id,
        relief.title.get(lang),
        relief.benefit.get(lang)
    );
    out.push_str(&format!(
        "result: {} ({})\n",
        r.eligibility.name(),
        match r.timing {
            crate::engine::Timing::InForce => "in force",
            crate::engine::Timing::NotYet => "not yet in force",
            crate::engine::Timing::Expired => "expired",
        }
    ));
    out.push_str(&format!(
        "valid: {} to {}\n\nconditions:\n",
        relief
            .valid_from
            .map(|d| d.to_string())
            .unwrap_or("-".into()),
        relief
            .valid_until
            .map(|d| d.to_string())
            .unwrap_or("-".into())
    ));
    let items: Vec<&Cond> = match &relief.when {
        Cond::All(v) => v.iter().collect(),
        c => vec![c],
    };
    for c in items {
        let o = eval_cond(c, facts, ev.as_of);
        let mark = match o.tri {
            Tri::True => "yes ",
            Tri::False => "NO  ",
            Tri::Unknown => "?   ",
        };
        out.push_str(&format!("  {mark} {}\n", describe::condition(rs, c, lang)));
        if let Some(d) = describe::date_when_met(c, facts, ev.as_of) {
            out.push_str(&format!("        holds from {d}\n"));
        }
    }
    if let Some(a) = &r.amount {
        let basis = relief
            .amount
            .as_ref()
            .map(|a| a.basis.get(lang))
            .unwrap_or("");
        out.push_str(&format!("\namount: {} ({basis})\n", amount_text(a)));
    }
    if let Some(c) = &relief.caveat {
        out.push_str(&format!("\nnote: {}\n", c.get(lang)));
    }
    if let Some(note) = expired_national(r, lang) {
        out.push_str(&format!("national policy: {note}\n"));
    }
    let arts: Vec<String> = relief.articles.iter().map(|a| a.to_string()).collect();
    out.push_str(&format!(
        "\nsource: {} article {}\n「{}」\n",
        doc.number,
        arts.join(", "),
        relief.quote
    ));
    let names = |v: &[crate::model::Text]| {
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        v.iter().map(|t| t.get(lang)).collect::<Vec<_>>().join(sep)
    };
    out.push_str(&format!("apply to: {}\n", names(&relief.apply_to)));
    if !relief.channels.is_empty() {
        out.push_str(&format!("channels: {}\n", names(&relief.channels)));
    }
    out
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A static page listing every relief and service with its conditions, dates, departments
/// and clause: what a browser without WebAssembly shows instead of the wizard.
pub fn html(rs: &RuleSet) -> String {
    use crate::model::{Cond, Text};
    let zh = |v: &[Text]| {
        v.iter()
            .map(|t| t.zh.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    let mut out = String::from(concat!(
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
    ));
    out.push_str(&format!("<p>规则版本 {}</p>\n", esc(&rs.version)));
    for (di, d) in rs.documents.iter().enumerate() {
        out.push_str(&format!(
            "<h2>{} {}</h2>\n<p>{}</p>\n",
            esc(&d.number),
            esc(&d.title),
            esc(&d.issuer)
        ));
        for r in rs.reliefs.iter().filter(|r| r.doc as usize == di) {
            let conds: Vec<String> = match &r.when {
                Cond::All(v) => v
                    .iter()
                    .map(|c| describe::condition(rs, c, Lang::Zh))
                    .collect(),
                c => vec![describe::condition(rs, c, Lang::Zh)],
            };
            let dates = match (r.valid_from, r.valid_until) {
                (Some(a), Some(b)) => format!("{a} 至 {b}"),
                (Some(a), None) => format!("自 {a} 起，未规定截止日期"),
                (None, Some(b)) => format!("至 {b}"),
                (None, None) => "未规定".to_string(),
            };
            let arts: Vec<String> = r.articles.iter().map(|a| format!("第{a}条")).collect();
            out.push_str(&format!(
                "<article id=\"{}\">\n<h3>{}</h3>\n<p>{}</p>\n<dl>\n<dt>适用条件</dt><dd><ul>{}</ul></dd>\n<dt>实施期限</dt><dd>{}</dd>\n<dt>办理部门</dt><dd>{}</dd>\n",
                esc(&r.id),
                esc(&r.title.zh),
                esc(&r.benefit.zh),
                conds.iter().map(|c| format!("<li>{}</li>", esc(c))).collect::<String>(),
                esc(&dates),
                esc(&zh(&r.apply_to)),
            ));
            if !r.channels.is_empty() {
                out.push_str(&format!(
                    "<dt>办理渠道</dt><dd>{}</dd>\n",
                    esc(&zh(&r.channels))
                ));
            }
            if let Some(c) = &r.caveat {
                out.push_str(&format!("<dt>注意</dt><dd>{}</dd>\n", esc(&c.zh)));
            }
            if r.national {
                out.push_str(&format!(
                    "<dt>国家政策</dt><dd>{}</dd>\n",
                    esc(national_note(Lang::Zh, &r.category))
                ));
            }
            out.push_str(&format!(
                "</dl>\n<blockquote>{}</blockquote>\n<p>{} {}</p>\n</article>\n",
                esc(&r.quote),
                esc(&d.number),
                arts.join("、")
            ));
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}
