//! The session in a URL fragment, so that a reload, back and forward, a shared link or a QR
//! code reproduce the same screen on any device, offline. Nothing here leaves the device:
//! browsers never send the fragment to a server.
//!
//! Form: `#r=<rule-set version>&d=2023-06-01&lang=en&f=city:pingliang;monthly_sales:80000;industries:catering+lodging&h=city,applicant,monthly_sales?&s=results`
//! `f` holds the facts, `h` the questions dealt with (`?` = not sure), `s` the screen
//! (`start`, `results` or a question id), `r` the first 12 hex digits of the rule set.
//! Display flags ride along: `lang`, `kiosk`, `embed`, `big`.

use chrono::NaiveDate;

use super::facts::Value;
use super::session::{Screen, Session};
use crate::model::{Lang, RuleSet};

/// Display settings carried by the link.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Display {
    pub lang: Lang,
    pub kiosk: bool,
    pub embed: bool,
    pub big: bool,
    /// Kiosk idle time in seconds before the "still there?" warning (`idle=N`, 10 to 3600).
    pub idle: Option<u32>,
}

impl Display {
    /// Seconds of inactivity before a kiosk warns; 60 unless the link sets `idle=N`.
    pub fn idle_seconds(&self) -> u32 {
        self.idle.unwrap_or(60)
    }

    /// What survives a kiosk reset: the hall's own settings, not the last person's.
    pub fn after_reset(&self) -> Display {
        Display {
            kiosk: self.kiosk,
            embed: self.embed,
            idle: self.idle,
            ..Display::default()
        }
    }
}

/// A decoded link.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub session: Session,
    pub display: Display,
    /// The link was made with another rule set; what could be read was kept.
    pub other_ruleset: bool,
    /// Parts of an old link that this rule set no longer knows, and were dropped.
    pub dropped: Vec<String>,
}

/// Why a link could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// The link is damaged; the part that is wrong, for the curious.
    Damaged(String),
}

/// Write a session and display settings as a fragment (without the `#`).
pub fn encode(rs: &RuleSet, s: &Session, d: &Display) -> String {
    let mut parts = vec![
        format!("r={}", rs.short_version()),
        format!("d={}", crate::engine::calendar::ymd(s.as_of)),
    ];
    if d.lang == Lang::En {
        parts.push("lang=en".into());
    }
    for (flag, on) in [("kiosk", d.kiosk), ("embed", d.embed), ("big", d.big)] {
        if on {
            parts.push(flag.into());
        }
    }
    if let Some(n) = d.idle {
        parts.push(format!("idle={n}"));
    }
    let facts: Vec<String> = s
        .facts
        .known()
        .map(|(ix, v)| format!("{}:{}", rs.fact(ix).id, v.write(rs.fact(ix))))
        .collect();
    if !facts.is_empty() {
        parts.push(format!("f={}", facts.join(";")));
    }
    let hist: Vec<String> = s
        .history
        .iter()
        .map(|q| {
            format!(
                "{}{}",
                rs.questions[*q].id,
                if s.not_sure.contains(q) { "?" } else { "" }
            )
        })
        .collect();
    if !hist.is_empty() {
        parts.push(format!("h={}", hist.join(",")));
    }
    let screen = match s.screen {
        Screen::Start => "start".to_string(),
        Screen::Results => "results".to_string(),
        Screen::Question(q) => rs.questions[q].id.clone(),
    };
    parts.push(format!("s={screen}"));
    if s.return_to_results {
        parts.push("back=results".into());
    }
    parts.join("&")
}

/// Display flags only, for a link that is otherwise damaged (keep kiosk mode a kiosk).
pub fn display_only(fragment: &str) -> Display {
    let mut d = Display::default();
    for part in fragment.trim_start_matches('#').split('&') {
        match part {
            "lang=en" => d.lang = Lang::En,
            "kiosk" => d.kiosk = true,
            "embed" => d.embed = true,
            "big" => d.big = true,
            p => {
                if let Some(n) = p.strip_prefix("idle=").and_then(|n| n.parse::<u32>().ok()) {
                    d.idle = Some(n.clamp(10, 3600));
                }
            }
        }
    }
    d
}

/// Read a fragment (with or without the `#`). An empty fragment is a fresh session on
/// `today`. Unknown keys are ignored; facts and questions an older rule set had are
/// dropped and listed; anything malformed makes the link damaged.
///
/// # Errors
/// [`LinkError::Damaged`] naming the first part that cannot be read.
pub fn decode(rs: &RuleSet, fragment: &str, today: NaiveDate) -> Result<Decoded, LinkError> {
    let fragment = fragment.trim_start_matches('#');
    let fragment =
        percent_decode(fragment).ok_or_else(|| LinkError::Damaged("bad %-escape".into()))?;
    let mut s = Session::new(rs, today);
    let display = display_only(&fragment);
    let mut other_ruleset = false;
    let mut dropped = Vec::new();
    let mut screen: Option<String> = None;
    let mut has_state = false;
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match k {
            "r" => {
                has_state = true;
                other_ruleset = v != rs.short_version();
            }
            "d" => {
                s.as_of = crate::engine::calendar::parse_ymd(v)
                    .ok_or_else(|| LinkError::Damaged(format!("date \"{v}\"")))?;
            }
            "f" => {
                for item in v.split(';').filter(|i| !i.is_empty()) {
                    let (id, val) = item
                        .split_once(':')
                        .ok_or_else(|| LinkError::Damaged(format!("answer \"{item}\"")))?;
                    let Some(ix) = rs.fact_ix(id) else {
                        if other_ruleset || !fragment.contains("r=") {
                            dropped.push(id.to_string());
                            continue;
                        }
                        return Err(LinkError::Damaged(format!("unknown answer \"{id}\"")));
                    };
                    match Value::parse(rs.fact(ix), val) {
                        Ok(value) => s.facts.set(ix, value),
                        Err(_) if other_ruleset => dropped.push(id.to_string()),
                        Err(_) => return Err(LinkError::Damaged(format!("answer \"{item}\""))),
                    }
                }
            }
            "h" => {
                for item in v.split(',').filter(|i| !i.is_empty()) {
                    let (id, unsure) = match item.strip_suffix('?') {
                        Some(id) => (id, true),
                        None => (item, false),
                    };
                    match rs.questions.iter().position(|q| q.id == id) {
                        Some(q) => {
                            if !s.history.contains(&q) {
                                s.history.push(q);
                            }
                            if unsure {
                                s.not_sure.insert(q);
                            }
                        }
                        None if other_ruleset => dropped.push(id.to_string()),
                        None => return Err(LinkError::Damaged(format!("question \"{id}\""))),
                    }
                }
            }
            "s" => screen = Some(v.to_string()),
            "back" => s.return_to_results = v == "results",
            _ => {}
        }
    }
    s.screen = match screen.as_deref() {
        None | Some("start") => Screen::Start,
        Some("results") => Screen::Results,
        Some(id) => match rs.questions.iter().position(|q| q.id == id) {
            Some(q) => Screen::Question(q),
            None if other_ruleset => Screen::Results,
            None => return Err(LinkError::Damaged(format!("screen \"{id}\""))),
        },
    };
    if !has_state && s.history.is_empty() && s.facts.known().next().is_none() {
        other_ruleset = false;
    }
    Ok(Decoded {
        session: s,
        display,
        other_ruleset,
        dropped,
    })
}

/// Undo %-escapes that a messenger or browser may have added; `None` when malformed.
fn percent_decode(s: &str) -> Option<String> {
    if !s.contains('%') {
        return Some(s.to_string());
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
