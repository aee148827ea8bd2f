//! Every UI string exists in both languages, with the same blanks to fill in. (A key the UI
//! asks for that the catalog lacks does not compile: keys are `Msg` variants.)

use relief_finder::model::{Lang, CATEGORIES};
use relief_finder::present::catalog::{category, t, Msg};

#[test]
fn every_message_has_both_languages() {
    for m in Msg::ALL {
        assert!(!t(Lang::Zh, *m).trim().is_empty(), "{m:?} has no Chinese");
        assert!(!t(Lang::En, *m).trim().is_empty(), "{m:?} has no English");
    }
}

#[test]
fn both_languages_of_a_message_have_the_same_blanks() {
    let blanks = |s: &str| -> Vec<String> {
        let mut v: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(b, _)| b.to_string()))
            // `{n:measure|measures}`: the words for the count of `{n}`.
            .map(|b| b.split(':').next().unwrap_or_default().to_string())
            .collect();
        v.sort();
        v.dedup();
        v
    };
    for m in Msg::ALL {
        assert_eq!(
            blanks(t(Lang::Zh, *m)),
            blanks(t(Lang::En, *m)),
            "{m:?}: {} / {}",
            t(Lang::Zh, *m),
            t(Lang::En, *m)
        );
    }
}

#[test]
fn every_category_of_the_rules_has_a_name() {
    for c in CATEGORIES {
        assert!(category(c).is_some(), "{c}");
    }
    let rs = relief_finder::ruleset::embedded();
    for r in &rs.reliefs {
        assert!(category(&r.category).is_some(), "{}: {}", r.id, r.category);
    }
    // The names follow CATEGORIES' order: tax is 税收, social is 社会保障.
    assert_eq!(category("tax").map(|m| t(Lang::Zh, m)), Some("税收"));
    assert_eq!(category("social").map(|m| t(Lang::Zh, m)), Some("社会保障"));
}

#[test]
fn english_strings_have_no_chinese_punctuation() {
    use relief_finder::compile::fullwidth_punctuation;
    let bad: Vec<String> = Msg::ALL
        .iter()
        .filter_map(|m| {
            let en = t(Lang::En, *m);
            fullwidth_punctuation(en).map(|c| format!("{m:?}: \"{c}\" in {en}"))
        })
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

#[test]
fn english_counts_say_one_measure_and_two_measures() {
    use relief_finder::present::catalog::fill;
    assert_eq!(fill("{n} {n:measure|measures}", "n", 1), "1 measure");
    assert_eq!(fill("{n} {n:measure|measures}", "n", 2), "2 measures");
    assert_eq!(
        fill("{n:this document|these documents}", "n", 3),
        "these documents"
    );
    assert_eq!(
        fill("{n:this document|these documents}", "n", 1),
        "this document"
    );
    // Other blanks, and a brace that closes nothing, stay as they are.
    assert_eq!(fill("{d}: {n} {m:a|b} {n", "n", 2), "{d}: 2 {m:a|b} {n");
    // Every English message, each of its counts at 1: no plural noun after a lone 1.
    let plural = ["measures", "questions", "answers", "documents", "seconds"];
    for m in Msg::ALL {
        let mut text = t(Lang::En, *m).to_string();
        for key in ["n", "m", "d"] {
            text = fill(&text, key, 1);
        }
        for word in plural {
            for before in ["1 ", "1 more ", "1 open "] {
                assert!(!text.contains(&format!("{before}{word}")), "{m:?}: {text}");
            }
        }
        for verb in [" were ", " have "] {
            assert!(
                !text.starts_with("1 ") || !text.contains(verb),
                "{m:?}: {text}"
            );
        }
    }
}
