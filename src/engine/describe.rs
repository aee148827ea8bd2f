//! Conditions, values and amounts in words, in either language: the "why" of a result.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::eval::{AmountResult, ReliefResult};
use super::facts::{Facts, Value};
use crate::catalog::t;
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
    let (i, f) = padded.split_at(padded.len() - scale);
    let s = if scale == 0 {
        format!("{}{i}", if n.is_sign_negative() { "-" } else { "" })
    } else {
        format!("{}{i}.{f}", if n.is_sign_negative() { "-" } else { "" })
    };
    let (sign, s) = s
        .strip_prefix('-')
        .map(|s| ("-", s))
        .unwrap_or(("", s.as_str()));
    let (int, frac) = s
        .split_once('.')
        .map(|(a, b)| (a, Some(b)))
        .unwrap_or((s, None));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// An amount of yuan: `28,800元` or `¥28,800`.
pub fn yuan(n: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}元", group_digits(n)),
        Lang::En => format!("¥{}", group_digits(n)),
    }
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

/// "per year" and the like.
pub fn per(p: Per, lang: Lang) -> &'static str {
    match (p, lang) {
        (Per::Once, Lang::Zh) => "一次性",
        (Per::Once, Lang::En) => "one-off",
        (Per::Year, Lang::Zh) => "每年",
        (Per::Year, Lang::En) => "per year",
        (Per::Month, Lang::Zh) => "每月",
        (Per::Month, Lang::En) => "per month",
        (Per::Person, Lang::Zh) => "每人",
        (Per::Person, Lang::En) => "per person",
        (Per::PersonMonth, Lang::Zh) => "每人每月",
        (Per::PersonMonth, Lang::En) => "per person per month",
        (Per::Mu, Lang::Zh) => "每亩",
        (Per::Mu, Lang::En) => "per mu",
    }
}

fn values(f: &FactDef, mask: u64, lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "或" } else { " or " };
    f.values
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, v)| v.label.get(lang).to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

/// A known value in words.
pub fn value(f: &FactDef, v: &Value, lang: Lang) -> String {
    match v {
        Value::Enum(i) => values(f, 1 << i, lang),
        Value::Set(0) => (if lang == Lang::Zh { "无" } else { "none" }).to_string(),
        Value::Set(s) => {
            let sep = if lang == Lang::Zh { "、" } else { ", " };
            f.values
                .iter()
                .enumerate()
                .filter(|(i, _)| s & (1 << i) != 0)
                .map(|(_, v)| v.label.get(lang).to_string())
                .collect::<Vec<_>>()
                .join(sep)
        }
        Value::Bool(true) => (if lang == Lang::Zh { "是" } else { "yes" }).to_string(),
        Value::Bool(false) => (if lang == Lang::Zh { "否" } else { "no" }).to_string(),
        Value::Num(n) => number(f, *n, lang),
        Value::Date(d) => crate::engine::calendar::ymd(*d),
    }
}

fn offset(o: Offset, lang: Lang) -> String {
    let mut parts = Vec::new();
    let (y, m, d) = (o.years.abs(), o.months.abs(), o.days.abs());
    match lang {
        Lang::Zh => {
            if y != 0 {
                parts.push(format!("{y}年"));
            }
            if m != 0 {
                parts.push(format!("{m}个月"));
            }
            if d != 0 {
                parts.push(format!("{d}天"));
            }
        }
        Lang::En => {
            let unit = |n: i32, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
            if y != 0 {
                parts.push(unit(y, "year"));
            }
            if m != 0 {
                parts.push(unit(m, "month"));
            }
            if d != 0 {
                parts.push(unit(d, "day"));
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
        DateRef::Fixed(d) => crate::engine::calendar::ymd(*d),
        DateRef::AsOf(o) => shift(
            match (anchor, lang) {
                (Some(d), _) => crate::engine::calendar::ymd(d),
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

/// [`condition`], with the date asked about written as `anchor` where one is given.
pub fn condition_on(rs: &RuleSet, c: &Cond, lang: Lang, anchor: Option<NaiveDate>) -> String {
    match c {
        Cond::Atom(a) => atom(rs, a, false, lang, anchor),
        Cond::Not(inner) => match inner.as_ref() {
            Cond::Atom(a) => atom(rs, a, true, lang, anchor),
            other => match lang {
                Lang::Zh => format!("并非（{}）", condition_on(rs, other, lang, anchor)),
                Lang::En => format!("not ({})", condition_on(rs, other, lang, anchor)),
            },
        },
        Cond::All(v) | Cond::Any(v) => {
            let sep = match (c, lang) {
                (Cond::All(_), Lang::Zh) => "，且",
                (Cond::All(_), Lang::En) => ", and ",
                (_, Lang::Zh) => "，或",
                (_, Lang::En) => ", or ",
            };
            v.iter()
                .map(|c| condition_on(rs, c, lang, anchor))
                .collect::<Vec<_>>()
                .join(sep)
        }
    }
}

fn atom(rs: &RuleSet, a: &Atom, negated: bool, lang: Lang, anchor: Option<NaiveDate>) -> String {
    let f = rs.fact(a.fact);
    let label = f.label.get(lang);
    let zh = lang == Lang::Zh;
    match &a.test {
        Test::IsTrue => match (zh, negated) {
            (true, false) => format!("{label}：是"),
            (true, true) => format!("{label}：否"),
            (false, false) => format!("{label}: yes"),
            (false, true) => format!("{label}: no"),
        },
        Test::OneOf(m) => match (zh, negated) {
            (true, false) => format!("{label}：{}", values(f, *m, lang)),
            (true, true) => format!("{label}：不是{}", values(f, *m, lang)),
            (false, false) => format!("{label}: {}", values(f, *m, lang)),
            (false, true) => format!("{label}: not {}", values(f, *m, lang)),
        },
        Test::HasAny(m) | Test::HasAll(m) => {
            let all = matches!(a.test, Test::HasAll(_));
            let vs = if all && zh {
                values(f, *m, lang).replace('或', "和")
            } else if all {
                values(f, *m, lang).replace(" or ", " and ")
            } else {
                values(f, *m, lang)
            };
            match (zh, negated) {
                (true, false) => format!("{label}包括{vs}"),
                (true, true) => format!("{label}不包括{vs}"),
                (false, false) => format!("{label} include {vs}"),
                (false, true) => format!("{label} exclude {vs}"),
            }
        }
        Test::Cmp(op, v) => {
            let (op, _) = flip(*op, negated);
            format!("{label} {} {}", op, number(f, *v, lang))
        }
        Test::DateCmp(op, r) => {
            let (op, _) = flip(*op, negated);
            format!("{label} {} {}", op, date_ref(rs, r, lang, anchor))
        }
        Test::Known => match (zh, negated) {
            (true, false) => format!("{label}：已回答"),
            (true, true) => format!("{label}：未回答"),
            (false, false) => format!("{label}: answered"),
            (false, true) => format!("{label}: not answered"),
        },
    }
}

fn flip(op: CmpOp, negated: bool) -> (&'static str, bool) {
    if !negated {
        return (op.symbol(), false);
    }
    let s = match op {
        CmpOp::Lt => "≥",
        CmpOp::Le => ">",
        CmpOp::Gt => "≤",
        CmpOp::Ge => "<",
        CmpOp::Eq => "≠",
    };
    (s, true)
}

/// For a failed date condition against the date asked about, the first date on which it
/// would hold, e.g. "registered at least 1 year" holds from one year after registration.
pub fn date_when_met(c: &Cond, facts: &Facts, as_of: NaiveDate) -> Option<NaiveDate> {
    let Cond::Atom(Atom {
        fact,
        test: Test::DateCmp(op, DateRef::AsOf(o)),
    }) = c
    else {
        return None;
    };
    let Some(Value::Date(d)) = facts.get(*fact) else {
        return None;
    };
    // fact OP as_of + o  <=>  as_of (reverse OP) fact - o.
    let neg = Offset {
        years: -o.years,
        months: -o.months,
        days: -o.days,
    };
    let base = neg.apply(*d)?;
    let from = match op {
        CmpOp::Le => base,
        CmpOp::Lt => base.succ_opt()?,
        _ => return None,
    };
    (from > as_of).then_some(from)
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
    let sep = if lang == Lang::Zh { "：" } else { ": " };
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
    match (rule, lang) {
        (Some(r), Lang::Zh) => format!("{}{sep}{answer}（{r}）", f.label.get(lang)),
        (Some(r), Lang::En) => format!("{}{sep}{answer} ({r})", f.label.get(lang)),
        (None, _) => format!("{}{sep}{answer}", f.label.get(lang)),
    }
}

/// What a relief is worth: `28,800元 每年`, `1,000元 至 2,000元 一次性`, `最高 5,000元 每人`.
pub fn amount_text(a: &AmountResult, per: &str, lang: Lang) -> String {
    let per = t(lang, &format!("per.{per}"));
    match a {
        AmountResult::Exact(v) => format!("{} {per}", yuan(*v, lang)),
        AmountResult::Range(lo, hi) => format!(
            "{} {} {} {per}",
            yuan(*lo, lang),
            t(lang, "relief.range"),
            yuan(*hi, lang)
        ),
        AmountResult::UpTo(v) => format!("{} {} {per}", t(lang, "relief.up_to"), yuan(*v, lang)),
    }
}

/// When a relief is in force: `2023-01-01 – 2023-12-31`, `自 2022-06-23 (未规定截止日期)`.
pub fn dates(r: &ReliefResult, lang: Lang) -> String {
    let d = super::calendar::ymd;
    match (r.relief.valid_from, r.relief.valid_until) {
        (Some(a), Some(b)) => format!("{} – {}", d(a), d(b)),
        (Some(a), None) => format!(
            "{} {} ({})",
            t(lang, "relief.from"),
            d(a),
            t(lang, "relief.no_end")
        ),
        (None, Some(b)) => format!("{} {}", t(lang, "relief.until"), d(b)),
        (None, None) => t(lang, "relief.no_end").to_string(),
    }
}

/// "第1条、第3条": the articles a relief cites.
pub fn articles_text(relief: &Relief, lang: Lang) -> String {
    relief
        .articles
        .iter()
        .map(|a| crate::catalog::tn(lang, "relief.article", a))
        .collect::<Vec<_>>()
        .join(t(lang, "p.list"))
}

/// Offices or channels in `lang`: `市税务局、市财政局`, `Pingliang Municipal Taxation
/// Bureau, Pingliang Municipal Finance Bureau`.
pub fn names(list: &[Text], lang: Lang) -> String {
    list.iter()
        .map(|n| n.get(lang))
        .collect::<Vec<_>>()
        .join(t(lang, "p.list"))
}
