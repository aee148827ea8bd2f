//! Around the screens: the header's counts (which question this is, about how many remain,
//! how many measures are found), the start screen's count of what the rule set holds, and
//! the notices shown above the screen.

use super::catalog::{fill, t, tn, Msg};
use crate::engine::{Evaluation, Screen, Session};
use crate::model::{Lang, RuleSet};

/// The header's progress line, shown past the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// On a question: "第 3 题，约还有 4 题"; elsewhere: "已回答 5 题".
    pub step: String,
    /// "已找到 12 项": measures that count (eligible, in force, once per overlap group).
    pub found: String,
}

/// The progress of a session, or `None` on the start screen.
pub fn progress(rs: &RuleSet, s: &Session, ev: &Evaluation, lang: Lang) -> Option<Progress> {
    let step = match s.screen {
        Screen::Start => return None,
        // The screen on show counts as one of those the planner would still ask.
        Screen::Question(_) => fill(
            &tn(lang, Msg::ProgressStep, s.history.len() + 1),
            "m",
            s.remaining(rs).saturating_sub(1),
        ),
        Screen::Results => tn(
            lang,
            Msg::ProgressAnswered,
            s.history.len() - s.not_sure.len(),
        ),
    };
    let found = (0..ev.results.len()).filter(|i| ev.counts(*i)).count();
    Some(Progress {
        step,
        found: tn(lang, Msg::ProgressFound, found),
    })
}

/// "收录 5 份文件中的 130 项政策和服务".
pub fn start_counts(rs: &RuleSet, lang: Lang) -> String {
    fill(
        &tn(lang, Msg::StartCounts, rs.reliefs.len()),
        "d",
        rs.documents.len(),
    )
}

/// A message shown above the screen until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The link could not be read: the person starts again.
    LinkDamaged,
    /// Made with another rule set: the names of what was dropped, and how many answers of
    /// a compact link could not be read.
    LinkOld(Vec<String>, usize),
}

impl Notice {
    /// The notice in words.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Notice::LinkDamaged => t(lang, Msg::ErrLinkDamaged).to_string(),
            Notice::LinkOld(dropped, unreadable) => {
                let mut text = t(lang, Msg::ErrLinkOld).to_string();
                if !dropped.is_empty() {
                    text = format!(
                        "{text} {} {}",
                        t(lang, Msg::ErrLinkDropped),
                        dropped.join(", ")
                    );
                }
                if *unreadable > 0 {
                    text = format!("{text} {}", tn(lang, Msg::ErrLinkUnreadable, unreadable));
                }
                text
            }
        }
    }
}
