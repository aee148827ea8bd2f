//! The rule compiler: `rules/*.toml` and `rules/sources/*.txt` in, a validated [`RuleSet`] out.
//!
//! It runs in `build.rs` (which embeds the result as postcard bytes) and on the host for the
//! `relief` CLI and the tests. Validation collects every problem before it stops; each message
//! names the file, the line, the item and, where one is close, a suggestion. This module is
//! never compiled into the wasm.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use toml::Spanned;

use crate::expr::{suggest, Parser};
use crate::model::*;

/// One rule file's path (as it should appear in messages) and text.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: String,
    pub text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    document: Option<Spanned<RawDocument>>,
    #[serde(default)]
    fact: Vec<Spanned<RawFact>>,
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
    #[serde(default)]
    article: Vec<Spanned<RawArticle>>,
    #[serde(default)]
    relief: Vec<Spanned<RawRelief>>,
    #[serde(default)]
    office: Vec<Spanned<RawOffice>>,
    /// The English names of the offices (`apply_to`) and channels the reliefs name, by
    /// their Chinese: `"市税务局" = "Pingliang Municipal Taxation Bureau"`.
    english: Option<Spanned<BTreeMap<String, String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    id: String,
    /// Words of a lead 责任单位's name that send people to this office; none for the office
    /// of every other department.
    #[serde(default)]
    lead: Vec<String>,
    zh: String,
    en: String,
    hotline: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawText {
    zh: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    id: String,
    number: String,
    title: String,
    issuer: String,
    jurisdiction: String,
    issued_on: toml::value::Datetime,
    valid_from: Option<toml::value::Datetime>,
    valid_until: Option<toml::value::Datetime>,
    articles: u16,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: String,
    #[serde(rename = "type")]
    ty: String,
    label: RawText,
    #[serde(default)]
    values: Vec<RawValue>,
    unit: Option<RawText>,
    #[serde(default)]
    aliases: Vec<String>,
    /// A condition without which the fact does not exist (its gate).
    requires: Option<String>,
    #[serde(default)]
    fixed: bool,
    /// What the fact means and where it comes from; documentation only.
    #[allow(dead_code)]
    doc: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    id: String,
    zh: String,
    en: String,
    only_if: Option<String>,
    /// The value also holds when this does (the owner of a 个体工商户 is also a person):
    /// every test of the value in a condition or `ask_if` is widened at compile time.
    also_if: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    facts: Vec<String>,
    zh: String,
    en: String,
    help_zh: String,
    help_en: String,
    ask_if: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    n: u16,
    kind: String,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelief {
    id: String,
    articles: Vec<u16>,
    #[serde(default = "default_kind")]
    kind: String,
    category: String,
    title: RawText,
    benefit: RawText,
    caveat: Option<RawText>,
    when: Spanned<String>,
    #[serde(default)]
    counties: Vec<String>,
    valid_from: Option<toml::value::Datetime>,
    valid_until: Option<toml::value::Datetime>,
    amount: Option<Spanned<RawAmount>>,
    #[serde(default)]
    apply_to: Vec<String>,
    #[serde(default)]
    channels: Vec<String>,
    quote: Spanned<String>,
    overlap: Option<String>,
    /// A measure for anyone who comes to the city (a scenic-spot ticket), not only its
    /// residents and businesses: no city condition is added.
    #[serde(default)]
    visitors: bool,
    /// Within an overlap group, the author's ranking of the terms: 1 = best terms.
    overlap_rank: Option<u8>,
    /// The same grant in another document (`document-id.relief-id`): the two must have
    /// the same condition (jurisdiction aside), kind, amount and overlap membership, or
    /// `twin_difference` says why not.
    twin: Option<String>,
    /// Why a relief differs from its twin, in the texts' terms.
    twin_difference: Option<String>,
    /// Why a relief whose quote speaks of a period (阶段性, 一次性, 疫情, 年内…) has no
    /// `valid_until`.
    open_ended: Option<String>,
    /// It restates a national policy (see `Relief::national`).
    #[serde(default)]
    national: bool,
    /// "filing" or "application", only where the text says how it is claimed.
    claim: Option<String>,
}

fn default_kind() -> String {
    "relief".into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAmount {
    value: Option<String>,
    min: Option<String>,
    max: Option<String>,
    up_to: Option<String>,
    per: String,
    basis: RawText,
}

/// Collects problems with their place.
struct Problems {
    list: Vec<String>,
}

impl Problems {
    fn at(&mut self, path: &str, text: &str, offset: usize, what: &str, msg: impl AsRef<str>) {
        let line = line_of(text, offset);
        let sep = if what.is_empty() { "" } else { ": " };
        self.list
            .push(format!("{path}:{line}: {what}{sep}{}", msg.as_ref()));
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Byte offset, in the file, of character column `col` of a string value spanning `span`.
/// The value starts one character (the opening quote) after the span start.
fn offset_in_value(text: &str, span: std::ops::Range<usize>, col: usize) -> usize {
    let start = (span.start + 1).min(text.len());
    let value = &text[start..span.end.min(text.len()).max(start)];
    start + value.char_indices().nth(col).map(|(i, _)| i).unwrap_or(0)
}

fn to_date(d: &toml::value::Datetime) -> Option<NaiveDate> {
    let date = d.date.as_ref()?;
    if d.time.is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
}

fn text(t: &RawText) -> Text {
    Text {
        zh: t.zh.clone(),
        en: t.en.clone(),
    }
}

fn kind_of(s: &str) -> Option<Kind> {
    match s {
        "relief" => Some(Kind::Relief),
        "service" => Some(Kind::Service),
        "internal" => Some(Kind::Internal),
        _ => None,
    }
}

fn fact_type(s: &str) -> Option<FactType> {
    FactType::ALL.into_iter().find(|t| t.name() == s)
}

/// The first full-width punctuation mark in English text (`：`, `、`, `（`, `。`…), which
/// belongs to Chinese typesetting. Curly quotes are English.
pub fn fullwidth_punctuation(s: &str) -> Option<char> {
    s.chars().find(|c| {
        matches!(*c as u32, 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
    })
}

/// Text with all white space removed: quotes are compared this way, because the seed
/// documents break lines inside sentences.
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Compile rule files. `source` returns the text of a `rules/sources/` file by name.
///
/// # Errors
/// Every problem found, one message each, in file order.
pub fn compile(
    inputs: &[Input],
    source: &dyn Fn(&str) -> Option<String>,
) -> Result<RuleSet, Vec<String>> {
    let mut p = Problems { list: Vec::new() };
    let mut files = Vec::new();
    for input in inputs {
        match toml::from_str::<RawFile>(&input.text) {
            Ok(f) => files.push((input, f)),
            Err(e) => {
                let offset = e.span().map(|s| s.start).unwrap_or(0);
                let msg = e.message().replace('\n', " ");
                p.at(
                    &input.path,
                    &input.text,
                    offset,
                    "",
                    with_suggestion(msg.trim_end_matches('.')),
                );
            }
        }
    }

    // Pass 1: the fact vocabulary (conditions anywhere may use any fact).
    let mut facts: Vec<FactDef> = Vec::new();
    let mut fact_places: Vec<(String, String, usize)> = Vec::new();
    let mut pending_only_if: Vec<(usize, usize, String, usize, usize)> = Vec::new();
    let mut pending_requires: Vec<(usize, String, usize, usize)> = Vec::new();
    let mut pending_also_if: Vec<(usize, usize, String, usize, usize)> = Vec::new();
    for (input, f) in &files {
        for raw in &f.fact {
            let span = raw.span();
            let raw = raw.get_ref();
            let what = format!("fact \"{}\"", raw.id);
            if facts
                .iter()
                .any(|f| f.id == raw.id || f.aliases.contains(&raw.id))
            {
                p.at(&input.path, &input.text, span.start, &what, "defined twice");
                continue;
            }
            let Some(ty) = fact_type(&raw.ty) else {
                let names = ["enum", "set", "bool", "money", "number", "date"];
                p.at(
                    &input.path,
                    &input.text,
                    span.start,
                    &what,
                    format!(
                        "unknown type \"{}\" (one of enum, set, bool, money, number, date){}",
                        raw.ty,
                        suggest(&raw.ty, names)
                            .map(|s| format!(" (did you mean \"{s}\"?)"))
                            .unwrap_or_default()
                    ),
                );
                continue;
            };
            let has_values = matches!(ty, FactType::Enum | FactType::Set);
            if has_values && raw.values.is_empty() {
                p.at(
                    &input.path,
                    &input.text,
                    span.start,
                    &what,
                    "an enum or set fact needs values",
                );
            }
            if !has_values && !raw.values.is_empty() {
                p.at(
                    &input.path,
                    &input.text,
                    span.start,
                    &what,
                    format!("a {} fact has no values", ty.name()),
                );
            }
            if raw.values.len() > 64 {
                p.at(
                    &input.path,
                    &input.text,
                    span.start,
                    &what,
                    "more than 64 values",
                );
            }
            let english = std::iter::once(("label", raw.label.en.as_str()))
                .chain(raw.unit.iter().map(|u| ("unit", u.en.as_str())))
                .chain(raw.values.iter().map(|v| (v.id.as_str(), v.en.as_str())));
            for (name, en) in english {
                if let Some(c) = fullwidth_punctuation(en) {
                    p.at(
                        &input.path,
                        &input.text,
                        span.start,
                        &what,
                        format!("the English of {name} has the full-width \"{c}\" of Chinese text"),
                    );
                }
            }
            let mut seen = BTreeSet::new();
            for v in &raw.values {
                if !seen.insert(v.id.as_str()) {
                    p.at(
                        &input.path,
                        &input.text,
                        span.start,
                        &what,
                        format!("value \"{}\" listed twice", v.id),
                    );
                }
            }
            let fi = facts.len();
            for (vi, v) in raw.values.iter().enumerate() {
                if let Some(c) = &v.only_if {
                    pending_only_if.push((fi, vi, c.clone(), span.start, fact_places.len()));
                }
            }
            facts.push(FactDef {
                id: raw.id.clone(),
                ty,
                label: text(&raw.label),
                values: raw
                    .values
                    .iter()
                    .map(|v| EnumValue {
                        id: v.id.clone(),
                        label: Text {
                            zh: v.zh.clone(),
                            en: v.en.clone(),
                        },
                        only_if: None,
                    })
                    .collect(),
                unit: raw.unit.as_ref().map(text),
                aliases: raw.aliases.clone(),
                requires: None,
                fixed: raw.fixed,
            });
            if let Some(c) = &raw.requires {
                pending_requires.push((fi, c.clone(), span.start, fact_places.len()));
            }
            for (vi, v) in raw.values.iter().enumerate() {
                if let Some(c) = &v.also_if {
                    pending_also_if.push((fi, vi, c.clone(), span.start, fact_places.len()));
                }
            }
            fact_places.push((input.path.clone(), input.text.clone(), span.start));
            // Compact links (QR codes) name facts by a 16-bit key of id, type and values.
            let key = facts[fi].link_key();
            if let Some(other) = facts[..fi].iter().find(|f| f.link_key() == key) {
                let msg = format!(
                    "has the same link key as fact \"{}\" ({key:04x}): rename one",
                    other.id
                );
                p.at(&input.path, &input.text, span.start, &what, msg);
            }
        }
    }
    for (fi, vi, src, offset, place) in pending_only_if {
        let (path, text, _) = &fact_places[place];
        match Parser::condition(&facts, &src) {
            Ok(c) => facts[fi].values[vi].only_if = Some(c),
            Err(e) => {
                let what = format!(
                    "fact \"{}\" value \"{}\"",
                    facts[fi].id, facts[fi].values[vi].id
                );
                p.at(path, text, offset, &what, format!("only_if: {}", e.msg));
            }
        }
    }
    for (fi, src, offset, place) in pending_requires {
        let (path, text, _) = &fact_places[place];
        match Parser::condition(&facts, &src) {
            Ok(c) => facts[fi].requires = Some(c),
            Err(e) => {
                let what = format!("fact \"{}\"", facts[fi].id);
                p.at(path, text, offset, &what, format!("requires: {}", e.msg));
            }
        }
    }
    // (fact, value bit, the condition under which that value also holds)
    let mut widenings: Vec<(FactIx, u64, Cond)> = Vec::new();
    for (fi, vi, src, offset, place) in pending_also_if {
        let (path, text, _) = &fact_places[place];
        match Parser::condition(&facts, &src) {
            Ok(c) if facts[fi].ty == FactType::Enum => {
                widenings.push((fi as FactIx, 1u64 << vi, c))
            }
            Ok(_) => {
                let what = format!("fact \"{}\"", facts[fi].id);
                p.at(
                    path,
                    text,
                    offset,
                    &what,
                    "also_if: only an enum value can have one",
                );
            }
            Err(e) => {
                let what = format!(
                    "fact \"{}\" value \"{}\"",
                    facts[fi].id, facts[fi].values[vi].id
                );
                p.at(path, text, offset, &what, format!("also_if: {}", e.msg));
            }
        }
    }
    let city = facts.iter().position(|f| f.id == "city");
    if city.is_none() && !files.is_empty() {
        p.list
            .push("rules: no fact \"city\": every document's jurisdiction needs it".into());
    }

    // Questions.
    let mut questions: Vec<Question> = Vec::new();
    let mut set_by: BTreeMap<FactIx, String> = BTreeMap::new();
    for (input, f) in &files {
        for raw in &f.question {
            let span = raw.span();
            let raw = raw.get_ref();
            let what = format!("question \"{}\"", raw.id);
            if questions.iter().any(|q| q.id == raw.id) {
                p.at(&input.path, &input.text, span.start, &what, "defined twice");
            }
            if raw.facts.is_empty() {
                p.at(&input.path, &input.text, span.start, &what, "sets no fact");
            }
            let mut ixs = Vec::new();
            for id in &raw.facts {
                match facts.iter().position(|f| &f.id == id) {
                    Some(i) => {
                        let i = i as FactIx;
                        if let Some(other) = set_by.insert(i, raw.id.clone()) {
                            p.at(
                                &input.path,
                                &input.text,
                                span.start,
                                &what,
                                format!("fact \"{id}\" is already set by question \"{other}\""),
                            );
                        }
                        ixs.push(i);
                    }
                    None => p.at(
                        &input.path,
                        &input.text,
                        span.start,
                        &what,
                        format!(
                            "unknown fact \"{id}\"{}",
                            suggest(id, facts.iter().map(|f| f.id.as_str()))
                                .map(|s| format!(" (did you mean \"{s}\"?)"))
                                .unwrap_or_default()
                        ),
                    ),
                }
            }
            for (t, name) in [(&raw.en, "en"), (&raw.help_en, "help_en")] {
                if let Some(c) = fullwidth_punctuation(t) {
                    p.at(
                        &input.path,
                        &input.text,
                        span.start,
                        &what,
                        format!("{name} has the full-width \"{c}\" of Chinese text"),
                    );
                }
            }
            for (t, name) in [
                (&raw.zh, "zh"),
                (&raw.en, "en"),
                (&raw.help_zh, "help_zh"),
                (&raw.help_en, "help_en"),
            ] {
                if t.trim().is_empty() {
                    p.at(
                        &input.path,
                        &input.text,
                        span.start,
                        &what,
                        format!("{name} is empty"),
                    );
                }
            }
            let ask_if =
                raw.ask_if
                    .as_ref()
                    .and_then(|c| match Parser::ask_if(&facts, c.get_ref()) {
                        Ok(c) => Some(c),
                        Err(e) => {
                            p.at(
                                &input.path,
                                &input.text,
                                offset_in_value(&input.text, c.span(), e.col),
                                &what,
                                format!("ask_if: {}", e.msg),
                            );
                            None
                        }
                    });
            questions.push(Question {
                id: raw.id.clone(),
                facts: ixs,
                text: Text {
                    zh: raw.zh.clone(),
                    en: raw.en.clone(),
                },
                help: Text {
                    zh: raw.help_zh.clone(),
                    en: raw.help_en.clone(),
                },
                ask_if,
            });
            let key = questions[questions.len() - 1].link_key(&facts);
            if let Some(other) = questions[..questions.len() - 1]
                .iter()
                .find(|q| q.link_key(&facts) == key)
            {
                let msg = format!(
                    "has the same link key as question \"{}\" ({key:04x}): rename one",
                    other.id
                );
                p.at(&input.path, &input.text, span.start, &what, msg);
            }
        }
    }
    for (i, (path, text, offset)) in fact_places.iter().enumerate() {
        if !set_by.contains_key(&(i as FactIx)) {
            p.at(
                path,
                text,
                *offset,
                &format!("fact \"{}\"", facts[i].id),
                "no question sets it (add it to a [[question]])",
            );
        }
    }

    // Offices, in file order; the first whose `lead` words are in a relief's lead 责任单位
    // is where its people go, else the one without `lead`.
    let mut offices: Vec<Office> = Vec::new();
    let mut leads: Vec<Vec<String>> = Vec::new();
    for (input, f) in &files {
        for raw in &f.office {
            let span = raw.span();
            let o = raw.get_ref();
            let what = format!("office \"{}\"", o.id);
            if offices.iter().any(|x| x.id == o.id) {
                p.at(&input.path, &input.text, span.start, &what, "defined twice");
            }
            if o.zh.trim().is_empty() || o.en.trim().is_empty() {
                p.at(
                    &input.path,
                    &input.text,
                    span.start,
                    &what,
                    "needs both zh and en",
                );
            }
            if o.lead.is_empty() && leads.iter().any(Vec::is_empty) {
                p.at(
                    &input.path,
                    &input.text,
                    span.start,
                    &what,
                    "a second office without `lead`: only one is for every other department",
                );
            }
            offices.push(Office {
                id: o.id.clone(),
                text: Text {
                    zh: o.zh.clone(),
                    en: o.en.clone(),
                },
                hotline: o.hotline.clone(),
            });
            leads.push(o.lead.clone());
        }
    }
    if !offices.is_empty() && !leads.iter().any(Vec::is_empty) {
        p.list.push(
            "rules: no office without `lead`, for the departments no other office names".into(),
        );
    }
    let office_of = |apply_to: &[String]| -> Option<u16> {
        let lead = apply_to.first().map(String::as_str).unwrap_or("");
        leads
            .iter()
            .position(|words| words.iter().any(|w| lead.contains(w.as_str())))
            .or_else(|| leads.iter().position(Vec::is_empty))
            .map(|i| i as u16)
    };

    // Documents, articles and reliefs.
    let mut documents: Vec<Document> = Vec::new();
    let mut reliefs: Vec<Relief> = Vec::new();
    // Beside each relief: what the twin check needs once every relief is known.
    let mut sides: Vec<Side> = Vec::new();
    for (input, f) in &files {
        let (path, ftext) = (&input.path, &input.text);
        let Some(doc) = &f.document else {
            if !f.relief.is_empty() || !f.article.is_empty() {
                p.at(
                    path,
                    ftext,
                    0,
                    "",
                    "reliefs and articles need a [document] in the same file",
                );
            }
            continue;
        };
        let dspan = doc.span();
        let doc = doc.get_ref();
        let dwhat = format!("document \"{}\"", doc.id);
        if documents.iter().any(|d| d.id == doc.id) {
            p.at(path, ftext, dspan.start, &dwhat, "defined twice");
        }
        let jurisdiction = if doc.jurisdiction == "gansu" {
            Jurisdiction::Gansu
        } else {
            let ok = city.is_some_and(|c| facts[c].value_ix(&doc.jurisdiction).is_some());
            if !ok {
                p.at(
                    path,
                    ftext,
                    dspan.start,
                    &dwhat,
                    format!(
                        "jurisdiction \"{}\" is neither \"gansu\" nor a value of \"city\"",
                        doc.jurisdiction
                    ),
                );
            }
            Jurisdiction::City(doc.jurisdiction.clone())
        };
        let date = |d: &toml::value::Datetime, name: &str, p: &mut Problems| {
            let r = to_date(d);
            if r.is_none() {
                p.at(
                    path,
                    ftext,
                    dspan.start,
                    &dwhat,
                    format!("{name} is not a date (write YYYY-MM-DD)"),
                );
            }
            r
        };
        let issued_on = date(&doc.issued_on, "issued_on", &mut p).unwrap_or_default();
        let valid_from = doc
            .valid_from
            .as_ref()
            .and_then(|d| date(d, "valid_from", &mut p));
        let valid_until = doc
            .valid_until
            .as_ref()
            .and_then(|d| date(d, "valid_until", &mut p));
        let source_text = source(&doc.source);
        if source_text.is_none() {
            p.at(
                path,
                ftext,
                dspan.start,
                &dwhat,
                format!("source \"{}\" not found in rules/sources/", doc.source),
            );
        }
        let source_squeezed = source_text.as_deref().map(squeeze).unwrap_or_default();
        let doc_ix = documents.len() as u16;
        let english_names: BTreeMap<&str, String> = f
            .english
            .iter()
            .flat_map(|t| t.get_ref().iter())
            .map(|(zh, en)| (zh.as_str(), en.clone()))
            .collect();
        let mut used_names: BTreeSet<String> = BTreeSet::new();
        let mut notes = Vec::new();
        for a in &f.article {
            let span = a.span();
            let a = a.get_ref();
            let what = format!("article {}", a.n);
            match kind_of(&a.kind) {
                Some(kind) => {
                    if kind == Kind::Internal && a.why.trim().is_empty() {
                        p.at(
                            path,
                            ftext,
                            span.start,
                            &what,
                            "an internal article needs a one-line `why`",
                        );
                    }
                    notes.push(ArticleNote {
                        article: a.n,
                        kind,
                        why: a.why.clone(),
                    });
                }
                None => p.at(
                    path,
                    ftext,
                    span.start,
                    &what,
                    format!("unknown kind \"{}\" (relief, service or internal)", a.kind),
                ),
            }
            if a.n == 0 || a.n > doc.articles {
                p.at(
                    path,
                    ftext,
                    span.start,
                    &what,
                    format!("the document has articles 1 to {}", doc.articles),
                );
            }
        }
        for raw in &f.relief {
            let span = raw.span();
            let r = raw.get_ref();
            let id = format!("{}.{}", doc.id, r.id);
            let what = format!("relief \"{}\"", r.id);
            let at = |p: &mut Problems, msg: String| p.at(path, ftext, span.start, &what, msg);
            if reliefs.iter().any(|x| x.id == id) {
                at(&mut p, "defined twice".into());
            }
            if r.id.is_empty()
                || !r
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                at(
                    &mut p,
                    "an id is lowercase ascii letters, digits and '-'".into(),
                );
            }
            let kind = match kind_of(&r.kind) {
                Some(Kind::Internal) | None => {
                    at(
                        &mut p,
                        format!("kind \"{}\": a relief is \"relief\" or \"service\"", r.kind),
                    );
                    Kind::Relief
                }
                Some(k) => k,
            };
            if r.articles.is_empty() {
                at(&mut p, "cites no article (articles = [N])".into());
            }
            for &n in &r.articles {
                if n == 0 || n > doc.articles {
                    at(
                        &mut p,
                        format!("article {n} is not in the document (1 to {})", doc.articles),
                    );
                }
            }
            if !CATEGORIES.contains(&r.category.as_str()) {
                at(
                    &mut p,
                    format!(
                        "unknown category \"{}\" (one of {}){}",
                        r.category,
                        CATEGORIES.join(", "),
                        suggest(&r.category, CATEGORIES.iter().copied())
                            .map(|s| format!(" (did you mean \"{s}\"?)"))
                            .unwrap_or_default()
                    ),
                );
            }
            for (t, name) in [(&r.title, "title"), (&r.benefit, "benefit")] {
                if t.zh.trim().is_empty() || t.en.trim().is_empty() {
                    at(&mut p, format!("{name} needs both zh and en"));
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
                    at(
                        &mut p,
                        format!("the English of {name} has the full-width \"{c}\" of Chinese text"),
                    );
                }
            }
            // Offices and channels, with their English names from the file's [english].
            let mut named = |list: &[String], what_kind: &str, p: &mut Problems| -> Vec<Text> {
                list.iter()
                    .map(|zh| {
                        let en = english_names.get(zh.as_str()).cloned();
                        if en.is_none() {
                            at(p, format!("{what_kind} \"{zh}\" has no English name (add it to [english])"));
                        }
                        used_names.insert(zh.clone());
                        Text { zh: zh.clone(), en: en.unwrap_or_default() }
                    })
                    .collect()
            };
            let apply_to = named(&r.apply_to, "office", &mut p);
            let channels = named(&r.channels, "channel", &mut p);
            // The quote, word for word.
            let quote = r.quote.get_ref();
            let qline = r.quote.span().start;
            if quote.trim().is_empty() {
                p.at(
                    path,
                    ftext,
                    qline,
                    &what,
                    "quote is empty: quote the clause that grants it",
                );
            } else if source_text.is_some() && !source_squeezed.contains(&squeeze(quote)) {
                let hint = longest_found_prefix(&source_squeezed, &squeeze(quote));
                p.at(path, ftext, qline, &what, format!(
                    "quote is not found word for word in rules/sources/{} (it matches up to \"{}\")",
                    doc.source, hint
                ));
            }
            if r.overlap_rank.is_some() && r.overlap.is_none() {
                at(&mut p, "overlap_rank without overlap".into());
            }
            if r.apply_to.is_empty() {
                at(
                    &mut p,
                    "apply_to is empty: name the 责任单位 as printed".into(),
                );
            }
            let claim = r.claim.as_ref().and_then(|c| {
                let found = Claim::ALL.iter().find(|(_, n)| n == c).map(|(x, _)| *x);
                if found.is_none() {
                    at(
                        &mut p,
                        format!("unknown claim \"{c}\" (filing or application)"),
                    );
                }
                found
            });
            // The condition: jurisdiction, counties, then the relief's own.
            let mut all = Vec::new();
            if let (Some(c), false) = (city, r.visitors) {
                let cf = &facts[c];
                let mask = match &jurisdiction {
                    Jurisdiction::Gansu => ["pingliang", "wuwei", "other_gansu"]
                        .iter()
                        .filter_map(|v| cf.value_ix(v))
                        .fold(0u64, |m, i| m | 1 << i),
                    Jurisdiction::City(v) => cf.value_ix(v).map(|i| 1u64 << i).unwrap_or(0),
                };
                all.push(Cond::Atom(Atom {
                    fact: c as FactIx,
                    test: Test::OneOf(mask),
                }));
            }
            if !r.counties.is_empty() {
                match facts.iter().position(|f| f.id == "county") {
                    Some(ci) => {
                        let mut mask = 0u64;
                        for c in &r.counties {
                            match facts[ci].value_ix(c) {
                                Some(i) => {
                                    mask |= 1 << i;
                                    let county_city = facts[ci].values[i].only_if.as_ref();
                                    if let (
                                        Jurisdiction::City(jc),
                                        Some(Cond::Atom(Atom {
                                            test: Test::OneOf(m),
                                            ..
                                        })),
                                    ) = (&jurisdiction, county_city)
                                    {
                                        let in_city = city
                                            .and_then(|c| facts[c].value_ix(jc))
                                            .is_some_and(|j| m & (1 << j) != 0);
                                        if !in_city {
                                            at(&mut p, format!("county \"{c}\" is not in {jc}"));
                                        }
                                    }
                                }
                                None => at(
                                    &mut p,
                                    format!(
                                        "unknown county \"{c}\"{}",
                                        suggest(c, facts[ci].values.iter().map(|v| v.id.as_str()))
                                            .map(|s| format!(" (did you mean \"{s}\"?)"))
                                            .unwrap_or_default()
                                    ),
                                ),
                            }
                        }
                        all.push(Cond::Atom(Atom {
                            fact: ci as FactIx,
                            test: Test::OneOf(mask),
                        }));
                    }
                    None => at(
                        &mut p,
                        "counties named, but there is no fact \"county\"".into(),
                    ),
                }
            }
            let own = Parser::condition(&facts, r.when.get_ref());
            match own.clone() {
                Ok(Cond::All(v)) => all.extend(v),
                Ok(c) => all.push(c),
                Err(e) => p.at(
                    path,
                    ftext,
                    offset_in_value(ftext, r.when.span(), e.col),
                    &what,
                    e.msg,
                ),
            }
            let rdate = |d: &Option<toml::value::Datetime>, name: &str, p: &mut Problems| {
                d.as_ref().and_then(|d| {
                    let r = to_date(d);
                    if r.is_none() {
                        p.at(
                            path,
                            ftext,
                            span.start,
                            &what,
                            format!("{name} is not a date (write YYYY-MM-DD)"),
                        );
                    }
                    r
                })
            };
            let from = rdate(&r.valid_from, "valid_from", &mut p).or(valid_from);
            let until = rdate(&r.valid_until, "valid_until", &mut p).or(valid_until);
            if let (Some(a), Some(b)) = (from, until) {
                if a > b {
                    at(&mut p, format!("valid_from {a} is after valid_until {b}"));
                }
            }
            if let Some(u) = until {
                if u < issued_on - chrono::Days::new(366) {
                    at(&mut p, format!("valid_until {u} is more than a year before the document was issued ({issued_on})"));
                }
            }
            if let Some(f) = from {
                if f > issued_on + chrono::Days::new(366 * 5) {
                    at(&mut p, format!("valid_from {f} is more than five years after the document was issued ({issued_on})"));
                }
            }
            let amount = r.amount.as_ref().and_then(|a| {
                let aspan = a.span();
                let a = a.get_ref();
                let aat = |p: &mut Problems, msg: String| {
                    p.at(path, ftext, aspan.start, &what, format!("amount: {msg}"))
                };
                let parse = |src: &String, p: &mut Problems| match Parser::formula(&facts, src) {
                    Ok(f) => Some(f),
                    Err(e) => {
                        aat(p, format!("\"{src}\": column {}: {}", e.col + 1, e.msg));
                        None
                    }
                };
                let value = match (&a.value, &a.min, &a.max, &a.up_to) {
                    (Some(v), None, None, None) => AmountValue::Exact(parse(v, &mut p)?),
                    (None, Some(lo), Some(hi), None) => {
                        AmountValue::Range(parse(lo, &mut p)?, parse(hi, &mut p)?)
                    }
                    (None, None, None, Some(u)) => AmountValue::UpTo(parse(u, &mut p)?),
                    _ => {
                        aat(
                            &mut p,
                            "give `value`, or `min` and `max`, or `up_to`".into(),
                        );
                        return None;
                    }
                };
                let Some(per) = Per::ALL.iter().find(|(_, n)| *n == a.per).map(|(p, _)| *p) else {
                    let names: Vec<&str> = Per::ALL.iter().map(|(_, n)| *n).collect();
                    aat(
                        &mut p,
                        format!("unknown per \"{}\" (one of {})", a.per, names.join(", ")),
                    );
                    return None;
                };
                if a.basis.zh.trim().is_empty() || a.basis.en.trim().is_empty() {
                    aat(&mut p, "basis needs both zh and en".into());
                }
                Some(Amount {
                    value,
                    per,
                    basis: text(&a.basis),
                })
            });
            // A temporary measure ends, even where the document gives no end.
            if let Some(word) = PERIOD_WORDS.iter().find(|w| squeeze(quote).contains(**w)) {
                match (until, &r.open_ended) {
                    (None, None) => at(&mut p, format!(
                        "the quote speaks of a period (\"{word}\") but the relief has no valid_until (give valid_until, or open_ended = \"…\" saying why it has none)"
                    )),
                    (Some(u), Some(_)) => at(&mut p, format!(
                        "open_ended, but it has a valid_until ({u}): remove open_ended"
                    )),
                    _ => {}
                }
            }
            if let Some(reason) = &r.open_ended {
                if reason.trim().is_empty() {
                    at(
                        &mut p,
                        "open_ended is empty: say why the relief has no end".into(),
                    );
                }
            }
            if r.twin.is_none() && r.twin_difference.is_some() {
                at(&mut p, "twin_difference without twin".into());
            }
            sides.push(Side {
                place: (path.clone(), ftext.clone(), span.start, what.clone()),
                own: own.ok().map(|c| canonical(&c)),
                visitors: r.visitors,
                twin: r.twin.clone(),
                twin_difference: r.twin_difference.clone(),
            });
            reliefs.push(Relief {
                id,
                doc: doc_ix,
                articles: r.articles.clone(),
                kind,
                category: r.category.clone(),
                title: text(&r.title),
                benefit: text(&r.benefit),
                caveat: r.caveat.as_ref().map(text),
                when: Cond::All(all),
                valid_from: from,
                valid_until: until,
                amount,
                apply_to,
                channels,
                quote: quote.split_whitespace().collect::<Vec<_>>().join(""),
                overlap: r.overlap.clone(),
                overlap_rank: r.overlap_rank.unwrap_or(100),
                national: r.national,
                office: office_of(&r.apply_to),
                claim,
            });
        }
        if let Some(table) = &f.english {
            for (zh, en) in table.get_ref() {
                let problem = if !used_names.contains(zh) {
                    Some(format!(
                        "\"{zh}\" is not an office or channel of any relief here"
                    ))
                } else if en.trim().is_empty() {
                    Some(format!("\"{zh}\" has an empty English name"))
                } else {
                    fullwidth_punctuation(en).map(|c| {
                        format!(
                            "the English of \"{zh}\" has the full-width \"{c}\" of Chinese text"
                        )
                    })
                };
                if let Some(msg) = problem {
                    p.at(path, ftext, table.span().start, "[english]", msg);
                }
            }
        }
        notes.sort_by_key(|n| n.article);
        documents.push(Document {
            id: doc.id.clone(),
            number: doc.number.clone(),
            title: doc.title.clone(),
            issuer: doc.issuer.clone(),
            jurisdiction,
            issued_on,
            valid_from,
            valid_until,
            articles: doc.articles,
            notes,
        });
    }

    check_twins(&reliefs, &sides, &mut p);

    // Overlap groups need two members or more.
    let mut groups: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &reliefs {
        if let Some(g) = &r.overlap {
            *groups.entry(g).or_default() += 1;
        }
    }
    for (g, n) in groups {
        if n < 2 {
            p.list.push(format!("rules: overlap group \"{g}\" has only one relief (remove `overlap` or add the measure it overlaps)"));
        }
    }

    if !p.list.is_empty() {
        return Err(p.list);
    }
    for r in &mut reliefs {
        r.when = widen(
            std::mem::replace(&mut r.when, Cond::All(vec![])),
            &widenings,
        );
    }
    for q in &mut questions {
        q.ask_if = q.ask_if.take().map(|c| widen(c, &widenings));
    }
    let mut rs = RuleSet {
        version: String::new(),
        facts,
        questions,
        documents,
        reliefs,
        offices,
    };
    let bytes = postcard::to_allocvec(&rs)
        .map_err(|e| vec![format!("rules: cannot encode the rule set: {e}")])?;
    let digest = Sha256::digest(&bytes);
    rs.version = format!(
        "sha256:{}",
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    Ok(rs)
}

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
struct Side {
    /// Path, text, offset and item, for messages.
    place: (String, String, usize, String),
    /// The relief's own condition (without the jurisdiction added), in canonical order.
    own: Option<Cond>,
    visitors: bool,
    twin: Option<String>,
    twin_difference: Option<String>,
}

/// A condition with `and`/`or` flattened and their parts in a fixed order, so that two
/// authors' spellings of the same condition compare equal.
fn canonical(c: &Cond) -> Cond {
    fn flat(c: &Cond, all: bool, out: &mut Vec<Cond>) {
        match (c, all) {
            (Cond::All(v), true) | (Cond::Any(v), false) => {
                v.iter().for_each(|x| flat(x, all, out))
            }
            _ => out.push(canonical(c)),
        }
    }
    match c {
        Cond::All(_) | Cond::Any(_) => {
            let all = matches!(c, Cond::All(_));
            let mut v = Vec::new();
            flat(c, all, &mut v);
            v.sort_by_key(|x| format!("{x:?}"));
            v.dedup();
            if v.len() == 1 {
                v.pop().unwrap_or(Cond::All(vec![]))
            } else if all {
                Cond::All(v)
            } else {
                Cond::Any(v)
            }
        }
        Cond::Not(x) => Cond::Not(Box::new(canonical(x))),
        Cond::Atom(_) => c.clone(),
    }
}

/// Twins grant the same thing in two documents: the same condition apart from
/// jurisdiction, the same kind, amount, overlap membership and national flag, unless
/// `twin_difference` says why not.
fn check_twins(reliefs: &[Relief], sides: &[Side], p: &mut Problems) {
    for (i, side) in sides.iter().enumerate() {
        let Some(twin) = &side.twin else { continue };
        let (path, text, offset, what) = &side.place;
        let Some(j) = reliefs.iter().position(|r| &r.id == twin) else {
            p.at(
                path,
                text,
                *offset,
                what,
                format!(
                    "twin \"{twin}\" is not a relief (write document-id.relief-id){}",
                    suggest(twin, reliefs.iter().map(|r| r.id.as_str()))
                        .map(|s| format!(" (did you mean \"{s}\"?)"))
                        .unwrap_or_default()
                ),
            );
            continue;
        };
        let (a, b) = (&reliefs[i], &reliefs[j]);
        if a.doc == b.doc {
            p.at(path, text, *offset, what, format!(
                "twin \"{twin}\" is in the same document: a twin is the same grant in another document"
            ));
            continue;
        }
        let mut parts = Vec::new();
        if side.own != sides[j].own || side.visitors != sides[j].visitors {
            parts.push("condition");
        }
        if a.kind != b.kind {
            parts.push("kind");
        }
        let amount = |r: &Relief| r.amount.as_ref().map(|a| (format!("{:?}", a.value), a.per));
        if amount(a) != amount(b) {
            parts.push("amount");
        }
        if a.overlap.is_some() != b.overlap.is_some() {
            parts.push("overlap group");
        }
        if a.national != b.national {
            parts.push("national");
        }
        match (&side.twin_difference, parts.is_empty()) {
            (None, false) => p.at(path, text, *offset, what, format!(
                "differs from its twin \"{twin}\" in {} (make them equal, or give twin_difference = \"…\" with the reason the texts give)",
                parts.join(", ")
            )),
            (Some(_), true) => p.at(path, text, *offset, what, format!(
                "twin_difference, but it is the same as its twin \"{twin}\": remove twin_difference"
            )),
            (Some(reason), false) if reason.trim().is_empty() => p.at(path, text, *offset, what,
                "twin_difference is empty: give the reason the texts give"),
            _ => {}
        }
    }
}

/// Pairs of reliefs linked as twins (either side naming the other), by full id, read from
/// the rule files without compiling them.
pub fn twin_links(inputs: &[Input]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for input in inputs {
        let Ok(f) = toml::from_str::<RawFile>(&input.text) else {
            continue;
        };
        let Some(doc) = &f.document else { continue };
        for r in &f.relief {
            let r = r.get_ref();
            if let Some(t) = &r.twin {
                out.push((format!("{}.{}", doc.get_ref().id, r.id), t.clone()));
            }
        }
    }
    out
}

/// How alike two quotes are: the Dice coefficient of their character bigrams, white space
/// and punctuation left out (0 = nothing shared, 1 = the same).
pub fn quote_similarity(a: &str, b: &str) -> f64 {
    fn bigrams(s: &str) -> Vec<(char, char)> {
        let cs: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
        let mut v: Vec<(char, char)> = cs.windows(2).map(|w| (w[0], w[1])).collect();
        v.sort_unstable();
        v
    }
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    // Multiset intersection of two sorted lists.
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

/// Quote similarity from which two reliefs in different documents are likely twins.
pub const TWIN_SIMILARITY: f64 = 0.6;

/// Pairs of reliefs in different documents whose quotes are alike (at least `min`, see
/// [`quote_similarity`]) and that are not linked as twins, most alike first. A pair is left
/// out where either relief is already linked to another relief of the other's document
/// (the two cities' 5% and 10% credits are alike, but each is linked to its own twin).
pub fn likely_twins(
    rs: &RuleSet,
    links: &[(String, String)],
    min: f64,
) -> Vec<(f64, String, String)> {
    let linked = |a: &str, b: &str| {
        links
            .iter()
            .any(|(x, y)| (x == a && y == b) || (x == b && y == a))
    };
    // Whether `a` is linked to some relief of document `doc`.
    let linked_into = |a: &str, doc: u16| {
        links.iter().any(|(x, y)| {
            let other = if x == a {
                y
            } else if y == a {
                x
            } else {
                return false;
            };
            rs.relief(other).is_some_and(|o| o.doc == doc)
        })
    };
    let mut out = Vec::new();
    for (i, a) in rs.reliefs.iter().enumerate() {
        for b in &rs.reliefs[i + 1..] {
            if a.doc == b.doc || linked(&a.id, &b.id) {
                continue;
            }
            if linked_into(&a.id, b.doc) || linked_into(&b.id, a.doc) {
                continue;
            }
            let sim = quote_similarity(&a.quote, &b.quote);
            if sim >= min {
                out.push((sim, a.id.clone(), b.id.clone()));
            }
        }
    }
    out.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
    out
}

/// toml's "unknown field `x`, expected one of `a`, `b`" gains a "did you mean".
fn with_suggestion(msg: &str) -> String {
    let Some(rest) = msg.strip_prefix("unknown field `") else {
        return msg.to_string();
    };
    let Some((name, list)) = rest.split_once("`, expected one of ") else {
        return msg.to_string();
    };
    let candidates: Vec<&str> = list.split(", ").map(|c| c.trim_matches('`')).collect();
    match suggest(name, candidates) {
        Some(s) => format!("unknown field `{name}` (did you mean `{s}`?)"),
        None => msg.to_string(),
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

/// Read every `*.toml` under `dir` (sorted) and compile them with `dir/sources/`.
///
/// # Errors
/// Unreadable files, and every problem [`compile`] finds.
pub fn compile_dir(dir: &Path) -> Result<RuleSet, Vec<String>> {
    let (inputs, _) = read_dir(dir)?;
    let src_dir = dir.join("sources");
    compile(&inputs, &|name| {
        std::fs::read_to_string(src_dir.join(name)).ok()
    })
}

/// The rule files under `dir` and every path read, for build.rs's rerun-if-changed.
///
/// # Errors
/// A directory or file that cannot be read.
pub fn read_dir(dir: &Path) -> Result<(Vec<Input>, Vec<std::path::PathBuf>), Vec<String>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| vec![format!("{}: {e}", dir.display())])?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut inputs = Vec::new();
    for path in &paths {
        let text =
            std::fs::read_to_string(path).map_err(|e| vec![format!("{}: {e}", path.display())])?;
        inputs.push(Input {
            path: path.display().to_string(),
            text,
        });
    }
    let mut all = paths.clone();
    if let Ok(rd) = std::fs::read_dir(dir.join("sources")) {
        all.extend(rd.filter_map(|e| e.ok().map(|e| e.path())));
    }
    Ok((inputs, all))
}

/// Articles of each document that no relief cites and no `[[article]]` classifies, as
/// messages. Completeness is checked by `relief check` and the tests rather than the build,
/// so that a document can be encoded a part at a time.
pub fn coverage_gaps(rs: &RuleSet) -> Vec<String> {
    let mut out = Vec::new();
    for (di, d) in rs.documents.iter().enumerate() {
        let missing: Vec<String> = (1..=d.articles)
            .filter(|n| {
                !d.notes.iter().any(|x| x.article == *n)
                    && !rs
                        .reliefs
                        .iter()
                        .any(|r| r.doc as usize == di && r.articles.contains(n))
            })
            .map(|n| n.to_string())
            .collect();
        if !missing.is_empty() {
            out.push(format!(
                "document \"{}\" ({}): articles not classified: {} (add a [[relief]] citing them or an [[article]] with kind and why)",
                d.id,
                d.number,
                missing.join(", ")
            ));
        }
    }
    out
}

/// Widen every test of an enum value that has an `also_if`: `applicant == person` becomes
/// `applicant == person or business_form == individual_business`.
fn widen(c: Cond, widenings: &[(FactIx, u64, Cond)]) -> Cond {
    match c {
        Cond::All(v) => Cond::All(v.into_iter().map(|c| widen(c, widenings)).collect()),
        Cond::Any(v) => Cond::Any(v.into_iter().map(|c| widen(c, widenings)).collect()),
        Cond::Not(c) => Cond::Not(Box::new(widen(*c, widenings))),
        Cond::Atom(a) => {
            let extra: Vec<Cond> = widenings
                .iter()
                .filter(|(f, bit, _)| {
                    *f == a.fact && matches!(a.test, Test::OneOf(m) if m & bit != 0)
                })
                .map(|(_, _, c)| c.clone())
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
