//! When the app needs the texts of its language (`texts-zh.bin`, `texts-en.bin`): one rule (`present::texts::needed`), read from the
//! address by `boot.js` before the wasm starts (`needed_at_once`, with the same list of
//! fragment parts on both sides), and the rule set the bytes restore.

use chrono::NaiveDate;
use relief_finder::engine::link::{self, Display};
use relief_finder::engine::{Screen, Session};
use relief_finder::model::{Lang, Texts};
use relief_finder::present::catalog;
use relief_finder::present::texts::{self, needed, needed_at_once, restore, AT_ONCE};
use relief_finder::ruleset;

/// The entries of boot.js's `var atOnce = [...]`.
fn boot_js_list() -> Vec<String> {
    let js = std::fs::read_to_string("public/static/boot.js").expect("readable");
    let line = js
        .lines()
        .find(|l| l.trim_start().starts_with("var atOnce = ["))
        .expect("boot.js lists the fragment parts that need the texts at once");
    let inside = line
        .split_once('[')
        .and_then(|(_, r)| r.split_once(']'))
        .map(|(l, _)| l)
        .unwrap_or_default();
    inside
        .split(',')
        .map(|e| e.trim().trim_matches('\'').to_string())
        .collect()
}

#[test]
fn boot_js_reads_the_address_with_the_apps_list() {
    assert_eq!(boot_js_list(), AT_ONCE.to_vec());
    // And decides with it alone: no second rule beside the list.
    let js = std::fs::read_to_string("public/static/boot.js").expect("readable");
    assert!(js.contains("if (needed) {"), "boot.js preloads on `needed`");
    assert!(
        !js.contains("lang=en(&|$)"),
        "boot.js has an older rule too"
    );
}

fn sessions() -> Vec<Session> {
    let rs = ruleset::embedded();
    let day = NaiveDate::from_ymd_opt(2023, 6, 1).expect("date");
    let mut out = Vec::new();
    for screen in [Screen::Start, Screen::Question(0), Screen::Results] {
        let mut s = Session::new(rs, day);
        s.screen = screen;
        out.push(s.clone());
        // With an answer given.
        s.begin(rs);
        if let Screen::Question(q) = s.screen {
            s.skip(rs, q);
        }
        s.screen = screen;
        out.push(s);
    }
    out
}

fn displays() -> Vec<Display> {
    let mut out = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        for (kiosk, big) in [(false, false), (true, false), (false, true)] {
            out.push(Display {
                lang,
                kiosk,
                big,
                idle: kiosk.then_some(30),
                ..Display::default()
            });
        }
    }
    out
}

#[test]
fn the_address_rule_agrees_with_the_apps_on_every_link_it_makes() {
    let rs = ruleset::embedded();
    for s in sessions() {
        for d in displays() {
            let readable = link::encode(rs, &s, &d);
            assert_eq!(
                needed_at_once(&readable),
                needed(&s, &d),
                "#{readable}: {:?}, {:?}",
                s.screen,
                d.lang
            );
            assert_eq!(needed_at_once(&format!("#{readable}")), needed(&s, &d));
            // A QR code is drawn on the results only; its compact link needs them too.
            if s.screen == Screen::Results {
                let compact = link::encode_compact(rs, &s, &d);
                assert!(needed_at_once(&compact) && needed(&s, &d), "#{compact}");
            }
        }
    }
    // A first visit, a kiosk's start address, a bare language switch.
    for (fragment, want) in [
        ("", false),
        ("#kiosk&idle=30&d=2023-06-01", false),
        ("#s=start&lang=en", true),
        ("#lang=english", false),
        ("#xs=results", false),
    ] {
        assert_eq!(needed_at_once(fragment), want, "{fragment}");
    }
}

#[test]
fn the_texts_files_restore_the_whole_rule_set_and_nothing_else() {
    let whole = ruleset::embedded();
    // The files as `relief texts` writes them, and the core the wasm embeds.
    let [zh, en, quotes] = texts::files(whole);
    let mut core = whole.clone();
    core.split_texts();
    // The interface's English travels in the English file alone.
    assert_eq!(en.ui, catalog::english());
    assert!(zh.ui.is_empty() && quotes.ui.is_empty());
    let (zh_bytes, en_bytes) = (
        postcard::to_allocvec(&zh).expect("encodes"),
        postcard::to_allocvec(&en).expect("encodes"),
    );
    // The Chinese first (a session in the default language stops there), then the English.
    let chinese = restore(&core, Lang::Zh, &zh_bytes).expect("restores");
    assert!(chinese.has_texts(Lang::Zh) && !chinese.has_texts(Lang::En));
    let mut back = restore(&chinese, Lang::En, &en_bytes).expect("restores");
    // The clauses: what the app shows in a card's folded clause, relief by relief.
    let quotes_bytes = postcard::to_allocvec(&quotes).expect("encodes");
    let clauses = texts::quotes(&core, &quotes_bytes).expect("the quotes of this rule set");
    assert_eq!(clauses.len(), whole.reliefs.len());
    for (r, clause) in back.reliefs.iter_mut().zip(clauses) {
        r.quote = clause;
    }
    assert_eq!(
        postcard::to_allocvec(&back).expect("encodes"),
        postcard::to_allocvec(whole).expect("encodes")
    );
    // The English alone is enough for a session in English.
    let english = restore(&core, Lang::En, &en_bytes).expect("restores");
    assert!(english.has_texts(Lang::En) && !english.has_texts(Lang::Zh));
    // The other language's file, another rule set's texts, a truncated file or something
    // else entirely: refused.
    assert!(restore(&core, Lang::En, &zh_bytes).is_none());
    // An English file without the interface's English, or with a string too few: refused.
    for ui in [vec![], en.ui[1..].to_vec()] {
        let short = Texts { ui, ..en.clone() };
        let short = postcard::to_allocvec(&short).expect("encodes");
        assert!(restore(&core, Lang::En, &short).is_none());
    }
    let mut other = zh.clone();
    other.version = "sha256:0".into();
    let other = postcard::to_allocvec(&other).expect("encodes");
    assert!(restore(&core, Lang::Zh, &other).is_none());
    assert!(restore(&core, Lang::Zh, &zh_bytes[..zh_bytes.len() / 2]).is_none());
    assert!(restore(&core, Lang::Zh, b"<!DOCTYPE html>").is_none());
    assert!(restore(&core, Lang::Zh, &quotes_bytes).is_none());
    assert!(texts::quotes(&core, &zh_bytes).is_none());
    assert!(texts::quotes(&core, &quotes_bytes[..quotes_bytes.len() / 2]).is_none());
    let mut other = quotes.clone();
    other.version = "sha256:0".into();
    assert!(texts::quotes(&core, &postcard::to_allocvec(&other).expect("encodes")).is_none());
}
