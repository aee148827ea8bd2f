//! `relief`: the engine on the command line, for rule authors, tests and tools.
//!
//! ```text
//! relief eval PERSONA.toml [--as-of DATE] [--format json|text] [--lang zh|en]
//! relief explain PERSONA.toml RELIEF_ID [--as-of DATE] [--lang zh|en]
//! relief next PERSONA.toml [--as-of DATE] [--lang zh|en]
//! relief coverage
//! relief html
//! relief preboot
//! relief texts DIR
//! relief check [CASES_DIR]
//! relief walk [PATH…] [--as-of DATE]
//! relief twins [MIN_SIMILARITY]
//! ```
//! Every command takes `--rules DIR` to read rule files from disk instead of the rule set
//! built in (rule authors see a change without rebuilding).
//!
//! Exit codes:
//! - 0: success, also when the reader of stdout stops early (`relief … | head`);
//! - 1: `check` found a problem (a failing case, a relief without an eligible and a
//!   not-eligible case, an unclassified article, alike quotes not linked as twins), `twins`
//!   found an unlinked pair, the rules of `--rules DIR` do not compile, or `texts` could
//!   not write;
//! - 2: bad usage (also `--help`), a persona file that cannot be read or has problems, an
//!   unknown relief for `explain`, or rule files `twins` cannot read.
//!
//! Problems go to stderr, as `file:line: …` where they are in a file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use relief_finder::engine::{evaluate, next_question, Evaluation};
use relief_finder::expr::did_you_mean;
use relief_finder::model::{Kind, Lang, RuleSet, Texts};
use relief_finder::{cases, compile, persona, report, ruleset};

/// Write to stdout; a closed pipe (`relief … | head`) ends the program quietly instead of
/// panicking as `print!` would.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write;
        if write!(std::io::stdout().lock(), $($t)*).is_err() {
            std::process::exit(0);
        }
    }};
}

macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write;
        if writeln!(std::io::stdout().lock(), $($t)*).is_err() {
            std::process::exit(0);
        }
    }};
}

const USAGE: &str = "usage:
  relief eval PERSONA.toml [--as-of YYYY-MM-DD] [--format json|text] [--lang zh|en]
  relief explain PERSONA.toml RELIEF_ID [--as-of YYYY-MM-DD] [--lang zh|en]
  relief next PERSONA.toml [--as-of YYYY-MM-DD] [--lang zh|en]
  relief coverage
  relief html                     (every relief as a static page, for browsers without wasm)
  relief preboot                  (the start screen as static HTML, shown while the wasm loads)
  relief texts DIR                (writes DIR/texts-zh.bin and DIR/texts-en.bin: the texts
                                   the app fetches after its first screen, per language;
                                   and DIR/quotes.bin: the clauses, fetched when one is opened)
  relief check [CASES_DIR]        (default tests/cases)
  relief walk [PATH…] [--as-of D] (questionnaire length: every persona walked through the
                                   wizard on its own date and on D, default 2026-12-01)
  relief twins [MIN]              (reliefs in two documents with alike quotes, not linked as twins; MIN default 0.6)
options for every command: --rules DIR (read rules from DIR instead of the built-in set)";

struct Args {
    pos: Vec<String>,
    as_of: Option<NaiveDate>,
    format: String,
    lang: Lang,
    rules: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        pos: vec![],
        as_of: None,
        format: "text".into(),
        lang: Lang::Zh,
        rules: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut val = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match x.as_str() {
            "--as-of" => {
                let v = val("--as-of")?;
                a.as_of = Some(
                    NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                        .map_err(|_| format!("--as-of: \"{v}\" is not a date (YYYY-MM-DD)"))?,
                );
            }
            "--format" => {
                a.format = val("--format")?;
                if a.format != "json" && a.format != "text" {
                    return Err(format!("--format: \"{}\" is not json or text", a.format));
                }
            }
            "--lang" => {
                a.lang = match val("--lang")?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => return Err(format!("--lang: \"{other}\" is not zh or en")),
                }
            }
            "--rules" => a.rules = Some(PathBuf::from(val("--rules")?)),
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => a.pos.push(x),
        }
    }
    Ok(a)
}

fn load_rules(a: &Args) -> Result<&'static RuleSet, ExitCode> {
    match &a.rules {
        None => Ok(ruleset::embedded()),
        Some(dir) => match compile::compile_dir(dir) {
            // Leaked once per process: the CLI runs one command and exits.
            Ok(rs) => Ok(Box::leak(Box::new(rs))),
            Err(errs) => {
                for e in &errs {
                    eprintln!("{e}");
                }
                eprintln!("{} problem(s) in {}", errs.len(), dir.display());
                Err(ExitCode::from(1))
            }
        },
    }
}

fn load_persona(path: &str, rs: &RuleSet) -> Result<persona::Persona, ExitCode> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        eprintln!("{path}: {e}");
        ExitCode::from(2)
    })?;
    persona::parse(path, &text, rs).map_err(|errs| {
        for e in errs {
            eprintln!("{e}");
        }
        ExitCode::from(2)
    })
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("relief: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(code) | Err(code) => code,
    }
}

/// Print the usage; exit code 2.
fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn run(a: &Args) -> Result<ExitCode, ExitCode> {
    let cmd = a.pos.first().map(String::as_str).ok_or_else(usage)?;
    let rs = load_rules(a)?;
    match cmd {
        "eval" | "explain" | "next" => about_persona(cmd, a, rs),
        "texts" => texts(a, rs),
        "html" => {
            out!("{}", report::html(rs));
            Ok(ExitCode::SUCCESS)
        }
        "preboot" => {
            outln!("{}", report::preboot(rs));
            Ok(ExitCode::SUCCESS)
        }
        "coverage" => {
            out!("{}", coverage(rs));
            Ok(ExitCode::SUCCESS)
        }
        "walk" => {
            let dirs: Vec<PathBuf> = if a.pos.len() > 1 {
                a.pos[1..].iter().map(PathBuf::from).collect()
            } else {
                vec![
                    PathBuf::from("tests/cases"),
                    PathBuf::from("tests/personas"),
                ]
            };
            let later = a
                .as_of
                .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_else(today));
            out!("{}", walk_report(rs, &dirs, later));
            Ok(ExitCode::SUCCESS)
        }
        "twins" => twins(a, rs),
        "check" => {
            let dir = a
                .pos
                .get(1)
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("tests/cases"));
            Ok(check(rs, a, &dir))
        }
        _ => Err(usage()),
    }
}

/// `eval`, `explain` and `next`: a persona file evaluated on its date (or `--as-of`).
fn about_persona(cmd: &str, a: &Args, rs: &RuleSet) -> Result<ExitCode, ExitCode> {
    let path = a.pos.get(1).ok_or_else(usage)?;
    let p = load_persona(path, rs)?;
    let as_of = a.as_of.or(p.as_of).unwrap_or_else(today);
    let ev = evaluate(rs, &p.facts, as_of);
    match cmd {
        "eval" if a.format == "json" => {
            let j = report::json(rs, &ev);
            outln!("{}", serde_json::to_string_pretty(&j).unwrap_or_default());
        }
        "eval" => out!("{}", report::text(rs, &ev, &p.session(rs, as_of), a.lang)),
        "explain" => {
            let id = a.pos.get(2).ok_or_else(usage)?;
            let Some(i) = ev.results.iter().position(|r| &r.relief.id == id) else {
                let hint = did_you_mean(id, rs.reliefs.iter().map(|r| r.id.as_str()));
                eprintln!("relief: unknown relief \"{id}\"{hint}");
                return Err(ExitCode::from(2));
            };
            out!("{}", report::explain(rs, &ev, &p.facts, i, a.lang));
        }
        _ => next(rs, &p, &ev, a.lang),
    }
    Ok(ExitCode::SUCCESS)
}

/// `next`: the question the planner would ask, and why.
fn next(rs: &RuleSet, p: &persona::Persona, ev: &Evaluation, lang: Lang) {
    match next_question(rs, &p.facts, &p.asked(rs), ev) {
        Some(plan) => {
            let q = &rs.questions[plan.question];
            outln!("{}", q.id);
            outln!("  {}", q.text.get(lang));
            let stakes: Vec<String> = plan
                .stakes
                .iter()
                .map(|(c, n)| format!("{c} {n}"))
                .collect();
            outln!(
                "  why: its answer can settle open measures in force on {}: {}",
                ev.as_of,
                if stakes.is_empty() {
                    "amounts only".to_string()
                } else {
                    stakes.join(", ")
                }
            );
        }
        None => outln!("none: no answer can change any result"),
    }
}

/// `texts DIR`: what the app fetches after its first screen (model::Texts), one postcard
/// file per language, and the clauses quoted, each named by `Texts::file`.
fn texts(a: &Args, rs: &RuleSet) -> Result<ExitCode, ExitCode> {
    let dir = Path::new(a.pos.get(1).ok_or_else(usage)?);
    for texts in relief_finder::present::texts::files(rs) {
        let path = dir.join(Texts::file(texts.part));
        let bytes = postcard::to_allocvec(&texts).unwrap_or_default();
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("relief: texts: cannot write {}: {e}", path.display());
            return Err(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `twins`: pairs of reliefs in two documents with alike quotes that nobody linked.
fn twins(a: &Args, rs: &RuleSet) -> Result<ExitCode, ExitCode> {
    let min = match a.pos.get(1) {
        Some(m) => m.parse::<f64>().map_err(|_| {
            eprintln!("relief: twins: \"{m}\" is not a number between 0 and 1");
            ExitCode::from(2)
        })?,
        None => compile::TWIN_SIMILARITY,
    };
    let Some(links) = twin_links(a) else {
        return Err(ExitCode::from(2));
    };
    let pairs = compile::likely_twins(rs, &links, min);
    for pair in &pairs {
        outln!("{:.2}  {}  {}", pair.similarity, pair.a, pair.b);
    }
    outln!(
        "{} linked pair(s); {} unlinked pair(s) with quotes at least {min} alike (link each with `twin = \"…\"`, and give twin_difference where they differ)",
        links.len(),
        pairs.len()
    );
    Ok(if pairs.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The twin links of the rule files (`--rules DIR`, or `rules/` beside the built-in set).
fn twin_links(a: &Args) -> Option<Vec<compile::TwinLink>> {
    let dir = a.rules.clone().unwrap_or_else(|| PathBuf::from("rules"));
    match compile::read_dir(&dir) {
        Ok((inputs, _)) => Some(compile::twin_links(&inputs)),
        Err(errs) => {
            for e in errs {
                eprintln!("{e}");
            }
            None
        }
    }
}

fn coverage(rs: &RuleSet) -> String {
    let mut out = String::new();
    let (mut all_n, mut all_done) = (0, 0);
    for (di, d) in rs.documents.iter().enumerate() {
        out.push_str(&format!("{} {} ({})\n", d.number, d.title, d.id));
        let mut counts = [0usize; 3];
        let mut done = 0;
        for n in 1..=d.articles {
            let mut kinds: Vec<Kind> = Vec::new();
            let mut ids = Vec::new();
            for r in rs
                .reliefs
                .iter()
                .filter(|r| r.doc as usize == di && r.articles.contains(&n))
            {
                if !kinds.contains(&r.kind) {
                    kinds.push(r.kind);
                }
                ids.push(r.id.rsplit('.').next().unwrap_or("").to_string());
            }
            let mut why = String::new();
            for note in d.notes.iter().filter(|x| x.article == n) {
                if !kinds.contains(&note.kind) {
                    kinds.push(note.kind);
                }
                why = note.why.clone();
            }
            for k in &kinds {
                counts[*k as usize] += 1;
            }
            if !kinds.is_empty() {
                done += 1;
            }
            let names: Vec<&str> = kinds.iter().map(|k| k.name()).collect();
            let detail = if ids.is_empty() { why } else { ids.join(", ") };
            out.push_str(&format!(
                "  {n:>3}  {:<16} {detail}\n",
                if names.is_empty() {
                    "UNCLASSIFIED".to_string()
                } else {
                    names.join("+")
                }
            ));
        }
        out.push_str(&format!(
            "  {done}/{} articles classified: {} with reliefs, {} with services, {} internal\n\n",
            d.articles, counts[0], counts[1], counts[2]
        ));
        all_n += d.articles as usize;
        all_done += done;
    }
    let reliefs = rs.reliefs.iter().filter(|r| r.kind == Kind::Relief).count();
    let services = rs.reliefs.len() - reliefs;
    out.push_str(&format!(
        "total: {all_done}/{all_n} articles classified in {} documents; {reliefs} reliefs, {services} services; ruleset {}\n",
        rs.documents.len(),
        rs.version
    ));
    out
}

/// The questionnaire benchmark: screens per persona, businesses and residents apart.
fn walk_report(rs: &RuleSet, dirs: &[PathBuf], later: NaiveDate) -> String {
    use relief_finder::walk::{stats, walk_all};
    let files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|d| {
            if d.is_file() {
                vec![d.clone()]
            } else {
                cases::files(d)
            }
        })
        .collect();
    let walks = walk_all(rs, &files, later);
    let mut out = String::new();
    out.push_str(&format!(
        "| applicant | personas | own date (2022–2023): median / p90 / max | {later}: median / p90 / max |\n| --- | ---: | ---: | ---: |\n"
    ));
    for (name, business) in [("business", true), ("resident", false)] {
        let these: Vec<_> = walks.iter().filter(|w| w.business == business).collect();
        let (a, b, c) = stats(these.iter().map(|w| w.own.screens).collect());
        let (d, e, f) = stats(these.iter().map(|w| w.later.screens).collect());
        out.push_str(&format!(
            "| {name} | {} | {a} / {b} / {c} | {d} / {e} / {f} |\n",
            these.len()
        ));
    }
    let lost: Vec<_> = walks
        .iter()
        .flat_map(|w| w.lost.iter().map(move |l| (w, l)))
        .collect();
    out.push_str(&format!(
        "\nlost reliefs (eligible for the whole persona, not at the end of its walk): {}\n",
        lost.len()
    ));
    for (w, l) in lost.iter().take(20) {
        out.push_str(&format!("  {} {l}\n", w.path));
    }
    let mut longest: Vec<_> = walks.iter().collect();
    longest.sort_by_key(|w| std::cmp::Reverse(w.own.screens.max(w.later.screens)));
    out.push_str("\nlongest walks:\n");
    for w in longest.iter().take(5) {
        out.push_str(&format!(
            "  {} ({} on {}, {} on {later}): {}\n",
            w.path,
            w.own.screens,
            w.own_date,
            w.later.screens,
            w.own.asked.join(" ")
        ));
    }
    out
}

fn check(rs: &RuleSet, a: &Args, dir: &Path) -> ExitCode {
    let runs = cases::run_dir(dir, rs);
    let mut failed = 0;
    let mut checks = 0;
    for r in &runs {
        checks += r.checks;
        if !r.failures.is_empty() {
            failed += 1;
            for f in &r.failures {
                eprintln!("{f}");
            }
        }
    }
    // Every relief should be shown eligible by some case and not eligible by another.
    let untested = cases::untested(dir, rs);
    outln!(
        "rules: {} documents, {} reliefs and services, {} questions; ruleset {}",
        rs.documents.len(),
        rs.reliefs.len(),
        rs.questions.len(),
        rs.short_version()
    );
    if !untested.is_empty() {
        outln!(
            "reliefs lacking an eligible case and a not-eligible case: {}",
            untested.join(", ")
        );
    }
    let gaps = compile::coverage_gaps(rs);
    for g in &gaps {
        outln!("{g}");
    }
    // Alike quotes in two documents are encoded once in spirit: linked as twins.
    let twins = match twin_links(a) {
        Some(links) => compile::likely_twins(rs, &links, compile::TWIN_SIMILARITY),
        None => vec![],
    };
    for t in &twins {
        outln!(
            "likely twins not linked ({:.2} alike): {} and {} (see `relief twins`)",
            t.similarity,
            t.a,
            t.b
        );
    }
    outln!(
        "cases: {} passed, {} failed ({checks} expectations)",
        runs.len() - failed,
        failed
    );
    if failed > 0 || !untested.is_empty() || !gaps.is_empty() || !twins.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
