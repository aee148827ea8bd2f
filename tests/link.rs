//! Links: a session survives the round trip; damaged and old links are recognised.

use chrono::NaiveDate;
use relief_finder::engine::link::{decode, encode, Display, LinkError};
use relief_finder::engine::{Screen, Session, Value};
use relief_finder::model::Lang;
use relief_finder::ruleset;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
}

#[test]
fn a_session_survives_the_link() {
    let rs = ruleset::embedded();
    let mut s = Session::new(rs, NaiveDate::from_ymd_opt(2023, 6, 1).expect("date"));
    for (id, v) in [
        ("city", "pingliang"),
        ("applicant", "business"),
        ("monthly_sales", "80000.5"),
        ("industries", "catering+lodging"),
    ] {
        let ix = rs.fact_ix(id).expect("fact");
        s.facts
            .set(ix, Value::parse(rs.fact(ix), v).expect("value"));
        let q = rs
            .questions
            .iter()
            .position(|q| q.facts.contains(&ix))
            .expect("question");
        if !s.history.contains(&q) {
            s.history.push(q);
        }
    }
    let vat = rs
        .questions
        .iter()
        .position(|q| q.id == "tax")
        .expect("question");
    s.history.retain(|q| *q != vat);
    s.history.push(vat);
    s.not_sure.insert(vat);
    s.screen = Screen::Results;
    let display = Display {
        lang: Lang::En,
        kiosk: true,
        embed: false,
        big: true,
        idle: Some(90),
    };
    let frag = encode(rs, &s, &display);
    let back = decode(rs, &frag, today()).expect("decodes");
    assert_eq!(back.session, s);
    assert_eq!(back.display, display);
    assert!(!back.other_ruleset);
    // A messenger may %-escape the fragment.
    let escaped = frag.replace(':', "%3A").replace(';', "%3B");
    assert_eq!(decode(rs, &escaped, today()).expect("decodes").session, s);
}

#[test]
fn an_empty_link_is_a_fresh_start_today() {
    let rs = ruleset::embedded();
    let d = decode(rs, "", today()).expect("decodes");
    assert_eq!(d.session, Session::new(rs, today()));
    assert!(!d.other_ruleset);
}

#[test]
fn a_damaged_link_says_so() {
    let rs = ruleset::embedded();
    let v = rs.short_version();
    for bad in [
        format!("r={v}&d=2023-13-45"),
        format!("r={v}&f=monthly_sales:lots"),
        format!("r={v}&f=city"),
        format!("r={v}&f=city:atlantis"),
        format!("r={v}&f=no_such_fact:1"),
        format!("r={v}&s=no_such_question"),
        format!("r={v}&h=no_such_question"),
        "f=%ZZ".to_string(),
    ] {
        assert!(
            matches!(decode(rs, &bad, today()), Err(LinkError::Damaged(_))),
            "{bad}"
        );
    }
}

#[test]
fn a_link_from_another_rule_set_keeps_what_it_can() {
    let rs = ruleset::embedded();
    let d = decode(
        rs,
        "r=000000000000&d=2023-06-01&f=city:pingliang;retired_fact:1&h=who,retired_q&s=results",
        today(),
    )
    .expect("decodes");
    assert!(d.other_ruleset);
    assert_eq!(
        d.dropped,
        vec!["retired_fact".to_string(), "retired_q".to_string()]
    );
    assert!(d
        .session
        .facts
        .get(rs.fact_ix("city").expect("fact"))
        .is_some());
}

#[test]
fn random_fragments_never_panic() {
    let rs = ruleset::embedded();
    // A small deterministic generator: mutations of a valid link and random bytes.
    let good = format!(
        "r={}&d=2023-06-01&f=city:pingliang;monthly_sales:8万&h=city&s=results",
        rs.short_version()
    );
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let alphabet: Vec<char> = "=&;:+,?%#-.0123456789abcdefrsfhd万元".chars().collect();
    for _ in 0..20_000 {
        let mut s: Vec<char> = good.chars().collect();
        for _ in 0..(next() % 6) {
            let i = (next() as usize) % (s.len() + 1);
            match next() % 3 {
                0 if i < s.len() => {
                    s.remove(i);
                }
                1 => s.insert(i, alphabet[(next() as usize) % alphabet.len()]),
                _ if i < s.len() => s[i] = alphabet[(next() as usize) % alphabet.len()],
                _ => {}
            }
        }
        let frag: String = s.into_iter().collect();
        let _ = decode(rs, &frag, today());
    }
}
