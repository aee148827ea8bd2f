//! The rule files as written: the TOML shapes serde reads, spans kept where a message
//! points into an item. Nothing here is checked beyond what the shapes require.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::problems::{Place, Problems};
use super::Input;
use crate::expr::suggest;

/// A rule file that parsed, beside its path and text.
pub(super) struct RuleFile<'a> {
    pub input: &'a Input,
    pub raw: RawFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    pub document: Option<Spanned<RawDocument>>,
    #[serde(default)]
    pub fact: Vec<Spanned<RawFact>>,
    #[serde(default)]
    pub question: Vec<Spanned<RawQuestion>>,
    #[serde(default)]
    pub article: Vec<Spanned<RawArticle>>,
    #[serde(default)]
    pub relief: Vec<Spanned<RawRelief>>,
    #[serde(default)]
    pub office: Vec<Spanned<RawOffice>>,
    /// The English names of the offices (`apply_to`) and channels the reliefs name, by
    /// their Chinese: `"市税务局" = "Pingliang Municipal Taxation Bureau"`.
    pub english: Option<Spanned<BTreeMap<String, String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOffice {
    pub id: String,
    /// Words of a lead 责任单位's name that send people to this office; none for the office
    /// of every other department.
    #[serde(default)]
    pub lead: Vec<String>,
    pub zh: String,
    pub en: String,
    pub hotline: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawText {
    pub zh: String,
    pub en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDocument {
    pub id: String,
    pub number: String,
    pub title: String,
    pub issuer: String,
    pub jurisdiction: String,
    pub issued_on: toml::value::Datetime,
    pub valid_from: Option<toml::value::Datetime>,
    pub valid_until: Option<toml::value::Datetime>,
    pub articles: u16,
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFact {
    pub id: String,
    #[serde(rename = "type")]
    pub ty: String,
    pub label: RawText,
    #[serde(default)]
    pub values: Vec<RawValue>,
    pub unit: Option<RawText>,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A condition without which the fact does not exist (its gate).
    pub requires: Option<String>,
    #[serde(default)]
    pub fixed: bool,
    /// What the fact means and where it comes from; documentation only.
    #[allow(dead_code)]
    pub doc: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawValue {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub only_if: Option<String>,
    /// The value also holds when this does (the owner of a 个体工商户 is also a person):
    /// every test of the value in a condition or `ask_if` is widened at compile time.
    pub also_if: Option<String>,
    /// Of a `city` value: whether it is a city of Gansu, which a document for the whole
    /// province (`jurisdiction = "gansu"`) covers. Every city value says so.
    pub in_gansu: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub id: String,
    pub facts: Vec<String>,
    pub zh: String,
    pub en: String,
    pub help_zh: String,
    pub help_en: String,
    pub ask_if: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawArticle {
    pub n: u16,
    pub kind: String,
    pub why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRelief {
    pub id: String,
    pub articles: Vec<u16>,
    #[serde(default = "default_kind")]
    pub kind: String,
    pub category: String,
    pub title: RawText,
    pub benefit: RawText,
    pub caveat: Option<RawText>,
    pub when: Spanned<String>,
    #[serde(default)]
    pub counties: Vec<String>,
    pub valid_from: Option<toml::value::Datetime>,
    pub valid_until: Option<toml::value::Datetime>,
    pub amount: Option<Spanned<RawAmount>>,
    #[serde(default)]
    pub apply_to: Vec<String>,
    #[serde(default)]
    pub channels: Vec<String>,
    pub quote: Spanned<String>,
    pub overlap: Option<String>,
    /// A measure for anyone who comes to the city (a scenic-spot ticket), not only its
    /// residents and businesses: no city condition is added.
    #[serde(default)]
    pub visitors: bool,
    /// Within an overlap group, the author's ranking of the terms: 1 = best terms.
    pub overlap_rank: Option<u8>,
    /// The same grant in another document (`document-id.relief-id`): the two must have
    /// the same condition (jurisdiction aside), kind, amount and overlap membership, or
    /// `twin_difference` says why not.
    pub twin: Option<String>,
    /// Why a relief differs from its twin, in the texts' terms.
    pub twin_difference: Option<String>,
    /// Why a relief whose quote speaks of a period (阶段性, 一次性, 疫情, 年内…) has no
    /// `valid_until`.
    pub open_ended: Option<String>,
    /// It restates a national policy (see `Relief::national`).
    #[serde(default)]
    pub national: bool,
    /// "filing" or "application", only where the text says how it is claimed.
    pub claim: Option<String>,
}

fn default_kind() -> String {
    "relief".into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAmount {
    pub value: Option<String>,
    pub min: Option<String>,
    pub max: Option<String>,
    pub up_to: Option<String>,
    pub per: String,
    pub basis: RawText,
}

impl RawText {
    /// The compiled text.
    pub fn text(&self) -> crate::model::Text {
        crate::model::Text {
            zh: self.zh.clone(),
            en: self.en.clone(),
        }
    }
}

/// Every input that is well-formed TOML of the right shape; a problem for each other one.
pub(super) fn parse<'a>(inputs: &'a [Input], p: &mut Problems) -> Vec<RuleFile<'a>> {
    let mut files = Vec::new();
    for input in inputs {
        match toml::from_str::<RawFile>(&input.text) {
            Ok(raw) => files.push(RuleFile { input, raw }),
            Err(e) => {
                let offset = e.span().map(|s| s.start).unwrap_or(0);
                let msg = e.message().replace('\n', " ");
                let place = Place::file(input).at(offset);
                p.at(&place, with_suggestion(msg.trim_end_matches('.')));
            }
        }
    }
    files
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
