//! Base64-encoded JPEG and PNG images.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT as BASE64;

use crate::{ImageKinds, RuleError};
use std::borrow::Cow;

const JPEG_MAGIC: &[u8] = &[0xFF, 0xD8, 0xFF];
const PNG_MAGIC: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// Input decoded per step: a multiple of 4 characters, into a stack buffer.
const CHUNK: usize = 1024;

/// The base64 image rule of [`Format::Base64Image`](crate::Format::Base64Image):
///
/// - standard base64 (RFC 4648 §4, `+` and `/`), padding optional, no whitespace; optionally
///   preceded by a data URL prefix `data:image/png;base64,`, `data:image/jpeg;base64,` or
///   `data:image/jpg;base64,` that must agree with the content;
/// - at most `max_bytes` once decoded;
/// - a JPEG (starts `FF D8 FF`) or a PNG (starts with its 8-byte signature), as `kinds` allows.
///
/// Decodes in chunks into a stack buffer: nothing is allocated.
pub(crate) fn check_base64_image(
    value: &str,
    max_bytes: u32,
    kinds: ImageKinds,
) -> Result<(), RuleError> {
    let (declared, data) = strip_data_url(value.as_bytes());
    let bad = || RuleError::format("must be a base64-encoded image (standard alphabet, no spaces)");
    if data.is_empty() {
        return Err(bad());
    }
    // `=` only as padding at the very end, so that chunks decode as one whole.
    let pad = data.iter().rev().take_while(|&&b| b == b'=').count();
    if pad > 2 || data[..data.len() - pad].contains(&b'=') {
        return Err(bad());
    }
    let significant = data.len() - pad;
    if significant % 4 == 1 {
        return Err(bad());
    }
    let decoded_len = significant / 4 * 3 + (significant % 4).saturating_sub(1);
    if decoded_len as u64 > u64::from(max_bytes) {
        let unit = crate::LengthUnit::Bytes.counted(max_bytes.into());
        return Err(RuleError::format(format!(
            "must be an image of at most {max_bytes} {unit} once decoded"
        )));
    }
    let mut buf = [0u8; CHUNK / 4 * 3];
    let mut kind = None;
    for (i, chunk) in data.chunks(CHUNK).enumerate() {
        let n = BASE64.decode_slice(chunk, &mut buf).map_err(|_| bad())?;
        if i == 0 {
            let head = &buf[..n];
            kind = if head.starts_with(JPEG_MAGIC) {
                Some(Kind::Jpeg)
            } else if head.starts_with(PNG_MAGIC) {
                Some(Kind::Png)
            } else {
                None
            };
        }
    }
    let allowed = match kind {
        Some(Kind::Jpeg) => kinds.jpeg,
        Some(Kind::Png) => kinds.png,
        None => false,
    };
    if !allowed || declared.is_some_and(|d| Some(d) != kind) {
        return Err(RuleError::format(match (kinds.jpeg, kinds.png) {
            (true, false) => "must be a JPEG image",
            (false, true) => "must be a PNG image",
            _ => "must be a JPEG or PNG image",
        }));
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Jpeg,
    Png,
}

fn strip_data_url(s: &[u8]) -> (Option<Kind>, &[u8]) {
    for (prefix, kind) in [
        (&b"data:image/png;base64,"[..], Kind::Png),
        (&b"data:image/jpeg;base64,"[..], Kind::Jpeg),
        (&b"data:image/jpg;base64,"[..], Kind::Jpeg),
    ] {
        if let Some(rest) = s.strip_prefix(prefix) {
            return (Some(kind), rest);
        }
    }
    (None, s)
}

/// The `base64 image SIZE KINDS` format.
pub(crate) struct Spec {
    /// Maximum decoded size in bytes.
    pub(crate) max_bytes: u32,
    /// Accepted image kinds.
    pub(crate) kinds: ImageKinds,
}

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        check_base64_image(value, self.max_bytes, self.kinds)
    }

    fn name(&self) -> Cow<'static, str> {
        image_name(self.max_bytes, self.kinds).into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &[]
    }

    fn samples(&self) -> Vec<String> {
        image_samples(self.kinds)
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        None
    }

    fn exact_len(&self) -> Option<u32> {
        None
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some(image_pattern(self.kinds))
    }

    fn typed_value(&self) -> Option<&'static str> {
        None
    }
}

/// `base64 image SIZE KINDS`: the size in KB when whole, else in B.
fn image_name(max_bytes: u32, kinds: ImageKinds) -> String {
    let size = if max_bytes.is_multiple_of(1024) {
        format!("{} KB", max_bytes / 1024)
    } else {
        format!("{max_bytes} B")
    };
    let mut out = format!("base64 image {size}");
    if kinds.jpeg {
        out.push_str(" jpeg");
    }
    if kinds.png {
        out.push_str(" png");
    }
    out
}

/// The 8-byte PNG signature and a 1x1 PNG (70 bytes) when `kinds` has PNG, a JPEG start when
/// it has JPEG, each as base64 (the first one the shortest).
fn image_samples(kinds: ImageKinds) -> Vec<String> {
    let mut samples = Vec::new();
    if kinds.png {
        samples.push("iVBORw0KGgo=".to_owned());
    }
    if kinds.jpeg {
        // FF D8 FF E0.
        samples.push("/9j/4A==".to_owned());
    }
    if kinds.png {
        samples.push("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==".to_owned());
        samples.push("data:image/png;base64,iVBORw0KGgo=".to_owned());
    }
    samples
}

/// A base64 image: the optional data URL prefix agreeing with the signature, the base64 of the
/// signature (`/9j/` for JPEG's FF D8 FF, `iVBORw0KGg` and one of `o`–`r` for PNG's 8 bytes),
/// the alphabet, padding.
fn image_pattern(kinds: ImageKinds) -> String {
    let mut starts = Vec::new();
    if kinds.png {
        starts.push("(data:image/png;base64,)?iVBORw0KGg[o-r]");
    }
    if kinds.jpeg {
        starts.push("(data:image/jpe?g;base64,)?/9j/");
    }
    format!("^({})[A-Za-z0-9+/]*={{0,2}}$", starts.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};

    const BOTH: ImageKinds = ImageKinds::ALL;

    fn png(size: usize) -> Vec<u8> {
        let mut v = PNG_MAGIC.to_vec();
        v.resize(size, 7);
        v
    }

    fn jpeg(size: usize) -> Vec<u8> {
        let mut v = JPEG_MAGIC.to_vec();
        v.resize(size, 0xAB);
        v
    }

    #[test]
    fn size_boundaries() {
        for size in [8, 9, 10, 11, 767, 768, 769, 100 * 1024] {
            let text = STANDARD.encode(png(size));
            assert!(
                check_base64_image(&text, size as u32, BOTH).is_ok(),
                "{size}"
            );
            assert!(
                check_base64_image(&text, size as u32 - 1, BOTH).is_err(),
                "{size}"
            );
            let unpadded = STANDARD_NO_PAD.encode(png(size));
            assert!(
                check_base64_image(&unpadded, size as u32, BOTH).is_ok(),
                "{size}"
            );
        }
        let over = STANDARD.encode(jpeg(100 * 1024 + 1));
        let e = check_base64_image(&over, 100 * 1024, BOTH).unwrap_err();
        assert_eq!(
            e.message,
            "must be an image of at most 102400 bytes once decoded"
        );
        // A bound of one byte is singular.
        let e = check_base64_image(&STANDARD.encode([0u8; 3]), 1, BOTH).unwrap_err();
        assert_eq!(e.message, "must be an image of at most 1 byte once decoded");
    }

    #[test]
    fn kinds_by_magic_bytes() {
        let p = STANDARD.encode(png(100));
        let j = STANDARD.encode(jpeg(100));
        let gif = STANDARD.encode(b"GIF89a-------------");
        let only_png = ImageKinds {
            jpeg: false,
            png: true,
        };
        assert!(check_base64_image(&p, 1000, only_png).is_ok());
        assert!(check_base64_image(&j, 1000, only_png).is_err());
        assert!(check_base64_image(&j, 1000, BOTH).is_ok());
        assert!(check_base64_image(&gif, 1000, BOTH).is_err());
        assert!(check_base64_image(&format!("data:image/png;base64,{p}"), 1000, BOTH).is_ok());
        assert!(check_base64_image(&format!("data:image/jpg;base64,{j}"), 1000, BOTH).is_ok());
        assert!(check_base64_image(&format!("data:image/png;base64,{j}"), 1000, BOTH).is_err());
    }

    #[test]
    fn malformed() {
        let p = STANDARD.encode(png(3000));
        let mut middle_pad = p.clone();
        middle_pad.replace_range(1500..1501, "=");
        let mut bad_char = p.clone();
        bad_char.replace_range(2000..2001, "*");
        let chunk_pad = STANDARD.encode(png(768 - 1)) + &STANDARD.encode(png(100));
        for bad in [
            String::new(),
            "====".into(),
            "A".into(),
            "iVBORw0KGgo===".into(),
            "iVBORw0KGgo==".into(),
            "iVBORw0KGgp=".into(),
            middle_pad,
            bad_char,
            chunk_pad,
            format!("-{}", &p[1..]),
            format!(" {p}"),
            format!("{}\n{}", &p[..76], &p[76..]),
            format!("{p}é"),
        ] {
            assert!(
                check_base64_image(&bad, 1 << 20, BOTH).is_err(),
                "{bad:.40}"
            );
        }
    }
}
