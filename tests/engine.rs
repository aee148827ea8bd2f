//! Engine semantics on a small rule set written here, independent of the real documents:
//! three-valued logic, dates, jurisdiction, overlap groups, amounts, money input.

use chrono::NaiveDate;
use relief_finder::compile::{compile, Input};
use relief_finder::engine::eval::AmountResult;
use relief_finder::engine::{evaluate, parse_money, Eligibility, Facts, Value, ValueError};
use relief_finder::model::{Lang, Part, RuleSet, TextsError};

pub const VOCAB: &str = r#"
[[fact]]
id = "city"
type = "enum"
label = { zh = "城市", en = "City" }
values = [
  { id = "pingliang", zh = "平凉", en = "Pingliang", in_gansu = true },
  { id = "wuwei", zh = "武威", en = "Wuwei", in_gansu = true },
  { id = "other_gansu", zh = "其他", en = "Other", in_gansu = true },
  { id = "outside_gansu", zh = "省外", en = "Outside", in_gansu = false },
]
[[fact]]
id = "county"
type = "enum"
label = { zh = "县", en = "County" }
values = [
  { id = "huating", zh = "华亭", en = "Huating", only_if = "city == pingliang" },
  { id = "kongtong", zh = "崆峒", en = "Kongtong", only_if = "city == pingliang" },
]
[[fact]]
id = "sales"
type = "money"
label = { zh = "销售额", en = "Sales" }
[[fact]]
id = "small"
type = "bool"
label = { zh = "小微", en = "Small" }
[[fact]]
id = "started_on"
type = "date"
label = { zh = "登记日期", en = "Registered on" }
[[question]]
id = "city"
facts = ["city"]
zh = "城市？"
en = "City?"
help_zh = "帮助"
help_en = "Help"
[[question]]
id = "county"
facts = ["county"]
zh = "县？"
en = "County?"
help_zh = "帮助"
help_en = "Help"
[[question]]
id = "sales"
facts = ["sales"]
zh = "销售额？"
en = "Sales?"
help_zh = "帮助"
help_en = "Help"
[[question]]
id = "small"
facts = ["small"]
zh = "小微？"
en = "Small?"
help_zh = "帮助"
help_en = "Help"
[[question]]
id = "started_on"
facts = ["started_on"]
zh = "日期？"
en = "Date?"
help_zh = "帮助"
help_en = "Help"
"#;

pub const DOC: &str = r#"
[document]
id = "t"
number = "测〔2023〕1号"
title = "测试"
issuer = "测试"
jurisdiction = "pingliang"
issued_on = 2023-02-28
valid_from = 2023-01-01
valid_until = 2023-12-31
articles = 3
source = "t.txt"

[[relief]]
id = "low-sales"
articles = [1]
category = "tax"
title = { zh = "低", en = "Low" }
benefit = { zh = "低", en = "Low" }
when = "sales <= 10万 and (small or sales < 1000)"
amount = { value = "sales * 12 * 0.03", per = "year", basis = { zh = "b", en = "b" } }
apply_to = ["税务局"]
quote = "甲条款。"
overlap = "g"

[[relief]]
id = "any-sales"
articles = [1]
category = "tax"
title = { zh = "任", en = "Any" }
benefit = { zh = "任", en = "Any" }
when = "sales > 0"
amount = { value = "sales * 12 * 0.02", per = "year", basis = { zh = "b", en = "b" } }
apply_to = ["税务局"]
quote = "乙条款。"
overlap = "g"

[[relief]]
id = "one-year"
articles = [2]
category = "employment"
title = { zh = "满一年", en = "A year" }
benefit = { zh = "满一年", en = "A year" }
when = "started_on <= as_of - 1y"
counties = ["huating"]
valid_until = 2024-12-31
amount = { min = "1000", max = "2000", per = "once", basis = { zh = "b", en = "b" } }
apply_to = ["人社局"]
quote = "丙条款。"

[[relief]]
id = "first-year"
articles = [2]
category = "employment"
title = { zh = "第一年", en = "First year" }
benefit = { zh = "第一年", en = "First year" }
when = "started_on <= as_of and started_on > as_of - 1y and sales > 0"
apply_to = ["人社局"]
quote = "丙条款。"

[[article]]
n = 3
kind = "internal"
why = "工作安排"

[english]
"税务局" = "Tax bureau"
"人社局" = "Human resources bureau"
"#;

pub fn mini() -> RuleSet {
    let inputs = [
        Input {
            path: "vocab.toml".into(),
            text: VOCAB.into(),
        },
        Input {
            path: "t.toml".into(),
            text: DOC.into(),
        },
    ];
    compile(&inputs, &|_| Some("甲条款。乙条款。丙条款。".into()))
        .unwrap_or_else(|e| panic!("{}", e.join("\n")))
}

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

fn eligibility(rs: &RuleSet, pairs: &[(&str, &str)], as_of: &str, id: &str) -> Eligibility {
    let ev = evaluate(rs, &facts(rs, pairs), d(as_of));
    ev.results
        .iter()
        .find(|r| r.relief.id == id)
        .expect("relief")
        .eligibility
}

#[test]
fn unknown_is_maybe_never_yes_or_no() {
    let rs = mini();
    assert_eq!(
        eligibility(&rs, &[], "2023-06-01", "t.low-sales"),
        Eligibility::Maybe
    );
    assert_eq!(
        eligibility(&rs, &[("city", "pingliang")], "2023-06-01", "t.low-sales"),
        Eligibility::Maybe
    );
    // `small or sales < 1000`: a true branch settles the `or` although `small` is unknown.
    assert_eq!(
        eligibility(
            &rs,
            &[("city", "pingliang"), ("sales", "500")],
            "2023-06-01",
            "t.low-sales"
        ),
        Eligibility::Eligible
    );
    // A false conjunct settles the `and` although other facts are unknown.
    assert_eq!(
        eligibility(
            &rs,
            &[("city", "pingliang"), ("sales", "200000")],
            "2023-06-01",
            "t.low-sales"
        ),
        Eligibility::Ineligible
    );
}

#[test]
fn maybe_names_the_facts_that_would_settle_it() {
    let rs = mini();
    let ev = evaluate(
        &rs,
        &facts(&rs, &[("city", "pingliang"), ("sales", "50000")]),
        d("2023-06-01"),
    );
    let r = ev
        .results
        .iter()
        .find(|r| r.relief.id == "t.low-sales")
        .expect("relief");
    let ids: Vec<&str> = r
        .outcome
        .unknown
        .iter()
        .map(|f| rs.fact(*f).id.as_str())
        .collect();
    assert_eq!(ids, vec!["small"]);
}

#[test]
fn thresholds_include_their_edge() {
    let rs = mini();
    let base = [("city", "pingliang"), ("small", "true")];
    let at = |s: &str| {
        eligibility(
            &rs,
            &[base[0], base[1], ("sales", s)],
            "2023-06-01",
            "t.low-sales",
        )
    };
    assert_eq!(at("100000"), Eligibility::Eligible);
    assert_eq!(at("100000.01"), Eligibility::Ineligible);
}

#[test]
fn city_measures_apply_only_in_their_city_and_named_counties() {
    let rs = mini();
    assert_eq!(
        eligibility(
            &rs,
            &[("city", "wuwei"), ("sales", "5")],
            "2023-06-01",
            "t.low-sales"
        ),
        Eligibility::Ineligible
    );
    let one_year = |pairs: &[(&str, &str)]| eligibility(&rs, pairs, "2023-06-01", "t.one-year");
    assert_eq!(
        one_year(&[("city", "pingliang"), ("started_on", "2022-01-01")]),
        Eligibility::Maybe
    );
    assert_eq!(
        one_year(&[
            ("city", "pingliang"),
            ("county", "huating"),
            ("started_on", "2022-01-01")
        ]),
        Eligibility::Eligible
    );
    assert_eq!(
        one_year(&[
            ("city", "pingliang"),
            ("county", "kongtong"),
            ("started_on", "2022-01-01")
        ]),
        Eligibility::Ineligible
    );
}

#[test]
fn dates_relative_to_as_of_have_exact_edges() {
    let rs = mini();
    let p = [
        ("city", "pingliang"),
        ("county", "huating"),
        ("started_on", "2022-11-01"),
    ];
    assert_eq!(
        eligibility(&rs, &p, "2023-11-01", "t.one-year"),
        Eligibility::Eligible
    );
    assert_eq!(
        eligibility(&rs, &p, "2023-10-31", "t.one-year"),
        Eligibility::Ineligible
    );
}

#[test]
fn in_force_on_the_last_day_not_the_day_after() {
    let rs = mini();
    let p = facts(&rs, &[("city", "pingliang"), ("sales", "5")]);
    let r = |as_of: &str| {
        evaluate(&rs, &p, d(as_of))
            .results
            .iter()
            .find(|r| r.relief.id == "t.any-sales")
            .map(|r| r.in_force())
            .expect("relief")
    };
    assert!(r("2023-12-31"));
    assert!(!r("2024-01-01"));
    assert!(!r("2022-12-31"));
}

#[test]
fn an_overlap_group_counts_the_better_relief_once() {
    let rs = mini();
    let ev = evaluate(
        &rs,
        &facts(
            &rs,
            &[("city", "pingliang"), ("small", "true"), ("sales", "80000")],
        ),
        d("2023-06-01"),
    );
    let low = ev
        .results
        .iter()
        .position(|r| r.relief.id == "t.low-sales")
        .expect("relief");
    let any = ev
        .results
        .iter()
        .position(|r| r.relief.id == "t.any-sales")
        .expect("relief");
    assert_eq!(
        ev.results[low].amount,
        Some(AmountResult::Exact(28800.into()))
    );
    assert_eq!(
        ev.results[any].amount,
        Some(AmountResult::Exact(19200.into()))
    );
    assert_eq!(ev.results[any].overlap.as_ref().map(|o| o.best), Some(low));
    assert!(ev.counts(low) && !ev.counts(any));
    assert_eq!(
        ev.totals(),
        vec![(relief_finder::model::Per::Year, 28800.into())]
    );
}

#[test]
fn money_is_read_as_people_write_it() {
    let ok = |s: &str, v: i64| assert_eq!(parse_money(s), Ok(v.into()), "{s}");
    ok("80000", 80000);
    ok("80,000", 80000);
    ok("8万", 80000);
    ok(" 8 万元 ", 80000);
    ok("１２万", 120000);
    ok("¥1,000", 1000);
    ok("0.5亿", 50_000_000);
    assert_eq!(
        parse_money("80000.50").map(|d| d.to_string()),
        Ok("80000.5".into())
    );
    assert_eq!(parse_money("-5"), Err(ValueError::Negative));
    for bad in [
        "",
        "abc",
        "8w",
        "1.2.3",
        "万",
        ".",
        "--5",
        "5-",
        "1e5",
        "99999999999999999999999999999",
    ] {
        assert_eq!(parse_money(bad), Err(ValueError::NotANumber), "{bad}");
    }
    assert_eq!(parse_money(".5").map(|d| d.to_string()), Ok("0.5".into()));
    assert_eq!(parse_money("5.").map(|d| d.to_string()), Ok("5".into()));
}

#[test]
fn amounts_are_written_with_grouped_digits() {
    use relief_finder::present::describe::group_digits;
    use rust_decimal::Decimal;
    let g = |m: i64, scale: u32| group_digits(Decimal::new(m, scale));
    assert_eq!(g(28800, 0), "28,800");
    assert_eq!(g(12345675, 1), "1,234,567.5");
    assert_eq!(g(5, 2), "0.05");
    assert_eq!(g(-1200, 0), "-1,200");
    assert_eq!(g(100, 0), "100");
    assert_eq!(g(1_000_000_000, 0), "1,000,000,000");
    assert_eq!(g(30000, 4), "3");
    assert_eq!(g(0, 0), "0");
}

#[test]
fn why_speaks_in_the_persons_own_answers() {
    use relief_finder::model::Lang;
    use relief_finder::present::describe::reason;
    let rs = mini();
    let f = facts(
        &rs,
        &[("city", "pingliang"), ("small", "true"), ("sales", "80000")],
    );
    let ev = evaluate(&rs, &f, d("2023-06-01"));
    let r = ev
        .results
        .iter()
        .find(|r| r.relief.id == "t.low-sales")
        .expect("relief");
    let why: Vec<String> = r
        .outcome
        .matched
        .iter()
        .map(|c| reason(&rs, c, &f, Lang::Zh, None))
        .collect();
    assert_eq!(
        why,
        vec!["城市：平凉", "销售额：80,000元（≤ 100,000元）", "小微：是"]
    );
    let en: Vec<String> = r
        .outcome
        .matched
        .iter()
        .map(|c| reason(&rs, c, &f, Lang::En, None))
        .collect();
    assert_eq!(en[1], "Sales: ¥80,000 (≤ ¥100,000)");
}

#[test]
fn the_deferred_texts_travel_apart_and_come_back_whole() {
    let full = mini();
    let mut core = full.clone();
    let [zh, en, quotes] = core.split_texts();
    assert!(!core.has_texts(Lang::Zh) && !core.has_texts(Lang::En));
    assert!(full.has_texts(Lang::Zh) && full.has_texts(Lang::En));
    assert!(core.reliefs.iter().all(|r| r.quote.is_empty()
        && r.title.zh.is_empty()
        && r.benefit.zh.is_empty()
        && r.apply_to
            .iter()
            .all(|o| o.zh.is_empty() && o.en.is_empty())));
    // The questionnaire keeps its Chinese; the English falls back to it until restored.
    assert_eq!(core.questions[0].text.zh, full.questions[0].text.zh);
    assert!(core.questions[0].text.en.is_empty());
    assert_eq!(
        core.questions[0].text.get(Lang::En),
        full.questions[0].text.zh
    );
    assert_eq!((zh.version == full.version, zh.part), (true, Part::Zh));
    assert_eq!((en.version == full.version, en.part), (true, Part::En));
    assert_eq!(
        (quotes.version == full.version, quotes.part),
        (true, Part::Quotes)
    );
    // The clauses quoted are a file of their own, one per relief in order; the language
    // files hold none. Each language only in its own.
    let quoted: Vec<&String> = full.reliefs.iter().map(|r| &r.quote).collect();
    assert_eq!(quotes.strings.iter().collect::<Vec<_>>(), quoted);
    for t in [&zh, &en] {
        assert!(!t.strings.iter().any(|s| s == "甲条款。"));
    }
    let title = &full.reliefs[0].title;
    assert!(zh.strings.contains(&title.zh) && !zh.strings.contains(&title.en));
    assert!(en.strings.contains(&title.en) && !en.strings.contains(&title.zh));
    // What `relief texts` writes is what the app decodes; each file restores its language
    // (the Chinese alone leaves the English out), and the two restore every string.
    let mut restored = core.clone();
    for t in [&zh, &en, &quotes] {
        let bytes = postcard::to_allocvec(t).expect("encodes");
        let back: relief_finder::model::Texts = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!(&back, t);
        assert_eq!(restored.restore(&back), Ok(()));
        if t.part == Part::Quotes {
            assert!(restored.reliefs.iter().all(|r| !r.quote.is_empty()));
            continue;
        }
        assert!(restored.has_texts(if t.part == Part::En {
            Lang::En
        } else {
            Lang::Zh
        }));
        assert!(
            restored.reliefs.iter().all(|r| r.quote.is_empty()),
            "no quote in a language file"
        );
        if t.part == Part::Zh {
            assert!(!restored.has_texts(Lang::En));
            assert_eq!(restored.reliefs[0].title.zh, title.zh);
        }
    }
    assert_eq!(
        postcard::to_allocvec(&restored).expect("encodes"),
        postcard::to_allocvec(&full).expect("encodes")
    );
    // A copy for another rule set, or a truncated one, changes nothing.
    let mut other = zh.clone();
    other.version = "sha256:0".into();
    assert_eq!(core.clone().restore(&other), Err(TextsError::OtherVersion));
    let mut short = en.clone();
    short.strings.pop();
    let mut untouched = core.clone();
    assert_eq!(untouched.restore(&short), Err(TextsError::WrongCount));
    assert!(untouched.reliefs.iter().all(|r| r.quote.is_empty()));
}

fn result<'r>(
    ev: &'r relief_finder::engine::Evaluation,
    id: &str,
) -> &'r relief_finder::engine::ReliefResult<'r> {
    ev.results
        .iter()
        .find(|r| r.relief.id == id)
        .expect("relief")
}

#[test]
fn an_ended_measure_is_judged_on_the_days_it_was_in_force() {
    use relief_finder::engine::Timing;
    let rs = mini();
    let at = |started: &str, as_of: &str| {
        let f = facts(
            &rs,
            &[
                ("city", "pingliang"),
                ("county", "huating"),
                ("started_on", started),
            ],
        );
        let ev = evaluate(&rs, &f, d(as_of));
        let r = result(&ev, "t.one-year");
        (r.eligibility, r.timing, r.judged_on, r.window.clone())
    };
    // One year of operation, in force 2023-01-01 to 2024-12-31, looked at in 2026.
    // Registered 2023-01-10: a year old on 2024-01-10, while the measure still ran.
    let (e, timing, on, w) = at("2023-01-10", "2026-06-01");
    assert_eq!(
        (e, timing, on),
        (Eligibility::Eligible, Timing::Expired, d("2024-01-10"))
    );
    let w = w.expect("a window for an ended measure");
    assert_eq!(w.qualified, Some((d("2024-01-10"), Some(d("2024-12-31")))));
    assert_eq!(w.on_date, Eligibility::Eligible);
    // Registered 2024-03-01: a year old only after the measure ended. Judged on today's date
    // it would look eligible; within its own window it never was.
    let (e, _, on, w) = at("2024-03-01", "2026-06-01");
    assert_eq!(e, Eligibility::Ineligible);
    let w = w.expect("window");
    assert_eq!((w.qualified, w.on_date), (None, Eligibility::Eligible));
    // Judged on its last day, the nearest it came; the near miss says when it would have held.
    assert_eq!(on, d("2024-12-31"));
    let f = facts(
        &rs,
        &[
            ("city", "pingliang"),
            ("county", "huating"),
            ("started_on", "2024-03-01"),
        ],
    );
    let ev = evaluate(&rs, &f, d("2026-06-01"));
    let r = result(&ev, "t.one-year");
    let c = r
        .near_miss(&rs)
        .expect("a near miss: only the date stands in the way");
    assert_eq!(
        relief_finder::engine::eval::date_when_met(c, &f, r.judged_on),
        Some(d("2025-03-01"))
    );
    // A measure not yet in force is judged on its own days too.
    let (e, timing, on, _) = at("2021-01-01", "2022-06-01");
    assert_eq!(
        (e, timing, on),
        (Eligibility::Eligible, Timing::NotYet, d("2023-01-01"))
    );
    // In force: judged on the date asked about, no window.
    let (e, timing, on, w) = at("2023-01-10", "2023-06-01");
    assert_eq!(
        (e, timing, on, w),
        (
            Eligibility::Ineligible,
            Timing::InForce,
            d("2023-06-01"),
            None
        )
    );
}

#[test]
fn an_ended_measure_for_the_first_year_says_which_days_qualified() {
    let rs = mini();
    let at = |started: &str| {
        let f = facts(
            &rs,
            &[
                ("city", "pingliang"),
                ("sales", "5"),
                ("started_on", started),
            ],
        );
        let ev = evaluate(&rs, &f, d("2026-06-01"));
        let r = result(&ev, "t.first-year");
        (r.eligibility, r.window.clone().expect("window").qualified)
    };
    // In force all of 2023: registered 2022-06-15, in its first year until 2023-06-14.
    assert_eq!(
        at("2022-06-15"),
        (
            Eligibility::Eligible,
            Some((d("2023-01-01"), Some(d("2023-06-14"))))
        )
    );
    // Registered 2023-09-01: from then to the end of the window.
    assert_eq!(
        at("2023-09-01"),
        (
            Eligibility::Eligible,
            Some((d("2023-09-01"), Some(d("2023-12-31"))))
        )
    );
    // Registered in 2020, or after the measure ended: never within the window.
    assert_eq!(at("2020-01-01"), (Eligibility::Ineligible, None));
    assert_eq!(at("2025-01-01"), (Eligibility::Ineligible, None));
    // An unknown date stays maybe, never a silent yes or no.
    let f = facts(&rs, &[("city", "pingliang"), ("sales", "5")]);
    let ev = evaluate(&rs, &f, d("2026-06-01"));
    assert_eq!(result(&ev, "t.first-year").eligibility, Eligibility::Maybe);
}

#[test]
fn the_graduate_registered_in_january_2023_never_qualified_for_the_start_up_subsidy() {
    // Issue 15: registered 2023-01-10, the measure ended 2023-12-31, his one year of
    // operation came on 2024-01-10. On today's date the subsidy looked eligible.
    let rs = relief_finder::ruleset::embedded();
    let f = facts(
        rs,
        &[
            ("applicant", "person"),
            ("city", "pingliang"),
            ("graduated_on", "2022-07-01"),
            ("first_business_registered_on", "2023-01-10"),
        ],
    );
    let ev = evaluate(rs, &f, d("2026-06-01"));
    let r = result(&ev, "pingliang-2023.startup-subsidy");
    assert_eq!(r.eligibility, Eligibility::Ineligible);
    let w = r.window.as_ref().expect("ended");
    assert_eq!((w.qualified, w.on_date), (None, Eligibility::Eligible));
    let c = r
        .near_miss(rs)
        .expect("only the year of operation stands in the way");
    assert_eq!(
        relief_finder::engine::eval::date_when_met(c, &f, r.judged_on),
        Some(d("2024-01-10"))
    );
    // The card names the day it was judged on, not "the date asked about" (2026).
    assert_eq!(
        relief_finder::present::describe::condition_on(rs, c, Lang::Zh, Some(r.judged_on)),
        "首次创办企业登记日期 ≤ 2023-12-31前1年"
    );
    // Registered in 2022, he had his year while the measure ran.
    let f = facts(
        rs,
        &[
            ("applicant", "person"),
            ("city", "pingliang"),
            ("graduated_on", "2022-07-01"),
            ("first_business_registered_on", "2022-09-01"),
        ],
    );
    let ev = evaluate(rs, &f, d("2026-06-01"));
    let r = result(&ev, "pingliang-2023.startup-subsidy");
    assert_eq!(r.eligibility, Eligibility::Eligible);
    assert_eq!(
        r.window.as_ref().and_then(|w| w.qualified),
        Some((d("2023-09-01"), Some(d("2023-12-31"))))
    );
}
