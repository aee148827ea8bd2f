//! The postcard bytes of a [`RuleSet`] and of [`Texts`], read by hand: the same format
//! serde's derive reads (varints, zigzag for signed numbers, a length before strings,
//! vectors and byte strings, a variant index before an enum's fields), without serde's
//! generic machinery, which would add about 3 KB brotli to the wasm. The host still writes
//! with serde; `tests/engine.rs` checks that this reads back exactly what serde wrote, and
//! that damaged bytes give `None`, never a panic.
//!
//! The field order here must follow the declarations in `model.rs`.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::*;

/// A rule set from its postcard bytes; `None` if they are damaged or truncated.
pub fn ruleset(bytes: &[u8]) -> Option<RuleSet> {
    let r = &mut Reader { b: bytes };
    Some(RuleSet {
        version: r.str()?,
        facts: r.vec(fact)?,
        questions: r.vec(question)?,
        documents: r.vec(document)?,
        reliefs: r.vec(relief)?,
        offices: r.vec(|r| {
            Some(Office {
                id: r.str()?,
                text: r.text()?,
                hotline: r.opt(Reader::str)?,
            })
        })?,
    })
}

/// The deferred texts (`texts.bin`) from their postcard bytes.
pub fn texts(bytes: &[u8]) -> Option<Texts> {
    let r = &mut Reader { b: bytes };
    Some(Texts {
        version: r.str()?,
        strings: r.vec(Reader::str)?,
    })
}

struct Reader<'a> {
    b: &'a [u8],
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&x, rest) = self.b.split_first()?;
        self.b = rest;
        Some(x)
    }

    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if n > self.b.len() {
            return None;
        }
        let (head, rest) = self.b.split_at(n);
        self.b = rest;
        Some(head)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..70).step_by(7) {
            let x = self.byte()?;
            n |= u64::from(x & 0x7f).checked_shl(shift)?;
            if x & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn u16(&mut self) -> Option<u16> {
        u16::try_from(self.varint()?).ok()
    }

    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        // Every item takes at least one byte: a longer count is damage, not a reason to
        // reserve memory.
        (n <= self.b.len()).then_some(n)
    }

    fn i32(&mut self) -> Option<i32> {
        let n = u32::try_from(self.varint()?).ok()?;
        Some((n >> 1) as i32 ^ -((n & 1) as i32))
    }

    /// An enum's variant index, below `n`.
    fn variant(&mut self, n: u64) -> Option<u64> {
        self.varint().filter(|v| *v < n)
    }

    fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    fn vec<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(item(self)?);
        }
        Some(v)
    }

    fn opt<T>(&mut self, item: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => item(self).map(Some),
            _ => None,
        }
    }

    fn date(&mut self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(self.i32()?)
    }

    fn opt_date(&mut self) -> Option<Option<NaiveDate>> {
        self.opt(Reader::date)
    }

    fn decimal(&mut self) -> Option<Decimal> {
        if self.len()? != 16 {
            return None;
        }
        let raw: [u8; 16] = self.take(16)?.try_into().ok()?;
        Some(Decimal::deserialize(raw))
    }

    fn text(&mut self) -> Option<Text> {
        Some(Text {
            zh: self.str()?,
            en: self.str()?,
        })
    }
}

fn fact(r: &mut Reader) -> Option<FactDef> {
    Some(FactDef {
        id: r.str()?,
        ty: FactType::ALL[r.variant(FactType::ALL.len() as u64)? as usize],
        label: r.text()?,
        values: r.vec(|r| {
            Some(EnumValue {
                id: r.str()?,
                label: r.text()?,
                only_if: r.opt(cond)?,
            })
        })?,
        unit: r.opt(Reader::text)?,
        aliases: r.vec(Reader::str)?,
        requires: r.opt(cond)?,
        fixed: r.bool()?,
    })
}

fn question(r: &mut Reader) -> Option<Question> {
    Some(Question {
        id: r.str()?,
        facts: r.vec(Reader::u16)?,
        text: r.text()?,
        help: r.text()?,
        ask_if: r.opt(cond)?,
    })
}

fn kind(r: &mut Reader) -> Option<Kind> {
    Some([Kind::Relief, Kind::Service, Kind::Internal][r.variant(3)? as usize])
}

fn document(r: &mut Reader) -> Option<Document> {
    Some(Document {
        id: r.str()?,
        number: r.str()?,
        title: r.str()?,
        issuer: r.str()?,
        jurisdiction: match r.variant(2)? {
            0 => Jurisdiction::Gansu,
            _ => Jurisdiction::City(r.str()?),
        },
        issued_on: r.date()?,
        valid_from: r.opt_date()?,
        valid_until: r.opt_date()?,
        articles: r.u16()?,
        notes: r.vec(|r| {
            Some(ArticleNote {
                article: r.u16()?,
                kind: kind(r)?,
                why: r.str()?,
            })
        })?,
    })
}

fn relief(r: &mut Reader) -> Option<Relief> {
    Some(Relief {
        id: r.str()?,
        doc: r.u16()?,
        articles: r.vec(Reader::u16)?,
        kind: kind(r)?,
        category: r.str()?,
        title: r.text()?,
        benefit: r.text()?,
        caveat: r.opt(Reader::text)?,
        when: cond(r)?,
        valid_from: r.opt_date()?,
        valid_until: r.opt_date()?,
        amount: r.opt(|r| {
            Some(Amount {
                value: match r.variant(3)? {
                    0 => AmountValue::Exact(formula(r)?),
                    1 => AmountValue::Range(formula(r)?, formula(r)?),
                    _ => AmountValue::UpTo(formula(r)?),
                },
                per: Per::ALL.get(r.variant(Per::ALL.len() as u64)? as usize)?.0,
                basis: r.text()?,
            })
        })?,
        apply_to: r.vec(Reader::text)?,
        channels: r.vec(Reader::text)?,
        quote: r.str()?,
        overlap: r.opt(Reader::str)?,
        overlap_rank: r.byte()?,
        national: r.bool()?,
        office: r.opt(Reader::u16)?,
        claim: r.opt(|r| Some(Claim::ALL[r.variant(2)? as usize].0))?,
    })
}

fn cond(r: &mut Reader) -> Option<Cond> {
    Some(match r.variant(4)? {
        0 => Cond::All(r.vec(cond)?),
        1 => Cond::Any(r.vec(cond)?),
        2 => Cond::Not(Box::new(cond(r)?)),
        _ => Cond::Atom(Atom {
            fact: r.u16()?,
            test: test(r)?,
        }),
    })
}

fn cmp(r: &mut Reader) -> Option<CmpOp> {
    Some([CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge, CmpOp::Eq][r.variant(5)? as usize])
}

fn offset(r: &mut Reader) -> Option<Offset> {
    Some(Offset {
        years: r.i32()?,
        months: r.i32()?,
        days: r.i32()?,
    })
}

fn test(r: &mut Reader) -> Option<Test> {
    Some(match r.variant(7)? {
        0 => Test::IsTrue,
        1 => Test::OneOf(r.varint()?),
        2 => Test::HasAny(r.varint()?),
        3 => Test::HasAll(r.varint()?),
        4 => Test::Cmp(cmp(r)?, r.decimal()?),
        6 => Test::Known,
        _ => Test::DateCmp(
            cmp(r)?,
            match r.variant(3)? {
                0 => DateRef::Fixed(r.date()?),
                1 => DateRef::AsOf(offset(r)?),
                _ => DateRef::Fact(r.u16()?, offset(r)?),
            },
        ),
    })
}

fn formula(r: &mut Reader) -> Option<Formula> {
    let pair = |r: &mut Reader| Some((Box::new(formula(r)?), Box::new(formula(r)?)));
    Some(match r.variant(8)? {
        0 => Formula::Num(r.decimal()?),
        1 => Formula::Fact(r.u16()?),
        2 => pair(r).map(|(a, b)| Formula::Add(a, b))?,
        3 => pair(r).map(|(a, b)| Formula::Sub(a, b))?,
        4 => pair(r).map(|(a, b)| Formula::Mul(a, b))?,
        5 => pair(r).map(|(a, b)| Formula::Div(a, b))?,
        6 => Formula::Min(r.vec(formula)?),
        _ => Formula::Max(r.vec(formula)?),
    })
}
