//! The frame of every page: its heading, the document title, and the after-session check.

use leptos::prelude::*;

use super::care::AfterCheckCard;

/// Sets the browser tab's title and renders the page's single `<h1>`.
#[component]
pub fn Page(
    /// The page's name, shown as its heading and in the title bar.
    #[prop(into)]
    title: String,
    /// Draw the content just after the heading has been painted, not before: for pages
    /// that take long to draw the first time they are opened, so the tap that opens them
    /// is answered at once (the heading and the bottom bar change in the next frame).
    #[prop(optional)]
    later: bool,
    /// The page's content, under its heading.
    children: Children,
) -> impl IntoView {
    document().set_title(&format!("{title} · Steadyback"));
    let content = if later {
        view! { <Later>{children()}</Later> }.into_any()
    } else {
        children().into_any()
    };
    view! {
        <h1>{title}</h1>
        // The check after a session that raised the pain, under the page's heading.
        <AfterCheckCard />
        {content}
    }
}

/// Its content drawn just after the next paint, not before: for the parts of a page that
/// take long to draw the first time, so that the tap that opened the page is answered in
/// the next frame and they follow in the one after.
#[component]
pub fn Later(
    /// The part drawn late, once, after the next paint.
    children: Children,
) -> impl IntoView {
    let children = StoredValue::new_local(Some(children));
    let shown = RwSignal::new(false);
    crate::ui::after_next_paint(move || {
        shown.try_set(true);
    });
    // Drawn once: `shown` only ever turns true.
    move || {
        shown.get().then(|| {
            children
                .try_update_value(Option::take)
                .flatten()
                .map(|c| c())
        })
    }
}
