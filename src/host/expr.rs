//! The little language of conditions and amount formulas in rule files.
//!
//! Conditions: `vat_status == small_scale and monthly_sales <= 10万`,
//! `industries has_any [catering, lodging]`, `not tech_sme`,
//! `graduated_on >= as_of - 2y`, `nev_purchase_on >= 2023-01-01`, `(a or b) and c`.
//! Formulas: `monthly_sales * 12 * 0.03`, `min(crop_rotation_mu, 100) * 150`.
//! Parsing checks every name and value against the fact vocabulary, so a rule that
//! parses is well typed. Used by `compile` (host and build.rs) only; never in the wasm.

use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{Atom, CmpOp, Cond, DateRef, FactDef, FactIx, FactType, Formula, Offset, Test};

/// A problem in an expression, at a character column (0-based) of its text.
#[derive(Debug, Clone, PartialEq)]
pub struct ExprError {
    pub col: usize,
    pub msg: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Num(Decimal),
    Date(NaiveDate),
    Dur(Offset),
    Op(&'static str),
    End,
}

struct Lexer {
    toks: Vec<(Tok, usize)>,
}

fn lex(src: &str) -> Result<Lexer, ExprError> {
    let chars: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            toks.push((Tok::Ident(chars[start..i].iter().collect()), start));
        } else if c.is_ascii_digit() {
            let (tok, end) = number(&chars, start)?;
            toks.push((tok, start));
            i = end;
        } else {
            let (op, end) = operator(&chars, start)?;
            toks.push((Tok::Op(op), start));
            i = end;
        }
    }
    toks.push((Tok::End, chars.len()));
    Ok(Lexer { toks })
}

/// The date (`2023-01-31`), number (`10万`, `0.03`) or duration (`2y`) at `start`, and
/// where it ends.
fn number(chars: &[char], start: usize) -> Result<(Tok, usize), ExprError> {
    let mut i = start;
    while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '_') {
        i += 1;
    }
    // A date: 2023-01-31.
    if i - start == 4 && chars.get(i) == Some(&'-') {
        let end = (start + 10).min(chars.len());
        let text: String = chars[start..end].iter().collect();
        let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| ExprError {
            col: start,
            msg: format!("\"{text}\" is not a date (write YYYY-MM-DD)"),
        })?;
        return Ok((Tok::Date(date), end));
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
    }
    let text: String = chars[start..i].iter().filter(|c| **c != '_').collect();
    let n = Decimal::from_str(&text).map_err(|_| ExprError {
        col: start,
        msg: format!("\"{text}\" is not a number"),
    })?;
    match chars.get(i) {
        Some('万') => Ok((Tok::Num(n * Decimal::from(10_000)), i + 1)),
        Some('亿') => Ok((Tok::Num(n * Decimal::from(100_000_000)), i + 1)),
        Some(u @ ('y' | 'm' | 'd'))
            if !chars.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric()) =>
        {
            let k: i32 = text.parse().map_err(|_| ExprError {
                col: start,
                msg: "a duration is a whole number of y, m or d".into(),
            })?;
            let off = match u {
                'y' => Offset {
                    years: k,
                    ..Offset::default()
                },
                'm' => Offset {
                    months: k,
                    ..Offset::default()
                },
                _ => Offset {
                    days: k,
                    ..Offset::default()
                },
            };
            Ok((Tok::Dur(off), i + 1))
        }
        _ => Ok((Tok::Num(n), i)),
    }
}

/// The operator or bracket at `i`, and where it ends.
fn operator(chars: &[char], i: usize) -> Result<(&'static str, usize), ExprError> {
    let two: String = chars[i..(i + 2).min(chars.len())].iter().collect();
    let op = match two.as_str() {
        "==" => Some("=="),
        "!=" => Some("!="),
        "<=" => Some("<="),
        ">=" => Some(">="),
        _ => None,
    };
    if let Some(op) = op {
        return Ok((op, i + 2));
    }
    let c = chars[i];
    let op = match c {
        '<' => "<",
        '>' => ">",
        '(' => "(",
        ')' => ")",
        '[' => "[",
        ']' => "]",
        ',' => ",",
        '+' => "+",
        '-' => "-",
        '*' => "*",
        '/' => "/",
        '≤' => "<=",
        '≥' => ">=",
        _ => {
            return Err(ExprError {
                col: i,
                msg: format!("unexpected character '{c}'"),
            })
        }
    };
    Ok((op, i + 1))
}

/// Parses expressions against a fact vocabulary.
pub struct Parser<'a> {
    facts: &'a [FactDef],
    toks: Vec<(Tok, usize)>,
    pos: usize,
    /// `known(fact)` is allowed (a question's `ask_if` only).
    allow_known: bool,
}

/// Closest candidate to `word` within a small edit distance, for "did you mean".
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = edit_distance(word, c);
        let limit = (word.chars().count().max(c.chars().count()) / 3).max(2);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// ` (did you mean "x"?)` where a candidate is close to `word` (see [`suggest`]), else
/// nothing: the one place a suggestion is worded, for rule files, persona files and the CLI.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    suggest(word, candidates)
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default()
}

impl<'a> Parser<'a> {
    fn new(facts: &'a [FactDef], src: &str) -> Result<Self, ExprError> {
        Ok(Parser {
            facts,
            toks: lex(src)?.toks,
            pos: 0,
            allow_known: false,
        })
    }

    /// Parse a whole condition.
    ///
    /// # Errors
    /// The first problem found, with its column.
    pub fn condition(facts: &'a [FactDef], src: &str) -> Result<Cond, ExprError> {
        let mut p = Parser::new(facts, src)?;
        let c = p.or()?;
        p.expect_end()?;
        Ok(c)
    }

    /// Parse a question's `ask_if`: a condition that may also test whether a fact has an
    /// answer, `known(nev_purchase_on)` (so that a follow-up question is not asked of
    /// someone who skipped the question it follows).
    ///
    /// # Errors
    /// The first problem found, with its column.
    pub fn ask_if(facts: &'a [FactDef], src: &str) -> Result<Cond, ExprError> {
        let mut p = Parser::new(facts, src)?;
        p.allow_known = true;
        let c = p.or()?;
        p.expect_end()?;
        Ok(c)
    }

    /// Parse a whole amount formula.
    ///
    /// # Errors
    /// The first problem found, with its column.
    pub fn formula(facts: &'a [FactDef], src: &str) -> Result<Formula, ExprError> {
        let mut p = Parser::new(facts, src)?;
        let f = p.sum()?;
        p.expect_end()?;
        Ok(f)
    }

    fn peek(&self) -> &Tok {
        &self.toks[self.pos].0
    }

    fn col(&self) -> usize {
        self.toks[self.pos].1
    }

    fn bump(&mut self) -> Tok {
        let t = self.toks[self.pos].0.clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }

    fn err<T>(&self, msg: impl Into<String>) -> Result<T, ExprError> {
        Err(ExprError {
            col: self.col(),
            msg: msg.into(),
        })
    }

    fn expect_end(&self) -> Result<(), ExprError> {
        match self.peek() {
            Tok::End => Ok(()),
            t => self.err(format!("unexpected {} (missing `and` or `or`?)", show(t))),
        }
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if *self.peek() == Tok::Op(leak_op(op)) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_word(&mut self, w: &str) -> bool {
        if matches!(self.peek(), Tok::Ident(s) if s == w) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn or(&mut self) -> Result<Cond, ExprError> {
        let mut items = vec![self.and()?];
        while self.eat_word("or") {
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Cond::All(vec![]))
        } else {
            Cond::Any(items)
        })
    }

    fn and(&mut self) -> Result<Cond, ExprError> {
        let mut items = vec![self.unary()?];
        while self.eat_word("and") {
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Cond::All(vec![]))
        } else {
            Cond::All(items)
        })
    }

    fn unary(&mut self) -> Result<Cond, ExprError> {
        if self.eat_word("not") {
            return Ok(Cond::Not(Box::new(self.unary()?)));
        }
        if self.eat_op("(") {
            let c = self.or()?;
            if !self.eat_op(")") {
                return self.err("missing `)`");
            }
            return Ok(c);
        }
        if matches!(self.peek(), Tok::Ident(s) if s == "known") {
            if !self.allow_known {
                return self.err(
                    "known(…) is only for a question's ask_if: in a condition an unknown fact stays unknown",
                );
            }
            self.bump();
            if !self.eat_op("(") {
                return self.err("expected `(` after known");
            }
            let (ix, _) = self.fact()?;
            if !self.eat_op(")") {
                return self.err("missing `)`");
            }
            return Ok(Cond::Atom(Atom {
                fact: ix,
                test: Test::Known,
            }));
        }
        self.atom()
    }

    fn fact(&mut self) -> Result<(FactIx, &'a FactDef), ExprError> {
        let col = self.col();
        let name = match self.bump() {
            Tok::Ident(s) => s,
            t => {
                return Err(ExprError {
                    col,
                    msg: format!("expected a fact name, found {}", show(&t)),
                })
            }
        };
        let facts = self.facts;
        match facts.iter().position(|f| f.id == name) {
            Some(i) => Ok((i as FactIx, &facts[i])),
            None => Err(ExprError {
                col,
                msg: format!(
                    "unknown fact \"{name}\"{}",
                    did_you_mean(&name, facts.iter().map(|f| f.id.as_str()))
                ),
            }),
        }
    }

    fn value_bit(&mut self, f: &FactDef) -> Result<u64, ExprError> {
        let col = self.col();
        let name = match self.bump() {
            Tok::Ident(s) => s,
            t => {
                return Err(ExprError {
                    col,
                    msg: format!("expected a value of \"{}\", found {}", f.id, show(&t)),
                })
            }
        };
        match f.value_ix(&name) {
            Some(i) => Ok(1u64 << i),
            None => Err(ExprError {
                col,
                msg: format!(
                    "\"{name}\" is not a value of \"{}\"{}",
                    f.id,
                    did_you_mean(&name, f.values.iter().map(|v| v.id.as_str()))
                ),
            }),
        }
    }

    fn value_list(&mut self, f: &FactDef) -> Result<u64, ExprError> {
        if !self.eat_op("[") {
            return self.value_bit(f);
        }
        let mut mask = 0;
        loop {
            mask |= self.value_bit(f)?;
            if self.eat_op("]") {
                return Ok(mask);
            }
            if !self.eat_op(",") {
                return self.err("expected `,` or `]`");
            }
        }
    }

    fn cmp_op(&mut self) -> Option<(CmpOp, bool)> {
        let op = match self.peek() {
            Tok::Op("<") => (CmpOp::Lt, false),
            Tok::Op("<=") => (CmpOp::Le, false),
            Tok::Op(">") => (CmpOp::Gt, false),
            Tok::Op(">=") => (CmpOp::Ge, false),
            Tok::Op("==") => (CmpOp::Eq, false),
            Tok::Op("!=") => (CmpOp::Eq, true),
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    fn atom(&mut self) -> Result<Cond, ExprError> {
        let fact_col = self.col();
        let (ix, f) = self.fact()?;
        let atom = |test| Cond::Atom(Atom { fact: ix, test });
        let neg = |c: Cond, n: bool| if n { Cond::Not(Box::new(c)) } else { c };
        match f.ty {
            FactType::Bool => {
                if let Some((CmpOp::Eq, n)) = self.cmp_op() {
                    let v = match self.bump() {
                        Tok::Ident(s) if s == "true" => true,
                        Tok::Ident(s) if s == "false" => false,
                        _ => {
                            return self.err(format!(
                                "\"{}\" is a bool: compare with true or false",
                                f.id
                            ))
                        }
                    };
                    return Ok(neg(atom(Test::IsTrue), v == n));
                }
                Ok(atom(Test::IsTrue))
            }
            FactType::Enum => {
                if self.eat_word("in") {
                    return Ok(atom(Test::OneOf(self.value_list(f)?)));
                }
                match self.cmp_op() {
                    Some((CmpOp::Eq, n)) => Ok(neg(atom(Test::OneOf(self.value_bit(f)?)), n)),
                    _ => self.err(format!("\"{}\" is an enum: use ==, != or in [..]", f.id)),
                }
            }
            FactType::Set => {
                let test = if self.eat_word("has") {
                    Test::HasAny(self.value_bit(f)?)
                } else if self.eat_word("has_any") {
                    Test::HasAny(self.value_list(f)?)
                } else if self.eat_word("has_all") {
                    Test::HasAll(self.value_list(f)?)
                } else {
                    return self.err(format!(
                        "\"{}\" is a set: use has, has_any [..] or has_all [..]",
                        f.id
                    ));
                };
                Ok(atom(test))
            }
            FactType::Money | FactType::Number => {
                let Some((op, n)) = self.cmp_op() else {
                    return self.err(format!(
                        "\"{}\" is {}: compare it with <, <=, >, >=, == or !=",
                        f.id,
                        f.ty.name()
                    ));
                };
                let v = match self.bump() {
                    Tok::Num(v) => v,
                    t => {
                        return Err(ExprError {
                            col: fact_col,
                            msg: format!(
                                "\"{}\" is {}, compared with {}",
                                f.id,
                                f.ty.name(),
                                show(&t)
                            ),
                        })
                    }
                };
                Ok(neg(atom(Test::Cmp(op, v)), n))
            }
            FactType::Date => {
                let Some((op, n)) = self.cmp_op() else {
                    return self.err(format!(
                        "\"{}\" is a date: compare it with <, <=, >, >= or ==",
                        f.id
                    ));
                };
                let rhs = match self.peek().clone() {
                    Tok::Date(d) => {
                        self.bump();
                        DateRef::Fixed(d)
                    }
                    Tok::Ident(s) if s == "as_of" => {
                        self.bump();
                        DateRef::AsOf(self.offset()?)
                    }
                    Tok::Ident(_) => {
                        let (other, of) = self.fact()?;
                        if of.ty != FactType::Date {
                            return Err(ExprError {
                                col: fact_col,
                                msg: format!(
                                    "\"{}\" is a date, compared with \"{}\", which is {}",
                                    f.id,
                                    of.id,
                                    of.ty.name()
                                ),
                            });
                        }
                        DateRef::Fact(other, self.offset()?)
                    }
                    t => {
                        return self.err(format!(
                            "\"{}\" is a date, compared with {}",
                            f.id,
                            show(&t)
                        ))
                    }
                };
                Ok(neg(atom(Test::DateCmp(op, rhs)), n))
            }
        }
    }

    fn offset(&mut self) -> Result<Offset, ExprError> {
        let sign = if self.eat_op("+") {
            1
        } else if self.eat_op("-") {
            -1
        } else {
            return Ok(Offset::default());
        };
        match self.bump() {
            Tok::Dur(o) => Ok(Offset {
                years: o.years * sign,
                months: o.months * sign,
                days: o.days * sign,
            }),
            t => self.err(format!(
                "expected a duration such as 2y, 6m or 30d, found {}",
                show(&t)
            )),
        }
    }

    fn sum(&mut self) -> Result<Formula, ExprError> {
        let mut acc = self.product()?;
        loop {
            if self.eat_op("+") {
                acc = Formula::Add(Box::new(acc), Box::new(self.product()?));
            } else if self.eat_op("-") {
                acc = Formula::Sub(Box::new(acc), Box::new(self.product()?));
            } else {
                return Ok(acc);
            }
        }
    }

    fn product(&mut self) -> Result<Formula, ExprError> {
        let mut acc = self.term()?;
        loop {
            if self.eat_op("*") {
                acc = Formula::Mul(Box::new(acc), Box::new(self.term()?));
            } else if self.eat_op("/") {
                let col = self.col();
                let rhs = self.term()?;
                if !matches!(rhs, Formula::Num(n) if !n.is_zero()) {
                    return Err(ExprError {
                        col,
                        msg: "divide only by a non-zero number".into(),
                    });
                }
                acc = Formula::Div(Box::new(acc), Box::new(rhs));
            } else {
                return Ok(acc);
            }
        }
    }

    fn term(&mut self) -> Result<Formula, ExprError> {
        let col = self.col();
        match self.peek().clone() {
            Tok::Num(n) => {
                self.bump();
                Ok(Formula::Num(n))
            }
            Tok::Op("(") => {
                self.bump();
                let f = self.sum()?;
                if !self.eat_op(")") {
                    return self.err("missing `)`");
                }
                Ok(f)
            }
            Tok::Ident(s)
                if (s == "min" || s == "max") && self.toks[self.pos + 1].0 == Tok::Op("(") =>
            {
                self.bump();
                self.bump();
                let mut args = vec![self.sum()?];
                while self.eat_op(",") {
                    args.push(self.sum()?);
                }
                if !self.eat_op(")") {
                    return self.err("missing `)`");
                }
                Ok(if s == "min" {
                    Formula::Min(args)
                } else {
                    Formula::Max(args)
                })
            }
            Tok::Ident(_) => {
                let (ix, f) = self.fact()?;
                if !matches!(f.ty, FactType::Money | FactType::Number) {
                    return Err(ExprError {
                        col,
                        msg: format!(
                            "\"{}\" is {}; a formula uses only money and number facts",
                            f.id,
                            f.ty.name()
                        ),
                    });
                }
                Ok(Formula::Fact(ix))
            }
            t => self.err(format!(
                "expected a number, a fact or `(`, found {}",
                show(&t)
            )),
        }
    }
}

fn leak_op(op: &str) -> &'static str {
    const OPS: &[&str] = &[
        "==", "!=", "<=", ">=", "<", ">", "(", ")", "[", "]", ",", "+", "-", "*", "/",
    ];
    OPS.iter().find(|o| **o == op).copied().unwrap_or("")
}

fn show(t: &Tok) -> String {
    match t {
        Tok::Ident(s) => format!("\"{s}\""),
        Tok::Num(n) => format!("number {n}"),
        Tok::Date(d) => format!("date {d}"),
        Tok::Dur(_) => "a duration".into(),
        Tok::Op(o) => format!("`{o}`"),
        Tok::End => "the end".into(),
    }
}
