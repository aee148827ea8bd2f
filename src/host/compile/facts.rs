//! The fact vocabulary: every `[[fact]]`, its values, gates (`requires`, `only_if`) and
//! widenings (`also_if`). Conditions anywhere may name any fact, so the conditions of the
//! vocabulary itself are parsed once every fact is known.

use std::collections::BTreeSet;

use super::fullwidth_punctuation;
use super::problems::{Place, Problems};
use super::raw::{RawFact, RuleFile};
use crate::expr::{did_you_mean, Parser};
use crate::model::{Cond, EnumValue, FactDef, FactIx, FactType, Test};

/// The facts, with what the later stages need of them.
pub(super) struct Vocabulary<'a> {
    pub facts: Vec<FactDef>,
    /// Where each fact is defined, for messages (one per fact, in the same order).
    pub places: Vec<Place<'a>>,
    /// The enum values that also hold under another condition (`also_if`).
    pub widenings: Vec<Widening>,
    /// The `city` fact, which every document's jurisdiction tests.
    pub city: Option<usize>,
    /// The values of `city` a document for the whole province covers.
    pub province: u64,
}

/// An enum value that also holds when a condition does: every test of it is widened.
pub(super) struct Widening {
    pub fact: FactIx,
    /// The value's bit.
    pub bit: u64,
    pub also: Cond,
}

/// The fact vocabulary of every file, in file order.
pub(super) fn compile<'a>(files: &[RuleFile<'a>], p: &mut Problems) -> Vocabulary<'a> {
    let mut facts: Vec<FactDef> = Vec::new();
    let mut places = Vec::new();
    let mut raws: Vec<&RawFact> = Vec::new();
    for f in files {
        for raw in &f.raw.fact {
            let (span, raw) = (raw.span(), raw.get_ref());
            let place = Place::item(f.input, span.start, format!("fact \"{}\"", raw.id));
            let Some(def) = define(raw, &facts, &place, p) else {
                continue;
            };
            // Compact links (QR codes) name facts by a 16-bit key of id, type and values.
            let key = def.link_key();
            if let Some(other) = facts.iter().find(|f| f.link_key() == key) {
                let msg = format!(
                    "has the same link key as fact \"{}\" ({key:04x}): rename one",
                    other.id
                );
                p.at(&place, msg);
            }
            facts.push(def);
            places.push(place);
            raws.push(raw);
        }
    }
    let widenings = conditions(&mut facts, &raws, &places, p);
    let city = facts.iter().position(|f| f.id == "city");
    if city.is_none() && !files.is_empty() {
        p.rules("no fact \"city\": every document's jurisdiction needs it");
    }
    let province = province(&facts, &raws, &places, city, p);
    Vocabulary {
        facts,
        places,
        widenings,
        city,
        province,
    }
}

/// One fact, checked on its own; `None` where it cannot be defined at all.
fn define(raw: &RawFact, known: &[FactDef], place: &Place, p: &mut Problems) -> Option<FactDef> {
    if known
        .iter()
        .any(|f| f.id == raw.id || f.aliases.contains(&raw.id))
    {
        p.at(place, "defined twice");
        return None;
    }
    let Some(ty) = FactType::ALL.into_iter().find(|t| t.name() == raw.ty) else {
        let names = FactType::ALL.map(FactType::name);
        p.at(
            place,
            format!(
                "unknown type \"{}\" (one of {}){}",
                raw.ty,
                names.join(", "),
                did_you_mean(&raw.ty, names)
            ),
        );
        return None;
    };
    check_values(raw, ty, place, p);
    Some(FactDef {
        id: raw.id.clone(),
        ty,
        label: raw.label.text(),
        values: raw
            .values
            .iter()
            .map(|v| EnumValue {
                id: v.id.clone(),
                label: crate::model::Text {
                    zh: v.zh.clone(),
                    en: v.en.clone(),
                },
                only_if: None,
            })
            .collect(),
        unit: raw.unit.as_ref().map(|u| u.text()),
        aliases: raw.aliases.clone(),
        requires: None,
        fixed: raw.fixed,
    })
}

/// Values where the type needs them and nowhere else, each once, and English texts in
/// English punctuation.
fn check_values(raw: &RawFact, ty: FactType, place: &Place, p: &mut Problems) {
    let has_values = matches!(ty, FactType::Enum | FactType::Set);
    if has_values && raw.values.is_empty() {
        p.at(place, "an enum or set fact needs values");
    }
    if !has_values && !raw.values.is_empty() {
        p.at(place, format!("a {} fact has no values", ty.name()));
    }
    if raw.values.len() > 64 {
        p.at(place, "more than 64 values");
    }
    let english = std::iter::once(("label", raw.label.en.as_str()))
        .chain(raw.unit.iter().map(|u| ("unit", u.en.as_str())))
        .chain(raw.values.iter().map(|v| (v.id.as_str(), v.en.as_str())));
    for (name, en) in english {
        if let Some(c) = fullwidth_punctuation(en) {
            p.at(
                place,
                format!("the English of {name} has the full-width \"{c}\" of Chinese text"),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for v in &raw.values {
        if !seen.insert(v.id.as_str()) {
            p.at(place, format!("value \"{}\" listed twice", v.id));
        }
    }
}

/// The vocabulary's own conditions, now that every fact is known: each value's `only_if`,
/// each fact's `requires`, then each value's `also_if` (returned as widenings).
fn conditions(
    facts: &mut [FactDef],
    raws: &[&RawFact],
    places: &[Place],
    p: &mut Problems,
) -> Vec<Widening> {
    let value_place = |fi: usize, vi: usize, facts: &[FactDef]| {
        let what = format!(
            "fact \"{}\" value \"{}\"",
            facts[fi].id, facts[fi].values[vi].id
        );
        Place {
            what,
            ..places[fi].clone()
        }
    };
    for (fi, raw) in raws.iter().enumerate() {
        for (vi, v) in raw.values.iter().enumerate() {
            let Some(src) = &v.only_if else { continue };
            match Parser::condition(facts, src) {
                Ok(c) => facts[fi].values[vi].only_if = Some(c),
                Err(e) => p.at(&value_place(fi, vi, facts), format!("only_if: {}", e.msg)),
            }
        }
    }
    for (fi, raw) in raws.iter().enumerate() {
        let Some(src) = &raw.requires else { continue };
        match Parser::condition(facts, src) {
            Ok(c) => facts[fi].requires = Some(c),
            Err(e) => p.at(&places[fi], format!("requires: {}", e.msg)),
        }
    }
    let mut widenings = Vec::new();
    for (fi, raw) in raws.iter().enumerate() {
        for (vi, v) in raw.values.iter().enumerate() {
            let Some(src) = &v.also_if else { continue };
            match Parser::condition(facts, src) {
                Ok(also) if facts[fi].ty == FactType::Enum => widenings.push(Widening {
                    fact: fi as FactIx,
                    bit: 1u64 << vi,
                    also,
                }),
                Ok(_) => p.at(&places[fi], "also_if: only an enum value can have one"),
                Err(e) => p.at(&value_place(fi, vi, facts), format!("also_if: {}", e.msg)),
            }
        }
    }
    widenings
}

/// The values of `city` a document for the whole province covers: those with
/// `in_gansu = true`. Every city value must say, so that a new city is never left out of
/// the province's measures by omission; no other fact's value may.
fn province(
    facts: &[FactDef],
    raws: &[&RawFact],
    places: &[Place],
    city: Option<usize>,
    p: &mut Problems,
) -> u64 {
    let mut mask = 0u64;
    for (fi, raw) in raws.iter().enumerate() {
        for (vi, v) in raw.values.iter().enumerate() {
            let what = format!("fact \"{}\" value \"{}\"", facts[fi].id, v.id);
            let place = Place {
                what,
                ..places[fi].clone()
            };
            match (Some(fi) == city, v.in_gansu) {
                (true, Some(true)) => mask |= 1 << vi,
                (true, Some(false)) => {}
                (true, None) => p.at(
                    &place,
                    "say whether a document for the whole province covers it (in_gansu = true or false)",
                ),
                (false, Some(_)) => p.at(&place, "in_gansu is only for values of \"city\""),
                (false, None) => {}
            }
        }
    }
    mask
}

/// Widen every test of an enum value that has an `also_if`: `applicant == person` becomes
/// `applicant == person or business_form == individual_business`.
pub(super) fn widen(c: Cond, widenings: &[Widening]) -> Cond {
    match c {
        Cond::All(v) => Cond::All(v.into_iter().map(|c| widen(c, widenings)).collect()),
        Cond::Any(v) => Cond::Any(v.into_iter().map(|c| widen(c, widenings)).collect()),
        Cond::Not(c) => Cond::Not(Box::new(widen(*c, widenings))),
        Cond::Atom(a) => {
            let extra: Vec<Cond> = widenings
                .iter()
                .filter(|w| w.fact == a.fact && matches!(a.test, Test::OneOf(m) if m & w.bit != 0))
                .map(|w| w.also.clone())
                .collect();
            if extra.is_empty() {
                Cond::Atom(a)
            } else {
                let mut any = vec![Cond::Atom(a)];
                any.extend(extra);
                Cond::Any(any)
            }
        }
    }
}
