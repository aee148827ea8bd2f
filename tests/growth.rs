//! The growth bench's generator (`benches/growth/`) writes rule sets that the compiler
//! accepts: checked on a small one here, so that a change to `rules/` the generator does not
//! follow fails the tests rather than the next `bench/growth/run`.

use std::path::Path;

use relief_finder::compile;
use relief_finder::model::Jurisdiction;

#[path = "../benches/growth/cities.rs"]
mod cities;
#[path = "../benches/growth/generate.rs"]
mod generate;

#[test]
fn a_generated_rule_set_compiles_with_its_copies_in_other_cities_and_years() {
    let base = compile::compile_dir(Path::new("rules")).expect("rules/ compiles");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("growth-8x");
    // Eight copies: the original, six in other cities the same year, one a year earlier.
    let written = generate::write(Path::new("rules"), 8, &out).expect("written");
    assert_eq!(written.documents, 8 * base.documents.len());
    assert!(written.bytes > 0);
    let rs = compile::compile_dir(&out).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    assert_eq!(rs.reliefs.len(), 8 * base.reliefs.len());
    let mut cities: Vec<&str> = rs
        .documents
        .iter()
        .filter_map(|d| match &d.jurisdiction {
            Jurisdiction::City(c) => Some(c.as_str()),
            Jurisdiction::Gansu => None,
        })
        .collect();
    cities.sort_unstable();
    cities.dedup();
    assert_eq!(cities.len(), cities::CITIES.len(), "{cities:?}");
    let earliest = |rs: &relief_finder::model::RuleSet| {
        rs.documents
            .iter()
            .map(|d| d.issued_on)
            .min()
            .expect("documents")
    };
    assert!(earliest(&rs) < earliest(&base), "a copy moved a year back");
    let city = rs.fact(rs.fact_ix("city").expect("city fact"));
    for c in &cities::CITIES {
        assert!(city.value_ix(c.id).is_some(), "{} is a city value", c.id);
    }
}
