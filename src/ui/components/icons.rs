//! Inline SVG icons: no icon font, no extra request, they follow the text colour.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconName {
    Today,
    Library,
    Progress,
    Safety,
    Settings,
}

impl IconName {
    /// Stroke paths on a 24 × 24 grid.
    fn path(self) -> &'static str {
        match self {
            // A sun rising over the horizon.
            IconName::Today => "M3 18h18M6.5 18a5.5 5.5 0 0 1 11 0M12 6.5V4M5.3 9.3 3.9 7.9M18.7 9.3l1.4-1.4M8 21h8",
            // An open book.
            IconName::Library => "M12 6.5C10 5 7 4.5 3.5 5v13c3.5-.5 6.5 0 8.5 1.5 2-1.5 5-2 8.5-1.5V5C17 4.5 14 5 12 6.5zM12 6.5v13",
            // Bars rising.
            IconName::Progress => "M4 20h16M7 20v-6M12 20V9M17 20V4",
            // A shield with a tick.
            IconName::Safety => "M12 3 4.5 6v5.5c0 4.5 3.2 8.2 7.5 9.5 4.3-1.3 7.5-5 7.5-9.5V6L12 3zM8.8 12l2.2 2.2 4.4-4.4",
            // Three sliders.
            IconName::Settings => "M4 7h9M17 7h3M4 12h3M11 12h9M4 17h11M19 17h1M15 5v4M9 10v4M17 15v4",
        }
    }
}

/// A decorative icon: hidden from screen readers, since its label is always beside it.
#[component]
pub fn Icon(
    /// Which icon.
    name: IconName,
) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d=name.path() />
        </svg>
    }
}
