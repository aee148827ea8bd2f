//! Reports of an evaluation: the JSON of facts.md, and text for people at a terminal.

use serde_json::{json, Value as Json};

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
        "apply_to": relief.apply_to,
        "channels": relief.channels,
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
    o
}

/// The JSON report of facts.md.
pub fn json(rs: &RuleSet, ev: &Evaluation) -> Json {
    json!({
        "as_of": ev.as_of.format("%Y-%m-%d").to_string(),
        "ruleset": rs.version,
        "results": (0..ev.results.len()).map(|i| result_json(rs, ev, i)).collect::<Vec<_>>(),
    })
}

/// A text report: eligible reliefs in force first, then the rest by standing.
pub fn text(rs: &RuleSet, ev: &Evaluation, lang: Lang) -> String {
    let mut out = format!("as of {}  ruleset {}\n", ev.as_of, rs.short_version());
    let sections: [(&str, fn(&ReliefResult) -> bool); 4] = [
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
    let arts: Vec<String> = relief.articles.iter().map(|a| a.to_string()).collect();
    out.push_str(&format!(
        "\nsource: {} article {}\n「{}」\n",
        doc.number,
        arts.join(", "),
        relief.quote
    ));
    out.push_str(&format!("apply to: {}\n", relief.apply_to.join("、")));
    if !relief.channels.is_empty() {
        out.push_str(&format!("channels: {}\n", relief.channels.join("、")));
    }
    out
}
