//! Snapshots of what a person reads. Each directory under `tests/snapshots/` holds a persona
//! file with its date (`persona.toml`) and its results rendered as text, in Chinese
//! (`zh.txt`) and English (`en.txt`): what `relief eval persona.toml --lang zh|en` prints,
//! the app's sections, lead and cards from the same code (`present`). The rule-set version
//! in the first line is written `<version>`, so that a rule change shows only where it
//! changes what is read.
//!
//! After a change meant to alter them, rewrite them and read the diff before committing:
//! `UPDATE_SNAPSHOTS=1 cargo test --test tests snapshots`.

use std::path::{Path, PathBuf};

use relief_finder::engine::evaluate;
use relief_finder::model::{Lang, RuleSet};
use relief_finder::present::results::{sections, SectionKind, Sort};
use relief_finder::{persona, report, ruleset};

const DIR: &str = "tests/snapshots";

fn cases() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(DIR)
        .expect("tests/snapshots is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("persona.toml").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn persona(rs: &RuleSet, dir: &Path) -> persona::Persona {
    let path = dir.join("persona.toml");
    let text = std::fs::read_to_string(&path).expect("readable");
    let p = persona::parse(&path.display().to_string(), &text, rs)
        .unwrap_or_else(|e| panic!("{}", e.join("\n")));
    assert!(
        p.as_of.is_some(),
        "{}: a snapshot needs `as_of`",
        path.display()
    );
    p
}

/// The results of the persona in `dir` on its date, as `relief eval` prints them.
fn render(rs: &RuleSet, dir: &Path, lang: Lang) -> String {
    let p = persona(rs, dir);
    let as_of = p.as_of.unwrap_or_default();
    let ev = evaluate(rs, &p.facts, as_of);
    report::text(rs, &ev, &p.session(rs, as_of), lang).replace(rs.short_version(), "<version>")
}

#[test]
fn what_each_persona_reads_is_its_snapshot() {
    let rs = ruleset::embedded();
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut differ = Vec::new();
    for dir in cases() {
        for (lang, file) in [(Lang::Zh, "zh.txt"), (Lang::En, "en.txt")] {
            let path = dir.join(file);
            let got = render(rs, &dir, lang);
            if update {
                std::fs::write(&path, &got).expect("writable");
                continue;
            }
            let want = std::fs::read_to_string(&path).unwrap_or_default();
            if got != want {
                let line = got
                    .lines()
                    .zip(want.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or_else(|| got.lines().count().min(want.lines().count()));
                differ.push(format!(
                    "{}:{}:\n  now:  {}\n  kept: {}",
                    path.display(),
                    line + 1,
                    got.lines().nth(line).unwrap_or("(end)"),
                    want.lines().nth(line).unwrap_or("(end)")
                ));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "what people read changed; if that is meant, run UPDATE_SNAPSHOTS=1 cargo test --test tests snapshots and read the diff:\n{}",
        differ.join("\n")
    );
}

#[test]
fn the_snapshots_show_every_section_and_an_empty_one() {
    let rs = ruleset::embedded();
    let mut shown = Vec::new();
    let mut none_eligible = false;
    for dir in cases() {
        let p = persona(rs, &dir);
        let ev = evaluate(rs, &p.facts, p.as_of.unwrap_or_default());
        for s in sections(rs, &ev, Sort::Default, None) {
            if !s.items.is_empty() && !shown.contains(&s.kind) {
                shown.push(s.kind);
            }
            none_eligible |= s.kind == SectionKind::Eligible && s.items.is_empty();
        }
    }
    for kind in SectionKind::ALL {
        assert!(shown.contains(&kind), "no snapshot shows {kind:?}");
    }
    assert!(
        none_eligible,
        "no snapshot shows the results with nothing eligible"
    );
}
