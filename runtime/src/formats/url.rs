//! Absolute `http`/`https` URLs.

use super::owned;
use crate::RuleError;
use std::borrow::Cow;

/// The URL rule of [`Format::Url`](crate::Format::Url): an absolute URL (RFC 3986) whose scheme
/// is `http` or `https` (any case), then `//` and a host:
///
/// - the host is a domain name (labels of letters, digits and `-`, separated by single dots,
///   none starting or ending with `-`) or an IP literal in brackets; an optional port of 1 to 5
///   digits, at most 65535; no user information (`user@`);
/// - the rest (path, query, fragment) is printable ASCII without spaces or `` "<>\^`{|} ``, and each
///   `%` starts a two-digit hexadecimal escape. Non-ASCII characters must be percent-encoded.
#[inline]
pub(crate) fn check_url(value: &str) -> Result<(), RuleError> {
    if fast_url(value.as_bytes()) {
        return Ok(());
    }
    check_url_general(value)
}

/// The common shape, a domain name without port or user and a tail without `%`, read without
/// building an error, where the general check makes a pass per part (scheme, authority, `@`,
/// `:`, each label, tail) at about 900 instructions for a 40-byte URL. `true` only for URLs the
/// general check accepts (the `fast_path_agrees` test holds it to that): the same scheme, the
/// same host-name rule ([`is_host_name`]) and the same tail table; `false` for anything else,
/// valid or not, so that the general check alone finds every error.
#[inline]
fn fast_url(s: &[u8]) -> bool {
    let Some(rest) = strip_prefix_ignore_case(s, b"https://")
        .or_else(|| strip_prefix_ignore_case(s, b"http://"))
    else {
        return false;
    };
    let end = rest
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (host, tail) = rest.split_at(end);
    // A `:` (a port) or `@` is not in a host name: those authorities go to the general check,
    // as does a tail with escapes.
    is_host_name(host) && tail.iter().all(|&b| URL_CHAR[usize::from(b)] && b != b'%')
}

/// The general URL check: every text and every error message.
#[cold]
#[inline(never)]
fn check_url_general(value: &str) -> Result<(), RuleError> {
    let s = value.as_bytes();
    let rest = strip_prefix_ignore_case(s, b"https://")
        .or_else(|| strip_prefix_ignore_case(s, b"http://"))
        .ok_or_else(|| {
            RuleError::format("must be an absolute URL starting with http:// or https://")
        })?;
    let end = rest
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    check_authority(authority)?;
    for (i, &b) in tail.iter().enumerate() {
        if !URL_CHAR[usize::from(b)] {
            return Err(RuleError::format(format!(
                "must be a URL; the character at byte {} is not allowed (percent-encode it)",
                s.len() - tail.len() + i
            )));
        }
        if b == b'%' {
            let hex = tail.get(i + 1..i + 3);
            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                return Err(RuleError::format(
                    "must be a URL; `%` must start a two-digit hexadecimal escape",
                ));
            }
        }
    }
    Ok(())
}

/// The bytes allowed after the host: printable ASCII without space and `` "<>\^`{|} ``.
static URL_CHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x21;
    while b <= 0x7E {
        table[b] = !matches!(
            b as u8,
            b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
        );
        b += 1;
    }
    table
};

fn strip_prefix_ignore_case<'s>(s: &'s [u8], prefix: &[u8]) -> Option<&'s [u8]> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Whether `host` is a domain name: labels of 1 to 63 letters, digits and `-`, not starting or
/// ending with `-`, between single dots.
#[inline]
fn is_host_name(host: &[u8]) -> bool {
    !host.is_empty()
        && host.split(|&b| b == b'.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
                && label.first() != Some(&b'-')
                && label.last() != Some(&b'-')
        })
}

fn check_authority(authority: &[u8]) -> Result<(), RuleError> {
    if authority.contains(&b'@') {
        return Err(RuleError::format("must be a URL without user information"));
    }
    let bad_host = || RuleError::format("must be a URL with a valid host name");
    let (host, port) = if let Some(inner) = authority.strip_prefix(b"[") {
        let close = inner.iter().position(|&b| b == b']').ok_or_else(bad_host)?;
        let literal = &inner[..close];
        let ok = !literal.is_empty()
            && literal
                .iter()
                .all(|&b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.'));
        if !ok {
            return Err(bad_host());
        }
        (&[][..], &inner[close + 1..])
    } else {
        let colon = authority
            .iter()
            .position(|&b| b == b':')
            .unwrap_or(authority.len());
        let (host, port) = authority.split_at(colon);
        if !is_host_name(host) {
            return Err(bad_host());
        }
        (host, port)
    };
    let _ = host;
    match port {
        [] => Ok(()),
        [b':', digits @ ..]
            if (1..=5).contains(&digits.len())
                && digits.iter().all(u8::is_ascii_digit)
                && digits
                    .iter()
                    .fold(0u32, |acc, &b| acc * 10 + u32::from(b - b'0'))
                    <= 65535 =>
        {
            Ok(())
        }
        _ => Err(RuleError::format("must be a URL with a port of 0-65535")),
    }
}

/// The `URL` format.
pub(crate) struct Spec;

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        check_url(value)
    }

    fn name(&self) -> Cow<'static, str> {
        "URL".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &[]
    }

    fn samples(&self) -> Vec<String> {
        owned(&[
            "https://example.com/",
            "https://isv.example.com/b/1",
            "http://a.example/x?y=1",
            "https://example.com/a.png",
        ])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        None
    }

    fn exact_len(&self) -> Option<u32> {
        None
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some(url_pattern())
    }

    fn typed_value(&self) -> Option<&'static str> {
        None
    }
}

/// An absolute `http`/`https` URL as the runtime's URL rule reads it.
fn url_pattern() -> String {
    let label = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    let host = format!(r"({label}(\.{label})*|\[[0-9A-Fa-f:.]+\])");
    let port =
        "(:([0-9]{1,4}|[0-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?";
    let tail = r"([/?#]([!#$&-;=?-\[\]_a-z~]|%[0-9A-Fa-f]{2})*)?";
    format!("^[Hh][Tt][Tt][Pp][Ss]?://{host}{port}{tail}$")
}

#[cfg(test)]
mod tests {
    use super::{check_url, check_url_general, fast_url};

    /// `check_url` (fast path first) and the general check agree on `s`, and the fast path
    /// accepts only what the general check accepts.
    fn agree(s: &str) {
        let general = check_url_general(s);
        assert_eq!(check_url(s), general, "{s}");
        assert!(
            !fast_url(s.as_bytes()) || general.is_ok(),
            "fast accepted {s}"
        );
    }

    #[test]
    fn fast_path_agrees() {
        let seeds = [
            "https://benefits.example.com/b/Ab3dE",
            "HTTP://a-b.c0/?q=1#f",
            "http://x.y",
            "hTTps://a.b.c.d.e?x",
            "https://example.com:8080/p",
            "https://example.com/%2F",
        ];
        let long = format!("https://{}.{}/", "a".repeat(63), "b".repeat(64));
        let replacements = "aZ09-._:/?#@[]% <>\\\"{}|^`~\nü";
        let mut checked = 0;
        for seed in seeds.iter().copied().chain([long.as_str()]) {
            agree(seed);
            for len in 0..=seed.len() {
                if let Some(t) = seed.get(..len) {
                    agree(t);
                }
            }
            for (at, c) in seed.char_indices() {
                let after = at + c.len_utf8();
                for r in replacements.chars() {
                    agree(&format!("{}{r}{}", &seed[..at], &seed[after..]));
                    agree(&format!("{}{r}{}", &seed[..at], &seed[at..]));
                    checked += 2;
                }
                agree(&format!("{}{}", &seed[..at], &seed[after..]));
            }
        }
        for n in [62, 63, 64] {
            agree(&format!("https://{}.com/", "a".repeat(n)));
            agree(&format!("https://a-{}-a.com/", "b".repeat(n - 4)));
        }
        assert!(checked > 5000, "{checked}");
    }

    #[test]
    fn boundaries() {
        for ok in [
            "https://example.com",
            "http://example.com/",
            "HTTPS://Example.COM/a/b?c=d&e=%2F#frag",
            "https://www.isv.host:8443/isv/provided/path/for/benefit/sync/notify",
            "https://example.com:65535/",
            "http://127.0.0.1/x",
            "http://[::1]:80/x",
            "https://a.b-c.d/~user/file.png",
            "https://example.com?q",
        ] {
            assert!(check_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "example.com",
            "ftp://example.com",
            "https:/example.com",
            "https://",
            "https:///path",
            "https://exa mple.com",
            "https://example.com/a b",
            "https://example.com/ü",
            "https://user:pw@example.com/",
            "https://example.com:65536/",
            "https://example.com:/",
            "https://example.com:123456/",
            "https://-example.com/",
            "https://example..com/",
            "https://example.com./",
            "https://example.com/%zz",
            "https://example.com/%2",
            "https://example.com/<script>",
            "https://[]/",
            "https://[::1/",
            "https://exa_mple.com/",
            "javascript:alert(1)",
            "https://example.com/\n",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }
}
