//! The backup file as written.

use serde::Serialize;

use super::{each_record, Backup, APP, FORMAT};
use crate::domain::storage::schema::Record;
use crate::domain::Millis;

/// [`Schemas`], from the list.
macro_rules! schemas {
    (
        backup { $( $(#[$doc:meta])* $field:ident: $ty:ty, )* }
        device { $($device:tt)* }
    ) => {
        /// The schema of each section, as the app that wrote the file stores it.
        #[derive(Serialize)]
        struct Schemas {
            $( $field: u32, )*
        }

        /// This app's schemas.
        const SCHEMAS: Schemas = Schemas {
            $( $field: <$ty as Record>::SCHEMA, )*
        };
    };
}

each_record!(schemas);

/// The file as written.
#[derive(Serialize)]
struct File<'a> {
    app: &'static str,
    format: u32,
    exported_at: Millis,
    schemas: Schemas,
    data: &'a Backup,
}

/// The file's text: `{"app":"steadyback","format":1,"exported_at":<ms>,
/// "schemas":{"sessions":4,...},"data":{...}}`, laid out as [`Layout`] says so a person
/// can find their way in it. `Err` with the reason when it can't be written (never for
/// the app's own data, whose maps have string keys; reported rather than giving the
/// person an empty file).
pub fn export(backup: &Backup, now: Millis) -> Result<String, String> {
    let file = File {
        app: APP,
        format: FORMAT,
        exported_at: now,
        schemas: SCHEMAS,
        data: backup,
    };
    let mut out = Vec::new();
    let mut writer = serde_json::Serializer::with_formatter(&mut out, Layout::default());
    file.serialize(&mut writer).map_err(|err| err.to_string())?;
    String::from_utf8(out).map_err(|err| err.to_string())
}

/// The backup's layout: objects a key to a line, indented by two spaces, and each item
/// of a list on a line of its own, written without spaces (a session is one line of
/// about 300 characters rather than forty short ones, which keeps ten years of history
/// well inside what an import reads).
#[derive(Default)]
struct Layout {
    /// Objects and lists laid out (not inside a list) that are open.
    depth: usize,
    /// Lists open: 0 outside any, 1 in the items of a list laid out.
    lists: usize,
    /// True once the innermost container laid out has an item.
    has_value: bool,
}

impl Layout {
    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    /// An object or a list opens: laid out unless inside a list.
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        if self.lists == 0 {
            self.depth += 1;
            self.has_value = false;
        }
        w.write_all(bracket)
    }

    /// An object or a list closes, on a line of its own when it was laid out and has items.
    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        if self.lists == 0 {
            self.depth -= 1;
            if self.has_value {
                self.line(w)?;
            }
        }
        w.write_all(bracket)
    }

    /// Before an item: a comma after the first, and a new line when it is `laid_out`.
    fn item<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
        laid_out: bool,
    ) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if laid_out {
            self.line(w)?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for Layout {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")?;
        self.lists += 1;
        Ok(())
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.lists -= 1;
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        let laid_out = self.lists == 1;
        self.item(w, first, laid_out)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        if self.lists == 1 {
            self.has_value = true;
        }
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        let laid_out = self.lists == 0;
        self.item(w, first, laid_out)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(if self.lists == 0 { b": " } else { b":" })
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        if self.lists == 0 {
            self.has_value = true;
        }
        Ok(())
    }
}
