//! One `[[relief]]`: its identity and texts, the quote found word for word in the source,
//! its condition (the document's jurisdiction and counties prepended), dates, amount and
//! the fields the twin check reads.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use toml::Spanned;

use super::documents::{kind_of, to_date, Header};
use super::facts::Vocabulary;
use super::groups::canonical;
use super::offices::Offices;
use super::problems::{Place, Problems};
use super::raw::{RawAmount, RawRelief};
use super::{fullwidth_punctuation, squeeze};
use crate::expr::{did_you_mean, Parser};
use crate::model::*;

/// Words that tie a measure to a period: a relief whose quote has one needs a `valid_until`
/// or an `open_ended` reason.
pub const PERIOD_WORDS: &[&str] = &[
    "阶段性",
    "一次性",
    "第一批",
    "第二批",
    "第三批",
    "疫情",
    "年内",
    "截至",
    "暂时",
];

/// What the twin check needs of a relief, beside the compiled relief.
pub(super) struct Side<'a> {
    /// The relief, for messages.
    pub place: Place<'a>,
    /// The relief's own condition (without the jurisdiction added), in canonical order.
    pub own: Option<Cond>,
    pub visitors: bool,
    pub twin: Option<String>,
    pub twin_difference: Option<String>,
}

/// One relief of the document `doc`; `earlier` are the reliefs compiled before it, and
/// `used_names` gathers the offices and channels named, for the `[english]` check.
pub(super) fn compile<'a>(
    raw: &Spanned<RawRelief>,
    doc: &Header<'a, '_>,
    vocab: &Vocabulary,
    offices: &Offices,
    earlier: &[Relief],
    used_names: &mut BTreeSet<String>,
    p: &mut Problems,
) -> (Relief, Side<'a>) {
    let r = raw.get_ref();
    let id = format!("{}.{}", doc.raw.id, r.id);
    let place = Place::item(doc.input, raw.span().start, format!("relief \"{}\"", r.id));
    if earlier.iter().any(|x| x.id == id) {
        p.at(&place, "defined twice");
    }
    let kind = identity(r, doc, &place, p);
    // Offices and channels, with their English names from the file's [english].
    let mut named = |list: &[String], what_kind: &str, p: &mut Problems| -> Vec<Text> {
        list.iter()
            .map(|zh| {
                let en = doc.english.get(zh.as_str()).cloned();
                if en.is_none() {
                    let msg =
                        format!("{what_kind} \"{zh}\" has no English name (add it to [english])");
                    p.at(&place, msg);
                }
                used_names.insert(zh.clone());
                Text {
                    zh: zh.clone(),
                    en: en.unwrap_or_default(),
                }
            })
            .collect()
    };
    let apply_to = named(&r.apply_to, "office", p);
    let channels = named(&r.channels, "channel", p);
    check_quote(r, doc, &place, p);
    if r.overlap_rank.is_some() && r.overlap.is_none() {
        p.at(&place, "overlap_rank without overlap");
    }
    if r.apply_to.is_empty() {
        p.at(&place, "apply_to is empty: name the 责任单位 as printed");
    }
    let claim = r.claim.as_ref().and_then(|c| {
        let found = Claim::ALL.iter().find(|(_, n)| n == c).map(|(x, _)| *x);
        if found.is_none() {
            p.at(
                &place,
                format!("unknown claim \"{c}\" (filing or application)"),
            );
        }
        found
    });
    let (when, own) = condition(r, doc, vocab, &place, p);
    let (from, until) = dates(r, doc, &place, p);
    let amount = r
        .amount
        .as_ref()
        .and_then(|a| amount(a, &vocab.facts, &place, p));
    check_period(r, until, &place, p);
    let relief = Relief {
        id,
        doc: doc.ix,
        articles: r.articles.clone(),
        kind,
        category: r.category.clone(),
        title: r.title.text(),
        benefit: r.benefit.text(),
        caveat: r.caveat.as_ref().map(|c| c.text()),
        when,
        valid_from: from,
        valid_until: until,
        amount,
        apply_to,
        channels,
        quote: r.quote.get_ref().split_whitespace().collect(),
        overlap: r.overlap.clone(),
        overlap_rank: r.overlap_rank.unwrap_or(100),
        national: r.national,
        office: offices.office_of(&r.apply_to),
        claim,
    };
    let side = Side {
        place,
        own,
        visitors: r.visitors,
        twin: r.twin.clone(),
        twin_difference: r.twin_difference.clone(),
    };
    (relief, side)
}

/// The id, kind, articles cited, category and texts; the kind (a relief where it is not
/// one of a relief's kinds).
fn identity(r: &RawRelief, doc: &Header, place: &Place, p: &mut Problems) -> Kind {
    let id_ok =
        r.id.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if r.id.is_empty() || !id_ok {
        p.at(place, "an id is lowercase ascii letters, digits and '-'");
    }
    let kind = match kind_of(&r.kind) {
        Some(Kind::Internal) | None => {
            let msg = format!("kind \"{}\": a relief is \"relief\" or \"service\"", r.kind);
            p.at(place, msg);
            Kind::Relief
        }
        Some(k) => k,
    };
    if r.articles.is_empty() {
        p.at(place, "cites no article (articles = [N])");
    }
    let last = doc.raw.articles;
    for &n in &r.articles {
        if n == 0 || n > last {
            p.at(
                place,
                format!("article {n} is not in the document (1 to {last})"),
            );
        }
    }
    if !CATEGORIES.contains(&r.category.as_str()) {
        let msg = format!(
            "unknown category \"{}\" (one of {}){}",
            r.category,
            CATEGORIES.join(", "),
            did_you_mean(&r.category, CATEGORIES.iter().copied())
        );
        p.at(place, msg);
    }
    for (t, name) in [(&r.title, "title"), (&r.benefit, "benefit")] {
        if t.zh.trim().is_empty() || t.en.trim().is_empty() {
            p.at(place, format!("{name} needs both zh and en"));
        }
    }
    let english = [
        Some(("title", &r.title)),
        Some(("benefit", &r.benefit)),
        r.caveat.as_ref().map(|c| ("caveat", c)),
        r.amount
            .as_ref()
            .map(|a| ("amount basis", &a.get_ref().basis)),
    ];
    for (name, t) in english.into_iter().flatten() {
        if let Some(c) = fullwidth_punctuation(&t.en) {
            p.at(
                place,
                format!("the English of {name} has the full-width \"{c}\" of Chinese text"),
            );
        }
    }
    kind
}

/// The quote is the clause, found word for word (white space aside) in the source.
fn check_quote(r: &RawRelief, doc: &Header, place: &Place, p: &mut Problems) {
    let quote = r.quote.get_ref();
    let at = place.at(r.quote.span().start);
    if quote.trim().is_empty() {
        p.at(&at, "quote is empty: quote the clause that grants it");
    } else if doc.source.is_some() && !doc.squeezed.contains(&squeeze(quote)) {
        let hint = longest_found_prefix(&doc.squeezed, &squeeze(quote));
        p.at(
            &at,
            format!(
                "quote is not found word for word in rules/sources/{} (it matches up to \"{}\")",
                doc.raw.source, hint
            ),
        );
    }
}

/// The condition: the document's city (or every city of the province), the counties
/// named, then the relief's own; beside it the own condition in canonical order.
fn condition(
    r: &RawRelief,
    doc: &Header,
    vocab: &Vocabulary,
    place: &Place,
    p: &mut Problems,
) -> (Cond, Option<Cond>) {
    let facts = &vocab.facts;
    let mut all = Vec::new();
    if let (Some(c), false) = (vocab.city, r.visitors) {
        let mask = match &doc.jurisdiction {
            Jurisdiction::Gansu => vocab.province,
            Jurisdiction::City(v) => facts[c].value_ix(v).map(|i| 1u64 << i).unwrap_or(0),
        };
        all.push(Cond::Atom(Atom {
            fact: c as FactIx,
            test: Test::OneOf(mask),
        }));
    }
    if !r.counties.is_empty() {
        all.extend(counties(r, doc, vocab, place, p));
    }
    let own = Parser::condition(facts, r.when.get_ref());
    match own.clone() {
        Ok(Cond::All(v)) => all.extend(v),
        Ok(c) => all.push(c),
        Err(e) => p.at(&place.in_value(r.when.span(), e.col), e.msg),
    }
    (Cond::All(all), own.ok().map(|c| canonical(&c)))
}

/// The test of the counties a relief names, each a county of the document's city.
fn counties(
    r: &RawRelief,
    doc: &Header,
    vocab: &Vocabulary,
    place: &Place,
    p: &mut Problems,
) -> Option<Cond> {
    let facts = &vocab.facts;
    let Some(ci) = facts.iter().position(|f| f.id == "county") else {
        p.at(place, "counties named, but there is no fact \"county\"");
        return None;
    };
    let county = &facts[ci];
    let mut mask = 0u64;
    for c in &r.counties {
        let Some(i) = county.value_ix(c) else {
            let hint = did_you_mean(c, county.values.iter().map(|v| v.id.as_str()));
            p.at(place, format!("unknown county \"{c}\"{hint}"));
            continue;
        };
        mask |= 1 << i;
        if let (
            Jurisdiction::City(jc),
            Some(Cond::Atom(Atom {
                test: Test::OneOf(m),
                ..
            })),
        ) = (&doc.jurisdiction, county.values[i].only_if.as_ref())
        {
            let in_city = vocab
                .city
                .and_then(|c| facts[c].value_ix(jc))
                .is_some_and(|j| m & (1 << j) != 0);
            if !in_city {
                p.at(place, format!("county \"{c}\" is not in {jc}"));
            }
        }
    }
    Some(Cond::Atom(Atom {
        fact: ci as FactIx,
        test: Test::OneOf(mask),
    }))
}

/// The relief's dates (the document's where it gives none), in order and near the date
/// the document was issued.
fn dates(
    r: &RawRelief,
    doc: &Header,
    place: &Place,
    p: &mut Problems,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let mut date = |d: &Option<toml::value::Datetime>, name: &str| {
        d.as_ref().and_then(|d| {
            let r = to_date(d);
            if r.is_none() {
                p.at(place, format!("{name} is not a date (write YYYY-MM-DD)"));
            }
            r
        })
    };
    let from = date(&r.valid_from, "valid_from").or(doc.valid_from);
    let until = date(&r.valid_until, "valid_until").or(doc.valid_until);
    let issued_on = doc.issued_on;
    if let (Some(a), Some(b)) = (from, until) {
        if a > b {
            p.at(place, format!("valid_from {a} is after valid_until {b}"));
        }
    }
    if let Some(u) = until {
        if u < issued_on - chrono::Days::new(366) {
            p.at(place, format!("valid_until {u} is more than a year before the document was issued ({issued_on})"));
        }
    }
    if let Some(f) = from {
        if f > issued_on + chrono::Days::new(366 * 5) {
            p.at(place, format!("valid_from {f} is more than five years after the document was issued ({issued_on})"));
        }
    }
    (from, until)
}

/// The amount: a figure, a range or a ceiling, per a unit, with its basis.
fn amount(
    raw: &Spanned<RawAmount>,
    facts: &[FactDef],
    place: &Place,
    p: &mut Problems,
) -> Option<Amount> {
    let place = place.at(raw.span().start);
    let a = raw.get_ref();
    let fail = |p: &mut Problems, msg: String| p.at(&place, format!("amount: {msg}"));
    let parse = |src: &String, p: &mut Problems| match Parser::formula(facts, src) {
        Ok(f) => Some(f),
        Err(e) => {
            fail(p, format!("\"{src}\": column {}: {}", e.col + 1, e.msg));
            None
        }
    };
    let value = match (&a.value, &a.min, &a.max, &a.up_to) {
        (Some(v), None, None, None) => AmountValue::Exact(parse(v, p)?),
        (None, Some(lo), Some(hi), None) => AmountValue::Range(parse(lo, p)?, parse(hi, p)?),
        (None, None, None, Some(u)) => AmountValue::UpTo(parse(u, p)?),
        _ => {
            fail(p, "give `value`, or `min` and `max`, or `up_to`".into());
            return None;
        }
    };
    let Some(per) = Per::ALL.iter().find(|(_, n)| *n == a.per).map(|(p, _)| *p) else {
        let names: Vec<&str> = Per::ALL.iter().map(|(_, n)| *n).collect();
        fail(
            p,
            format!("unknown per \"{}\" (one of {})", a.per, names.join(", ")),
        );
        return None;
    };
    if a.basis.zh.trim().is_empty() || a.basis.en.trim().is_empty() {
        fail(p, "basis needs both zh and en".into());
    }
    Some(Amount {
        value,
        per,
        basis: a.basis.text(),
    })
}

/// A temporary measure ends, even where the document gives no end; the twin fields go
/// together.
fn check_period(r: &RawRelief, until: Option<NaiveDate>, place: &Place, p: &mut Problems) {
    let quote = squeeze(r.quote.get_ref());
    if let Some(word) = PERIOD_WORDS.iter().find(|w| quote.contains(**w)) {
        match (until, &r.open_ended) {
            (None, None) => p.at(place, format!(
                "the quote speaks of a period (\"{word}\") but the relief has no valid_until (give valid_until, or open_ended = \"…\" saying why it has none)"
            )),
            (Some(u), Some(_)) => p.at(place, format!(
                "open_ended, but it has a valid_until ({u}): remove open_ended"
            )),
            _ => {}
        }
    }
    if r.open_ended.as_ref().is_some_and(|x| x.trim().is_empty()) {
        p.at(place, "open_ended is empty: say why the relief has no end");
    }
    if r.twin.is_none() && r.twin_difference.is_some() {
        p.at(place, "twin_difference without twin");
    }
}

/// The longest start of `quote` found in `source`, to say where a quote goes wrong.
fn longest_found_prefix(source: &str, quote: &str) -> String {
    let chars: Vec<char> = quote.chars().collect();
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let prefix: String = chars[..mid].iter().collect();
        if source.contains(&prefix) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let start = lo.saturating_sub(12);
    chars[start..lo].iter().collect::<String>()
}
