//! Conditions, values, amounts, dates, articles and offices in words, in either language:
//! the "why" of a result and the facts of a card. Every word comes from the catalog or the
//! rule set; the app, the printout, the CLI and `all.html` all write them here.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::catalog::{per, t, tn, Msg};
use crate::engine::calendar::ymd;
use crate::engine::eval::AmountResult;
use crate::engine::facts::{Facts, Value};
use crate::model::{
    Atom, CmpOp, Cond, DateRef, FactDef, FactType, Lang, Offset, Per, Relief, RuleSet, Test, Text,
};

/// `1234567.5` as `1,234,567.5`.
pub fn group_digits(n: Decimal) -> String {
    // From the mantissa and scale rather than rust_decimal's Display (smaller wasm).
    let n = n.normalize();
    let digits = n.mantissa().unsigned_abs().to_string();
    let scale = n.scale() as usize;
    let padded = format!(
        "{}{digits}",
        "0".repeat((scale + 1).saturating_sub(digits.len()))
    );
    let (int, frac) = padded.split_at(padded.len() - scale);
    let mut out = String::new();
    if n.is_sign_negative() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if scale > 0 {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// An amount of yuan: `28,800元` or `¥28,800`.
pub fn yuan(n: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}元", group_digits(n)),
        Lang::En => format!("¥{}", group_digits(n)),
    }
}

/// An amount of yuan per unit: `28,800元 每年`.
pub fn yuan_per(n: Decimal, p: Per, lang: Lang) -> String {
    format!("{} {}", yuan(n, lang), t(lang, per(p)))
}

/// A number with the fact's unit.
pub fn number(f: &FactDef, n: Decimal, lang: Lang) -> String {
    if f.ty == FactType::Money && f.unit.is_none() {
        return yuan(n, lang);
    }
    match (&f.unit, lang) {
        (Some(u), Lang::Zh) => format!("{}{}", group_digits(n), u.zh),
        (Some(u), Lang::En) => format!("{} {}", group_digits(n), u.en),
        (None, _) => group_digits(n),
    }
}

/// How the values of a mask are joined: one of them, all of them, or a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    Or,
    And,
    List,
}

/// The labels of the values in `mask`, joined.
fn values(f: &FactDef, mask: u64, join: Join, lang: Lang) -> String {
    let sep = match (join, lang) {
        (Join::Or, Lang::Zh) => "或",
        (Join::Or, Lang::En) => " or ",
        (Join::And, Lang::Zh) => "和",
        (Join::And, Lang::En) => " and ",
        (Join::List, _) => t(lang, Msg::PList),
    };
    f.values
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, v)| v.label.get(lang))
        .collect::<Vec<_>>()
        .join(sep)
}

/// A known value in words.
pub fn value(f: &FactDef, v: &Value, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match v {
        Value::Enum(i) => values(f, 1 << i, Join::Or, lang),
        Value::Set(0) => (if zh { "无" } else { "none" }).to_string(),
        Value::Set(s) => values(f, *s, Join::List, lang),
        Value::Bool(b) => match (b, zh) {
            (true, true) => "是",
            (false, true) => "否",
            (true, false) => "yes",
            (false, false) => "no",
        }
        .to_string(),
        Value::Num(n) => number(f, *n, lang),
        Value::Date(d) => ymd(*d),
    }
}

fn offset(o: Offset, lang: Lang) -> String {
    let mut parts = Vec::new();
    let (y, m, d) = (o.years.abs(), o.months.abs(), o.days.abs());
    match lang {
        Lang::Zh => {
            for (n, unit) in [(y, "年"), (m, "个月"), (d, "天")] {
                if n != 0 {
                    parts.push(format!("{n}{unit}"));
                }
            }
        }
        Lang::En => {
            for (n, unit) in [(y, "year"), (m, "month"), (d, "day")] {
                if n != 0 {
                    parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
                }
            }
        }
    }
    parts.join(if lang == Lang::Zh { "" } else { " " })
}

/// `anchor`: the day a measure that is not in force was judged on (see
/// [`ReliefResult::judged_on`](crate::engine::ReliefResult)), written in place of "the date
/// asked about".
fn date_ref(rs: &RuleSet, r: &DateRef, lang: Lang, anchor: Option<NaiveDate>) -> String {
    let shift = |base: String, o: &Offset| {
        if o.is_zero() {
            return base;
        }
        let before = o.years < 0 || o.months < 0 || o.days < 0;
        match (lang, before) {
            (Lang::Zh, true) => format!("{base}前{}", offset(*o, lang)),
            (Lang::Zh, false) => format!("{base}后{}", offset(*o, lang)),
            (Lang::En, true) => format!("{} before {base}", offset(*o, lang)),
            (Lang::En, false) => format!("{} after {base}", offset(*o, lang)),
        }
    };
    match r {
        DateRef::Fixed(d) => ymd(*d),
        DateRef::AsOf(o) => shift(
            match (anchor, lang) {
                (Some(d), _) => ymd(d),
                (None, Lang::Zh) => "查询日期".into(),
                (None, Lang::En) => "the date asked about".into(),
            },
            o,
        ),
        DateRef::Fact(f, o) => shift(rs.fact(*f).label.get(lang).to_string(), o),
    }
}

/// One condition in words, e.g. `月销售额 ≤ 100,000元`.
pub fn condition(rs: &RuleSet, c: &Cond, lang: Lang) -> String {
    condition_on(rs, c, lang, None)
}

/// [`condition`], with the date asked about written as `anchor` where one is given. A list
/// of "and" inside an "or" (or the other way round) is bracketed, so that the words read
/// one way only.
pub fn condition_on(rs: &RuleSet, c: &Cond, lang: Lang, anchor: Option<NaiveDate>) -> String {
    let bracket = |s: String| format!("{}{s}{}", open(lang), close(lang));
    match c {
        Cond::Atom(a) => atom(rs, a, false, lang, anchor),
        Cond::Not(inner) => match inner.as_ref() {
            Cond::Atom(a) => atom(rs, a, true, lang, anchor),
            other => {
                let not = if lang == Lang::Zh { "并非" } else { "not " };
                format!("{not}{}", bracket(condition_on(rs, other, lang, anchor)))
            }
        },
        Cond::All(v) | Cond::Any(v) => {
            let all = matches!(c, Cond::All(_));
            let sep = match (all, lang) {
                (true, Lang::Zh) => "，且",
                (true, Lang::En) => ", and ",
                (false, Lang::Zh) => "，或",
                (false, Lang::En) => ", or ",
            };
            v.iter()
                .map(|item| {
                    let s = condition_on(rs, item, lang, anchor);
                    match item {
                        Cond::All(w) if !all && w.len() > 1 => bracket(s),
                        Cond::Any(w) if all && w.len() > 1 => bracket(s),
                        _ => s,
                    }
                })
                .collect::<Vec<_>>()
                .join(sep)
        }
    }
}

/// The brackets around a part of a condition: `（…）`, `(…)`.
fn open(lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        "（"
    } else {
        "("
    }
}

fn close(lang: Lang) -> &'static str {
    t(lang, Msg::PClose)
}

fn atom(rs: &RuleSet, a: &Atom, negated: bool, lang: Lang, anchor: Option<NaiveDate>) -> String {
    let f = rs.fact(a.fact);
    let label = f.label.get(lang);
    let zh = lang == Lang::Zh;
    let colon = t(lang, Msg::PColon);
    match &a.test {
        Test::IsTrue => format!("{label}{colon}{}", value(f, &Value::Bool(!negated), lang)),
        Test::OneOf(m) => {
            let vs = values(f, *m, Join::Or, lang);
            match (zh, negated) {
                (_, false) => format!("{label}{colon}{vs}"),
                (true, true) => format!("{label}{colon}不是{vs}"),
                (false, true) => format!("{label}{colon}not {vs}"),
            }
        }
        Test::HasAny(m) | Test::HasAll(m) => {
            let join = match a.test {
                Test::HasAll(_) => Join::And,
                _ => Join::Or,
            };
            let vs = values(f, *m, join, lang);
            match (zh, negated) {
                (true, false) => format!("{label}包括{vs}"),
                (true, true) => format!("{label}不包括{vs}"),
                (false, false) => format!("{label} include {vs}"),
                (false, true) => format!("{label} exclude {vs}"),
            }
        }
        Test::Cmp(op, v) => format!("{label} {} {}", flip(*op, negated), number(f, *v, lang)),
        Test::DateCmp(op, r) => format!(
            "{label} {} {}",
            flip(*op, negated),
            date_ref(rs, r, lang, anchor)
        ),
        Test::Known => match (zh, negated) {
            (true, false) => format!("{label}：已回答"),
            (true, true) => format!("{label}：未回答"),
            (false, false) => format!("{label}: answered"),
            (false, true) => format!("{label}: not answered"),
        },
    }
}

/// The symbol of a comparison, or of its opposite.
fn flip(op: CmpOp, negated: bool) -> &'static str {
    if !negated {
        return op.symbol();
    }
    match op {
        CmpOp::Lt => "≥",
        CmpOp::Le => ">",
        CmpOp::Gt => "≤",
        CmpOp::Ge => "<",
        CmpOp::Eq => "≠",
    }
}

/// Why a condition held, in the person's own answers: `月销售额：80,000元（≤ 100,000元）`
/// rather than the rule alone. Falls back to the rule's words where an answer cannot say it.
/// `anchor` as in [`condition_on`].
pub fn reason(
    rs: &RuleSet,
    c: &Cond,
    facts: &Facts,
    lang: Lang,
    anchor: Option<NaiveDate>,
) -> String {
    let Cond::Atom(a) = c else {
        return condition_on(rs, c, lang, anchor);
    };
    let f = rs.fact(a.fact);
    let Some(v) = facts.get(a.fact) else {
        return condition_on(rs, c, lang, anchor);
    };
    let answer = match (&a.test, v) {
        // Only the values that matched, not every value the rule accepts.
        (Test::HasAny(m) | Test::HasAll(m), Value::Set(s)) => value(f, &Value::Set(s & m), lang),
        _ => value(f, v, lang),
    };
    let rule = match &a.test {
        Test::Cmp(op, n) => Some(format!("{} {}", op.symbol(), number(f, *n, lang))),
        Test::DateCmp(op, r) => Some(format!("{} {}", op.symbol(), date_ref(rs, r, lang, anchor))),
        _ => None,
    };
    let label = f.label.get(lang);
    let colon = t(lang, Msg::PColon);
    match rule {
        Some(r) => format!(
            "{label}{colon}{answer}{}{r}{}",
            t(lang, Msg::POpen),
            close(lang)
        ),
        None => format!("{label}{colon}{answer}"),
    }
}

/// What a relief is worth: `28,800元 每年`, `1,000元 至 2,000元 一次性`, `最高 5,000元 每人`.
pub fn amount_text(a: &AmountResult, p: Per, lang: Lang) -> String {
    let per = t(lang, per(p));
    match a {
        AmountResult::Exact(v) => format!("{} {per}", yuan(*v, lang)),
        AmountResult::Range(lo, hi) => format!(
            "{} {} {} {per}",
            yuan(*lo, lang),
            t(lang, Msg::ReliefRange),
            yuan(*hi, lang)
        ),
        AmountResult::UpTo(v) => format!("{} {} {per}", t(lang, Msg::ReliefUpTo), yuan(*v, lang)),
    }
}

/// Sums per unit, `28,800元 每年、5,000元 一次性`, joined by `sep`.
pub fn totals(sums: &[(Per, Decimal)], sep: &str, lang: Lang) -> String {
    sums.iter()
        .map(|(p, v)| yuan_per(*v, *p, lang))
        .collect::<Vec<_>>()
        .join(sep)
}

/// When a relief is in force: `2023-01-01 – 2023-12-31`, `自 2022-06-23 (未规定截止日期)`.
pub fn dates(relief: &Relief, lang: Lang) -> String {
    match (relief.valid_from, relief.valid_until) {
        (Some(a), Some(b)) => format!("{} – {}", ymd(a), ymd(b)),
        (Some(a), None) => format!(
            "{} {} ({})",
            t(lang, Msg::ReliefFrom),
            ymd(a),
            t(lang, Msg::ReliefNoEnd)
        ),
        (None, Some(b)) => format!("{} {}", t(lang, Msg::ReliefUntil), ymd(b)),
        (None, None) => t(lang, Msg::ReliefNoEnd).to_string(),
    }
}

/// "第1条、第3条": the articles a relief cites.
pub fn articles_text(relief: &Relief, lang: Lang) -> String {
    relief
        .articles
        .iter()
        .map(|a| tn(lang, Msg::ReliefArticle, a))
        .collect::<Vec<_>>()
        .join(t(lang, Msg::PList))
}

/// Offices or channels in `lang`: `市税务局、市财政局`, `Pingliang Municipal Taxation
/// Bureau, Pingliang Municipal Finance Bureau`.
pub fn names(list: &[Text], lang: Lang) -> String {
    list.iter()
        .map(|n| n.get(lang))
        .collect::<Vec<_>>()
        .join(t(lang, Msg::PList))
}

/// Where to go for a relief: its office, with `{place}` the person's county, else their
/// city, else "当地" / "your area", and the office's hotline.
pub fn office(
    rs: &RuleSet,
    relief: &Relief,
    facts: &Facts,
    lang: Lang,
) -> Option<(String, Option<String>)> {
    let o = rs.offices.get(usize::from(relief.office?))?;
    let place = ["county", "city"]
        .iter()
        .filter_map(|id| {
            let f = rs.fact_ix(id)?;
            let Value::Enum(v) = facts.get(f)? else {
                return None;
            };
            let value = rs.fact(f).values.get(usize::from(*v))?;
            // "Another city of Gansu" and "outside Gansu" name no place.
            (!value.id.ends_with("gansu")).then(|| value.label.get(lang))
        })
        .next()
        .unwrap_or(if lang == Lang::Zh {
            "当地"
        } else {
            "your area"
        });
    Some((
        o.text.get(lang).replace("{place}", place),
        o.hotline.clone(),
    ))
}

/// [`office`] on one line: `崆峒区税务局办税服务厅 · 电话 12366`.
pub fn office_line(rs: &RuleSet, relief: &Relief, facts: &Facts, lang: Lang) -> Option<String> {
    office(rs, relief, facts, lang).map(|(office, phone)| match phone {
        Some(p) => format!("{office} · {} {p}", t(lang, Msg::ReliefCall)),
        None => office,
    })
}
