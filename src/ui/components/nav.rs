//! The bottom navigation bar: every main page one tap away.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::icons::{Icon, IconName};

/// Fixed to the bottom of the screen, within thumb reach. The current page's link
/// carries `aria-current="page"`. Plain links with the app's base (not the router's `A`,
/// which writes Today under a sub-path as `/app`, outside the app's scope `/app/`).
#[component]
pub fn BottomNav() -> impl IntoView {
    let items = [
        ("/", "Today", IconName::Today),
        ("/library", "Library", IconName::Library),
        ("/progress", "Progress", IconName::Progress),
        ("/safety", "Safety", IconName::Safety),
        ("/settings", "Settings", IconName::Settings),
    ];
    let location = use_location();
    view! {
        <nav class="bottom-nav" aria-label="Main">
            <ul>
                {items
                    .into_iter()
                    .map(|(path, label, icon)| {
                        let to = crate::ui::href(path);
                        let target = to.trim_end_matches('/').to_owned();
                        let current = move || {
                            location.pathname.with(|p| p.trim_end_matches('/') == target)
                        };
                        view! {
                            <li>
                                <a href=to aria-current=move || current().then_some("page")>
                                    <Icon name=icon />
                                    <span>{label}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
