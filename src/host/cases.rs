//! Persona cases: persona files under `tests/cases/` with the results they expect.
//! Each file is one test named by a full sentence; `relief check` and `cargo test` run them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::engine::{evaluate, next_question};
use crate::model::RuleSet;
use crate::{persona, report};

/// The outcome of one case file.
#[derive(Debug)]
pub struct CaseRun {
    pub path: PathBuf,
    pub name: String,
    /// Expectations checked.
    pub checks: usize,
    /// Every expectation that did not hold, as `path:line: message`.
    pub failures: Vec<String>,
}

/// Run one case file.
pub fn run(path: &Path, text: &str, rs: &RuleSet) -> CaseRun {
    let p = path.display().to_string();
    let mut run = CaseRun {
        path: path.to_path_buf(),
        name: String::new(),
        checks: 0,
        failures: vec![],
    };
    let persona = match persona::parse(&p, text, rs) {
        Ok(x) => x,
        Err(e) => {
            run.failures = e;
            return run;
        }
    };
    run.name = persona.name.clone().unwrap_or_default();
    if run.name.is_empty() {
        run.failures.push(format!(
            "{p}:1: a case needs a `name`: a sentence saying what it shows"
        ));
    }
    let Some(as_of) = persona.as_of else {
        run.failures.push(format!(
            "{p}:1: a case needs `as_of`, so that it means the same on any day"
        ));
        return run;
    };
    if persona.expect.is_empty() && persona.next.is_none() {
        run.failures
            .push(format!("{p}:1: a case needs [expect] entries or `next`"));
    }
    let ev = evaluate(rs, &persona.facts, as_of);
    for e in &persona.expect {
        let Some(i) = ev.results.iter().position(|r| r.relief.id == e.relief) else {
            continue;
        };
        let r = &ev.results[i];
        let mut fail = |what: &str, want: &str, got: &str| {
            run.failures.push(format!(
                "{p}:{}: {}: expected {what} {want}, got {got}",
                e.line, e.relief
            ));
        };
        if let Some(want) = &e.eligibility {
            run.checks += 1;
            if want != r.eligibility.name() {
                let mut got = r.eligibility.name().to_string();
                if !r.outcome.unknown.is_empty() {
                    let ids: Vec<_> = r
                        .outcome
                        .unknown
                        .iter()
                        .map(|f| rs.fact(*f).id.as_str())
                        .collect();
                    got.push_str(&format!(" (unknown: {})", ids.join(", ")));
                }
                if !r.outcome.failed.is_empty() {
                    let why: Vec<_> = r
                        .outcome
                        .failed
                        .iter()
                        .map(|c| crate::present::describe::condition(rs, c, crate::model::Lang::En))
                        .collect();
                    got.push_str(&format!(" (failed: {})", why.join("; ")));
                }
                fail("eligibility", want, &got);
            }
        }
        if let Some(want) = e.in_force {
            run.checks += 1;
            if want != r.in_force() {
                fail("in_force", &want.to_string(), &r.in_force().to_string());
            }
        }
        if let Some(want) = &e.amount {
            run.checks += 1;
            let got = r
                .amount
                .as_ref()
                .map(report::amount_text)
                .unwrap_or_else(|| "none".into());
            if *want != got {
                fail("amount", want, &got);
            }
        }
        if let Some(want) = &e.overlap {
            run.checks += 1;
            let got = match &r.overlap {
                Some(o) if o.best == i => "best",
                Some(_) => "alternative",
                None => "none",
            };
            if want != got {
                fail("overlap", want, got);
            }
        }
    }
    if let Some(want) = &persona.next {
        run.checks += 1;
        let got = next_question(rs, &persona.facts, &persona.asked(rs), &ev)
            .map(|pl| rs.questions[pl.question].id.clone())
            .unwrap_or_else(|| "none".into());
        if *want != got {
            run.failures
                .push(format!("{p}: next: expected question {want}, got {got}"));
        }
    }
    run
}

/// Every `*.toml` below `dir`, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Run every case below `dir`.
pub fn run_dir(dir: &Path, rs: &RuleSet) -> Vec<CaseRun> {
    files(dir)
        .into_iter()
        .map(|p| match std::fs::read_to_string(&p) {
            Ok(text) => run(&p, &text, rs),
            Err(e) => CaseRun {
                path: p.clone(),
                name: String::new(),
                checks: 0,
                failures: vec![format!("{}: {e}", p.display())],
            },
        })
        .collect()
}

/// Reliefs that lack a case below `dir` where they are eligible, or one where they are
/// not (ineligible or maybe): each with which of the two it lacks.
pub fn untested(dir: &Path, rs: &RuleSet) -> Vec<String> {
    let mut yes = BTreeSet::new();
    let mut no = BTreeSet::new();
    for p in files(dir) {
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        let Ok(per) = persona::parse(&p.display().to_string(), &text, rs) else {
            continue;
        };
        for e in per.expect {
            match e.eligibility.as_deref() {
                Some("eligible") => yes.insert(e.relief),
                Some(_) => no.insert(e.relief),
                None => false,
            };
        }
    }
    rs.reliefs
        .iter()
        .filter(|r| !yes.contains(&r.id) || !no.contains(&r.id))
        .map(|r| {
            let lacks = if yes.contains(&r.id) {
                "a not-eligible case"
            } else if no.contains(&r.id) {
                "an eligible case"
            } else {
                "any case"
            };
            format!("{} (lacks {lacks})", r.id)
        })
        .collect()
}
