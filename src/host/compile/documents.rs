//! Documents: each file with a `[document]`, its `[[article]]` notes, its reliefs (see
//! [`reliefs`](super::reliefs)) and its `[english]` names of offices and channels.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::facts::Vocabulary;
use super::offices::Offices;
use super::problems::{Place, Problems};
use super::raw::{RawDocument, RuleFile};
use super::reliefs::{self, Side};
use super::{fullwidth_punctuation, squeeze, Input};
use crate::model::{ArticleNote, Document, Jurisdiction, Kind, Relief};

/// The documents and their reliefs, with what the twin check needs beside each relief.
pub(super) struct Documents<'a> {
    pub documents: Vec<Document>,
    pub reliefs: Vec<Relief>,
    /// Beside each relief, in the same order.
    pub sides: Vec<Side<'a>>,
}

/// A document's header, compiled: what its reliefs inherit and are checked against.
pub(super) struct Header<'a, 'f> {
    pub input: &'a Input,
    pub raw: &'f RawDocument,
    /// Index into the documents.
    pub ix: u16,
    pub jurisdiction: Jurisdiction,
    pub issued_on: NaiveDate,
    pub valid_from: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    /// The source text (`rules/sources/`), if found, and the same without white space.
    pub source: Option<String>,
    pub squeezed: String,
    /// The file's `[english]` names, by their Chinese.
    pub english: BTreeMap<&'f str, String>,
}

/// Every document of every file, in file order.
pub(super) fn compile<'a>(
    files: &[RuleFile<'a>],
    vocab: &Vocabulary,
    offices: &Offices,
    source: &dyn Fn(&str) -> Option<String>,
    p: &mut Problems,
) -> Documents<'a> {
    let mut out = Documents {
        documents: Vec::new(),
        reliefs: Vec::new(),
        sides: Vec::new(),
    };
    for f in files {
        let Some(doc) = &f.raw.document else {
            if !f.raw.relief.is_empty() || !f.raw.article.is_empty() {
                p.at(
                    &Place::file(f.input),
                    "reliefs and articles need a [document] in the same file",
                );
            }
            continue;
        };
        let place = Place::item(
            f.input,
            doc.span().start,
            format!("document \"{}\"", doc.get_ref().id),
        );
        if out.documents.iter().any(|d| d.id == doc.get_ref().id) {
            p.at(&place, "defined twice");
        }
        let ix = out.documents.len() as u16;
        let head = header(f, doc.get_ref(), &place, ix, vocab, source, p);
        let mut notes = articles(f, &head, p);
        let mut used_names: BTreeSet<String> = BTreeSet::new();
        for raw in &f.raw.relief {
            let (relief, side) =
                reliefs::compile(raw, &head, vocab, offices, &out.reliefs, &mut used_names, p);
            out.reliefs.push(relief);
            out.sides.push(side);
        }
        english_table(f, &used_names, p);
        notes.sort_by_key(|n| n.article);
        let d = head.raw;
        out.documents.push(Document {
            id: d.id.clone(),
            number: d.number.clone(),
            title: d.title.clone(),
            issuer: d.issuer.clone(),
            jurisdiction: head.jurisdiction,
            issued_on: head.issued_on,
            valid_from: head.valid_from,
            valid_until: head.valid_until,
            articles: d.articles,
            notes,
        });
    }
    out
}

/// The document's jurisdiction, dates, source text and English names.
fn header<'a, 'f>(
    f: &'f RuleFile<'a>,
    doc: &'f RawDocument,
    place: &Place,
    ix: u16,
    vocab: &Vocabulary,
    source: &dyn Fn(&str) -> Option<String>,
    p: &mut Problems,
) -> Header<'a, 'f> {
    let jurisdiction = if doc.jurisdiction == "gansu" {
        Jurisdiction::Gansu
    } else {
        let facts = &vocab.facts;
        let ok = vocab
            .city
            .is_some_and(|c| facts[c].value_ix(&doc.jurisdiction).is_some());
        if !ok {
            p.at(
                place,
                format!(
                    "jurisdiction \"{}\" is neither \"gansu\" nor a value of \"city\"",
                    doc.jurisdiction
                ),
            );
        }
        Jurisdiction::City(doc.jurisdiction.clone())
    };
    let mut date = |d: &toml::value::Datetime, name: &str| {
        let r = to_date(d);
        if r.is_none() {
            p.at(place, format!("{name} is not a date (write YYYY-MM-DD)"));
        }
        r
    };
    let issued_on = date(&doc.issued_on, "issued_on").unwrap_or_default();
    let valid_from = doc.valid_from.as_ref().and_then(|d| date(d, "valid_from"));
    let valid_until = doc
        .valid_until
        .as_ref()
        .and_then(|d| date(d, "valid_until"));
    let source = source(&doc.source);
    if source.is_none() {
        p.at(
            place,
            format!("source \"{}\" not found in rules/sources/", doc.source),
        );
    }
    Header {
        input: f.input,
        squeezed: source.as_deref().map(squeeze).unwrap_or_default(),
        source,
        raw: doc,
        ix,
        jurisdiction,
        issued_on,
        valid_from,
        valid_until,
        english: f
            .raw
            .english
            .iter()
            .flat_map(|t| t.get_ref().iter())
            .map(|(zh, en)| (zh.as_str(), en.clone()))
            .collect(),
    }
}

/// The `[[article]]` notes: articles that grant nothing, and why.
fn articles(f: &RuleFile, head: &Header, p: &mut Problems) -> Vec<ArticleNote> {
    let mut notes = Vec::new();
    for a in &f.raw.article {
        let (span, a) = (a.span(), a.get_ref());
        let place = Place::item(f.input, span.start, format!("article {}", a.n));
        match kind_of(&a.kind) {
            Some(kind) => {
                if kind == Kind::Internal && a.why.trim().is_empty() {
                    p.at(&place, "an internal article needs a one-line `why`");
                }
                notes.push(ArticleNote {
                    article: a.n,
                    kind,
                    why: a.why.clone(),
                });
            }
            None => p.at(
                &place,
                format!("unknown kind \"{}\" (relief, service or internal)", a.kind),
            ),
        }
        if a.n == 0 || a.n > head.raw.articles {
            p.at(
                &place,
                format!("the document has articles 1 to {}", head.raw.articles),
            );
        }
    }
    notes
}

/// Every `[english]` entry names an office or channel of a relief in the file, in English.
fn english_table(f: &RuleFile, used_names: &BTreeSet<String>, p: &mut Problems) {
    let Some(table) = &f.raw.english else { return };
    let place = Place::item(f.input, table.span().start, "[english]".into());
    for (zh, en) in table.get_ref() {
        let problem = if !used_names.contains(zh) {
            Some(format!(
                "\"{zh}\" is not an office or channel of any relief here"
            ))
        } else if en.trim().is_empty() {
            Some(format!("\"{zh}\" has an empty English name"))
        } else {
            fullwidth_punctuation(en).map(|c| {
                format!("the English of \"{zh}\" has the full-width \"{c}\" of Chinese text")
            })
        };
        if let Some(msg) = problem {
            p.at(&place, msg);
        }
    }
}

/// An article's or a relief's kind by its name in rule files.
pub(super) fn kind_of(s: &str) -> Option<Kind> {
    [Kind::Relief, Kind::Service, Kind::Internal]
        .into_iter()
        .find(|k| k.name() == s)
}

/// A TOML date without a time.
pub(super) fn to_date(d: &toml::value::Datetime) -> Option<NaiveDate> {
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
