//! Reports of the real rule set: what the text report, the JSON and the static page say
//! beside the results.

use chrono::NaiveDate;
use relief_finder::engine::{evaluate, Facts, Session, Value};
use relief_finder::model::{Lang, RuleSet};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn facts(rs: &RuleSet, pairs: &[(&str, &str)]) -> Facts {
    let mut f = Facts::new(rs);
    for (id, v) in pairs {
        let ix = rs.fact_ix(id).expect("fact");
        f.set(ix, Value::parse(rs.fact(ix), v).expect("value"));
    }
    f
}

#[test]
fn an_expired_national_measure_says_the_policy_may_continue_and_whom_to_ask() {
    let rs = relief_finder::ruleset::embedded();
    let restaurant = facts(
        rs,
        &[
            ("city", "pingliang"),
            ("applicant", "business"),
            ("business_form", "individual_business"),
            ("vat_status", "small_scale"),
            ("monthly_sales", "80000"),
        ],
    );
    // In 2024 the 2023 VAT exemption, a restated national tax policy, has expired: the
    // report says the national policy may have continued and names the 12366 hotline, and
    // gives no figure beyond the text's.
    let ev = evaluate(rs, &restaurant, d("2024-06-01"));
    let mut session = Session::new(rs, d("2024-06-01"));
    session.facts = restaurant.clone();
    let text = relief_finder::report::text(rs, &ev, &session, Lang::Zh);
    // The card's lines: after its id, up to the next card or section.
    let card: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("pingliang-2023.vat-small-scale-exempt"))
        .skip(1)
        .take_while(|l| l.starts_with("      "))
        .collect();
    assert!(
        card.iter()
            .any(|l| l.contains("本项重申国家税收政策") && l.contains("12366")),
        "{card:?}"
    );
    let json = relief_finder::report::json(rs, &ev);
    let result = |id: &str| {
        json["results"]
            .as_array()
            .and_then(|a| a.iter().find(|r| r["id"] == id).cloned())
            .expect("reported")
    };
    assert!(
        result("pingliang-2023.vat-small-scale-exempt")["national_note"]
            .as_str()
            .is_some_and(|n| n.contains("12366"))
    );
    // A city's own measure (the 2023 scenic-spot tickets) has no such note; nor has a
    // national one still in force.
    let ev_person = evaluate(
        rs,
        &facts(rs, &[("city", "pingliang"), ("applicant", "person")]),
        d("2024-06-01"),
    );
    let json_person = relief_finder::report::json(rs, &ev_person);
    let scenic = json_person["results"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|r| r["id"] == "pingliang-2023.scenic-spot-half-price")
                .cloned()
        })
        .expect("reported");
    assert!(scenic.get("national_note").is_none());
    let ev_2023 = evaluate(rs, &restaurant, d("2023-06-01"));
    let json_2023 = relief_finder::report::json(rs, &ev_2023);
    let vat_2023 = json_2023["results"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|r| r["id"] == "pingliang-2023.vat-small-scale-exempt")
                .cloned()
        })
        .expect("reported");
    assert!(vat_2023.get("national_note").is_none());
    // The static page (all.html) carries the note beside every national measure.
    let html = relief_finder::report::html(rs);
    let card = html
        .split("<article id=\"pingliang-2023.vat-small-scale-exempt\">")
        .nth(1)
        .and_then(|s| s.split("</article>").next())
        .expect("the card");
    assert!(card.contains("国家政策") && card.contains("12366"));
    let city_card = html
        .split("<article id=\"pingliang-2023.scenic-spot-half-price\">")
        .nth(1)
        .and_then(|s| s.split("</article>").next())
        .expect("the card");
    assert!(!city_card.contains("国家政策"));
}
