//! The rule set as data: fact vocabulary, questions, documents and their reliefs.
//!
//! `compile` builds a [`RuleSet`] from `rules/*.toml` (in `build.rs`, and on the host for
//! rule authors); the engine only reads it. Facts are referred to by index ([`FactIx`]) so
//! that evaluation never looks a name up. This module is shared with `build.rs` and must
//! stay free of I/O and of any browser crate.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Index of a fact in [`RuleSet::facts`].
pub type FactIx = u16;

/// A string in both languages of the app.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// The two languages of the app; Chinese is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Text {
    /// The text in `lang`; Chinese where the English is missing (in the app, until
    /// `texts-en.bin` has arrived).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.zh,
        }
    }
}

/// The whole compiled rule set.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuleSet {
    /// `sha256:` and the hex digest of everything compiled in.
    pub version: String,
    pub facts: Vec<FactDef>,
    pub questions: Vec<Question>,
    pub documents: Vec<Document>,
    pub reliefs: Vec<Relief>,
    /// Where people go: the offices a relief's `office` points into.
    pub offices: Vec<Office>,
}

/// An office a person can visit or call for a relief, chosen by its lead 责任单位: the tax
/// service hall for a tax relief rather than "省税务局" and nine other departments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Office {
    pub id: String,
    /// `{place}` stands for the person's county, else their city, else "当地" ("your area").
    pub text: Text,
    /// The service hotline, where it is a national line or a document names it.
    pub hotline: Option<String>,
}

/// How a relief is claimed, where its text says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Claim {
    /// In the tax return: no separate application.
    Filing,
    /// On application.
    Application,
}

impl Claim {
    /// Every way, in declaration order, with its name in rule files.
    pub const ALL: [(Claim, &'static str); 2] = [
        (Claim::Filing, "filing"),
        (Claim::Application, "application"),
    ];
}

/// The type of a fact, as in facts.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FactType {
    Enum,
    Set,
    Bool,
    Money,
    Number,
    Date,
}

impl FactType {
    /// Every type, in declaration order (the order of their index in the postcard bytes).
    pub const ALL: [FactType; 6] = [
        FactType::Enum,
        FactType::Set,
        FactType::Bool,
        FactType::Money,
        FactType::Number,
        FactType::Date,
    ];

    /// The name used in rule files and messages.
    pub fn name(self) -> &'static str {
        match self {
            FactType::Enum => "enum",
            FactType::Set => "set",
            FactType::Bool => "bool",
            FactType::Money => "money",
            FactType::Number => "number",
            FactType::Date => "date",
        }
    }
}

/// One fact of the vocabulary.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FactDef {
    pub id: String,
    pub ty: FactType,
    /// Short label, e.g. 月销售额.
    pub label: Text,
    /// Values of an enum or set fact (at most 64).
    pub values: Vec<EnumValue>,
    /// Unit shown after a number, e.g. 元, 亩.
    pub unit: Option<Text>,
    /// Old ids that persona files may still use.
    pub aliases: Vec<String>,
    /// The fact only exists when this holds (a deposit's due date needs a deposit): where it
    /// is false the fact is absent, and every test of it is false rather than unknown.
    pub requires: Option<Cond>,
    /// Who or where the person is (a city, a business form, an industry, a group): a near
    /// miss never asks to change it, since nobody becomes another business for a relief.
    pub fixed: bool,
}

/// One value of an enum or set fact.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnumValue {
    pub id: String,
    pub label: Text,
    /// The value is only offered when this holds (e.g. a county of the chosen city).
    pub only_if: Option<Cond>,
}

/// A question of the wizard; it sets one or more facts on one screen.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub facts: Vec<FactIx>,
    pub text: Text,
    pub help: Text,
    /// Whether the question has help: known from the core, before the texts that hold the
    /// help itself arrive, so that the question screen keeps its place ("这是什么意思？").
    pub has_help: bool,
    /// The question is only asked when this is not false.
    pub ask_if: Option<Cond>,
}

/// What a document's measures cover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Jurisdiction {
    /// Every city of Gansu province.
    Gansu,
    /// One city, by its `city` enum value.
    City(String),
}

/// How an article is classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    /// Something a business or person can get or claim.
    Relief,
    /// A service commitment a user can rely on.
    Service,
    /// Government work nobody can apply for.
    Internal,
}

impl Kind {
    /// The name used in rule files and reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Relief => "relief",
            Kind::Service => "service",
            Kind::Internal => "internal",
        }
    }
}

/// One source document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    /// Document number exactly as printed, e.g. 平政发〔2023〕18号.
    pub number: String,
    pub title: String,
    pub issuer: String,
    pub jurisdiction: Jurisdiction,
    #[serde(with = "date_serde")]
    pub issued_on: NaiveDate,
    /// Default validity of its measures.
    #[serde(with = "opt_date_serde")]
    pub valid_from: Option<NaiveDate>,
    #[serde(with = "opt_date_serde")]
    pub valid_until: Option<NaiveDate>,
    /// Number of articles; every one is classified.
    pub articles: u16,
    /// Articles classified without a relief (internal ones, with the reason). Empty in the
    /// wasm's copy of the rule set, which never shows them.
    pub notes: Vec<ArticleNote>,
}

/// An article that grants nothing, and why.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArticleNote {
    pub article: u16,
    pub kind: Kind,
    pub why: String,
}

/// Category of a relief, for filtering in the results.
pub const CATEGORIES: &[&str] = &[
    "tax",
    "fees",
    "finance",
    "employment",
    "business",
    "innovation",
    "housing",
    "consumption",
    "agriculture",
    "trade",
    "services",
    "social",
];

/// A relief or service a user can get, with its conditions and its source.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Relief {
    /// `document-id.relief-id`.
    pub id: String,
    /// Index into [`RuleSet::documents`].
    pub doc: u16,
    pub articles: Vec<u16>,
    pub kind: Kind,
    pub category: String,
    pub title: Text,
    /// What the user gets, in plain words.
    pub benefit: Text,
    /// A warning a careful official would add (a county must opt in, a recognition must be
    /// granted first, …).
    pub caveat: Option<Text>,
    /// Eligibility, including the document's jurisdiction and any counties named.
    pub when: Cond,
    #[serde(with = "opt_date_serde")]
    pub valid_from: Option<NaiveDate>,
    #[serde(with = "opt_date_serde")]
    pub valid_until: Option<NaiveDate>,
    pub amount: Option<Amount>,
    /// 责任单位, verbatim, the lead department first, each with its English name.
    pub apply_to: Vec<Text>,
    /// Channels the text names (电子税务局, 甘快办 APP, …), with their English names.
    pub channels: Vec<Text>,
    /// The clause, word for word.
    pub quote: String,
    /// Measures that grant the same thing (从高不重复) share a group.
    pub overlap: Option<String>,
    /// Within its group, the author's ranking of the terms: lower is better. Set where the
    /// texts say which terms are better; it decides before amounts, which different measures
    /// may count against different baselines. 100 where not set.
    pub overlap_rank: u8,
    /// It restates a national policy: once its period has passed, the card says that the
    /// national policy may have continued and whom to ask (`present::catalog::national_note`).
    pub national: bool,
    /// Index into [`RuleSet::offices`]: where a person goes (none without an office table).
    pub office: Option<u16>,
    /// Claimed in the tax return or on application, where the text says so.
    pub claim: Option<Claim>,
}

/// What a relief is worth, where the text gives a figure.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Amount {
    pub value: AmountValue,
    pub per: Per,
    pub basis: Text,
}

/// A figure, a range, or a ceiling.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum AmountValue {
    Exact(Formula),
    Range(Formula, Formula),
    UpTo(Formula),
}

/// What an amount is counted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Per {
    Once,
    Year,
    Month,
    Person,
    PersonMonth,
    Mu,
}

impl Per {
    /// All units, with their names in rule files and reports.
    pub const ALL: &'static [(Per, &'static str)] = &[
        (Per::Once, "once"),
        (Per::Year, "year"),
        (Per::Month, "month"),
        (Per::Person, "person"),
        (Per::PersonMonth, "person-month"),
        (Per::Mu, "mu"),
    ];

    /// The name used in rule files and reports.
    pub fn name(self) -> &'static str {
        Per::ALL
            .iter()
            .find(|(p, _)| *p == self)
            .map(|(_, n)| *n)
            .unwrap_or("once")
    }
}

/// Arithmetic over money and number facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Formula {
    Num(#[serde(with = "dec_serde")] Decimal),
    Fact(FactIx),
    Add(Box<Formula>, Box<Formula>),
    Sub(Box<Formula>, Box<Formula>),
    Mul(Box<Formula>, Box<Formula>),
    Div(Box<Formula>, Box<Formula>),
    Min(Vec<Formula>),
    Max(Vec<Formula>),
}

/// A condition over facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    Atom(Atom),
}

impl Cond {
    /// The facts this condition reads, in order of first use, added to `out`.
    pub fn facts(&self, out: &mut Vec<FactIx>) {
        match self {
            Cond::All(v) | Cond::Any(v) => v.iter().for_each(|c| c.facts(out)),
            Cond::Not(c) => c.facts(out),
            Cond::Atom(a) => {
                for f in [Some(a.fact), a.test.other_fact()].into_iter().flatten() {
                    if !out.contains(&f) {
                        out.push(f);
                    }
                }
            }
        }
    }
}

impl Test {
    /// The second fact a date comparison reads, if any.
    pub fn other_fact(&self) -> Option<FactIx> {
        match self {
            Test::DateCmp(_, DateRef::Fact(f, _)) => Some(*f),
            _ => None,
        }
    }
}

/// One test of one fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Atom {
    pub fact: FactIx,
    pub test: Test,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

impl CmpOp {
    /// The operator as written in rules.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "≤",
            CmpOp::Gt => ">",
            CmpOp::Ge => "≥",
            CmpOp::Eq => "=",
        }
    }

    /// Whether `ord` (left compared with right) satisfies the operator.
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Lt => ord == Less,
            CmpOp::Le => ord != Greater,
            CmpOp::Gt => ord == Greater,
            CmpOp::Ge => ord != Less,
            CmpOp::Eq => ord == Equal,
        }
    }
}

/// The test an [`Atom`] applies to its fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Test {
    /// A bool fact is true.
    IsTrue,
    /// An enum fact has one of the values in the mask (bit i = value i).
    OneOf(u64),
    /// A set fact contains at least one of the values.
    HasAny(u64),
    /// A set fact contains all of the values.
    HasAll(u64),
    /// A money or number fact compared with a constant.
    Cmp(CmpOp, #[serde(with = "dec_serde")] Decimal),
    /// A date fact compared with another date.
    DateCmp(CmpOp, DateRef),
    /// The fact has an answer (only in a question's `ask_if`: a relief's condition never
    /// treats an unknown fact as false).
    Known,
}

/// The right-hand side of a date comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DateRef {
    Fixed(#[serde(with = "date_serde")] NaiveDate),
    /// The date the question is about, shifted.
    AsOf(Offset),
    /// Another date fact, shifted.
    Fact(FactIx, Offset),
}

/// A signed calendar shift: years, months and days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offset {
    pub years: i32,
    pub months: i32,
    pub days: i32,
}

impl Offset {
    /// Apply the shift to `date`; `None` only outside chrono's range.
    pub fn apply(self, date: NaiveDate) -> Option<NaiveDate> {
        use chrono::{Days, Months};
        let months = self.years * 12 + self.months;
        let d = if months >= 0 {
            date.checked_add_months(Months::new(months as u32))?
        } else {
            date.checked_sub_months(Months::new(months.unsigned_abs()))?
        };
        if self.days >= 0 {
            d.checked_add_days(Days::new(self.days as u64))
        } else {
            d.checked_sub_days(Days::new(self.days.unsigned_abs() as u64))
        }
    }

    /// Whether the shift is zero.
    pub fn is_zero(self) -> bool {
        self == Offset::default()
    }
}

/// Dates travel as days since 0001-01-01, so the wasm needs no date parser.
mod date_serde {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(d.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let n = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(n)
            .ok_or_else(|| serde::de::Error::custom("date out of range"))
    }
}

/// Decimals travel as their 16 raw bytes: postcard cannot drive rust_decimal's own
/// `deserialize_any`, and the wasm then needs no decimal parser either.
mod dec_serde {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&d.serialize())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        let bytes = <&[u8]>::deserialize(d)?;
        let arr: [u8; 16] = bytes
            .try_into()
            .map_err(|_| serde::de::Error::custom("a decimal is 16 bytes"))?;
        Ok(Decimal::deserialize(arr))
    }
}

mod opt_date_serde {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_some(&d.num_days_from_ce()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<i32>::deserialize(d)? {
            Some(n) => NaiveDate::from_num_days_from_ce_opt(n)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom("date out of range")),
            None => Ok(None),
        }
    }
}

/// What the app's first load leaves out and fetches later ([`Texts::file`]): every string
/// the questionnaire does not need in its default language, one file per language
/// (`texts-zh.bin`, `texts-en.bin`) — the English of every text, and of the reliefs their
/// ids, titles, what the user gets, caveats, bases, departments and channels, the
/// documents' issuers and the offices' names — and the clauses quoted (`quotes.bin`),
/// which only a card's folded "政策原文" shows. The questionnaire runs on the rest (ids,
/// conditions, amounts, dates and the Chinese of questions and facts); the results need
/// the texts of their language, and a clause opened needs the quotes. A person reading
/// Chinese never fetches the English, nor the reverse; the strings that are in no language
/// (ids, the issuers) are in both language files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Texts {
    /// The version of the rule set they belong to.
    pub version: String,
    /// Which file this is.
    pub part: Part,
    /// The strings in the order [`RuleSet::each_deferred`] visits those of `part`.
    pub strings: Vec<String>,
    /// The English file's: the interface's own strings (`present::catalog`), in catalog
    /// order; empty in the others.
    pub ui: Vec<String>,
}

/// One of the files of deferred strings (see [`Texts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Part {
    /// The Chinese texts, with the strings in no language.
    #[default]
    Zh,
    /// The English texts, with the strings in no language.
    En,
    /// The clauses quoted, one per relief, in the rule set's order.
    Quotes,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Zh, Part::En, Part::Quotes];

    /// The texts of a language.
    pub fn of(lang: Lang) -> Part {
        match lang {
            Lang::Zh => Part::Zh,
            Lang::En => Part::En,
        }
    }

    /// This file in a set of files (the first argument of [`RuleSet::each_deferred`]'s
    /// visitor).
    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The files a deferred string goes to (bits of [`Part::bit`]).
const ZH: u8 = 1;
const EN: u8 = 2;
const QUOTES: u8 = 4;

impl Texts {
    /// The file the app fetches for `part`.
    pub fn file(part: Part) -> &'static str {
        match part {
            Part::Zh => "texts-zh.bin",
            Part::En => "texts-en.bin",
            Part::Quotes => "quotes.bin",
        }
    }
}

/// Why [`RuleSet::restore`] refused a [`Texts`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextsError {
    /// Made for another rule set.
    OtherVersion,
    /// The number of strings does not match this rule set's.
    WrongCount,
}

impl RuleSet {
    /// Visit every deferred string (see [`Texts`]), always in the same order, with the
    /// files it goes to (`ZH`, `EN`, both for a string in no language, or `QUOTES`).
    fn each_deferred(&mut self, f: &mut dyn FnMut(u8, &mut String)) {
        fn en(t: &mut Text, f: &mut dyn FnMut(u8, &mut String)) {
            f(EN, &mut t.en);
        }
        fn both(t: &mut Text, f: &mut dyn FnMut(u8, &mut String)) {
            f(ZH, &mut t.zh);
            f(EN, &mut t.en);
        }
        for fact in &mut self.facts {
            en(&mut fact.label, f);
            fact.values.iter_mut().for_each(|v| en(&mut v.label, f));
            if let Some(u) = &mut fact.unit {
                en(u, f);
            }
        }
        for q in &mut self.questions {
            en(&mut q.text, f);
            // The help sits behind "这是什么意思？"; it arrives with the texts, which are
            // fetched as the person leaves the start screen.
            both(&mut q.help, f);
        }
        for d in &mut self.documents {
            f(ZH | EN, &mut d.issuer);
        }
        for r in &mut self.reliefs {
            f(ZH | EN, &mut r.id);
            both(&mut r.title, f);
            both(&mut r.benefit, f);
            if let Some(c) = &mut r.caveat {
                both(c, f);
            }
            if let Some(a) = &mut r.amount {
                both(&mut a.basis, f);
            }
            for t in r.apply_to.iter_mut().chain(r.channels.iter_mut()) {
                both(t, f);
            }
            f(QUOTES, &mut r.quote);
        }
        for o in &mut self.offices {
            both(&mut o.text, f);
        }
    }

    /// Take the deferred strings out, leaving them empty here (the wasm's embedded copy):
    /// the files in the order of [`Part::ALL`].
    pub fn split_texts(&mut self) -> [Texts; 3] {
        let mut files = Part::ALL.map(|part| Texts {
            version: self.version.clone(),
            part,
            strings: Vec::new(),
            ui: Vec::new(),
        });
        self.each_deferred(&mut |parts, s| {
            let s = std::mem::take(s);
            for file in files.iter_mut().filter(|t| parts & t.part.bit() != 0) {
                file.strings.push(s.clone());
            }
        });
        files
    }

    /// Make this the wasm's embedded core (what `build.rs` embeds for wasm32): the
    /// articles' notes left out (only the CLI's `coverage` shows them) and the deferred
    /// strings taken out, returned as the files `relief texts` writes.
    pub fn strip_to_core(&mut self) -> [Texts; 3] {
        for d in &mut self.documents {
            d.notes.clear();
        }
        self.split_texts()
    }

    /// Put the deferred strings of one file back into a copy made by
    /// [`RuleSet::split_texts`]. Nothing changes unless they belong to this very rule set.
    pub fn restore(&mut self, texts: &Texts) -> Result<(), TextsError> {
        if texts.version != self.version {
            return Err(TextsError::OtherVersion);
        }
        let mine = |parts: u8| parts & texts.part.bit() != 0;
        let mut n = 0;
        self.each_deferred(&mut |parts, _| n += usize::from(mine(parts)));
        if n != texts.strings.len() {
            return Err(TextsError::WrongCount);
        }
        let mut it = texts.strings.iter();
        self.each_deferred(&mut |parts, s| {
            if mine(parts) {
                if let Some(t) = it.next() {
                    s.clone_from(t);
                }
            }
        });
        Ok(())
    }

    /// Whether the deferred strings of `lang` are here (always on the host; in the app
    /// once that language's file has arrived). [`RuleSet::restore`] puts back a file whole
    /// or not at all, so the first relief tells: the app asks on every text it draws.
    pub fn has_texts(&self, lang: Lang) -> bool {
        self.reliefs.first().is_none_or(|r| match lang {
            Lang::Zh => !r.title.zh.is_empty(),
            Lang::En => !r.title.en.is_empty(),
        })
    }

    /// The fact with this id or alias.
    pub fn fact_ix(&self, id: &str) -> Option<FactIx> {
        self.facts
            .iter()
            .position(|f| f.id == id || f.aliases.iter().any(|a| a == id))
            .map(|i| i as FactIx)
    }

    /// The fact at `ix`.
    pub fn fact(&self, ix: FactIx) -> &FactDef {
        &self.facts[ix as usize]
    }

    /// The relief with this full id.
    pub fn relief(&self, id: &str) -> Option<&Relief> {
        self.reliefs.iter().find(|r| r.id == id)
    }

    /// The document of a relief.
    pub fn doc_of(&self, r: &Relief) -> &Document {
        &self.documents[r.doc as usize]
    }

    /// The short form of the version used in links: the first 12 hex digits.
    pub fn short_version(&self) -> &str {
        let hex = self.version.trim_start_matches("sha256:");
        &hex[..hex.len().min(12)]
    }
}

impl FactDef {
    /// Index of an enum or set value by id.
    pub fn value_ix(&self, id: &str) -> Option<usize> {
        self.values.iter().position(|v| v.id == id)
    }

    /// The fact's 16-bit key in compact links (QR codes): of its id, type and values, so
    /// that a fact whose values changed is not misread. The compiler refuses two facts
    /// with one key.
    pub fn link_key(&self) -> u16 {
        let mut h = Fnv::new();
        h.add(&self.id);
        h.add(self.ty.name());
        for v in &self.values {
            h.add(&v.id);
        }
        h.key()
    }
}

impl Question {
    /// The question's 16-bit key in compact links: of its id and its facts' ids.
    pub fn link_key(&self, facts: &[FactDef]) -> u16 {
        let mut h = Fnv::new();
        h.add(&self.id);
        for f in &self.facts {
            h.add(facts.get(usize::from(*f)).map_or("", |f| f.id.as_str()));
        }
        h.key()
    }
}

/// FNV-1a of strings (each ended by a 0), folded to 16 bits.
pub fn fnv16(parts: &[&str]) -> u16 {
    let mut h = Fnv::new();
    for p in parts {
        h.add(p);
    }
    h.key()
}

/// FNV-1a, folded to 16 bits: the link keys.
struct Fnv(u32);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0x811c_9dc5)
    }

    fn add(&mut self, s: &str) {
        for b in s.bytes().chain([0]) {
            self.0 = (self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }

    fn key(&self) -> u16 {
        (self.0 ^ (self.0 >> 16)) as u16
    }
}
