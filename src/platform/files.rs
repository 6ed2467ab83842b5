//! Files in and out: a download made in the page, and the text of a file the person
//! picked. Nothing is uploaded anywhere.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::Unsupported;

/// Saves `text` as a file called `name` through the browser's download.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), Unsupported> {
    let fail = |_| Unsupported("file downloads");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(Unsupported("document"))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
        link.click();
        let _ = body.remove_child(&link);
    }
    // The download has taken its copy of the data: let the page's go.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Why a picked file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("no file was chosen")]
    NoFile,
    #[error("the file is {0} bytes, more than Steadyback reads")]
    TooLarge(u64),
    #[error("the file could not be read ({0})")]
    Failed(String),
}

/// The text of the first file chosen in `input`, if it is at most `max_bytes` long (the
/// size is checked before anything is read).
pub async fn read_text(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
) -> Result<String, ReadError> {
    let file = input
        .files()
        .and_then(|files| files.get(0))
        .ok_or(ReadError::NoFile)?;
    if file.size() > max_bytes as f64 {
        return Err(ReadError::TooLarge(file.size() as u64));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| ReadError::Failed(e.as_string().unwrap_or_else(|| "unknown error".into())))?;
    text.as_string()
        .ok_or_else(|| ReadError::Failed("not text".into()))
}
