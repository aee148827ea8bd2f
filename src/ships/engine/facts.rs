//! Known facts about the user, by fact index. An absent fact is unknown, never false.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{FactDef, FactIx, FactType, RuleSet};

/// The value of one fact.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Index of the enum value.
    Enum(u8),
    /// Bit i set = value i present.
    Set(u64),
    Bool(bool),
    /// Money (yuan) or a number.
    Num(Decimal),
    Date(NaiveDate),
}

/// Why a typed answer is not a value of its fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// Not a number (money or number facts).
    NotANumber,
    /// A negative amount.
    Negative,
    /// Not a date in YYYY-MM-DD form.
    NotADate,
    /// Not one of the fact's values; carries the offending id.
    UnknownValue(String),
    /// Not true or false.
    NotABool,
}

impl std::fmt::Display for ValueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ValueError::NotANumber => write!(f, "not a number (write 80000, 80,000 or 8万)"),
            ValueError::Negative => write!(f, "must not be negative"),
            ValueError::NotADate => write!(f, "not a date (write YYYY-MM-DD)"),
            ValueError::UnknownValue(v) => write!(f, "\"{v}\" is not one of its values"),
            ValueError::NotABool => write!(f, "not true or false"),
        }
    }
}

/// Read an amount as a person types it: `80000`, `80,000`, `80000.50`, `8万`, `8.5万元`,
/// `１２万` (full-width digits), with spaces anywhere.
///
/// # Errors
/// [`ValueError::NotANumber`] or [`ValueError::Negative`].
pub fn parse_money(s: &str) -> Result<Decimal, ValueError> {
    let mut t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，' | '_' | '¥' | '￥'))
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            _ => c,
        })
        .collect();
    if let Some(x) = t.strip_suffix('元') {
        t = x.to_string();
    }
    let mut scale = Decimal::ONE;
    if let Some(x) = t.strip_suffix('万') {
        t = x.to_string();
        scale = Decimal::from(10_000);
    } else if let Some(x) = t.strip_suffix('亿') {
        t = x.to_string();
        scale = Decimal::from(100_000_000);
    }
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return Err(ValueError::NotANumber);
    }
    let n = decimal_of(&t).ok_or(ValueError::NotANumber)?;
    let n = n.checked_mul(scale).ok_or(ValueError::NotANumber)?;
    if n.is_sign_negative() && !n.is_zero() {
        return Err(ValueError::Negative);
    }
    Ok(n.normalize())
}

/// A plain decimal number (`-`, digits, at most one `.`), read without rust_decimal's
/// general parser (scientific notation, other radixes), which would add 10 KB to the wasm.
/// `None` if malformed or beyond 28 digits.
pub fn decimal_of(t: &str) -> Option<Decimal> {
    let (neg, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut m: i128 = 0;
    for c in int.chars().chain(frac.chars()) {
        m = m
            .checked_mul(10)?
            .checked_add(i128::from(c.to_digit(10)?))?;
    }
    let scale = u32::try_from(frac.len()).ok()?;
    Decimal::try_from_i128_with_scale(if neg { -m } else { m }, scale).ok()
}

impl Value {
    /// Parse one value of `fact` from its written form: an enum value id; set value ids
    /// joined by `+`; `true`/`false`; an amount as [`parse_money`] reads it; a date as
    /// [`parse_input`](crate::engine::calendar::parse_input) reads it (a year and month will do).
    ///
    /// # Errors
    /// A [`ValueError`] saying what is wrong.
    pub fn parse(fact: &FactDef, s: &str) -> Result<Value, ValueError> {
        let s = s.trim();
        match fact.ty {
            FactType::Enum => fact
                .value_ix(s)
                .map(|i| Value::Enum(i as u8))
                .ok_or_else(|| ValueError::UnknownValue(s.to_string())),
            FactType::Set => {
                let mut bits = 0u64;
                for part in s.split('+').filter(|p| !p.is_empty()) {
                    let i = fact
                        .value_ix(part)
                        .ok_or_else(|| ValueError::UnknownValue(part.to_string()))?;
                    bits |= 1 << i;
                }
                Ok(Value::Set(bits))
            }
            FactType::Bool => match s {
                "true" | "1" | "yes" => Ok(Value::Bool(true)),
                "false" | "0" | "no" => Ok(Value::Bool(false)),
                _ => Err(ValueError::NotABool),
            },
            FactType::Money | FactType::Number => parse_money(s).map(Value::Num),
            FactType::Date => crate::engine::calendar::parse_input(s)
                .map(Value::Date)
                .ok_or(ValueError::NotADate),
        }
    }

    /// The written form that [`Value::parse`] reads back.
    pub fn write(&self, fact: &FactDef) -> String {
        match self {
            Value::Enum(i) => fact
                .values
                .get(*i as usize)
                .map(|v| v.id.clone())
                .unwrap_or_default(),
            Value::Set(bits) => fact
                .values
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, v)| v.id.as_str())
                .collect::<Vec<_>>()
                .join("+"),
            Value::Bool(b) => b.to_string(),
            Value::Num(n) => n.normalize().to_string(),
            Value::Date(d) => crate::engine::calendar::ymd(*d),
        }
    }

    /// Whether the value has the shape of the fact's type.
    pub fn fits(&self, fact: &FactDef) -> bool {
        match (self, fact.ty) {
            (Value::Enum(i), FactType::Enum) => (*i as usize) < fact.values.len(),
            (Value::Set(b), FactType::Set) => {
                fact.values.len() >= 64 || b >> fact.values.len() == 0
            }
            (Value::Bool(_), FactType::Bool) => true,
            (Value::Num(_), FactType::Money | FactType::Number) => true,
            (Value::Date(_), FactType::Date) => true,
            _ => false,
        }
    }
}

/// What is known about the user: one slot per fact of the rule set.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    values: Vec<Option<Value>>,
    /// Facts that do not exist for this person: their `requires` is false (see
    /// [`settle`](super::eval::settle)). An absent fact is unknown to [`get`](Facts::get)
    /// but settles every test of it as false.
    absent: Vec<bool>,
}

/// Two sets of facts are equal when their answers are: which facts are absent follows from
/// the answers ([`settle`](super::eval::settle)), and a link carries only the answers.
impl PartialEq for Facts {
    fn eq(&self, other: &Facts) -> bool {
        self.values == other.values
    }
}

impl Facts {
    /// Nothing known yet.
    pub fn new(rs: &RuleSet) -> Facts {
        Facts {
            values: vec![None; rs.facts.len()],
            absent: vec![false; rs.facts.len()],
        }
    }

    /// The value of a fact, or `None` when unknown.
    pub fn get(&self, ix: FactIx) -> Option<&Value> {
        self.values.get(ix as usize).and_then(Option::as_ref)
    }

    /// Set a fact. The caller checks the value [`fits`](Value::fits) the fact.
    pub fn set(&mut self, ix: FactIx, v: Value) {
        if let Some(slot) = self.values.get_mut(ix as usize) {
            *slot = Some(v);
        }
    }

    /// Forget a fact.
    pub fn clear(&mut self, ix: FactIx) {
        if let Some(slot) = self.values.get_mut(ix as usize) {
            *slot = None;
        }
    }

    /// Whether the fact does not exist for this person (its gate is false).
    pub fn is_absent(&self, ix: FactIx) -> bool {
        self.absent.get(ix as usize).copied().unwrap_or(false)
    }

    /// Known or absent: nothing more to ask about it.
    pub fn is_settled(&self, ix: FactIx) -> bool {
        self.get(ix).is_some() || self.is_absent(ix)
    }

    pub(super) fn set_absent(&mut self, ix: FactIx, absent: bool) {
        if let Some(slot) = self.absent.get_mut(ix as usize) {
            *slot = absent;
        }
    }

    /// Known facts with their indices.
    pub fn known(&self) -> impl Iterator<Item = (FactIx, &Value)> {
        self.values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.as_ref().map(|v| (i as FactIx, v)))
    }
}
