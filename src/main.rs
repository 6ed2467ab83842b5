#[cfg(target_arch = "wasm32")]
fn main() {
    steadyback::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Steadyback runs in the browser: build it with `trunk build` (see the README).");
}
