//! What the results page leads with, on the real rule set: near misses a person could act on,
//! the default order, the one-line summary, the date to look back at, and where to go.

use chrono::NaiveDate;
use relief_finder::engine::summary::{self, Tier};
use relief_finder::engine::{evaluate, Eligibility, Evaluation, Facts, Value};
use relief_finder::model::{Claim, FactType, Kind, Lang, Per, RuleSet};
use relief_finder::ruleset;

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

/// The noodle shop, answered as a person taps through: what it says, "no" to every
/// yes/no and "none" to every list it does not mention.
fn noodle_shop(rs: &RuleSet) -> Facts {
    let mut f = facts(
        rs,
        &[
            ("applicant", "business"),
            ("city", "pingliang"),
            ("county", "kongtong"),
            ("business_form", "individual_business"),
            ("vat_status", "small_scale"),
            ("monthly_sales", "80000"),
            ("industries", "catering"),
        ],
    );
    for (i, def) in rs.facts.iter().enumerate() {
        let ix = i as u16;
        if f.get(ix).is_none() {
            match def.ty {
                FactType::Bool => f.set(ix, Value::Bool(false)),
                FactType::Set => f.set(ix, Value::Set(0)),
                _ => {}
            }
        }
    }
    f
}

fn ix(ev: &Evaluation, id: &str) -> usize {
    ev.results
        .iter()
        .position(|r| r.relief.id == id)
        .unwrap_or_else(|| panic!("no relief {id}"))
}

#[test]
fn a_noodle_shop_is_offered_only_near_misses_it_could_act_on() {
    // Issue 15: 41 near misses, among them pig farming and the grain subsidy ("所属行业包括
    // 农业"): becoming a different business is not a near miss.
    let rs = ruleset::embedded();
    let f = noodle_shop(rs);
    for as_of in ["2023-06-01", "2026-06-01"] {
        let ev = evaluate(rs, &f, d(as_of));
        let near: Vec<(&str, Vec<&str>)> = ev
            .results
            .iter()
            .filter(|r| r.in_force())
            .filter_map(|r| {
                let c = r.near_miss(rs)?;
                let mut fs = Vec::new();
                c.facts(&mut fs);
                Some((
                    r.relief.id.as_str(),
                    fs.iter().map(|x| rs.fact(*x).id.as_str()).collect(),
                ))
            })
            .collect();
        for (id, fs) in &near {
            for who in [
                "industries",
                "business_form",
                "vat_status",
                "farm_produce",
                "plans",
            ] {
                assert!(!fs.contains(&who), "{as_of}: {id} asks to change {who}");
            }
            assert_eq!(
                ev.results[ix(&ev, id)].relief.kind,
                Kind::Relief,
                "{as_of}: {id}: a service commitment is not a near miss"
            );
        }
        // Unticked boxes are answers ("no"), and the owner of an individual business is also a
        // person: a few near misses are theirs (a skill certificate, pension as an individual).
        assert!(
            near.len() <= 10,
            "{as_of}: {} near misses: {near:?}",
            near.len()
        );
    }
}

#[test]
fn the_default_order_is_money_then_other_reliefs_then_services() {
    let rs = ruleset::embedded();
    let f = noodle_shop(rs);
    for as_of in ["2023-06-01", "2026-06-01"] {
        let ev = evaluate(rs, &f, d(as_of));
        let mut items: Vec<usize> = (0..ev.results.len())
            .filter(|i| ev.results[*i].eligibility == Eligibility::Eligible)
            .collect();
        summary::order(&ev, &mut items);
        let tiers: Vec<Tier> = items
            .iter()
            .map(|i| Tier::of(ev.results[*i].relief))
            .collect();
        assert!(tiers.windows(2).all(|w| w[0] <= w[1]), "{as_of}: {tiers:?}");
        assert_eq!(tiers.first(), Some(&Tier::Money), "{as_of}: money leads");
        assert!(
            tiers.contains(&Tier::Service),
            "{as_of}: services come last"
        );
        // Within money, the highest amount first.
        let tops: Vec<_> = items
            .iter()
            .filter(|i| Tier::of(ev.results[**i].relief) == Tier::Money)
            .map(|i| {
                ev.results[*i]
                    .amount
                    .as_ref()
                    .map(|a| a.top())
                    .unwrap_or_default()
            })
            .collect();
        assert!(tops.windows(2).all(|w| w[0] >= w[1]), "{as_of}: {tops:?}");
    }
}

#[test]
fn the_summary_says_what_is_worth_money_now_and_in_the_measures_own_years() {
    let rs = ruleset::embedded();
    let f = noodle_shop(rs);
    // In 2023 the VAT exemption counts now: 80,000 × 12 × 3%.
    let ev = evaluate(rs, &f, d("2023-06-01"));
    let s = summary::summary(&ev);
    assert!(s.now.totals.contains(&(Per::Year, 28800.into())), "{s:?}");
    assert!(s.now.count >= 1);
    // In 2026 it has ended: it is what the shop could have claimed in its own year.
    let ev = evaluate(rs, &f, d("2026-06-01"));
    let s = summary::summary(&ev);
    let vat = ix(&ev, "pingliang-2023.vat-small-scale-exempt");
    assert!(!ev.counts(vat), "the exemption ended on 2023-12-31");
    assert!(
        s.own_years.totals.contains(&(Per::Year, 28800.into())),
        "{s:?}"
    );
    assert!(summary::ended_qualified(&ev).contains(&vat));
    // The look-back date falls where the VAT exemption was in force.
    let day = summary::look_back(&ev).expect("something has ended");
    assert!(d("2023-01-01") <= day && day <= d("2023-12-31"), "{day}");
    // Nothing has ended on a 2023 date for a shop whose measures all run through 2023.
    let ev = evaluate(rs, &f, d("2023-06-01"));
    assert!(summary::ended_qualified(&ev)
        .iter()
        .all(|i| ev.results[*i].relief.valid_until < Some(d("2023-06-01"))));
}

#[test]
fn where_to_go_leads_with_an_office_a_person_can_visit_or_call() {
    let rs = ruleset::embedded();
    assert!(
        rs.reliefs.iter().all(|r| r.office.is_some()),
        "every relief has an office"
    );
    let office = |id: &str, pairs: &[(&str, &str)], lang: Lang| {
        let r = rs.relief(id).expect("relief");
        relief_finder::present::describe::office(rs, r, &facts(rs, pairs), lang).expect("office")
    };
    // The farmer in 民勤 got "省公安厅、省民政厅、省人社厅…省残联".
    let farmer = [
        ("applicant", "person"),
        ("city", "wuwei"),
        ("county", "minqin"),
    ];
    assert_eq!(
        office("gansu-2022.one-thing-once-person", &farmer, Lang::Zh),
        (
            "民勤县政务服务中心窗口".to_string(),
            Some("12345".to_string())
        )
    );
    assert_eq!(
        office("gansu-2022.one-thing-once-person", &farmer, Lang::En).0,
        "the government service centre in Minqin County"
    );
    // A tax relief: the tax service hall and the tax hotline.
    let shop = [("city", "pingliang"), ("county", "kongtong")];
    assert_eq!(
        office("pingliang-2023.vat-small-scale-exempt", &shop, Lang::Zh),
        (
            "崆峒区税务局办税服务厅".to_string(),
            Some("12366".to_string())
        )
    );
    // A start-up subsidy: human resources and social security, and its hotline; the city
    // where the county is not known, and no invented place elsewhere in Gansu.
    assert_eq!(
        office(
            "pingliang-2023.startup-subsidy",
            &[("city", "pingliang")],
            Lang::Zh
        ),
        (
            "平凉市人社局（人力资源和社会保障局）".to_string(),
            Some("12333".to_string())
        )
    );
    assert_eq!(
        office(
            "gansu-2022.one-thing-once-person",
            &[("city", "other_gansu")],
            Lang::Zh
        )
        .0,
        "当地政务服务中心窗口"
    );
}

#[test]
fn how_a_relief_is_claimed_is_given_only_where_the_text_says_so() {
    let rs = ruleset::embedded();
    let claim = |id: &str| rs.relief(id).expect("relief").claim;
    // "加计…抵减应纳税额", "在税前加计扣除": in the tax return.
    assert_eq!(
        claim("pingliang-2023.vat-credit-consumer-services"),
        Some(Claim::Filing)
    );
    assert_eq!(claim("wuwei-2023.rd-super-deduction"), Some(Claim::Filing));
    // "可依法申请暂缓或分期缴纳": on application.
    assert_eq!(claim("wuwei-2023.fine-deferral"), Some(Claim::Application));
    // The text of the VAT exemption does not say.
    assert_eq!(claim("pingliang-2023.vat-small-scale-exempt"), None);
    // Filing is for taxes only.
    for r in &rs.reliefs {
        if r.claim == Some(Claim::Filing) {
            assert_eq!(r.category, "tax", "{}", r.id);
        }
    }
}
