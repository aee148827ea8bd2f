//! The texts the first load leaves out (`texts-zh.bin`, `texts-en.bin`, see
//! [`model::Texts`]): when the app needs them, and the rule set they restore. The app only
//! fetches the bytes, those of the language on screen.
//!
//! They are needed once the person leaves the start screen or picks English ([`needed`]).
//! A link that opens there needs them before the first paint: `public/static/boot.js`
//! preloads them (the English file where the link says `lang=en` or a compact link's flags
//! say English, else the Chinese)
//! alongside the wasm, reading the address with its copy of
//! [`AT_ONCE`] (a test checks that the two lists are the same, and that the address rule
//! agrees with [`needed`] on the links the app makes).

use crate::engine::link::Display;
use crate::engine::{Screen, Session};
use crate::model::{Lang, Part, RuleSet};

/// Where the texts stand in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextsState {
    /// Not asked for yet: the person is on the start screen, in Chinese.
    Idle,
    Loading,
    Loaded,
    /// Offline without a cached copy, or a copy for another rule set: the results say so
    /// and offer to try again.
    Failed,
}

impl TextsState {
    /// The results' `data-texts`: `loaded`, `failed` or `loading`.
    pub fn attr(self) -> &'static str {
        match self {
            TextsState::Loaded => "loaded",
            TextsState::Failed => "failed",
            TextsState::Idle | TextsState::Loading => "loading",
        }
    }
}

/// Whether the screen needs the texts: any screen past the start, and English anywhere.
pub fn needed(s: &Session, d: &Display) -> bool {
    s.screen != Screen::Start || d.lang == Lang::En
}

/// Whether the app must wait for the texts before its first paint: the results (their cards
/// are made of the texts) and English (the core's wording is Chinese). A question in
/// Chinese is drawn at once: only its help waits for the texts, and its place is kept
/// (`Question::has_help`).
pub fn needed_before_paint(s: &Session, d: &Display) -> bool {
    s.screen == Screen::Results || d.lang == Lang::En
}

/// The parts of an address's fragment (between `&`) that mean the texts are needed at once:
/// a part equal to an entry, or starting with an entry that ends in `=`; an entry starting
/// with `!` is a part that does not count. `boot.js` holds the same list.
pub const AT_ONCE: [&str; 4] = ["lang=en", "z=", "s=", "!s=start"];

/// Whether a link needs the texts before its first paint (see [`AT_ONCE`]): it opens on a
/// question or the results (`s=…`, or a compact link from a QR code, `z=…`), or in English.
pub fn needed_at_once(fragment: &str) -> bool {
    fragment.trim_start_matches('#').split('&').any(|part| {
        let matches =
            |entry: &str| part == entry || (entry.ends_with('=') && part.starts_with(entry));
        let excluded = AT_ONCE
            .iter()
            .filter_map(|e| e.strip_prefix('!'))
            .any(|e| part == e);
        !excluded && AT_ONCE.iter().any(|e| !e.starts_with('!') && matches(e))
    })
}

/// The rule set `rs` with the texts of `lang` restored from a file's bytes, or `None` if
/// the bytes are not the texts of `lang`, or belong to another rule set (refused rather
/// than shown against the wrong measures).
pub fn restore(rs: &RuleSet, lang: Lang, bytes: &[u8]) -> Option<RuleSet> {
    let texts = crate::decode::texts(bytes)?;
    if texts.part != Part::of(lang) {
        return None;
    }
    let mut rs = rs.clone();
    rs.restore(&texts).ok()?;
    // The English file also brings the interface's English (`catalog`).
    if lang == Lang::En && !super::catalog::install_english(texts.ui) {
        return None;
    }
    Some(rs)
}

/// The files `relief texts` writes for `rs`, in the order of [`Part::ALL`]: its deferred
/// strings ([`RuleSet::split_texts`]), and in the English file the interface's English.
#[cfg(not(target_arch = "wasm32"))]
pub fn files(rs: &RuleSet) -> [crate::model::Texts; 3] {
    let mut files = rs.clone().split_texts();
    for file in &mut files {
        if file.part == Part::En {
            file.ui = super::catalog::english();
        }
    }
    files
}

/// The clauses quoted (`quotes.bin`), one per relief of `rs` in its order, from the file's
/// bytes; `None` if they are not the quotes of this very rule set.
pub fn quotes(rs: &RuleSet, bytes: &[u8]) -> Option<Vec<String>> {
    let texts = crate::decode::texts(bytes)?;
    (texts.part == Part::Quotes
        && texts.version == rs.version
        && texts.strings.len() == rs.reliefs.len())
    .then_some(texts.strings)
}
