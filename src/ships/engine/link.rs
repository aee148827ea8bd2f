//! The session in a URL fragment, so that a reload, back and forward, a shared link or a QR
//! code reproduce the same screen on any device, offline. Nothing here leaves the device:
//! browsers never send the fragment to a server.
//!
//! Form: `#r=<rule-set version>&d=2023-06-01&lang=en&f=city:pingliang;monthly_sales:80000;industries:catering+lodging&h=city,applicant,monthly_sales?&s=results`
//! `f` holds the facts, `h` the questions dealt with (`?` = not sure), `s` the screen
//! (`start`, `results` or a question id), `r` the first 12 hex digits of the rule set.
//! Display flags ride along: `lang`, `kiosk`, `embed`, `big`, and the hall's `idle=N` and
//! `handoff=ADDRESS`.
//!
//! The compact form, for QR codes, is `#z=` and the base64url of a few bytes: each answer
//! is a 16-bit key of its fact (id, type and values) and its value in binary, each question
//! dealt with the key of its id and facts. A business's answers take about 150 characters
//! rather than 1,350, so the code stays small enough to read at arm's length. Keys rather
//! than indices, so that a code made by a hall kiosk with an older build still opens on
//! the public site's newer one: an answer whose fact changed is dropped and counted, the
//! rest are kept. Both forms are read; the address bar keeps the readable one.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::facts::Value;
use super::session::{Screen, Session};
use crate::model::{FactDef, FactType, Lang, RuleSet};

/// Display settings carried by the link.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Display {
    pub lang: Lang,
    pub kiosk: bool,
    pub embed: bool,
    pub big: bool,
    /// Kiosk idle time in seconds before the "still there?" warning (`idle=N`, 10 to 3600).
    pub idle: Option<u32>,
    /// Where a phone opens the results of a QR code (`handoff=https://…/`), set by a hall
    /// whose kiosk serves the app from its own machine or disk. See [`handoff_base`].
    pub handoff: Option<String>,
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
            handoff: self.handoff.clone(),
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
    /// Answers of a compact link from another rule set that could not be read (a compact
    /// link names no fact, so these have no name).
    pub unreadable: usize,
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
    if let Some(h) = &d.handoff {
        parts.push(format!("handoff={h}"));
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
                if let Some(h) = p.strip_prefix("handoff=").filter(|h| !h.is_empty()) {
                    d.handoff = Some(h.to_string());
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
    if let Some(z) = fragment.split('&').find_map(|p| p.strip_prefix("z=")) {
        return decode_compact(rs, z, display)
            .ok_or_else(|| LinkError::Damaged("compact link".into()));
    }
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
        unreadable: 0,
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

/// Format of the compact form's bytes; a new layout takes a new number.
const COMPACT: u8 = 1;

/// The compact form of a session (without `#`): `z=` and base64url. It carries the answers,
/// the questions dealt with, the screen, the date, and of the display only the language and
/// large text: the phone that opens it is not a kiosk.
pub fn encode_compact(rs: &RuleSet, s: &Session, d: &Display) -> String {
    let mut w = Vec::with_capacity(128);
    w.push(COMPACT);
    w.extend_from_slice(&version_prefix(rs).to_le_bytes());
    put_date(&mut w, s.as_of);
    w.push(
        u8::from(d.lang == Lang::En) | u8::from(d.big) << 1 | u8::from(s.return_to_results) << 2,
    );
    match s.screen {
        Screen::Start => w.push(0),
        Screen::Results => w.push(1),
        Screen::Question(q) => {
            w.push(2);
            w.extend_from_slice(&rs.questions[q].link_key(&rs.facts).to_le_bytes());
        }
    }
    // Facts in sections by kind of value, so that a reader can step over an answer whose
    // fact it does not know.
    let mut order = Vec::new();
    for section in 0..SECTIONS {
        let items: Vec<_> = s
            .facts
            .known()
            .filter(|(ix, v)| section_of(rs.fact(*ix).ty, v) == Some(section))
            .collect();
        put_varint(&mut w, items.len() as u64);
        for (ix, v) in items {
            order.push(ix);
            w.extend_from_slice(&rs.fact(ix).link_key().to_le_bytes());
            match v {
                Value::Enum(i) => put_varint(&mut w, u64::from(*i)),
                Value::Set(bits) => put_varint(&mut w, *bits),
                Value::Bool(_) => {}
                Value::Num(n) => put_decimal(&mut w, *n),
                Value::Date(d) => put_date(&mut w, *d),
            }
        }
    }
    // The questions dealt with, in order: an answered one as "the question of the n-th
    // answer above" (one byte), one without an answer by its key and "not sure" flag.
    put_varint(&mut w, s.history.len() as u64);
    for q in &s.history {
        let question = &rs.questions[*q];
        let answer = order.iter().position(|f| question.facts.contains(f));
        let v = match answer {
            Some(n) if !s.not_sure.contains(q) => 2 * n as u64,
            _ => {
                let key = u64::from(question.link_key(&rs.facts));
                4 * key + 2 * u64::from(s.not_sure.contains(q)) + 1
            }
        };
        put_varint(&mut w, v);
    }
    format!("z={}", base64url(&w))
}

/// Sections of the compact form: enum, set, true, false, number, date.
const SECTIONS: u8 = 6;

fn section_of(ty: FactType, v: &Value) -> Option<u8> {
    match (ty, v) {
        (FactType::Enum, Value::Enum(_)) => Some(0),
        (FactType::Set, Value::Set(_)) => Some(1),
        (FactType::Bool, Value::Bool(true)) => Some(2),
        (FactType::Bool, Value::Bool(false)) => Some(3),
        (FactType::Money | FactType::Number, Value::Num(n)) if digits(n).is_some() => Some(4),
        (FactType::Date, Value::Date(_)) => Some(5),
        _ => None,
    }
}

/// 16 bits of the rule-set version: enough to notice another one.
fn version_prefix(rs: &RuleSet) -> u16 {
    crate::model::fnv16(&[&rs.version])
}

fn put_varint(w: &mut Vec<u8>, mut n: u64) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            w.push(low);
            return;
        }
        w.push(low | 0x80);
    }
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(n: u64) -> i64 {
    (n >> 1) as i64 ^ -((n & 1) as i64)
}

/// A date as days from 2000-01-01.
fn put_date(w: &mut Vec<u8>, d: NaiveDate) {
    put_varint(w, zigzag((d - epoch()).num_days()));
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default()
}

/// The digits of an amount, if they fit 64 bits (beyond 9.2 × 10^18, the compact link
/// leaves the answer out), and its number of decimals.
fn digits(n: &Decimal) -> Option<(i64, u32)> {
    let n = n.normalize();
    Some((i64::try_from(n.mantissa()).ok()?, n.scale()))
}

/// An amount as its digits without trailing zeros, and a byte: the power of ten to multiply
/// by (0 to 127) or the number of decimals (as a negative number).
fn put_decimal(w: &mut Vec<u8>, n: Decimal) {
    let (mut m, scale) = digits(&n).unwrap_or_default();
    let mut exp: i8 = -(scale as i8);
    while exp >= 0 && m != 0 && m % 10 == 0 && exp < 127 {
        m /= 10;
        exp += 1;
    }
    put_varint(w, zigzag(m));
    w.push(exp as u8);
}

/// Reads the compact form's bytes; `None` on anything malformed.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (b, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        Some(*b)
    }

    fn key(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }

    fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn date(&mut self) -> Option<NaiveDate> {
        let days = unzigzag(self.varint()?);
        epoch().checked_add_signed(chrono::TimeDelta::try_days(days)?)
    }

    fn decimal(&mut self) -> Option<Decimal> {
        let m = unzigzag(self.varint()?);
        let exp = self.byte()? as i8;
        let mut n =
            Decimal::try_from_i128_with_scale(i128::from(m), u32::from(exp.min(0).unsigned_abs()))
                .ok()?;
        for _ in 0..exp.max(0) {
            n = n.checked_mul(Decimal::TEN)?;
        }
        Some(n)
    }
}

/// Read the compact form (the part after `z=`). `None` when it is damaged; unknown facts
/// and questions are damage only in a link from this very rule set.
fn decode_compact(rs: &RuleSet, b64: &str, mut display: Display) -> Option<Decoded> {
    let bytes = from_base64url(b64)?;
    let mut r = Reader { bytes: &bytes };
    if r.byte()? != COMPACT {
        return None;
    }
    let version = r.key()?;
    let other_ruleset = version != version_prefix(rs);
    let mut s = Session::new(rs, r.date()?);
    let flags = r.byte()?;
    display.lang = if flags & 1 != 0 { Lang::En } else { Lang::Zh };
    display.big = flags & 2 != 0;
    s.return_to_results = flags & 4 != 0;
    let mut unreadable = 0;
    // A key this rule set does not know: dropped from an old link, damage in a new one.
    let mut unknown = || {
        unreadable += 1;
        other_ruleset
    };
    let facts: Vec<u16> = rs.facts.iter().map(FactDef::link_key).collect();
    let questions: Vec<u16> = rs.questions.iter().map(|q| q.link_key(&rs.facts)).collect();
    let screen = match r.byte()? {
        0 => Screen::Start,
        1 => Screen::Results,
        2 => {
            let key = r.key()?;
            match questions.iter().position(|k| *k == key) {
                Some(q) => Screen::Question(q),
                None if unknown() => Screen::Results,
                None => return None,
            }
        }
        _ => return None,
    };
    // The facts as the link lists them (`None`: not known here), for the questions.
    let mut order: Vec<Option<usize>> = Vec::new();
    for section in 0..SECTIONS {
        for _ in 0..r.varint()? {
            let key = r.key()?;
            let value = match section {
                0 => Value::Enum(u8::try_from(r.varint()?).ok()?),
                1 => Value::Set(r.varint()?),
                2 => Value::Bool(true),
                3 => Value::Bool(false),
                4 => Value::Num(r.decimal()?),
                _ => Value::Date(r.date()?),
            };
            let ix = facts.iter().position(|k| *k == key);
            match ix {
                Some(ix) if value.fits(&rs.facts[ix]) => s.facts.set(ix as u16, value),
                Some(_) => return None,
                None if unknown() => {}
                None => return None,
            }
            order.push(ix);
        }
    }
    for _ in 0..r.varint()? {
        let v = r.varint()?;
        let q = if v % 2 == 0 {
            // The question of an answer: dropped with its answer if that was unreadable.
            let Some(f) = *order.get(usize::try_from(v / 2).ok()?)? else {
                continue;
            };
            rs.questions
                .iter()
                .position(|q| q.facts.contains(&(f as u16)))
        } else {
            let key = u16::try_from(v / 4).ok()?;
            let q = questions.iter().position(|k| *k == key);
            if let (Some(q), true) = (q, v & 2 != 0) {
                s.not_sure.insert(q);
            }
            q
        };
        match q {
            Some(q) if !s.history.contains(&q) => s.history.push(q),
            Some(_) => {}
            None if unknown() => {}
            None => return None,
        }
    }
    s.screen = screen;
    Some(Decoded {
        session: s,
        display,
        other_ruleset,
        dropped: Vec::new(),
        unreadable,
    })
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(B64[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

fn from_base64url(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes() {
        let v = B64.iter().position(|b| *b == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Why the results cannot be handed to a phone by QR code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandoffError {
    /// The page is served from this machine (`127.0.0.1`, `localhost`) or a local disk,
    /// and the hall has set no `handoff=` address: a phone could not open the link.
    Missing,
    /// The `handoff=` address is not an `http(s)://` address a phone can reach.
    Unusable(String),
}

/// The address a phone opens for the results, up to the `#`: the hall's `handoff=` address
/// if set, else the page's own (`page`, its address). The phone must be able to reach it:
/// `http` or `https`, and not this machine.
///
/// # Errors
/// [`HandoffError::Missing`] when the page's own address is local and no `handoff=` is
/// set; [`HandoffError::Unusable`] when the `handoff=` address is local or not a web address.
pub fn handoff_base(handoff: Option<&str>, page: &str) -> Result<String, HandoffError> {
    let base = |a: &str| a.split('#').next().unwrap_or_default().to_string();
    match handoff {
        Some(h) if reachable(h) => Ok(base(h)),
        Some(h) => Err(HandoffError::Unusable(h.to_string())),
        None if reachable(page) => Ok(base(page)),
        None => Err(HandoffError::Missing),
    }
}

/// An `http(s)://` address whose host is not this machine.
fn reachable(address: &str) -> bool {
    let lower = address.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host = if host_port.starts_with('[') {
        host_port
            .split(']')
            .next()
            .unwrap_or_default()
            .trim_start_matches('[')
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    let host = host.trim_end_matches('.');
    !(host.is_empty()
        || host == "localhost"
        || host.ends_with(".localhost")
        || host.starts_with("127.")
        || host == "0.0.0.0"
        || host == "::1"
        || host == "::")
}
