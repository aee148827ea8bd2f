//! The postcard bytes of a [`RuleSet`] and of [`Texts`], read by hand: the same format
//! serde's derive reads (varints, zigzag for signed numbers, a length before strings,
//! vectors and byte strings, a variant index before an enum's fields), without serde's
//! generic machinery, which would add about 3 KB brotli to the wasm. The host still writes
//! with serde; `tests/decode.rs` checks that this reads back exactly what serde wrote, on
//! the real rule set and on a fixture holding every variant of every enum, and that
//! damaged bytes give `None`, never a panic.
//!
//! The field order here must follow the declarations in `model.rs`. Each enum of the model
//! has a tag here (the `tags!` macro below) whose variants mirror its own: a variant added to the
//! model does not compile until it has a tag, and a tag does not compile until the decoder
//! reads it.

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

/// The deferred texts of one language (`texts-zh.bin`, `texts-en.bin`) from their
/// postcard bytes.
pub fn texts(bytes: &[u8]) -> Option<Texts> {
    let r = &mut Reader { b: bytes };
    Some(Texts {
        version: r.str()?,
        part: match r.tag(PartTag::ALL)? {
            PartTag::Zh => Part::Zh,
            PartTag::En => Part::En,
            PartTag::Quotes => Part::Quotes,
        },
        strings: r.vec(Reader::str)?,
        ui: r.vec(Reader::str)?,
    })
}

/// Declares, for each enum of the model, a fieldless tag enum with the same variants in the
/// same order (`ALL`: a variant's position is its index in the bytes) and `of`, the tag of
/// a value. `of` matches every variant of the model's enum, so a new variant there does not
/// compile until it is listed here; the decoder then matches every tag, so it does not
/// compile until the new variant is read either.
macro_rules! tags {
    ($($tag:ident of $ty:ident { $($v:ident),+ $(,)? })+) => {$(
        #[doc = concat!("The variants of [`", stringify!($ty), "`], in declaration order.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        pub enum $tag {
            $($v),+
        }

        impl $tag {
            /// Every tag, in declaration order: its position is its index in the bytes.
            pub const ALL: &'static [$tag] = &[$($tag::$v),+];

            /// The tag of a value.
            pub fn of(x: &$ty) -> $tag {
                match x {
                    $($ty::$v { .. } => $tag::$v),+
                }
            }
        }
    )+};
}

tags! {
    FactTypeTag of FactType { Enum, Set, Bool, Money, Number, Date }
    JurisdictionTag of Jurisdiction { Gansu, City }
    KindTag of Kind { Relief, Service, Internal }
    AmountValueTag of AmountValue { Exact, Range, UpTo }
    PerTag of Per { Once, Year, Month, Person, PersonMonth, Mu }
    ClaimTag of Claim { Filing, Application }
    FormulaTag of Formula { Num, Fact, Add, Sub, Mul, Div, Min, Max }
    CondTag of Cond { All, Any, Not, Atom }
    CmpOpTag of CmpOp { Lt, Le, Gt, Ge, Eq }
    TestTag of Test { IsTrue, OneOf, HasAny, HasAll, Cmp, DateCmp, Known }
    DateRefTag of DateRef { Fixed, AsOf, Fact }
    PartTag of Part { Zh, En, Quotes }
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

    /// An enum's variant, by its index among `all` (a tag enum's `ALL`).
    fn tag<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(usize::try_from(self.varint()?).ok()?).copied()
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
        ty: fact_type(r)?,
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

fn fact_type(r: &mut Reader) -> Option<FactType> {
    Some(match r.tag(FactTypeTag::ALL)? {
        FactTypeTag::Enum => FactType::Enum,
        FactTypeTag::Set => FactType::Set,
        FactTypeTag::Bool => FactType::Bool,
        FactTypeTag::Money => FactType::Money,
        FactTypeTag::Number => FactType::Number,
        FactTypeTag::Date => FactType::Date,
    })
}

fn question(r: &mut Reader) -> Option<Question> {
    Some(Question {
        id: r.str()?,
        facts: r.vec(Reader::u16)?,
        text: r.text()?,
        help: r.text()?,
        has_help: r.bool()?,
        ask_if: r.opt(cond)?,
    })
}

fn kind(r: &mut Reader) -> Option<Kind> {
    Some(match r.tag(KindTag::ALL)? {
        KindTag::Relief => Kind::Relief,
        KindTag::Service => Kind::Service,
        KindTag::Internal => Kind::Internal,
    })
}

fn document(r: &mut Reader) -> Option<Document> {
    Some(Document {
        id: r.str()?,
        number: r.str()?,
        title: r.str()?,
        issuer: r.str()?,
        jurisdiction: match r.tag(JurisdictionTag::ALL)? {
            JurisdictionTag::Gansu => Jurisdiction::Gansu,
            JurisdictionTag::City => Jurisdiction::City(r.str()?),
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
        amount: r.opt(amount)?,
        apply_to: r.vec(Reader::text)?,
        channels: r.vec(Reader::text)?,
        quote: r.str()?,
        overlap: r.opt(Reader::str)?,
        overlap_rank: r.byte()?,
        national: r.bool()?,
        office: r.opt(Reader::u16)?,
        claim: r.opt(claim)?,
    })
}

fn amount(r: &mut Reader) -> Option<Amount> {
    Some(Amount {
        value: match r.tag(AmountValueTag::ALL)? {
            AmountValueTag::Exact => AmountValue::Exact(formula(r)?),
            AmountValueTag::Range => AmountValue::Range(formula(r)?, formula(r)?),
            AmountValueTag::UpTo => AmountValue::UpTo(formula(r)?),
        },
        per: match r.tag(PerTag::ALL)? {
            PerTag::Once => Per::Once,
            PerTag::Year => Per::Year,
            PerTag::Month => Per::Month,
            PerTag::Person => Per::Person,
            PerTag::PersonMonth => Per::PersonMonth,
            PerTag::Mu => Per::Mu,
        },
        basis: r.text()?,
    })
}

fn claim(r: &mut Reader) -> Option<Claim> {
    Some(match r.tag(ClaimTag::ALL)? {
        ClaimTag::Filing => Claim::Filing,
        ClaimTag::Application => Claim::Application,
    })
}

fn cond(r: &mut Reader) -> Option<Cond> {
    Some(match r.tag(CondTag::ALL)? {
        CondTag::All => Cond::All(r.vec(cond)?),
        CondTag::Any => Cond::Any(r.vec(cond)?),
        CondTag::Not => Cond::Not(Box::new(cond(r)?)),
        CondTag::Atom => Cond::Atom(Atom {
            fact: r.u16()?,
            test: test(r)?,
        }),
    })
}

fn cmp(r: &mut Reader) -> Option<CmpOp> {
    Some(match r.tag(CmpOpTag::ALL)? {
        CmpOpTag::Lt => CmpOp::Lt,
        CmpOpTag::Le => CmpOp::Le,
        CmpOpTag::Gt => CmpOp::Gt,
        CmpOpTag::Ge => CmpOp::Ge,
        CmpOpTag::Eq => CmpOp::Eq,
    })
}

fn offset(r: &mut Reader) -> Option<Offset> {
    Some(Offset {
        years: r.i32()?,
        months: r.i32()?,
        days: r.i32()?,
    })
}

fn test(r: &mut Reader) -> Option<Test> {
    Some(match r.tag(TestTag::ALL)? {
        TestTag::IsTrue => Test::IsTrue,
        TestTag::OneOf => Test::OneOf(r.varint()?),
        TestTag::HasAny => Test::HasAny(r.varint()?),
        TestTag::HasAll => Test::HasAll(r.varint()?),
        TestTag::Cmp => Test::Cmp(cmp(r)?, r.decimal()?),
        TestTag::DateCmp => Test::DateCmp(cmp(r)?, date_ref(r)?),
        TestTag::Known => Test::Known,
    })
}

fn date_ref(r: &mut Reader) -> Option<DateRef> {
    Some(match r.tag(DateRefTag::ALL)? {
        DateRefTag::Fixed => DateRef::Fixed(r.date()?),
        DateRefTag::AsOf => DateRef::AsOf(offset(r)?),
        DateRefTag::Fact => DateRef::Fact(r.u16()?, offset(r)?),
    })
}

fn formula(r: &mut Reader) -> Option<Formula> {
    let pair = |r: &mut Reader| Some((Box::new(formula(r)?), Box::new(formula(r)?)));
    Some(match r.tag(FormulaTag::ALL)? {
        FormulaTag::Num => Formula::Num(r.decimal()?),
        FormulaTag::Fact => Formula::Fact(r.u16()?),
        FormulaTag::Add => pair(r).map(|(a, b)| Formula::Add(a, b))?,
        FormulaTag::Sub => pair(r).map(|(a, b)| Formula::Sub(a, b))?,
        FormulaTag::Mul => pair(r).map(|(a, b)| Formula::Mul(a, b))?,
        FormulaTag::Div => pair(r).map(|(a, b)| Formula::Div(a, b))?,
        FormulaTag::Min => Formula::Min(r.vec(formula)?),
        FormulaTag::Max => Formula::Max(r.vec(formula)?),
    })
}
