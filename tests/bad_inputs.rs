//! Broken rule files and persona files fail with the message a rule author needs:
//! file, line, item and a suggestion. Each fixture's first line is `# expect: <message>`.

use std::path::Path;

use relief_finder::compile::{self, Input};
use relief_finder::{persona, ruleset};

fn expected(text: &str, path: &Path) -> String {
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix("# expect: "))
        .unwrap_or_else(|| {
            panic!(
                "{}: first line must be `# expect: <message>`",
                path.display()
            )
        })
        .to_string()
}

fn fixtures(dir: &str) -> Vec<(std::path::PathBuf, String)> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("fixture is readable");
            (p, text)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn every_bad_rule_file_fails_with_its_message() {
    let (mut inputs, _) = compile::read_dir(Path::new("rules")).expect("rules/ is readable");
    let base = inputs.len();
    let all = fixtures("tests/bad_rules");
    assert!(all.len() >= 8, "expected bad-rule fixtures");
    let mut wrong = Vec::new();
    for (path, text) in &all {
        inputs.truncate(base);
        inputs.push(Input {
            path: path.display().to_string(),
            text: text.clone(),
        });
        let want = expected(text, path);
        let result = compile::compile(&inputs, &|name| {
            std::fs::read_to_string(Path::new("rules/sources").join(name)).ok()
        });
        match result {
            Ok(_) => wrong.push(format!(
                "{}: compiled, but should fail with: {want}",
                path.display()
            )),
            Err(errs) => {
                if !errs.iter().any(|e| e == &want) {
                    wrong.push(format!(
                        "{}: expected\n  {want}\ngot\n  {}",
                        path.display(),
                        errs.join("\n  ")
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn a_new_city_that_does_not_say_whether_it_is_in_gansu_does_not_build() {
    // Otherwise it would silently lose every measure of the province.
    let (mut inputs, _) = compile::read_dir(Path::new("rules")).expect("rules/ is readable");
    let facts = inputs
        .iter_mut()
        .find(|i| i.path.ends_with("facts.toml"))
        .expect("rules/facts.toml");
    let wuwei = r#"{ id = "wuwei", zh = "武威市", en = "Wuwei", in_gansu = true },"#;
    assert!(facts.text.contains(wuwei), "facts.toml names wuwei");
    facts.text = facts.text.replace(
        wuwei,
        &format!(r#"{wuwei} {{ id = "lanzhou", zh = "兰州市", en = "Lanzhou" }},"#),
    );
    let at = facts
        .text
        .find("[[fact]]\nid = \"city\"")
        .expect("the city fact");
    let line = facts.text[..at].lines().count() + 1;
    let want = format!(
        "{}:{line}: fact \"city\" value \"lanzhou\": say whether a document for the whole province covers it (in_gansu = true or false)",
        facts.path
    );
    let errs = compile::compile(&inputs, &|name| {
        std::fs::read_to_string(Path::new("rules/sources").join(name)).ok()
    })
    .err()
    .unwrap_or_default();
    assert!(
        errs.contains(&want),
        "expected\n  {want}\ngot\n  {}",
        errs.join("\n  ")
    );
}

#[test]
fn every_bad_persona_file_fails_with_its_message() {
    let rs = ruleset::embedded();
    let all = fixtures("tests/bad_personas");
    assert!(all.len() >= 4, "expected bad-persona fixtures");
    for (path, text) in &all {
        let want = expected(text, path);
        match persona::parse(&path.display().to_string(), text, rs) {
            Ok(_) => panic!("{}: parsed, but should fail with: {want}", path.display()),
            Err(errs) => assert!(
                errs.iter().any(|e| e == &want),
                "{}: expected\n  {want}\ngot\n  {}",
                path.display(),
                errs.join("\n  ")
            ),
        }
    }
}

#[test]
fn the_persona_of_facts_md_gives_the_article_2_exemption() {
    let rs = ruleset::embedded();
    let path = "tests/personas/pingliang-restaurant.toml";
    let text = std::fs::read_to_string(path).expect("persona is readable");
    let p = persona::parse(path, &text, rs).expect("the facts.md persona parses");
    let ev = relief_finder::engine::evaluate(rs, &p.facts, p.as_of.expect("it has as_of"));
    let json = relief_finder::report::json(rs, &ev);
    let r = json["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["id"] == "pingliang-2023.vat-small-scale-exempt")
        .expect("the relief is reported");
    assert_eq!(r["eligibility"], "eligible");
    assert_eq!(r["in_force"], true);
    assert_eq!(r["amount"]["value"], "28800");
    assert_eq!(r["sources"][0]["doc"], "平政发〔2023〕18号");
    assert_eq!(r["sources"][0]["article"], 2);
    assert_eq!(json["as_of"], "2023-06-01");
    assert!(json["ruleset"]
        .as_str()
        .is_some_and(|v| v.starts_with("sha256:")));
}
