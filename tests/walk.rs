//! A restaurant's walk through the wizard to the results, shared by the tests that need a
//! finished session: its own answers where it has them, `other` for every other fact.

use chrono::NaiveDate;
use relief_finder::engine::{Screen, Session, Value};
use relief_finder::model::{FactDef, RuleSet};

/// The Pingliang restaurant (an individual business, small-scale, 80,000 a month).
pub const RESTAURANT: [(&str, &str); 6] = [
    ("applicant", "business"),
    ("city", "pingliang"),
    ("business_form", "individual_business"),
    ("vat_status", "small_scale"),
    ("monthly_sales", "80000"),
    ("industries", "catering"),
];

/// Answer every screen the planner puts, on 2023-06-01, from `own` and else from `other`
/// (`None` is "not sure"), until the results.
pub fn walk(
    rs: &RuleSet,
    own: &[(&str, &str)],
    other: impl Fn(&FactDef) -> Option<String>,
) -> Session {
    let mut s = Session::new(rs, NaiveDate::from_ymd_opt(2023, 6, 1).expect("date"));
    s.begin(rs);
    while let Screen::Question(q) = s.screen {
        let values: Vec<_> = rs.questions[q]
            .facts
            .iter()
            .map(|f| {
                let def = rs.fact(*f);
                let text = own
                    .iter()
                    .find(|(id, _)| *id == def.id)
                    .map(|(_, v)| v.to_string())
                    .or_else(|| other(def));
                (*f, text.map(|t| Value::parse(def, &t).expect("value")))
            })
            .collect();
        s.answer(rs, q, &values);
        assert!(s.history.len() < 200, "the wizard ends");
    }
    s
}
