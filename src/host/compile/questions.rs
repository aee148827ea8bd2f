//! The screens of the questionnaire: each `[[question]]` sets one or more facts, and every
//! fact is set by exactly one question.

use std::collections::BTreeMap;

use super::facts::Vocabulary;
use super::fullwidth_punctuation;
use super::problems::{Place, Problems};
use super::raw::{RawQuestion, RuleFile};
use crate::expr::{did_you_mean, Parser};
use crate::model::{FactIx, Question, Text};

/// Every question of every file, in file order, and a problem for each fact no question
/// sets.
pub(super) fn compile(files: &[RuleFile], vocab: &Vocabulary, p: &mut Problems) -> Vec<Question> {
    let mut questions: Vec<Question> = Vec::new();
    // Which question sets each fact.
    let mut set_by: BTreeMap<FactIx, String> = BTreeMap::new();
    for f in files {
        for raw in &f.raw.question {
            let (span, raw) = (raw.span(), raw.get_ref());
            let place = Place::item(f.input, span.start, format!("question \"{}\"", raw.id));
            if questions.iter().any(|q| q.id == raw.id) {
                p.at(&place, "defined twice");
            }
            let q = question(raw, vocab, &mut set_by, &place, p);
            let key = q.link_key(&vocab.facts);
            if let Some(other) = questions.iter().find(|x| x.link_key(&vocab.facts) == key) {
                let msg = format!(
                    "has the same link key as question \"{}\" ({key:04x}): rename one",
                    other.id
                );
                p.at(&place, msg);
            }
            questions.push(q);
        }
    }
    for (i, place) in vocab.places.iter().enumerate() {
        if !set_by.contains_key(&(i as FactIx)) {
            p.at(place, "no question sets it (add it to a [[question]])");
        }
    }
    questions
}

/// One question, checked on its own; `set_by` records the facts it sets.
fn question(
    raw: &RawQuestion,
    vocab: &Vocabulary,
    set_by: &mut BTreeMap<FactIx, String>,
    place: &Place,
    p: &mut Problems,
) -> Question {
    let facts = &vocab.facts;
    if raw.facts.is_empty() {
        p.at(place, "sets no fact");
    }
    let mut ixs = Vec::new();
    for id in &raw.facts {
        let Some(i) = facts.iter().position(|f| &f.id == id) else {
            let hint = did_you_mean(id, facts.iter().map(|f| f.id.as_str()));
            p.at(place, format!("unknown fact \"{id}\"{hint}"));
            continue;
        };
        let i = i as FactIx;
        if let Some(other) = set_by.insert(i, raw.id.clone()) {
            p.at(
                place,
                format!("fact \"{id}\" is already set by question \"{other}\""),
            );
        }
        ixs.push(i);
    }
    for (t, name) in [(&raw.en, "en"), (&raw.help_en, "help_en")] {
        if let Some(c) = fullwidth_punctuation(t) {
            p.at(
                place,
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
            p.at(place, format!("{name} is empty"));
        }
    }
    let ask_if = raw
        .ask_if
        .as_ref()
        .and_then(|c| match Parser::ask_if(facts, c.get_ref()) {
            Ok(c) => Some(c),
            Err(e) => {
                p.at(
                    &place.in_value(c.span(), e.col),
                    format!("ask_if: {}", e.msg),
                );
                None
            }
        });
    Question {
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
        has_help: !raw.help_zh.is_empty() || !raw.help_en.is_empty(),
        ask_if,
    }
}
