//! Links: a session survives the round trip; damaged and old links are recognised.

use chrono::NaiveDate;
use relief_finder::engine::link::{
    decode, encode, encode_compact, handoff_base, Display, HandoffError, LinkError,
};
use relief_finder::engine::{Screen, Session, Value};
use relief_finder::model::Lang;
use relief_finder::{qr, ruleset};

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
        handoff: None,
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

/// A business that answers every question the planner puts to it (the restaurant's own
/// answers where it has them, a plausible one elsewhere) and is at the results: the
/// largest answer set a business produces.
fn business(rs: &relief_finder::model::RuleSet) -> Session {
    use relief_finder::model::FactType;
    let mut own = crate::walk::RESTAURANT.to_vec();
    own.push(("county", "kongtong"));
    crate::walk::walk(rs, &own, |def| {
        Some(match def.ty {
            FactType::Enum => def.values[0].id.clone(),
            FactType::Set => String::new(),
            FactType::Bool => "false".into(),
            FactType::Money => "56000.5".into(),
            FactType::Number => "3".into(),
            FactType::Date => "2021-09-15".into(),
        })
    })
}

fn big_en() -> Display {
    Display {
        lang: Lang::En,
        big: true,
        ..Display::default()
    }
}

#[test]
fn a_business_fits_a_compact_link_and_a_small_qr_code() {
    let rs = ruleset::embedded();
    let mut s = business(rs);
    // One "not sure" among them.
    s.not_sure.insert(s.history[3]);
    let text = encode(rs, &s, &Display::default());
    let compact = encode_compact(rs, &s, &big_en());
    let back = decode(rs, &compact, today()).expect("decodes");
    assert_eq!(back.session, s);
    assert_eq!(back.display, big_en());
    assert!(!back.other_ruleset);
    assert_eq!(back.unreadable, 0);
    let link = format!("https://zwfw.pingliang.gov.cn/relief-finder/#{compact}");
    let code = qr::encode(link.as_bytes()).expect("fits a QR code");
    eprintln!(
        "{} answers, {} questions: text link {} characters, compact {}, QR version {} ({} modules)",
        s.facts.known().count(),
        s.history.len(),
        text.len(),
        compact.len(),
        code.version,
        code.size
    );
    // A business answers a handful of screens, but many facts on them.
    assert!(
        s.facts.known().count() >= 25,
        "a business-sized set: {}",
        s.facts.known().count()
    );
    assert!(compact.len() * 4 < text.len(), "{compact} against {text}");
    // At 4 px a module with its quiet zone, the code fits a 320 px phone's column (296 px).
    assert!(
        (code.size + 2 * qr::QUIET) * 4 <= 296,
        "QR version {}",
        code.version
    );
}

#[test]
fn every_kind_of_answer_survives_the_compact_link() {
    let rs = ruleset::embedded();
    let mut s = Session::new(rs, NaiveDate::from_ymd_opt(1999, 12, 31).expect("date"));
    let mut seen = std::collections::BTreeSet::new();
    for (i, f) in rs.facts.iter().enumerate() {
        use relief_finder::model::FactType;
        let text = match f.ty {
            FactType::Enum => f.values[f.values.len() - 1].id.clone(),
            FactType::Set => f
                .values
                .iter()
                .step_by(2)
                .map(|v| v.id.as_str())
                .collect::<Vec<_>>()
                .join("+"),
            FactType::Bool => (i % 2 == 0).to_string(),
            FactType::Money => ["0", "0.01", "80000", "1.5亿", "123456789.87"][i % 5].into(),
            FactType::Number => ["1", "250", "3.5"][i % 3].into(),
            FactType::Date => ["1950-01-01", "2023-06-30", "2031-12-31"][i % 3].into(),
        };
        seen.insert(f.ty.name());
        s.facts
            .set(i as u16, Value::parse(f, &text).expect("value"));
    }
    assert_eq!(seen.len(), 6, "the rule set has every type of fact");
    s.history = (0..rs.questions.len()).rev().collect();
    s.not_sure = s.history.iter().copied().step_by(3).collect();
    s.screen = Screen::Question(5);
    s.return_to_results = true;
    let back = decode(rs, &encode_compact(rs, &s, &Display::default()), today()).expect("decodes");
    assert_eq!(back.session, s);
    assert_eq!(back.display, Display::default());
}

#[test]
fn a_compact_link_from_another_rule_set_keeps_the_answers_it_can_read() {
    let rs = ruleset::embedded();
    let s = business(rs);
    let sales = rs.fact_ix("monthly_sales").expect("fact");
    // The kiosk's build: another version, in which the sales fact was another fact.
    let mut older = rs.clone();
    older.version = "sha256:0123456789abcdef".into();
    older.facts[sales as usize].id = "monthly_turnover".into();
    let d = decode(
        rs,
        &encode_compact(&older, &s, &Display::default()),
        today(),
    )
    .expect("decodes");
    assert!(d.other_ruleset);
    assert_eq!(d.unreadable, 1, "the one changed fact");
    let mut want = s.clone();
    want.facts.clear(sales);
    // Its screen also sets other facts, which were read: it stays answered.
    let q = rs
        .questions
        .iter()
        .position(|q| q.facts.contains(&sales))
        .expect("question");
    assert!(rs.questions[q]
        .facts
        .iter()
        .any(|f| want.facts.get(*f).is_some()));
    assert_eq!(d.session, want);
    // With the same version, an unknown key is damage, not age.
    older.version = rs.version.clone();
    assert!(matches!(
        decode(
            rs,
            &encode_compact(&older, &s, &Display::default()),
            today()
        ),
        Err(LinkError::Damaged(_))
    ));
}

#[test]
fn a_damaged_compact_link_says_so_and_never_panics() {
    let rs = ruleset::embedded();
    let good = encode_compact(rs, &business(rs), &Display::default());
    for bad in ["z=", "z=!!", "z=AAAA", &good[..good.len() / 2]] {
        assert!(
            matches!(decode(rs, bad, today()), Err(LinkError::Damaged(_))),
            "{bad}"
        );
    }
    let alphabet: Vec<char> = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        .chars()
        .collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..20_000 {
        let mut z: Vec<char> = good.chars().collect();
        for _ in 0..(1 + next() % 4) {
            let i = 2 + (next() as usize) % (z.len() - 2);
            match next() % 3 {
                0 => {
                    z.remove(i);
                }
                1 => z.insert(i, alphabet[(next() as usize) % alphabet.len()]),
                _ => z[i] = alphabet[(next() as usize) % alphabet.len()],
            }
        }
        let _ = decode(rs, &z.into_iter().collect::<String>(), today());
    }
}

#[test]
fn the_hand_off_address_must_be_one_a_phone_can_open() {
    let page = "http://127.0.0.1:8080/index.html#kiosk&s=results";
    assert_eq!(handoff_base(None, page), Err(HandoffError::Missing));
    assert_eq!(
        handoff_base(None, "file:///media/kiosk/dist/index.html#kiosk"),
        Err(HandoffError::Missing)
    );
    assert_eq!(
        handoff_base(None, "https://zwfw.example.gov.cn/relief/index.html#kiosk"),
        Ok("https://zwfw.example.gov.cn/relief/index.html".into())
    );
    assert_eq!(
        handoff_base(Some("https://zwfw.example.gov.cn/relief/"), page),
        Ok("https://zwfw.example.gov.cn/relief/".into())
    );
    for bad in [
        "http://localhost:8080/",
        "http://127.0.0.1/",
        "http://[::1]/",
        "file:///dist/",
        "zwfw.example.gov.cn/relief/",
        "http://kiosk.localhost/",
    ] {
        assert_eq!(
            handoff_base(Some(bad), page),
            Err(HandoffError::Unusable(bad.into())),
            "{bad}"
        );
    }
    // The hall's setting survives a reload and a kiosk reset, and never reaches the phone.
    let hall = Display {
        kiosk: true,
        handoff: Some("https://zwfw.example.gov.cn/relief/".into()),
        ..Display::default()
    };
    let rs = ruleset::embedded();
    let s = Session::new(rs, today());
    assert_eq!(
        decode(rs, &encode(rs, &s, &hall), today())
            .expect("decodes")
            .display,
        hall
    );
    assert_eq!(hall.after_reset(), hall);
    let phone = decode(rs, &encode_compact(rs, &s, &hall), today()).expect("decodes");
    assert_eq!(phone.display, Display::default());
}
