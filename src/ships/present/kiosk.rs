//! A kiosk left idle: after `idle` seconds without a touch or a key it asks "您还在使用吗？"
//! and counts down; after a further [`GRACE`] seconds it wipes everything and goes back to
//! the start. A kiosk already as the hall set it up (the start screen, nothing answered, in
//! Chinese, normal text) has nothing to wipe and never asks. The app only keeps the clock:
//! it calls [`idle`] once a second with the seconds since the last touch.

use crate::engine::link::Display;
use crate::engine::{Screen, Session};
use crate::model::Lang;

/// Seconds between the warning and the wipe.
pub const GRACE: u32 = 20;

/// What an idle kiosk does now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    /// Nothing: not a kiosk, nothing to wipe, or touched recently. A warning on screen goes.
    Quiet,
    /// Ask whether the person is still there; the answers are wiped in this many seconds.
    Warn(u32),
    /// Wipe the session, the address, storage and the display settings now.
    Wipe,
}

/// Whether the screen is as the hall set it up: the start, nothing answered, in Chinese,
/// normal text.
pub fn fresh(s: &Session, d: &Display) -> bool {
    s.screen == Screen::Start && s.history.is_empty() && d.lang == Lang::Zh && !d.big
}

/// What a kiosk does after `idle` seconds without a touch (see the module comment).
pub fn idle(s: &Session, d: &Display, idle: u32) -> Idle {
    if !d.kiosk || fresh(s, d) {
        return Idle::Quiet;
    }
    let limit = d.idle_seconds();
    if idle >= limit + GRACE {
        Idle::Wipe
    } else if idle >= limit {
        Idle::Warn(limit + GRACE - idle)
    } else {
        Idle::Quiet
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ruleset;
    use chrono::NaiveDate;

    fn session(screen: Screen) -> Session {
        let rs = ruleset::embedded();
        let day = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap_or_default();
        let mut s = Session::new(rs, day);
        s.screen = screen;
        s
    }

    fn kiosk(idle: Option<u32>) -> Display {
        Display {
            kiosk: true,
            idle,
            ..Display::default()
        }
    }

    #[test]
    fn an_idle_kiosk_warns_after_its_limit_then_wipes_after_the_grace() {
        let s = session(Screen::Results);
        let d = kiosk(Some(30));
        assert_eq!(idle(&s, &d, 0), Idle::Quiet);
        assert_eq!(idle(&s, &d, 29), Idle::Quiet);
        assert_eq!(idle(&s, &d, 30), Idle::Warn(20));
        assert_eq!(idle(&s, &d, 31), Idle::Warn(19));
        assert_eq!(idle(&s, &d, 49), Idle::Warn(1));
        assert_eq!(idle(&s, &d, 50), Idle::Wipe);
        assert_eq!(idle(&s, &d, 5000), Idle::Wipe);
        // Without `idle=N`, a minute.
        let d = kiosk(None);
        assert_eq!(idle(&s, &d, 59), Idle::Quiet);
        assert_eq!(idle(&s, &d, 60), Idle::Warn(GRACE));
        assert_eq!(idle(&s, &d, 60 + GRACE), Idle::Wipe);
    }

    #[test]
    fn a_kiosk_as_the_hall_set_it_up_never_warns() {
        let d = kiosk(Some(30));
        let start = session(Screen::Start);
        assert_eq!(idle(&start, &d, 10_000), Idle::Quiet);
        // The previous person's traces count: an answer, English, large text.
        let mut answered = start.clone();
        answered.history.push(0);
        assert_eq!(idle(&answered, &d, 50), Idle::Wipe);
        for shown in [
            Display {
                lang: Lang::En,
                ..d.clone()
            },
            Display {
                big: true,
                ..d.clone()
            },
        ] {
            assert_eq!(idle(&start, &shown, 30), Idle::Warn(GRACE));
        }
        assert_eq!(
            idle(&session(Screen::Question(0)), &d, 30),
            Idle::Warn(GRACE)
        );
    }

    #[test]
    fn a_page_that_is_not_a_kiosk_is_never_wiped() {
        let s = session(Screen::Results);
        assert_eq!(idle(&s, &Display::default(), 100_000), Idle::Quiet);
    }
}
