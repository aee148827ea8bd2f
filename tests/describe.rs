//! Conditions in words (`present::describe`), on the real rule set: what `all.html`,
//! `relief explain` and the cards say a relief asks for must read one way only.

use relief_finder::model::{Atom, Cond, Lang, RuleSet, Test};
use relief_finder::present::describe::condition;
use relief_finder::ruleset;

fn atom(rs: &RuleSet, fact: &str, test: Test) -> Cond {
    Cond::Atom(Atom {
        fact: rs.fact_ix(fact).expect("fact"),
        test,
    })
}

/// The mask of these values of a set or enum fact.
fn mask(rs: &RuleSet, fact: &str, values: &[&str]) -> u64 {
    let f = rs.fact(rs.fact_ix(fact).expect("fact"));
    values
        .iter()
        .map(|v| 1u64 << f.value_ix(v).expect("value"))
        .sum()
}

fn label(rs: &RuleSet, fact: &str, value: &str, lang: Lang) -> String {
    let f = rs.fact(rs.fact_ix(fact).expect("fact"));
    f.values[f.value_ix(value).expect("value")]
        .label
        .get(lang)
        .to_string()
}

#[test]
fn a_has_all_test_joins_its_values_with_and_and_leaves_their_labels_alone() {
    // Regression: "和" was made by replacing every "或" of the list, and "低保或低收入"
    // became "低保和低收入".
    let rs = ruleset::embedded();
    let m = mask(rs, "groups", &["disabled", "low_income"]);
    let c = atom(rs, "groups", Test::HasAll(m));
    let group = |v: &str, lang: Lang| label(rs, "groups", v, lang);
    assert!(group("low_income", Lang::Zh).contains('或'));
    assert!(condition(rs, &c, Lang::Zh).ends_with(&format!(
        "包括{}和{}",
        group("disabled", Lang::Zh),
        group("low_income", Lang::Zh)
    )));
    assert!(condition(rs, &c, Lang::En).ends_with(&format!(
        " include {} and {}",
        group("disabled", Lang::En),
        group("low_income", Lang::En)
    )));
    // Any of them: "或".
    let any = atom(rs, "groups", Test::HasAny(m));
    assert!(condition(rs, &any, Lang::Zh).contains(&format!(
        "{}或{}",
        group("disabled", Lang::Zh),
        group("low_income", Lang::Zh)
    )));
}

#[test]
fn an_or_inside_an_and_is_bracketed_and_the_other_way_round() {
    let rs = ruleset::embedded();
    let yes = |f: &str| atom(rs, f, Test::IsTrue);
    let words = |c: &Cond| condition(rs, c, Lang::Zh);
    let (a, b, c) = (
        yes("tech_sme"),
        yes("skill_certificate"),
        yes("operating_hardship"),
    );
    let and_of_or = Cond::All(vec![a.clone(), Cond::Any(vec![b.clone(), c.clone()])]);
    assert_eq!(
        words(&and_of_or),
        format!("{}，且（{}，或{}）", words(&a), words(&b), words(&c))
    );
    let or_of_and = Cond::Any(vec![Cond::All(vec![a.clone(), b.clone()]), c.clone()]);
    assert_eq!(
        words(&or_of_and),
        format!("（{}，且{}），或{}", words(&a), words(&b), words(&c))
    );
    // Alike parts need none; a negated group keeps its own.
    let flat = Cond::All(vec![a.clone(), Cond::All(vec![b.clone(), c.clone()])]);
    assert_eq!(
        words(&flat),
        format!("{}，且{}，且{}", words(&a), words(&b), words(&c))
    );
    let not = Cond::Not(Box::new(Cond::Any(vec![a.clone(), b.clone()])));
    assert_eq!(
        words(&not),
        format!("并非（{}，或{}）", words(&a), words(&b))
    );
    let en = condition(rs, &and_of_or, Lang::En);
    assert!(en.contains(", and (") && en.ends_with(')'), "{en}");
}

/// Whether a condition has an "or" and an "and" one inside the other.
fn mixed(c: &Cond, outer: Option<bool>) -> bool {
    match c {
        Cond::All(v) | Cond::Any(v) if v.len() > 1 => {
            let all = matches!(c, Cond::All(_));
            outer.is_some_and(|o| o != all) || v.iter().any(|x| mixed(x, Some(all)))
        }
        Cond::All(v) | Cond::Any(v) => v.iter().any(|x| mixed(x, outer)),
        Cond::Not(x) => mixed(x, None),
        Cond::Atom(_) => false,
    }
}

#[test]
fn every_real_condition_that_mixes_and_and_or_reads_with_brackets() {
    // all.html and `relief explain` list a relief's conditions as the parts of its "and".
    let rs = ruleset::embedded();
    let mut seen = 0;
    for r in &rs.reliefs {
        let parts: Vec<&Cond> = match &r.when {
            Cond::All(v) => v.iter().collect(),
            c => vec![c],
        };
        for c in parts.into_iter().filter(|c| mixed(c, None)) {
            seen += 1;
            for (lang, joins, open) in [
                (Lang::Zh, ["，且（", "，或（"], "（"),
                (Lang::En, [", and (", ", or ("], "("),
            ] {
                let text = condition(rs, c, lang);
                let bracketed = text.starts_with(open) || joins.iter().any(|j| text.contains(j));
                assert!(bracketed, "{}: {text}", r.id);
            }
        }
    }
    assert!(
        seen > 0,
        "the rules hold conditions that mix \"and\" and \"or\""
    );
}
