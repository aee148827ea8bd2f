//! Every UI string exists in both languages, and every key the UI asks for exists.

use relief_finder::catalog::MESSAGES;
use relief_finder::model::{Per, CATEGORIES};

#[test]
fn every_message_has_both_languages_and_a_unique_key() {
    let mut seen = std::collections::BTreeSet::new();
    for (k, zh, en) in MESSAGES {
        assert!(seen.insert(*k), "key {k} is listed twice");
        assert!(!zh.trim().is_empty(), "{k} has no Chinese");
        assert!(!en.trim().is_empty(), "{k} has no English");
    }
}

fn keys_used(src: &str) -> Vec<String> {
    // Every string literal shaped like a catalog key: `"section.name"`.
    let looks_like_key = |k: &str| {
        let mut parts = k.split('.');
        let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
            return false;
        };
        // File names such as "texts.bin" are not keys.
        let file = ["bin", "html", "js", "css", "svg", "wasm", "json", "txt"].contains(&b);
        !file
            && !a.is_empty()
            && !b.is_empty()
            && a.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            && b.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c == '-')
    };
    src.split('"')
        .skip(1)
        .step_by(2)
        .filter(|k| looks_like_key(k))
        .map(String::from)
        .collect()
}

#[test]
fn every_key_the_ui_uses_is_in_the_catalog() {
    let mut missing = Vec::new();
    let mut count = 0;
    for f in [
        "src/app.rs",
        "src/app/question.rs",
        "src/app/results.rs",
        "src/app/handoff.rs",
        "src/app/print.rs",
        "src/engine/printout.rs",
        "src/engine/describe.rs",
    ] {
        let src = std::fs::read_to_string(f).expect("readable");
        for k in keys_used(&src) {
            count += 1;
            if !MESSAGES.iter().any(|(key, _, _)| *key == k) {
                missing.push(format!("{f}: {k}"));
            }
        }
    }
    assert!(
        count > 50,
        "found only {count} uses of the catalog: has the UI changed how it calls t()?"
    );
    // Keys built at run time: per.{unit} and cat.{category}.
    for (_, name) in Per::ALL {
        if !MESSAGES.iter().any(|(k, _, _)| *k == format!("per.{name}")) {
            missing.push(format!("per.{name}"));
        }
    }
    for c in CATEGORIES {
        if !MESSAGES.iter().any(|(k, _, _)| *k == format!("cat.{c}")) {
            missing.push(format!("cat.{c}"));
        }
    }
    assert!(
        missing.is_empty(),
        "missing from src/catalog.rs:\n{}",
        missing.join("\n")
    );
}

#[test]
fn english_strings_have_no_chinese_punctuation() {
    use relief_finder::compile::fullwidth_punctuation;
    let bad: Vec<String> = MESSAGES
        .iter()
        .filter_map(|(k, _, en)| fullwidth_punctuation(en).map(|c| format!("{k}: \"{c}\" in {en}")))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // The rule set's English (the compiler refuses it too): offices and channels included.
    let rs = relief_finder::ruleset::embedded();
    for r in &rs.reliefs {
        for t in r.apply_to.iter().chain(&r.channels) {
            assert!(!t.en.trim().is_empty(), "{}: no English for {}", r.id, t.zh);
            assert_eq!(fullwidth_punctuation(&t.en), None, "{}: {}", r.id, t.en);
        }
        for t in [&r.title, &r.benefit] {
            assert_eq!(fullwidth_punctuation(&t.en), None, "{}: {}", r.id, t.en);
        }
    }
}

#[test]
fn every_question_and_relief_text_has_both_languages() {
    let rs = relief_finder::ruleset::embedded();
    for q in &rs.questions {
        assert!(
            !q.text.zh.is_empty() && !q.text.en.is_empty(),
            "question {}",
            q.id
        );
        assert!(
            !q.help.zh.is_empty() && !q.help.en.is_empty(),
            "question {} help",
            q.id
        );
    }
    for f in &rs.facts {
        assert!(
            !f.label.zh.is_empty() && !f.label.en.is_empty(),
            "fact {}",
            f.id
        );
        for v in &f.values {
            assert!(
                !v.label.zh.is_empty() && !v.label.en.is_empty(),
                "fact {} value {}",
                f.id,
                v.id
            );
        }
    }
}
