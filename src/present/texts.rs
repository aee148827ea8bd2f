//! The texts the first load leaves out (`texts.bin`, see [`crate::model::Texts`]): where
//! they stand in the app.

/// Where the texts stand in the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextsState {
    /// Not asked for yet: the person is on the start screen, in Chinese.
    Idle,
    Loading,
    Loaded,
    /// Offline without a cached copy, or a copy for another rule set: the results say so
    /// and offer to try again.
    Failed,
}

impl TextsState {
    /// The results' `data-texts`: `loaded`, `failed` or `loading`.
    pub fn attr(self) -> &'static str {
        match self {
            TextsState::Loaded => "loaded",
            TextsState::Failed => "failed",
            TextsState::Idle | TextsState::Loading => "loading",
        }
    }
}
