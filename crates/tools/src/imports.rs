//! Shorter names for the wasm's imports from its JS glue. wasm-bindgen names each import
//! `__wbg_<name>_<16 hex digits>`; the hex digits are noise that no compressor can shrink, and the
//! wasm and the glue each carry all of them (168 imports: about 2.7 KB of hex in each file, 1.3 KB
//! after brotli). The `post_build` hook renames every such import to a short name (`w0`, `w1`, …)
//! in both files at once, the same way on every build (in the import section's order). See
//! ARCHITECTURE.md, "Where the wasm's bytes go".

/// The renamed wasm and glue. Fails, changing nothing, when either is not as wasm-bindgen writes
/// them: a malformed module, or an import name that is not exactly once a key in the glue.
pub fn shorten(wasm: &[u8], js: &str) -> Result<(Vec<u8>, String), String> {
    let (before, section, after) = import_section(wasm)?;
    let mut r = Reader {
        bytes: section,
        at: 0,
    };
    let count = r.leb()?;
    let mut out = Vec::with_capacity(section.len());
    write_leb(&mut out, count);
    let mut js = js.to_owned();
    let mut renamed = 0u32;
    for _ in 0..count {
        let module = r.name()?;
        let field = r.name()?;
        let kind = r.byte()?;
        let start = r.at;
        r.descriptor(kind)?;
        let descriptor = &section[start..r.at];
        let new = if field.starts_with("__wbg_") {
            let short = format!("w{renamed:x}");
            let key = format!("{field}:");
            if js.matches(&key).count() != 1 || js.matches(field).count() != 1 {
                return Err(format!(
                    "the glue does not name import {field} exactly once"
                ));
            }
            js = js.replacen(&key, &format!("{short}:"), 1);
            renamed += 1;
            short
        } else {
            field.to_owned()
        };
        write_name(&mut out, module);
        write_name(&mut out, &new);
        out.push(kind);
        out.extend_from_slice(descriptor);
    }
    if r.at != section.len() {
        return Err("the import section has bytes after its last import".to_owned());
    }
    let mut module = before.to_vec();
    write_leb(&mut module, out.len() as u64);
    module.extend_from_slice(&out);
    module.extend_from_slice(after);
    Ok((module, js))
}

/// A module cut around its import section: up to the section's size, its contents, the rest.
type Cut<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// The module up to the import section's size, the section's contents, and the rest.
fn import_section(wasm: &[u8]) -> Result<Cut<'_>, String> {
    if wasm.get(..8) != Some(&[0, 0x61, 0x73, 0x6d, 1, 0, 0, 0][..]) {
        return Err("not a wasm module (version 1)".to_owned());
    }
    let mut r = Reader { bytes: wasm, at: 8 };
    while r.at < wasm.len() {
        let id = r.byte()?;
        let size_at = r.at;
        let size = usize::try_from(r.leb()?).map_err(|_| "section too large")?;
        let body = r.at;
        let end = body.checked_add(size).filter(|&e| e <= wasm.len());
        let end = end.ok_or("a section runs past the module's end")?;
        if id == 2 {
            return Ok((&wasm[..size_at], &wasm[body..end], &wasm[end..]));
        }
        r.at = end;
    }
    Err("the module has no import section".to_owned())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or("unexpected end of the module")?;
        self.at += 1;
        Ok(b)
    }

    fn leb(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(value);
            }
        }
        Err("a number too long".to_owned())
    }

    fn name(&mut self) -> Result<&'a str, String> {
        let len = usize::try_from(self.leb()?).map_err(|_| "name too long")?;
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("a name runs past the section's end")?;
        let bytes = self.bytes;
        let name = std::str::from_utf8(&bytes[self.at..end]).map_err(|_| "a name not in UTF-8")?;
        self.at = end;
        Ok(name)
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }

    /// Skips an import's descriptor: function, table, memory, global or tag.
    fn descriptor(&mut self, kind: u8) -> Result<(), String> {
        match kind {
            0 => self.leb().map(drop),
            1 => {
                self.byte()?;
                self.limits()
            }
            2 => self.limits(),
            3 => {
                self.byte()?;
                self.byte().map(drop)
            }
            4 => {
                self.byte()?;
                self.leb().map(drop)
            }
            _ => Err(format!("an import of unknown kind {kind}")),
        }
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module with a type section, two function imports and a memory import, and a custom
    /// section after them.
    fn module(names: &[&str]) -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, names.len() as u64 + 1);
        for name in names {
            write_name(&mut imports, "./x_bg.js");
            write_name(&mut imports, name);
            imports.extend_from_slice(&[0, 0]);
        }
        write_name(&mut imports, "env");
        write_name(&mut imports, "memory");
        imports.extend_from_slice(&[2, 1, 1, 2]);
        let mut m = vec![0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
        m.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        m.push(2);
        write_leb(&mut m, imports.len() as u64);
        m.extend_from_slice(&imports);
        m.extend_from_slice(&[0, 3, 2, b'h', b'i']);
        m
    }

    const GLUE: &str = "{\"./x_bg.js\":{__wbg_log_0123456789abcdef:function(a){},__wbg_now_fedcba9876543210:function(){}}}";

    #[test]
    fn renames_each_import_in_both_files_and_keeps_the_rest() {
        let wasm = module(&["__wbg_log_0123456789abcdef", "__wbg_now_fedcba9876543210"]);
        let (short, js) = shorten(&wasm, GLUE).expect("renamed");
        assert_eq!(js, "{\"./x_bg.js\":{w0:function(a){},w1:function(){}}}");
        assert_eq!(short, module(&["w0", "w1"]));
        // The same inputs give the same bytes.
        assert_eq!(shorten(&wasm, GLUE).expect("again"), (short, js));
    }

    #[test]
    fn refuses_a_glue_that_does_not_match() {
        let wasm = module(&["__wbg_log_0123456789abcdef", "__wbg_gone_0000000000000000"]);
        assert!(shorten(&wasm, GLUE).is_err());
        let twice = format!("{GLUE}__wbg_log_0123456789abcdef");
        let wasm = module(&["__wbg_log_0123456789abcdef"]);
        assert!(shorten(&wasm, &twice).is_err());
        assert!(shorten(b"\0asm\x02\0\0\0", GLUE).is_err());
        let mut cut = module(&["__wbg_log_0123456789abcdef"]);
        cut.truncate(20);
        assert!(shorten(&cut, GLUE).is_err());
    }
}
