//! The hand decoder (`src/ships/decode.rs`, what the wasm reads) reads exactly what serde writes:
//! on the real rule set, whole and as the wasm's core, and on a fixture written here that
//! holds every variant of every enum of the model and, somewhere, a non-empty instance of
//! every list and option. The real rules use only some forms (no `Not`, `HasAll`, `Add`,
//! `Div` or `Max` today), so without the fixture a wrong arm would pass every test.

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::Path;

use chrono::NaiveDate;
use relief_finder::compile;
use relief_finder::decode::{self, *};
use relief_finder::model::*;
use rust_decimal::Decimal;
use serde::Serialize;

/// The real rule set, compiled from `rules/` (not the embedded one, which is itself
/// decoded: a broken decoder would make it empty, and an empty rule set reads back fine).
fn real() -> RuleSet {
    compile::compile_dir(Path::new("rules")).unwrap_or_else(|e| panic!("{}", e.join("\n")))
}

#[test]
fn the_hand_decoder_reads_back_the_real_rule_set_whole_and_as_the_wasm_core() {
    let whole = real();
    assert!(whole.reliefs.len() > 200, "the real rule set");
    let mut core = whole.clone();
    let texts = core.split_texts();
    for rs in [&whole, &core] {
        let bytes = postcard::to_allocvec(rs).expect("encodes");
        let back = decode::ruleset(&bytes).expect("decodes");
        assert_eq!(postcard::to_allocvec(&back).expect("encodes"), bytes);
    }
    // Every file: every variant of `Part`, which no rule set holds.
    texts_read_back(texts);
}

/// Each texts file reads back exactly as serde wrote it.
fn texts_read_back(texts: impl IntoIterator<Item = Texts>) {
    for t in texts {
        let bytes = postcard::to_allocvec(&t).expect("encodes");
        assert_eq!(decode::texts(&bytes), Some(t));
    }
}

#[test]
fn the_hand_decoder_reads_back_every_variant_list_and_option_of_the_fixture() {
    let full = fixture();
    let mut core = full.clone();
    let texts = core.split_texts();
    assert!(texts.iter().all(|t| !t.strings.is_empty()));
    for rs in [&full, &core] {
        let bytes = postcard::to_allocvec(rs).expect("encodes");
        let back = decode::ruleset(&bytes).expect("decodes");
        assert_eq!(format!("{back:#?}"), format!("{rs:#?}"));
        assert_eq!(postcard::to_allocvec(&back).expect("encodes"), bytes);
    }
    texts_read_back(texts);
}

#[test]
fn the_fixture_holds_every_variant_list_and_option_and_each_tag_is_serdes_index() {
    let mut seen = Seen::default();
    walk(&fixture(), &mut seen);
    let every_tag: BTreeSet<String> = [
        names("FactType", FactTypeTag::ALL),
        names("Jurisdiction", JurisdictionTag::ALL),
        names("Kind", KindTag::ALL),
        names("AmountValue", AmountValueTag::ALL),
        names("Per", PerTag::ALL),
        names("Claim", ClaimTag::ALL),
        names("Formula", FormulaTag::ALL),
        names("Cond", CondTag::ALL),
        names("CmpOp", CmpOpTag::ALL),
        names("Test", TestTag::ALL),
        names("DateRef", DateRefTag::ALL),
    ]
    .concat()
    .into_iter()
    .collect();
    let missing: Vec<_> = every_tag.difference(&seen.tags).collect();
    assert!(missing.is_empty(), "the fixture lacks {missing:?}");
    let empty: Vec<_> = seen.fields.difference(&seen.filled).collect();
    assert!(empty.is_empty(), "the fixture never fills {empty:?}");
    assert!(seen.misplaced.is_empty(), "{}", seen.misplaced.join("\n"));
}

#[test]
fn damaged_rule_bytes_give_none_never_a_panic() {
    for rs in [real(), fixture()] {
        let bytes = postcard::to_allocvec(&rs).expect("encodes");
        // Every truncation (a sample of lengths) fails cleanly.
        for n in (0..bytes.len()).step_by(97) {
            assert!(decode::ruleset(&bytes[..n]).is_none(), "truncated at {n}");
        }
        // Flipped bytes decode to something or to None, but never panic (a fixed-seed LCG).
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            let mut b = bytes.clone();
            for _ in 0..4 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let i = (seed >> 33) as usize % b.len();
                b[i] = (seed >> 17) as u8;
            }
            let _ = decode::ruleset(&b);
            let _ = decode::texts(&b);
        }
    }
}

fn names<G: Debug>(ty: &str, all: &[G]) -> Vec<String> {
    all.iter().map(|t| format!("{ty}::{t:?}")).collect()
}

fn text(zh: &str, en: &str) -> Text {
    Text {
        zh: zh.into(),
        en: en.into(),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}

fn atom(fact: FactIx, test: Test) -> Cond {
    Cond::Atom(Atom { fact, test })
}

fn num(n: i64, scale: u32) -> Box<Formula> {
    Box::new(Formula::Num(Decimal::new(n, scale)))
}

/// Every variant of every enum, with edge values: masks with the top bit, negative and
/// scaled decimals, offsets at the ends of i32, dates at the ends of chrono's range, numbers
/// of several varint bytes, multi-byte text.
fn fixture() -> RuleSet {
    let when = Cond::All(vec![
        atom(0, Test::OneOf(1 << 63 | 1)),
        Cond::Any(vec![
            atom(1, Test::HasAny(3)),
            atom(1, Test::HasAll(u64::MAX)),
        ]),
        Cond::Not(Box::new(atom(2, Test::IsTrue))),
        atom(3, Test::Cmp(CmpOp::Lt, Decimal::new(-12_345, 2))),
        atom(3, Test::Cmp(CmpOp::Le, Decimal::MAX)),
        atom(4, Test::Cmp(CmpOp::Gt, Decimal::new(7, 28))),
        atom(4, Test::Cmp(CmpOp::Ge, Decimal::ZERO)),
        atom(5, Test::DateCmp(CmpOp::Eq, DateRef::Fixed(NaiveDate::MIN))),
        atom(
            5,
            Test::DateCmp(
                CmpOp::Ge,
                DateRef::AsOf(Offset {
                    years: -2,
                    months: 13,
                    days: -400,
                }),
            ),
        ),
        atom(
            5,
            Test::DateCmp(
                CmpOp::Lt,
                DateRef::Fact(
                    5,
                    Offset {
                        years: i32::MIN,
                        months: i32::MAX,
                        days: 0,
                    },
                ),
            ),
        ),
    ]);
    let formula = Formula::Max(vec![
        Formula::Min(vec![
            Formula::Add(num(1, 0), Box::new(Formula::Fact(3))),
            Formula::Sub(Box::new(Formula::Fact(4)), num(-5, 1)),
        ]),
        Formula::Mul(num(150, 0), Box::new(Formula::Fact(300))),
        Formula::Div(num(-1, 28), Box::new(Formula::Fact(u16::MAX))),
    ]);
    let amounts = [
        (AmountValue::Exact(formula), Per::Once),
        (
            AmountValue::Range(*num(1000, 0), Formula::Fact(3)),
            Per::Year,
        ),
        (AmountValue::UpTo(*num(5, 2)), Per::Month),
        (AmountValue::UpTo(Formula::Fact(4)), Per::Person),
        (AmountValue::Exact(*num(3, 0)), Per::PersonMonth),
        (AmountValue::Exact(*num(150, 0)), Per::Mu),
    ];
    let mut reliefs: Vec<Relief> = amounts
        .into_iter()
        .enumerate()
        .map(|(i, (value, per))| Relief {
            id: format!("doc-{i}.relief-{i}"),
            doc: (i % 2) as u16,
            articles: vec![1, 300, u16::MAX],
            kind: if i == 0 { Kind::Service } else { Kind::Relief },
            category: "tax".into(),
            title: text("标题", "Title"),
            benefit: text("好处", "Benefit"),
            caveat: Some(text("注意", "Mind")),
            when: when.clone(),
            valid_from: Some(day(2023, 1, 1)),
            valid_until: Some(NaiveDate::MAX),
            amount: Some(Amount {
                value,
                per,
                basis: text("依据", "Basis"),
            }),
            apply_to: vec![text("市税务局", "Tax bureau")],
            channels: vec![text("电子税务局", "e-tax")],
            quote: "条款原文。".into(),
            overlap: Some("group".into()),
            overlap_rank: 255,
            national: i % 2 == 0,
            office: Some(1),
            claim: Some(if i == 0 {
                Claim::Filing
            } else {
                Claim::Application
            }),
        })
        .collect();
    // And one with every option empty.
    reliefs.push(Relief {
        id: "doc-1.bare".into(),
        caveat: None,
        valid_from: None,
        valid_until: None,
        amount: None,
        overlap: None,
        office: None,
        claim: None,
        when: Cond::All(vec![]),
        ..reliefs[1].clone()
    });
    let value = |id: &str, only_if: Option<Cond>| EnumValue {
        id: id.into(),
        label: text(id, id),
        only_if,
    };
    let fact = |id: &str, ty: FactType| FactDef {
        id: id.into(),
        ty,
        label: text("标签", "Label"),
        values: vec![],
        unit: None,
        aliases: vec![],
        requires: None,
        fixed: false,
    };
    RuleSet {
        version: "sha256:fixture".into(),
        facts: vec![
            FactDef {
                values: vec![value("a", Some(atom(2, Test::IsTrue))), value("b", None)],
                aliases: vec!["old_city".into()],
                requires: Some(atom(2, Test::Known)),
                fixed: true,
                ..fact("city", FactType::Enum)
            },
            FactDef {
                values: vec![value("x", None), value("y", None)],
                ..fact("industries", FactType::Set)
            },
            fact("small", FactType::Bool),
            FactDef {
                unit: Some(text("元", "yuan")),
                ..fact("sales", FactType::Money)
            },
            fact("staff", FactType::Number),
            fact("started_on", FactType::Date),
        ],
        questions: vec![
            Question {
                id: "q0".into(),
                facts: vec![0, 1, 300],
                text: text("问题？", "Question?"),
                help: text("帮助", "Help"),
                has_help: true,
                ask_if: Some(atom(3, Test::Known)),
            },
            Question {
                id: "q1".into(),
                facts: vec![2, 3, 4, 5],
                text: text("", ""),
                help: text("", ""),
                has_help: false,
                ask_if: None,
            },
        ],
        documents: vec![
            Document {
                id: "doc-0".into(),
                number: "甘政发〔2022〕1号".into(),
                title: "全省".into(),
                issuer: "省政府".into(),
                jurisdiction: Jurisdiction::Gansu,
                issued_on: day(2022, 2, 28),
                valid_from: Some(day(1, 1, 1)),
                valid_until: Some(day(-44, 3, 15)),
                articles: 300,
                notes: vec![
                    ArticleNote {
                        article: 1,
                        kind: Kind::Internal,
                        why: "内部".into(),
                    },
                    ArticleNote {
                        article: 2,
                        kind: Kind::Service,
                        why: String::new(),
                    },
                    ArticleNote {
                        article: 3,
                        kind: Kind::Relief,
                        why: String::new(),
                    },
                ],
            },
            Document {
                id: "doc-1".into(),
                number: "平政发〔2023〕18号".into(),
                title: "平凉".into(),
                issuer: "市政府".into(),
                jurisdiction: Jurisdiction::City("a".into()),
                issued_on: day(2023, 2, 28),
                valid_from: None,
                valid_until: None,
                articles: 52,
                notes: vec![],
            },
        ],
        reliefs,
        offices: vec![
            Office {
                id: "tax".into(),
                text: text("{place}税务局", "the tax office in {place}"),
                hotline: Some("12366".into()),
            },
            Office {
                id: "other".into(),
                text: text("当地", "your area"),
                hotline: None,
            },
        ],
    }
}

/// What a walk through a rule set found: the enum variants, and the lists and options
/// that are filled somewhere.
#[derive(Default)]
struct Seen {
    /// `Cond::Not`, …
    tags: BTreeSet<String>,
    /// Every list and option field walked through, and those found filled somewhere.
    fields: BTreeSet<&'static str>,
    filled: BTreeSet<&'static str>,
    /// Values whose tag's place in `ALL` is not the variant index serde writes.
    misplaced: Vec<String>,
}

impl Seen {
    fn tag<T: Serialize, G: Debug + Copy + PartialEq>(&mut self, value: &T, tag: G, all: &[G]) {
        let ty = std::any::type_name::<T>().rsplit("::").next().unwrap_or("");
        let name = format!("{ty}::{tag:?}");
        let place = all.iter().position(|t| *t == tag);
        // Every model enum has fewer than 128 variants: the index is the first byte.
        let written = postcard::to_allocvec(value)
            .ok()
            .and_then(|b| b.first().copied())
            .map(usize::from);
        if place != written {
            self.misplaced
                .push(format!("{name}: tag {place:?}, serde's index {written:?}"));
        }
        self.tags.insert(name);
    }

    fn opt<'a, T>(&mut self, field: &'static str, x: &'a Option<T>) -> Option<&'a T> {
        self.fields.insert(field);
        if x.is_some() {
            self.filled.insert(field);
        }
        x.as_ref()
    }

    fn list<'a, T>(&mut self, field: &'static str, v: &'a [T]) -> &'a [T] {
        self.fields.insert(field);
        if !v.is_empty() {
            self.filled.insert(field);
        }
        v
    }
}

// Structs are taken apart field by field (no `..`), so that a field added to the model
// does not compile here until the walk, and so the fixture, covers it.

fn walk(rs: &RuleSet, s: &mut Seen) {
    let RuleSet {
        version: _,
        facts,
        questions,
        documents,
        reliefs,
        offices,
    } = rs;
    for f in s.list("RuleSet.facts", facts) {
        walk_fact(f, s);
    }
    for q in s.list("RuleSet.questions", questions) {
        let Question {
            id: _,
            facts,
            text: _,
            help: _,
            has_help: _,
            ask_if,
        } = q;
        s.list("Question.facts", facts);
        if let Some(c) = s.opt("Question.ask_if", ask_if) {
            walk_cond(c, s);
        }
    }
    for d in s.list("RuleSet.documents", documents) {
        walk_document(d, s);
    }
    for r in s.list("RuleSet.reliefs", reliefs) {
        walk_relief(r, s);
    }
    for o in s.list("RuleSet.offices", offices) {
        let Office {
            id: _,
            text: _,
            hotline,
        } = o;
        s.opt("Office.hotline", hotline);
    }
}

fn walk_fact(f: &FactDef, s: &mut Seen) {
    let FactDef {
        id: _,
        ty,
        label: _,
        values,
        unit,
        aliases,
        requires,
        fixed: _,
    } = f;
    s.tag(ty, FactTypeTag::of(ty), FactTypeTag::ALL);
    for v in s.list("FactDef.values", values) {
        let EnumValue {
            id: _,
            label: _,
            only_if,
        } = v;
        if let Some(c) = s.opt("EnumValue.only_if", only_if) {
            walk_cond(c, s);
        }
    }
    s.opt("FactDef.unit", unit);
    s.list("FactDef.aliases", aliases);
    if let Some(c) = s.opt("FactDef.requires", requires) {
        walk_cond(c, s);
    }
}

fn walk_document(d: &Document, s: &mut Seen) {
    let Document {
        id: _,
        number: _,
        title: _,
        issuer: _,
        jurisdiction,
        issued_on: _,
        valid_from,
        valid_until,
        articles: _,
        notes,
    } = d;
    s.tag(
        jurisdiction,
        JurisdictionTag::of(jurisdiction),
        JurisdictionTag::ALL,
    );
    s.opt("Document.valid_from", valid_from);
    s.opt("Document.valid_until", valid_until);
    for n in s.list("Document.notes", notes) {
        let ArticleNote {
            article: _,
            kind,
            why: _,
        } = n;
        s.tag(kind, KindTag::of(kind), KindTag::ALL);
    }
}

fn walk_relief(r: &Relief, s: &mut Seen) {
    let Relief {
        id: _,
        doc: _,
        articles,
        kind,
        category: _,
        title: _,
        benefit: _,
        caveat,
        when,
        valid_from,
        valid_until,
        amount,
        apply_to,
        channels,
        quote: _,
        overlap,
        overlap_rank: _,
        national: _,
        office,
        claim,
    } = r;
    s.list("Relief.articles", articles);
    s.tag(kind, KindTag::of(kind), KindTag::ALL);
    s.opt("Relief.caveat", caveat);
    walk_cond(when, s);
    s.opt("Relief.valid_from", valid_from);
    s.opt("Relief.valid_until", valid_until);
    if let Some(a) = s.opt("Relief.amount", amount) {
        let Amount {
            value,
            per,
            basis: _,
        } = a;
        s.tag(value, AmountValueTag::of(value), AmountValueTag::ALL);
        match value {
            AmountValue::Exact(f) | AmountValue::UpTo(f) => walk_formula(f, s),
            AmountValue::Range(a, b) => {
                walk_formula(a, s);
                walk_formula(b, s);
            }
        }
        s.tag(per, PerTag::of(per), PerTag::ALL);
    }
    s.list("Relief.apply_to", apply_to);
    s.list("Relief.channels", channels);
    s.opt("Relief.overlap", overlap);
    s.opt("Relief.office", office);
    if let Some(c) = s.opt("Relief.claim", claim) {
        s.tag(c, ClaimTag::of(c), ClaimTag::ALL);
    }
}

fn walk_cond(c: &Cond, s: &mut Seen) {
    s.tag(c, CondTag::of(c), CondTag::ALL);
    match c {
        Cond::All(v) => s.list("Cond::All", v).iter().for_each(|c| walk_cond(c, s)),
        Cond::Any(v) => s.list("Cond::Any", v).iter().for_each(|c| walk_cond(c, s)),
        Cond::Not(c) => walk_cond(c, s),
        Cond::Atom(Atom { fact: _, test }) => {
            s.tag(test, TestTag::of(test), TestTag::ALL);
            let (op, date) = match test {
                Test::Cmp(op, _) => (Some(op), None),
                Test::DateCmp(op, date) => (Some(op), Some(date)),
                _ => (None, None),
            };
            if let Some(op) = op {
                s.tag(op, CmpOpTag::of(op), CmpOpTag::ALL);
            }
            if let Some(date) = date {
                s.tag(date, DateRefTag::of(date), DateRefTag::ALL);
            }
        }
    }
}

fn walk_formula(f: &Formula, s: &mut Seen) {
    s.tag(f, FormulaTag::of(f), FormulaTag::ALL);
    match f {
        Formula::Num(_) | Formula::Fact(_) => {}
        Formula::Add(a, b) | Formula::Sub(a, b) | Formula::Mul(a, b) | Formula::Div(a, b) => {
            walk_formula(a, s);
            walk_formula(b, s);
        }
        Formula::Min(v) => s
            .list("Formula::Min", v)
            .iter()
            .for_each(|f| walk_formula(f, s)),
        Formula::Max(v) => s
            .list("Formula::Max", v)
            .iter()
            .for_each(|f| walk_formula(f, s)),
    }
}
