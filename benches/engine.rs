//! Native timing of the engine: evaluating every relief for each persona case, and one
//! planner step. Prints the median and the spread (10th–90th percentile) over many runs;
//! `bench/run` collects the numbers. Run: `cargo bench --bench engine`.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

use relief_finder::engine::{evaluate, next_question};
use relief_finder::{cases, persona, ruleset};

fn stats(mut ns: Vec<f64>) -> (f64, f64, f64) {
    ns.sort_by(|a, b| a.total_cmp(b));
    let at = |q: f64| ns[((ns.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.1), at(0.9))
}

fn time<F: FnMut()>(mut f: F, runs: usize) -> Vec<f64> {
    for _ in 0..runs / 10 {
        f();
    }
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_nanos() as f64
        })
        .collect()
}

fn main() {
    let rs = ruleset::embedded();
    let personas: Vec<_> = cases::files(Path::new("tests/cases"))
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let per = persona::parse(&p.display().to_string(), &text, rs).ok()?;
            Some((per.facts, per.as_of?))
        })
        .collect();
    let runs = 200;
    let mut eval_ns = Vec::new();
    let mut plan_ns = Vec::new();
    for (facts, as_of) in &personas {
        eval_ns.extend(time(
            || {
                black_box(evaluate(rs, black_box(facts), *as_of));
            },
            runs,
        ));
        let ev = evaluate(rs, facts, *as_of);
        let asked = Default::default();
        plan_ns.extend(time(
            || {
                black_box(next_question(rs, black_box(facts), &asked, &ev));
            },
            runs,
        ));
    }
    let (m, lo, hi) = stats(eval_ns);
    println!("engine-eval-all: {} reliefs, {} personas x {runs} runs: median {:.1} µs (p10 {:.1}, p90 {:.1})", rs.reliefs.len(), personas.len(), m / 1e3, lo / 1e3, hi / 1e3);
    let (m, lo, hi) = stats(plan_ns);
    println!(
        "engine-plan-step: {} questions: median {:.1} µs (p10 {:.1}, p90 {:.1})",
        rs.questions.len(),
        m / 1e3,
        lo / 1e3,
        hi / 1e3
    );
    let t = Instant::now();
    let n = 200;
    for _ in 0..n {
        black_box(postcard_size());
    }
    println!(
        "ruleset-embedded: {} bytes postcard; decode {:.1} µs",
        ruleset::embedded_size(),
        t.elapsed().as_nanos() as f64 / n as f64 / 1e3
    );
}

/// Decoding the embedded rule set, as the app does once at start.
fn postcard_size() -> usize {
    relief_finder::ruleset::decode_fresh().reliefs.len()
}
