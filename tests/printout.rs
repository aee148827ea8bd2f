//! The printout's lists (issue 15, point 12): what it holds and in which order.

use chrono::NaiveDate;
use relief_finder::engine::{Facts, Session, Value};
use relief_finder::model::{Kind, Lang, RuleSet};
use relief_finder::present::printout::{html, printout};

const RESTAURANT: [(&str, &str); 7] = [
    ("applicant", "business"),
    ("city", "pingliang"),
    ("county", "kongtong"),
    ("business_form", "individual_business"),
    ("vat_status", "small_scale"),
    ("monthly_sales", "80000"),
    ("industries", "catering"),
];

fn restaurant(rs: &RuleSet) -> Facts {
    let mut facts = Facts::new(rs);
    for (id, v) in RESTAURANT {
        let ix = rs.fact_ix(id).expect("fact");
        facts.set(ix, Value::parse(rs.fact(ix), v).expect("value"));
    }
    facts
}

#[test]
fn a_printout_lists_money_first_then_other_reliefs_then_services() {
    let rs = relief_finder::ruleset::embedded();
    let facts = restaurant(rs);
    let june = chrono::NaiveDate::from_ymd_opt(2023, 6, 1).expect("date");
    let ev = relief_finder::engine::evaluate(rs, &facts, june);
    let p = printout(rs, &ev);
    let first = &ev.results[p.in_force[0]];
    assert_eq!(
        first.relief.id, "pingliang-2023.vat-small-scale-exempt",
        "the largest sum leads"
    );
    let rank = |i: &usize| {
        let r = &ev.results[*i];
        match (r.amount.is_some(), r.relief.kind) {
            (true, _) => 0,
            (false, Kind::Relief) => 1,
            _ => 2,
        }
    };
    let ranks: Vec<u8> = p.in_force.iter().map(rank).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert!(ranks.contains(&2), "services are listed too, last");
    // Each counted measure once; nothing both in force and not.
    for i in 0..ev.results.len() {
        assert_eq!(ev.counts(i), p.in_force.contains(&i) && ev.counts(i));
        assert!(!(p.in_force.contains(&i) && p.not_in_force.contains(&i)));
    }
    // On a 2026 date the 2023 exemption has ended: it moves to the second list.
    let later = relief_finder::engine::evaluate(
        rs,
        &facts,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date"),
    );
    let p = printout(rs, &later);
    assert!(p
        .not_in_force
        .iter()
        .any(|i| later.results[*i].relief.id == "pingliang-2023.vat-small-scale-exempt"));
}

#[test]
fn a_printout_leads_with_the_date_scope_and_answers_and_ends_with_the_code() {
    let rs = relief_finder::ruleset::embedded();
    let june = NaiveDate::from_ymd_opt(2023, 6, 1).expect("date");
    let mut s = Session::new(rs, june);
    s.facts = restaurant(rs);
    for (id, _) in RESTAURANT {
        let ix = rs.fact_ix(id).expect("fact");
        let q = rs
            .questions
            .iter()
            .position(|q| q.facts.contains(&ix))
            .expect("question");
        if !s.history.contains(&q) {
            s.history.push(q);
        }
    }
    // A screen answered "not sure": the plans it asked.
    let unsure = rs
        .questions
        .iter()
        .position(|q| q.id == "plans")
        .expect("question");
    s.history.push(unsure);
    s.not_sure.insert(unsure);
    let ev = s.evaluate(rs);
    let printed = NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
    let page = html(rs, &ev, &s, Lang::Zh, printed, Some("<svg>code</svg>"));
    let at = |needle: &str| {
        page.find(needle)
            .unwrap_or_else(|| panic!("no {needle} in {page}"))
    };
    assert!(page.starts_with("<h1>惠策通 · 您的结果</h1>"), "{page}");
    assert!(at("查询日期 2023-06-01") < 200);
    assert!(at("打印日期 2026-12-02") < at("本结果只涵盖"));
    assert!(at("本结果只涵盖") < at("平政发〔2023〕18号"));
    assert!(at("您的回答") < at("月销售额：80,000元"));
    assert!(at("月销售额：80,000元") < at("符合条件且正在实施"));
    assert!(at("另有 1 个问题回答了“不确定”") < at("符合条件且正在实施"));
    assert!(
        !page.contains("近期打算办理"),
        "a “not sure” is counted, not listed"
    );
    assert!(at("符合条件且正在实施") < at("小规模纳税人月销售额10万元以下免征增值税"));
    assert!(
        at("28,800元 每年")
            < at("2023-01-01 – 2023-12-31 · 市税务局、市财政局 · 平政发〔2023〕18号 第2条")
    );
    assert!(
        page.ends_with("<svg>code</svg></section>"),
        "the code comes last"
    );
    for absent in ["sha256", "http", "规则版本", rs.short_version()] {
        assert!(!page.contains(absent), "the printout shows {absent}");
    }
    // English, and nothing unescaped.
    let en = html(rs, &ev, &s, Lang::En, printed, None);
    assert!(
        en.contains("Pingliang Municipal Taxation Bureau, Pingliang Municipal Finance Bureau"),
        "{en}"
    );
    let english = rs
        .documents
        .iter()
        .fold(en.clone(), |text, d| text.replace(&d.number, ""));
    assert_eq!(
        relief_finder::compile::fullwidth_punctuation(&english),
        None,
        "{english}"
    );
    assert!(!en.contains("print-qr"));
}
