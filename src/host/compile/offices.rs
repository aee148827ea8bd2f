//! Where people go (`rules/offices.toml`): offices in file order; the first whose `lead`
//! words are in a relief's lead 责任单位 is where its people go, else the one without `lead`.

use super::problems::{Place, Problems};
use super::raw::RuleFile;
use crate::model::{Office, Text};

/// The offices, and the lead words that choose each.
pub(super) struct Offices {
    pub list: Vec<Office>,
    /// Beside each office, its `lead` words (none for the office of every other
    /// department).
    leads: Vec<Vec<String>>,
}

impl Offices {
    /// The office for a relief's 责任单位 (the lead one first): index into
    /// [`RuleSet::offices`](crate::model::RuleSet::offices).
    pub fn office_of(&self, apply_to: &[String]) -> Option<u16> {
        let lead = apply_to.first().map(String::as_str).unwrap_or("");
        self.leads
            .iter()
            .position(|words| words.iter().any(|w| lead.contains(w.as_str())))
            .or_else(|| self.leads.iter().position(Vec::is_empty))
            .map(|i| i as u16)
    }
}

/// Every `[[office]]` of every file, in file order.
pub(super) fn compile(files: &[RuleFile], p: &mut Problems) -> Offices {
    let mut list: Vec<Office> = Vec::new();
    let mut leads: Vec<Vec<String>> = Vec::new();
    for f in files {
        for raw in &f.raw.office {
            let (span, o) = (raw.span(), raw.get_ref());
            let place = Place::item(f.input, span.start, format!("office \"{}\"", o.id));
            if list.iter().any(|x| x.id == o.id) {
                p.at(&place, "defined twice");
            }
            if o.zh.trim().is_empty() || o.en.trim().is_empty() {
                p.at(&place, "needs both zh and en");
            }
            if o.lead.is_empty() && leads.iter().any(Vec::is_empty) {
                p.at(
                    &place,
                    "a second office without `lead`: only one is for every other department",
                );
            }
            list.push(Office {
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
    if !list.is_empty() && !leads.iter().any(Vec::is_empty) {
        p.rules("no office without `lead`, for the departments no other office names");
    }
    Offices { list, leads }
}
