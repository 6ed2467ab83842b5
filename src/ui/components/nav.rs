//! The bottom navigation bar: every main page one tap away.

use leptos::prelude::*;
use leptos_router::components::A;

use super::icons::{Icon, IconName};

/// Fixed to the bottom of the screen, within thumb reach. The current page's link
/// carries `aria-current="page"`.
#[component]
pub fn BottomNav() -> impl IntoView {
    let items = [
        ("/", "Today", IconName::Today),
        ("/library", "Library", IconName::Library),
        ("/progress", "Progress", IconName::Progress),
        ("/safety", "Safety", IconName::Safety),
        ("/settings", "Settings", IconName::Settings),
    ];
    view! {
        <nav class="bottom-nav" aria-label="Main">
            <ul>
                {items
                    .into_iter()
                    .map(|(href, label, icon)| {
                        view! {
                            <li>
                                <A href=href exact=true>
                                    <Icon name=icon />
                                    <span>{label}</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
