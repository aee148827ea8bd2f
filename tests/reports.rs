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

/// `relief explain` marks each condition as it stood on the day the relief was judged on:
/// for a measure that has ended, a day of its own window (`ReliefResult::judged_on`), not
/// the date asked about. So a relief it calls eligible never shows a condition as unmet,
/// and a day of its window is named where it differs.
#[test]
fn explain_marks_the_conditions_on_the_day_the_relief_was_judged_on() {
    use relief_finder::engine::Eligibility;
    let rs = relief_finder::ruleset::embedded();
    let later = d("2026-12-01");
    let (mut checked, mut ended) = (0, 0);
    for (path, p) in cases(rs) {
        let ev = evaluate(rs, &p.facts, later);
        for (i, r) in ev.results.iter().enumerate() {
            if r.eligibility != Eligibility::Eligible {
                continue;
            }
            let out = relief_finder::report::explain(rs, &ev, &p.facts, i, Lang::En);
            assert!(
                !out.contains("\n  NO "),
                "{}: {} is eligible, yet a condition is marked unmet:\n{out}",
                path.display(),
                r.relief.id
            );
            if r.judged_on != later {
                ended += 1;
                assert!(
                    out.contains(&format!("judged on {}", r.judged_on)),
                    "{}: {} was judged on {}:\n{out}",
                    path.display(),
                    r.relief.id,
                    r.judged_on
                );
            }
            checked += 1;
        }
    }
    assert!(
        checked > 100 && ended > 50,
        "{checked} eligible, {ended} of them ended"
    );
}

/// Every persona case of `tests/cases` (`cases::files`), read.
fn cases(rs: &RuleSet) -> Vec<(std::path::PathBuf, relief_finder::persona::Persona)> {
    relief_finder::cases::files(std::path::Path::new("tests/cases"))
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("read");
            let p = relief_finder::persona::parse(&path.display().to_string(), &text, rs)
                .expect("a persona");
            (path, p)
        })
        .collect()
}

/// A measure that has ended is judged within its own window, which for one with no start
/// date of its own opens when its document took effect: "you qualified from 1963-12-31"
/// (sixty years before its end, where a comparison of an age or a graduation date with the
/// date asked about held for everyone) was on every Wuwei card on a 2026 date.
#[test]
fn an_ended_measure_is_never_qualified_for_before_its_document_took_effect() {
    let rs = relief_finder::ruleset::embedded();
    let mut windows = 0;
    for (path, p) in cases(rs) {
        for as_of in [d("2024-06-01"), d("2026-12-01")] {
            let ev = evaluate(rs, &p.facts, as_of);
            for r in &ev.results {
                let doc = rs.doc_of(r.relief);
                let opened = r
                    .relief
                    .valid_from
                    .or(doc.valid_from)
                    .unwrap_or(doc.issued_on);
                if let Some((from, _)) = r.window.as_ref().and_then(|w| w.qualified) {
                    windows += 1;
                    assert!(
                        from >= opened && r.judged_on >= opened,
                        "{} on {as_of}: {} qualified from {from}, judged on {}, before {opened}",
                        path.display(),
                        r.relief.id,
                        r.judged_on
                    );
                }
            }
        }
    }
    assert!(windows > 1000, "{windows} windows");
}
