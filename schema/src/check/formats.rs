//! Format names in a schema's `Format` column, read into [`fieldtab_runtime::Format`]. The
//! names of the formats without parameters, and their aliases, are the runtime's
//! ([`Format::by_name`]; the table is in the runtime's `formats` module docs). This module parses
//! the parametric names, `decimal MIN..MAX scale N` (`decimal 0..1 scale 2`) and
//! `base64 image SIZE KINDS` (`base64 image 100 KB jpeg png`), and explains a name it does not
//! understand. Names are case-insensitive and runs of spaces count as one.

use crate::suggest;
use fieldtab_runtime::{Format, ImageKinds};

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

/// Parses a format name, explaining what is wrong when it is not one.
pub(crate) fn parse(text: &str) -> Result<Format, FormatError> {
    if let Some(format) = Format::by_name(text) {
        return Ok(format);
    }
    let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    match words.first().map(String::as_str) {
        Some("decimal") => parse_decimal(&words[1..]),
        Some("base64") if words.get(1).map(String::as_str) == Some("image") => {
            parse_image(&words[2..])
        }
        _ => {
            // Canonical names, offered by did-you-mean and listed otherwise.
            let names: Vec<_> = Format::EXAMPLES.iter().map(Format::name).collect();
            let known = names.iter().map(AsRef::as_ref);
            let text = text.trim();
            // `custm(merchant-ref)`: a custom format misspelled.
            let custom_typo = text.split_once('(').and_then(|(head, rest)| {
                suggest::did_you_mean(head.trim(), ["custom"]).map(|_| format!("custom({rest}"))
            });
            let help = match (custom_typo, suggest::did_you_mean(text, known)) {
                (Some(custom), _) => format!("did you mean `{custom}`?"),
                (None, Some(name)) => format!("did you mean `{name}`?"),
                (None, None) => format!(
                    "known formats: {}; a format of your own is written `custom(NAME)`",
                    names.join(", ")
                ),
            };
            Err(FormatError {
                message: format!("unknown format `{text}`"),
                help: Some(help),
            })
        }
    }
}

/// The longest name of a custom format.
const MAX_CUSTOM_NAME: usize = 64;

/// What follows the word `custom` when a Format cell's part is a custom format
/// (`custom(merchant-ref)`, `Custom (x)`, `custom` alone): the part for [`parse_custom`].
pub(crate) fn custom_name(part: &str) -> Option<&str> {
    let head = part.get(..6)?;
    let rest = &part[6..];
    (head.eq_ignore_ascii_case("custom")
        && (rest.is_empty() || rest.starts_with('(') || rest.starts_with(char::is_whitespace)))
    .then_some(rest)
}

/// The name of `custom(NAME)`, given what follows `custom`: ASCII letters, digits, `-`, `_`
/// and `.`, starting with a letter, at most 64 bytes, and not a name of the registry (a typo
/// of a registry format must not become a custom one silently).
pub(crate) fn parse_custom(rest: &str) -> Result<String, FormatError> {
    let help = || Some("write `custom(NAME)`, e.g. `custom(merchant-ref)`".to_string());
    let inner = rest
        .trim()
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .map(str::trim);
    let Some(name) = inner else {
        return Err(FormatError {
            message: "malformed custom format".into(),
            help: help(),
        });
    };
    if name.is_empty() {
        return Err(FormatError {
            message: "a custom format without a name".into(),
            help: help(),
        });
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if !name.starts_with(|c: char| c.is_ascii_alphabetic())
        || !name.chars().all(allowed)
        || name.len() > MAX_CUSTOM_NAME
    {
        return Err(FormatError {
            message: "malformed custom format name".into(),
            help: Some(format!(
                "a custom format's name starts with a letter and has at most {MAX_CUSTOM_NAME} \
                 ASCII letters, digits, `-`, `_` and `.`: `custom(merchant-ref)`"
            )),
        });
    }
    if let Ok(format) = parse(name) {
        return Err(FormatError {
            message: format!("`{name}` is a format of the registry, not a custom one"),
            help: Some(format!("write `{}`", format.name())),
        });
    }
    Ok(name.to_owned())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every canonical name and alias the runtime lists reads back as its format, in any case
    /// and spacing, and the name of every parametric example parses to that example.
    #[test]
    fn every_name_and_alias_parses() {
        for format in Format::EXAMPLES {
            let names =
                std::iter::once(format.name()).chain(format.aliases().iter().map(|&a| a.into()));
            for name in names {
                assert_eq!(lookup(&name), Some(format), "{name}");
                let shouted = format!("  {}  ", name.to_uppercase().replace(' ', "   "));
                assert_eq!(lookup(&shouted), Some(format), "{shouted}");
            }
        }
        for format in [
            Format::Decimal {
                min: -5,
                max: 12,
                scale: 3,
            },
            Format::Base64Image {
                max_bytes: 1000,
                kinds: ImageKinds {
                    jpeg: true,
                    png: false,
                },
            },
            Format::Base64Image {
                max_bytes: 2048,
                kinds: ImageKinds {
                    jpeg: false,
                    png: true,
                },
            },
        ] {
            assert_eq!(lookup(&format.name()), Some(format), "{}", format.name());
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
    fn custom_formats() {
        assert_eq!(custom_name("custom(merchant-ref)"), Some("(merchant-ref)"));
        assert_eq!(custom_name("CUSTOM (a)"), Some(" (a)"));
        assert_eq!(custom_name("customer"), None);
        assert_eq!(custom_name("URL"), None);
        assert_eq!(parse_custom("(merchant-ref)").unwrap(), "merchant-ref");
        assert_eq!(parse_custom(" ( v1.ref_2 ) ").unwrap(), "v1.ref_2");
        for bad in ["", "()", "(a b)", "(1a)", "(a", "a)", "(é)", "(a;b)"] {
            assert!(parse_custom(bad).is_err(), "{bad}");
        }
        assert!(parse_custom(&format!("(a{})", "b".repeat(64))).is_err());
        let e = parse_custom("(url)").unwrap_err();
        assert_eq!(e.help.as_deref(), Some("write `URL`"));
    }

    #[test]
    fn unknown_names_get_a_suggestion() {
        let Err(e) = parse("YYYYMMDDHHMMSS") else {
            panic!()
        };
        assert_eq!(e.help.as_deref(), Some("did you mean `YYYYMMDDHHMISS`?"));
    }
}
