//! Persona files: a person's answers written down (facts.md), optionally with the results a
//! test case expects. Every problem names the file, the line and the fact; nothing panics.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::engine::{Facts, Value};
use crate::expr::did_you_mean;
use crate::model::{FactDef, FactType, RuleSet};

/// A persona, parsed and checked against a rule set.
#[derive(Debug, Clone)]
pub struct Persona {
    pub name: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub facts: Facts,
    /// Question ids answered "not sure": known to be unknown.
    pub not_sure: Vec<String>,
    /// Expected results by relief id (test cases only).
    pub expect: Vec<Expect>,
    /// The question the planner should ask next (test cases only); "none" for none.
    pub next: Option<String>,
}

/// What a case expects of one relief.
#[derive(Debug, Clone, PartialEq)]
pub struct Expect {
    pub relief: String,
    pub line: usize,
    pub eligibility: Option<String>,
    pub in_force: Option<bool>,
    /// Expected amount, as the report writes it (`28800`, `1000-2000`, `up to 50000`),
    /// or `none` for no computable amount.
    pub amount: Option<String>,
    /// Expected overlap standing: `best` or `alternative`.
    pub overlap: Option<String>,
}

impl Persona {
    /// The questions dealt with: those answered "not sure" (the planner does not ask them).
    pub fn asked(&self, rs: &RuleSet) -> std::collections::BTreeSet<usize> {
        self.not_sure
            .iter()
            .filter_map(|q| rs.questions.iter().position(|x| &x.id == q))
            .collect()
    }

    /// The persona as a wizard session on its results about `as_of`: its answers, and its
    /// "not sure" questions as the questions dealt with.
    pub fn session(&self, rs: &RuleSet, as_of: NaiveDate) -> crate::engine::Session {
        let asked = self.asked(rs);
        let mut s = crate::engine::Session::new(rs, as_of);
        s.facts = self.facts.clone();
        s.history = asked.iter().copied().collect();
        s.not_sure = asked;
        s.screen = crate::engine::Screen::Results;
        s
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    name: Option<String>,
    as_of: Option<toml::value::Datetime>,
    #[serde(default)]
    facts: BTreeMap<String, toml::Value>,
    #[serde(default)]
    not_sure: Vec<String>,
    #[serde(default)]
    expect: BTreeMap<String, RawExpect>,
    next: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawExpect {
    Eligibility(String),
    Full {
        eligibility: Option<String>,
        in_force: Option<bool>,
        amount: Option<String>,
        overlap: Option<String>,
    },
}

/// The 1-based line where `key = …` is written, searching from the `[section]` header.
fn line_of_key(text: &str, section: &str, key: &str) -> usize {
    let mut in_section = section.is_empty();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            in_section = t == format!("[{section}]");
            continue;
        }
        if in_section {
            let k = t.split('=').next().unwrap_or("").trim().trim_matches('"');
            if k == key && t.contains('=') {
                return i + 1;
            }
        }
    }
    1
}

fn toml_date(d: &toml::value::Datetime) -> Option<NaiveDate> {
    let date = d.date.as_ref()?;
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
}

/// Parse a persona file.
///
/// # Errors
/// Every problem, as `path:line: fact "id": message`.
pub fn parse(path: &str, text: &str, rs: &RuleSet) -> Result<Persona, Vec<String>> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
            .unwrap_or(1);
        vec![format!(
            "{path}:{line}: {}",
            e.message().replace('\n', " ").trim_end_matches('.')
        )]
    })?;
    let mut errs = Vec::new();
    let facts = facts(&raw.facts, rs, path, text, &mut errs);
    for q in &raw.not_sure {
        if !rs.questions.iter().any(|x| &x.id == q) {
            errs.push(format!(
                "{path}:{}: not_sure: unknown question \"{q}\"",
                line_of_key(text, "", "not_sure")
            ));
        }
    }
    let expect = expectations(raw.expect, rs, path, text, &mut errs);
    if let Some(n) = &raw.next {
        if n != "none" && !rs.questions.iter().any(|q| &q.id == n) {
            errs.push(format!(
                "{path}:{}: next: unknown question \"{n}\"",
                line_of_key(text, "", "next")
            ));
        }
    }
    let as_of = match &raw.as_of {
        Some(d) => match toml_date(d) {
            Some(d) => Some(d),
            None => {
                errs.push(format!(
                    "{path}:{}: as_of: write a date as YYYY-MM-DD",
                    line_of_key(text, "", "as_of")
                ));
                None
            }
        },
        None => None,
    };
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(Persona {
        name: raw.name,
        as_of,
        facts,
        not_sure: raw.not_sure,
        expect,
        next: raw.next,
    })
}

/// The results a case expects, each of a relief that exists.
fn expectations(
    raw: BTreeMap<String, RawExpect>,
    rs: &RuleSet,
    path: &str,
    text: &str,
    errs: &mut Vec<String>,
) -> Vec<Expect> {
    let mut expect = Vec::new();
    for (id, e) in raw {
        let line = line_of_key(text, "expect", &id);
        if rs.relief(&id).is_none() {
            let hint = did_you_mean(&id, rs.reliefs.iter().map(|r| r.id.as_str()));
            errs.push(format!(
                "{path}:{line}: expect: unknown relief \"{id}\"{hint}"
            ));
            continue;
        }
        let x = match e {
            RawExpect::Eligibility(s) => Expect {
                relief: id,
                line,
                eligibility: Some(s),
                in_force: None,
                amount: None,
                overlap: None,
            },
            RawExpect::Full {
                eligibility,
                in_force,
                amount,
                overlap,
            } => Expect {
                relief: id,
                line,
                eligibility,
                in_force,
                amount,
                overlap,
            },
        };
        if let Some(e) = &x.eligibility {
            if !["eligible", "maybe", "ineligible"].contains(&e.as_str()) {
                errs.push(format!(
                    "{path}:{line}: expect: \"{e}\" is not eligible, maybe or ineligible"
                ));
            }
        }
        expect.push(x);
    }
    expect
}

/// The facts a persona gives, each checked against its type and values.
fn facts(
    raw: &BTreeMap<String, toml::Value>,
    rs: &RuleSet,
    path: &str,
    text: &str,
    errs: &mut Vec<String>,
) -> Facts {
    let mut facts = Facts::new(rs);
    for (key, value) in raw {
        let line = line_of_key(text, "facts", key);
        let Some(ix) = rs.fact_ix(key) else {
            let hint = did_you_mean(key, rs.facts.iter().map(|f| f.id.as_str()));
            errs.push(format!("{path}:{line}: unknown fact \"{key}\"{hint}"));
            continue;
        };
        match fact_value(rs.fact(ix), value) {
            Ok(v) => facts.set(ix, v),
            Err(msg) => errs.push(format!("{path}:{line}: fact \"{key}\": {msg}")),
        }
    }
    facts
}

/// One fact's value as the file writes it; what is wrong with it otherwise.
fn fact_value(f: &FactDef, value: &toml::Value) -> Result<Value, String> {
    match (f.ty, value) {
        (FactType::Enum, toml::Value::String(s)) => Value::parse(f, s).map_err(|_| {
            let hint = did_you_mean(s, f.values.iter().map(|v| v.id.as_str()));
            format!(
                "\"{s}\" is not one of {}{hint}",
                f.values
                    .iter()
                    .map(|v| v.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }),
        (FactType::Set, toml::Value::Array(items)) => {
            let mut bits = 0u64;
            let mut res = Ok(());
            for it in items {
                match it.as_str().and_then(|s| f.value_ix(s)) {
                    Some(i) => bits |= 1 << i,
                    None => {
                        let s = it.as_str().unwrap_or("");
                        let hint = did_you_mean(s, f.values.iter().map(|v| v.id.as_str()));
                        res = Err(format!("{it} is not one of its values{hint}"));
                    }
                }
            }
            res.map(|_| Value::Set(bits))
        }
        (FactType::Bool, toml::Value::Boolean(b)) => Ok(Value::Bool(*b)),
        (FactType::Money | FactType::Number, toml::Value::Integer(n)) => {
            Ok(Value::Num((*n).into()))
        }
        (FactType::Money | FactType::Number, toml::Value::Float(x)) => {
            rust_decimal::Decimal::try_from(*x)
                .map(Value::Num)
                .map_err(|_| format!("{x} is not a number"))
        }
        (FactType::Money | FactType::Number, toml::Value::String(s)) => {
            Value::parse(f, s).map_err(|e| e.to_string())
        }
        (FactType::Date, toml::Value::Datetime(d)) => toml_date(d)
            .map(Value::Date)
            .ok_or_else(|| "write a date as YYYY-MM-DD".to_string()),
        (ty, v) => Err(format!(
            "is {}, but the file gives {} {}",
            ty.name(),
            v.type_str(),
            v
        )),
    }
}
