//! The closed registry of format names a schema's `Format` column may use, mapped to
//! [`fieldtab_runtime::Format`]. Names are case-insensitive and runs of spaces count as one.
//!
//! | name | format |
//! |---|---|
//! | `YYYYMMDDHHMISS` | [`Format::LocalTime`] |
//! | `GMT±hh:mm` (also `GMT+hh:mm`, `GMT+/-hh:mm`) | [`Format::GmtOffset`] |
//! | `ISO 8601` (also `ISO 8601 date-time`) | [`Format::Timestamp`] |
//! | `ISO 4217` (also `ISO 4217 alpha`) | [`Format::CurrencyAlpha`] |
//! | `ISO 4217 numeric` | [`Format::CurrencyNumeric`] |
//! | `minor units` | [`Format::MinorUnits`] |
//! | `decimal MIN..MAX scale N` (`decimal 0..1 scale 2`) | [`Format::Decimal`] |
//! | `URL` | [`Format::Url`] |
//! | `base64 image SIZE KINDS` (`base64 image 100 KB jpeg png`) | [`Format::Base64Image`] |
//! | `JSON` | [`Format::JsonText`] |
//! | `mobile` | [`Format::Mobile`] |
//! | `PAN`, `PAN luhn` | [`Format::Pan`] |

use fieldtab_runtime::{Format, ImageKinds};

/// Canonical names, offered by did-you-mean and used in messages.
const NAMES: &[&str] = &[
    "YYYYMMDDHHMISS",
    "GMT±hh:mm",
    "ISO 8601",
    "ISO 4217",
    "ISO 4217 numeric",
    "minor units",
    "decimal 0..1 scale 2",
    "URL",
    "base64 image 100 KB jpeg png",
    "JSON",
    "mobile",
    "PAN",
    "PAN luhn",
];

/// Why a format name was not understood: a message and an optional help line.
#[derive(Debug)]
pub(crate) struct FormatError {
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

/// The format named by `text` (see the module docs for the names), if it is one.
#[cfg(test)]
pub(crate) fn lookup(text: &str) -> Option<Format> {
    parse(text).ok()
}

/// The canonical name of a format, as a schema would write it (`decimal 0..1 scale 2`).
pub fn name(format: &Format) -> String {
    match format {
        Format::LocalTime => "YYYYMMDDHHMISS".into(),
        Format::GmtOffset => "GMT±hh:mm".into(),
        Format::Timestamp => "ISO 8601".into(),
        Format::CurrencyAlpha => "ISO 4217".into(),
        Format::CurrencyNumeric => "ISO 4217 numeric".into(),
        Format::MinorUnits => "minor units".into(),
        Format::Decimal { min, max, scale } => format!("decimal {min}..{max} scale {scale}"),
        Format::Url => "URL".into(),
        Format::Base64Image { max_bytes, kinds } => {
            let size = if max_bytes % 1024 == 0 {
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
        Format::JsonText => "JSON".into(),
        Format::Mobile => "mobile".into(),
        Format::Pan { luhn: false } => "PAN".into(),
        Format::Pan { luhn: true } => "PAN luhn".into(),
    }
}

/// Parses a format name, explaining what is wrong when it is not one.
pub(crate) fn parse(text: &str) -> Result<Format, FormatError> {
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    let normal = words.join(" ");
    let simple = match normal.as_str() {
        "yyyymmddhhmiss" => Some(Format::LocalTime),
        "gmt±hh:mm" | "gmt+hh:mm" | "gmt+/-hh:mm" | "gmt±xx:xx" | "gmt+/-xx:xx" => {
            Some(Format::GmtOffset)
        }
        "iso 8601" | "iso 8601 date-time" | "iso8601" => Some(Format::Timestamp),
        "iso 4217" | "iso 4217 alpha" | "iso-4217" => Some(Format::CurrencyAlpha),
        "iso 4217 numeric" | "iso-4217 numeric" => Some(Format::CurrencyNumeric),
        "minor units" => Some(Format::MinorUnits),
        "url" => Some(Format::Url),
        "json" => Some(Format::JsonText),
        "mobile" => Some(Format::Mobile),
        "pan" => Some(Format::Pan { luhn: false }),
        "pan luhn" | "pan with luhn" => Some(Format::Pan { luhn: true }),
        _ => None,
    };
    if let Some(format) = simple {
        return Ok(format);
    }
    match words.first().map(String::as_str) {
        Some("decimal") => parse_decimal(&words[1..]),
        Some("base64") if words.get(1).map(String::as_str) == Some("image") => {
            parse_image(&words[2..])
        }
        _ => Err(FormatError {
            message: format!("unknown format `{}`", text.trim()),
            help: Some(
                match crate::diagnostics::did_you_mean(text.trim(), NAMES.iter().copied()) {
                    Some(name) => format!("did you mean `{name}`?"),
                    None => format!("known formats: {}", NAMES.join(", ")),
                },
            ),
        }),
    }
}

/// `decimal MIN..MAX scale N`.
fn parse_decimal(words: &[String]) -> Result<Format, FormatError> {
    let error = || FormatError {
        message: "malformed decimal format".into(),
        help: Some("write `decimal MIN..MAX scale N`, e.g. `decimal 0..1 scale 2`".into()),
    };
    let [range, scale_word, scale] = words else {
        return Err(error());
    };
    let (min, max) = range.split_once("..").ok_or_else(error)?;
    let min: i64 = min.parse().map_err(|_| error())?;
    let max: i64 = max.parse().map_err(|_| error())?;
    let scale: u8 = scale.parse().map_err(|_| error())?;
    if scale_word != "scale" {
        return Err(error());
    }
    if min > max {
        return Err(FormatError {
            message: format!("inverted decimal range `{min}..{max}`"),
            help: Some("the minimum comes first".into()),
        });
    }
    if scale > 18 {
        return Err(FormatError {
            message: format!("decimal scale {scale} is more than 18"),
            help: None,
        });
    }
    Ok(Format::Decimal { min, max, scale })
}

/// `base64 image SIZE UNIT KINDS...`: `100 KB jpeg png`, `max 2 MB png`, `100KB jpeg, png`.
fn parse_image(words: &[String]) -> Result<Format, FormatError> {
    let error = |why: &str| {
        FormatError {
        message: format!("malformed base64 image format: {why}"),
        help: Some(
            "write `base64 image SIZE KINDS`, e.g. `base64 image 100 KB jpeg png` (KB = 1024 bytes)"
                .into(),
        ),
    }
    };
    let mut tokens: Vec<String> = Vec::new();
    for word in words {
        // `image/jpeg` is a MIME type: the kind is what follows the slash.
        let word = word.replace("image/", "");
        for part in word.split([',', '/']) {
            if part.is_empty() || matches!(part, "max" | "≤" | "<=" | "or" | "and") {
                continue;
            }
            // `100kb` is `100` then `kb`.
            let digits = part.chars().take_while(char::is_ascii_digit).count();
            if digits > 0 && digits < part.len() {
                tokens.push(part[..digits].to_string());
                tokens.push(part[digits..].to_string());
            } else {
                tokens.push(part.to_string());
            }
        }
    }
    let mut max_bytes: Option<u32> = None;
    let mut kinds = ImageKinds {
        jpeg: false,
        png: false,
    };
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i].as_str();
        if let Ok(n) = token.parse::<u32>() {
            let unit = tokens.get(i + 1).map(String::as_str);
            let factor = match unit {
                Some("b" | "bytes") => 1,
                Some("kb" | "kib") => 1024,
                Some("mb" | "mib") => 1024 * 1024,
                _ => return Err(error("a size needs a unit: B, KB or MB")),
            };
            if max_bytes.is_some() {
                return Err(error("two sizes"));
            }
            max_bytes = Some(
                n.checked_mul(factor)
                    .filter(|&b| b > 0)
                    .ok_or_else(|| error("size out of range"))?,
            );
            i += 2;
            continue;
        }
        match token {
            "jpeg" | "jpg" => kinds.jpeg = true,
            "png" => kinds.png = true,
            other => return Err(error(&format!("unknown image kind `{other}` (jpeg, png)"))),
        }
        i += 1;
    }
    let Some(max_bytes) = max_bytes else {
        return Err(error("no size limit"));
    };
    if !kinds.jpeg && !kinds.png {
        kinds = ImageKinds {
            jpeg: true,
            png: true,
        };
    }
    Ok(Format::Base64Image { max_bytes, kinds })
}

/// A short valid value of the format, used to tell whether an ISO charset can hold the format
/// at all (`GMT±hh:mm` in an `N` field cannot).
pub(crate) fn sample(format: &Format) -> String {
    match format {
        Format::LocalTime => "20240229123000".into(),
        Format::GmtOffset => "GMT+08:00".into(),
        Format::Timestamp => "2019-11-27T12:01:01Z".into(),
        Format::CurrencyAlpha => "USD".into(),
        Format::CurrencyNumeric => "840".into(),
        Format::MinorUnits => "100".into(),
        Format::Decimal { min, .. } => min.to_string(),
        Format::Url => "https://example.com/".into(),
        Format::Base64Image { .. } => "iVBORw0KGgo=".into(),
        Format::JsonText => "{}".into(),
        Format::Mobile => "+86-13800000000".into(),
        Format::Pan { .. } => "4111111111111111".into(),
    }
}

/// The exact length of every value of the format, for the formats that have one.
pub(crate) fn exact_len(format: &Format) -> Option<u32> {
    match format {
        Format::LocalTime => Some(14),
        Format::GmtOffset => Some(9),
        Format::CurrencyAlpha | Format::CurrencyNumeric => Some(3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_canonical_name_parses_and_round_trips() {
        for name in NAMES {
            let format = lookup(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(super::name(&format), *name);
        }
    }

    /// The fit check (`GMT±hh:mm` cannot live in an `N` field) relies on each sample being a
    /// valid value of its format, by the runtime's own rule.
    #[test]
    fn every_sample_is_a_valid_value() {
        for name in NAMES {
            let format = lookup(name).unwrap_or_else(|| panic!("{name}"));
            let sample = sample(&format);
            assert!(format.check(&sample).is_ok(), "{name}: {sample}");
            if let Some(len) = exact_len(&format) {
                assert_eq!(sample.len(), len as usize, "{name}");
            }
        }
    }

    #[test]
    fn parametric_formats() {
        assert_eq!(
            lookup("Decimal 0..1 scale 2"),
            Some(Format::Decimal {
                min: 0,
                max: 1,
                scale: 2
            })
        );
        assert_eq!(
            lookup("base64 image max 100KB image/jpeg, image/png"),
            Some(Format::Base64Image {
                max_bytes: 102_400,
                kinds: ImageKinds {
                    jpeg: true,
                    png: true
                }
            })
        );
        assert_eq!(lookup("gmt+hh:mm"), Some(Format::GmtOffset));
        assert!(lookup("base64 image png").is_none());
        assert!(lookup("decimal 1..0 scale 2").is_none());
    }

    #[test]
    fn unknown_names_get_a_suggestion() {
        let Err(e) = parse("YYYYMMDDHHMMSS") else {
            panic!()
        };
        assert_eq!(e.help.as_deref(), Some("did you mean `YYYYMMDDHHMISS`?"));
    }
}
