//! Reminders through the person's own calendar: weekdays and a time, then an `.ics` file
//! to open (see [`crate::domain::routines::ics`]).

use leptos::prelude::*;

use crate::domain::dates::WEEKDAYS;
use crate::domain::routines::ics::{self, Event, Reminder};
use crate::platform::{clock, files};
use crate::ui::state::{AppState, Tone};

/// The form: days, a time, and "Download reminder".
#[component]
pub fn ReminderForm(
    /// Unique to what the reminder is for (a routine's id): the same event is updated
    /// when the file is downloaded again.
    uid: String,
    /// What the event is called in the calendar.
    title: String,
    /// The address the event opens.
    link: String,
    /// How long the event lasts.
    minutes: u32,
    /// The file's name, without `.ics`.
    file: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Weekdays at half past seven: a first choice to change, not advice.
    let days = RwSignal::new([true, false, true, false, true, false, false]);
    let time = RwSignal::new("07:30".to_string());
    let problem = RwSignal::new(None::<String>);
    let done = RwSignal::new(None::<String>);
    let prefix = format!("reminder-{file}");
    let download = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(None);
        match Reminder::parse(days.get_untracked(), &time.get_untracked()) {
            Err(err) => problem.set(Some(err.to_string())),
            Ok(reminder) => {
                problem.set(None);
                let text = ics::calendar(&Event {
                    uid: &uid,
                    title: &title,
                    description: &format!(
                        "Time for your exercises: about {minutes} minutes. Open Steadyback:"
                    ),
                    link: &link,
                    minutes,
                    reminder,
                    today: state.clock.today(),
                    now: clock::now(),
                });
                match files::download(&format!("{file}.ics"), "text/calendar", &text) {
                    Ok(()) => done.set(Some(format!(
                        "Downloaded: {}. Open the file to add it to your calendar.",
                        reminder.text()
                    ))),
                    Err(err) => state.notices.notify(
                        Tone::Warning,
                        format!("The reminder could not be downloaded: {err}."),
                    ),
                }
            }
        }
    };
    let boxes = WEEKDAYS
        .iter()
        .enumerate()
        .map(|(i, day)| {
            view! {
                <label class="check weekday">
                    <input
                        type="checkbox"
                        prop:checked=move || days.with(|d| d[i])
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            days.update(|d| d[i] = on);
                        }
                    />
                    <span>{*day}</span>
                </label>
            }
        })
        .collect_view();
    let time_id = format!("{prefix}-time");
    view! {
        <p>
            "Steadyback has no server, so it can't send you a notification at a set time. "
            "Your phone's calendar can: choose the days and the time, download the reminder "
            "and open it to add it to your calendar."
        </p>
        <form class="reminder-form" on:submit=download novalidate=true>
            <fieldset class="days">
                <legend>"Days"</legend>
                {boxes}
            </fieldset>
            <div class="field">
                <label for=time_id.clone()>"Time"</label>
                <input
                    id=time_id
                    type="time"
                    required=true
                    prop:value=move || time.get()
                    on:input=move |ev| time.set(event_target_value(&ev))
                />
            </div>
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{p}</p> })}
            <button type="submit">"Download reminder"</button>
            <p class="hint" role="status">{move || done.get()}</p>
        </form>
        <p class="hint">
            "To change the days or the time, download it again. Some calendars then update "
            "the same event; if yours shows both, delete the old one. To stop the "
            "reminders, delete the event in your calendar. Some calendars use their own "
            "alert time for added events: check it once the reminder is in."
        </p>
    }
}
