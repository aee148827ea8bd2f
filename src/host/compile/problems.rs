//! Diagnostics: every problem found, each placed at a file, a line and an item, in the
//! order found. A message reads `path:line: item: what is wrong`.

use super::Input;

/// Where a message points: a rule file, a byte offset in it and the item there
/// (`relief "a"`), or no item for the file itself.
#[derive(Clone)]
pub(super) struct Place<'a> {
    pub input: &'a Input,
    pub offset: usize,
    pub what: String,
}

impl<'a> Place<'a> {
    /// The start of a file, with no item.
    pub fn file(input: &'a Input) -> Place<'a> {
        Place {
            input,
            offset: 0,
            what: String::new(),
        }
    }

    /// An item of a file, at the start of its table.
    pub fn item(input: &'a Input, offset: usize, what: String) -> Place<'a> {
        Place {
            input,
            offset,
            what,
        }
    }

    /// The same item, at another offset of its file (a value inside the item's table).
    pub fn at(&self, offset: usize) -> Place<'a> {
        Place {
            offset,
            ..self.clone()
        }
    }

    /// Byte offset of character column `col` of the string value spanning `span`: the
    /// value starts one character (the opening quote) after the span start.
    pub fn in_value(&self, span: std::ops::Range<usize>, col: usize) -> Place<'a> {
        let text = &self.input.text;
        let start = (span.start + 1).min(text.len());
        let value = &text[start..span.end.min(text.len()).max(start)];
        self.at(start + value.char_indices().nth(col).map(|(i, _)| i).unwrap_or(0))
    }
}

/// Collects problems with their place.
#[derive(Default)]
pub(super) struct Problems {
    list: Vec<String>,
}

impl Problems {
    /// A problem at a place of a file.
    pub fn at(&mut self, place: &Place, msg: impl AsRef<str>) {
        let line = line_of(&place.input.text, place.offset);
        let sep = if place.what.is_empty() { "" } else { ": " };
        self.list.push(format!(
            "{}:{line}: {}{sep}{}",
            place.input.path,
            place.what,
            msg.as_ref()
        ));
    }

    /// A problem of the rule set as a whole (`rules: …`), not of one file.
    pub fn rules(&mut self, msg: impl AsRef<str>) {
        self.list.push(format!("rules: {}", msg.as_ref()));
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn into_messages(self) -> Vec<String> {
        self.list
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
