//! What holds across reliefs: linked twins grant the same thing, an overlap group has two
//! members or more, and alike quotes in two documents are linked as twins (`relief twins`).

use std::collections::BTreeMap;

use super::problems::Problems;
use super::raw::RawFile;
use super::reliefs::Side;
use super::Input;
use crate::expr::did_you_mean;
use crate::model::{Cond, Relief, RuleSet};

/// Two reliefs linked as twins: `from` names `to` in its `twin`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwinLink {
    /// `document-id.relief-id` of the relief that names its twin.
    pub from: String,
    /// The twin it names, as written.
    pub to: String,
}

/// Two reliefs in different documents whose quotes are alike, not linked as twins.
#[derive(Debug, Clone, PartialEq)]
pub struct AlikePair {
    /// See [`quote_similarity`].
    pub similarity: f64,
    pub a: String,
    pub b: String,
}

/// Quote similarity from which two reliefs in different documents are likely twins.
pub const TWIN_SIMILARITY: f64 = 0.6;

/// A condition with `and`/`or` flattened and their parts in a fixed order, so that two
/// authors' spellings of the same condition compare equal.
pub(super) fn canonical(c: &Cond) -> Cond {
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
pub(super) fn check_twins(reliefs: &[Relief], sides: &[Side], p: &mut Problems) {
    for (i, side) in sides.iter().enumerate() {
        let Some(twin) = &side.twin else { continue };
        let place = &side.place;
        let Some(j) = reliefs.iter().position(|r| &r.id == twin) else {
            let hint = did_you_mean(twin, reliefs.iter().map(|r| r.id.as_str()));
            p.at(
                place,
                format!("twin \"{twin}\" is not a relief (write document-id.relief-id){hint}"),
            );
            continue;
        };
        let (a, b) = (&reliefs[i], &reliefs[j]);
        if a.doc == b.doc {
            p.at(place, format!(
                "twin \"{twin}\" is in the same document: a twin is the same grant in another document"
            ));
            continue;
        }
        let parts = differences(a, side, b, &sides[j]);
        match (&side.twin_difference, parts.is_empty()) {
            (None, false) => p.at(place, format!(
                "differs from its twin \"{twin}\" in {} (make them equal, or give twin_difference = \"…\" with the reason the texts give)",
                parts.join(", ")
            )),
            (Some(_), true) => p.at(place, format!(
                "twin_difference, but it is the same as its twin \"{twin}\": remove twin_difference"
            )),
            (Some(reason), false) if reason.trim().is_empty() => p.at(place,
                "twin_difference is empty: give the reason the texts give"),
            _ => {}
        }
    }
}

/// What differs between two twins, in the words of the twin check's message.
fn differences(a: &Relief, a_side: &Side, b: &Relief, b_side: &Side) -> Vec<&'static str> {
    let mut parts = Vec::new();
    if a_side.own != b_side.own || a_side.visitors != b_side.visitors {
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
    parts
}

/// Overlap groups need two members or more.
pub(super) fn check_overlaps(reliefs: &[Relief], p: &mut Problems) {
    let mut groups: BTreeMap<&str, usize> = BTreeMap::new();
    for r in reliefs {
        if let Some(g) = &r.overlap {
            *groups.entry(g).or_default() += 1;
        }
    }
    for (g, n) in groups {
        if n < 2 {
            p.rules(format!("overlap group \"{g}\" has only one relief (remove `overlap` or add the measure it overlaps)"));
        }
    }
}

/// Reliefs linked as twins, read from the rule files without compiling them.
pub fn twin_links(inputs: &[Input]) -> Vec<TwinLink> {
    let mut out = Vec::new();
    for input in inputs {
        let Ok(f) = toml::from_str::<RawFile>(&input.text) else {
            continue;
        };
        let Some(doc) = &f.document else { continue };
        for r in &f.relief {
            let r = r.get_ref();
            if let Some(t) = &r.twin {
                out.push(TwinLink {
                    from: format!("{}.{}", doc.get_ref().id, r.id),
                    to: t.clone(),
                });
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

/// Pairs of reliefs in different documents whose quotes are alike (at least `min`, see
/// [`quote_similarity`]) and that are not linked as twins, most alike first. A pair is left
/// out where either relief is already linked to another relief of the other's document
/// (the two cities' 5% and 10% credits are alike, but each is linked to its own twin).
pub fn likely_twins(rs: &RuleSet, links: &[TwinLink], min: f64) -> Vec<AlikePair> {
    let linked = |a: &str, b: &str| {
        links
            .iter()
            .any(|l| (l.from == a && l.to == b) || (l.from == b && l.to == a))
    };
    // Whether `a` is linked to some relief of document `doc`.
    let linked_into = |a: &str, doc: u16| {
        links.iter().any(|l| {
            let other = if l.from == a {
                &l.to
            } else if l.to == a {
                &l.from
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
            let similarity = quote_similarity(&a.quote, &b.quote);
            if similarity >= min {
                out.push(AlikePair {
                    similarity,
                    a: a.id.clone(),
                    b: b.id.clone(),
                });
            }
        }
    }
    out.sort_by(|x, y| {
        y.similarity
            .total_cmp(&x.similarity)
            .then_with(|| x.a.cmp(&y.a))
    });
    out
}
