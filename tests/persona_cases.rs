//! Every persona case under tests/cases passes against the rule set built into the app,
//! every relief has a case where it is eligible and one where it is not, every article
//! of every document is classified; alike quotes in two documents are linked as twins.

use std::path::Path;

use relief_finder::{cases, compile, ruleset};

#[test]
fn every_persona_case_passes() {
    let rs = ruleset::embedded();
    let runs = cases::run_dir(Path::new("tests/cases"), rs);
    assert!(
        runs.len() >= 10,
        "expected the persona cases under tests/cases, found {}",
        runs.len()
    );
    let failures: Vec<&String> = runs.iter().flat_map(|r| &r.failures).collect();
    assert!(
        failures.is_empty(),
        "{} failing expectation(s):\n{}",
        failures.len(),
        failures
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_relief_has_an_eligible_and_a_not_eligible_case() {
    let missing = cases::untested(Path::new("tests/cases"), ruleset::embedded());
    assert!(
        missing.is_empty(),
        "reliefs lacking cases:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_article_of_every_document_is_classified() {
    let rs = ruleset::embedded();
    let gaps = compile::coverage_gaps(rs);
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
    let total: u32 = rs.documents.iter().map(|d| u32::from(d.articles)).sum();
    assert_eq!(
        total, 225,
        "the five documents hold 52 + 50 + 38 + 59 + 26 articles"
    );
}

#[test]
fn the_embedded_rule_set_is_the_one_rules_compile_to() {
    let from_disk =
        compile::compile_dir(Path::new("rules")).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    assert_eq!(
        from_disk.version,
        ruleset::embedded().version,
        "rebuild: the embedded rule set is stale"
    );
}

#[test]
fn reliefs_with_alike_quotes_in_two_documents_are_linked_as_twins() {
    // The twin check itself is part of compiling (a linked pair that differs without a
    // twin_difference does not build); this finds the pairs nobody linked.
    let (inputs, _) = compile::read_dir(Path::new("rules")).expect("rules/ is readable");
    let links = compile::twin_links(&inputs);
    assert!(
        links.len() >= 40,
        "expected the two cities' twins to be linked"
    );
    let unlinked = compile::likely_twins(ruleset::embedded(), &links, compile::TWIN_SIMILARITY);
    assert!(
        unlinked.is_empty(),
        "link these with `twin = \"…\"` (see `relief twins`):\n{}",
        unlinked
            .iter()
            .map(|t| format!("{:.2} {} {}", t.similarity, t.a, t.b))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
