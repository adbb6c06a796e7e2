//! URIs of any scheme (RFC 3986): `alipays://platformapi/startApp?appId=…`, `mailto:a@b.c`,
//! `urn:isbn:…`.

use super::owned;
use crate::RuleError;
use std::borrow::Cow;

/// Byte classes of RFC 3986 §2 and §3, as bits of [`CLASS`].
const UNRESERVED: u8 = 1; // ALPHA / DIGIT / "-" / "." / "_" / "~"
const SUB_DELIM: u8 = 2; // "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="
const COLON: u8 = 4;
const AT: u8 = 8;
const SLASH_QUESTION: u8 = 16; // "/" / "?"
const SCHEME: u8 = 32; // ALPHA / DIGIT / "+" / "-" / "."

/// `pchar` without `pct-encoded` (RFC 3986 §3.3).
const PCHAR: u8 = UNRESERVED | SUB_DELIM | COLON | AT;

static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut class = 0;
        if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~') {
            class |= UNRESERVED;
        }
        if matches!(
            c,
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
        ) {
            class |= SUB_DELIM;
        }
        if c == b':' {
            class |= COLON;
        }
        if c == b'@' {
            class |= AT;
        }
        if c == b'/' || c == b'?' {
            class |= SLASH_QUESTION;
        }
        if c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.') {
            class |= SCHEME;
        }
        table[b] = class;
        b += 1;
    }
    table
};

/// The URI rule of [`Format::Uri`](crate::Format::Uri): a URI as RFC 3986 §3 defines it (the
/// `URI` rule: absolute, with a scheme; a fragment allowed), of any scheme:
///
/// - a scheme (a letter, then letters, digits, `+`, `-`, `.`) and `:`; a relative reference
///   (`//host/x`, `/x`, `x`) is not a URI;
/// - then, after `//`, an authority: optional user information and `@`, a host (a name of
///   unreserved characters, sub-delimiters and escapes; an IPv4 address; an IPv6 address or
///   `vX.…` in brackets) and an optional port of digits; then a path of segments;
/// - or, without `//`, a path (`mailto:a@b.c`, `urn:isbn:0451450523`; it may be empty);
/// - then an optional `?query` and `#fragment`;
/// - each component holds only the characters RFC 3986 allows there, and each `%` starts a
///   two-digit hexadecimal escape. Anything else — spaces, non-ASCII characters, `"<>\^`{|}` —
///   must be percent-encoded.
pub(crate) fn check_uri(value: &str) -> Result<(), RuleError> {
    let s = value.as_bytes();
    let colon = s.iter().position(|&b| b == b':');
    let scheme_ok = colon.is_some_and(|at| {
        at > 0
            && s[0].is_ascii_alphabetic()
            && s[..at].iter().all(|&b| CLASS[usize::from(b)] & SCHEME != 0)
    });
    let Some(colon) = colon.filter(|_| scheme_ok) else {
        return Err(RuleError::format(
            "must be an absolute URI: a scheme (letters, digits, `+`, `-`, `.`, starting with a letter) and `:`",
        ));
    };
    let rest = colon + 1;
    let fragment = s[rest..]
        .iter()
        .position(|&b| b == b'#')
        .map_or(s.len(), |at| rest + at);
    let query = s[rest..fragment]
        .iter()
        .position(|&b| b == b'?')
        .map_or(fragment, |at| rest + at);
    let hier = rest..query;
    if s[hier.clone()].starts_with(b"//") {
        let authority_start = hier.start + 2;
        let authority_end = s[authority_start..query]
            .iter()
            .position(|&b| b == b'/')
            .map_or(query, |at| authority_start + at);
        check_authority(s, authority_start, authority_end)?;
        component(
            s,
            authority_end,
            query,
            PCHAR | SLASH_QUESTION,
            b'?',
            "path",
        )?;
    } else {
        component(s, hier.start, query, PCHAR | SLASH_QUESTION, b'?', "path")?;
    }
    if query < fragment {
        component(s, query + 1, fragment, PCHAR | SLASH_QUESTION, 0, "query")?;
    }
    if fragment < s.len() {
        component(
            s,
            fragment + 1,
            s.len(),
            PCHAR | SLASH_QUESTION,
            0,
            "fragment",
        )?;
    }
    Ok(())
}

/// Checks that `s[start..end]` holds only bytes of `allowed` (besides `except`, which is never
/// allowed there) and valid percent escapes. The path (`allowed` with `/`) keeps `?` out, as the
/// query starts at the first one.
fn component(
    s: &[u8],
    start: usize,
    end: usize,
    allowed: u8,
    except: u8,
    what: &'static str,
) -> Result<(), RuleError> {
    let mut i = start;
    while i < end {
        let b = s[i];
        if b == b'%' {
            let hex = s.get(i + 1..i + 3).filter(|_| i + 3 <= end);
            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                return Err(bad_escape(i));
            }
            i += 3;
            continue;
        }
        if b == except || CLASS[usize::from(b)] & allowed == 0 {
            return Err(not_allowed(i, what));
        }
        i += 1;
    }
    Ok(())
}

/// `[ userinfo "@" ] host [ ":" port ]` at `s[start..end]` (RFC 3986 §3.2).
fn check_authority(s: &[u8], start: usize, end: usize) -> Result<(), RuleError> {
    let host_start = match s[start..end].iter().position(|&b| b == b'@') {
        Some(at) => {
            component(
                s,
                start,
                start + at,
                UNRESERVED | SUB_DELIM | COLON,
                0,
                "user information",
            )?;
            start + at + 1
        }
        None => start,
    };
    let port_colon = if s.get(host_start) == Some(&b'[') {
        let close = s[host_start..end]
            .iter()
            .position(|&b| b == b']')
            .map(|at| host_start + at)
            .ok_or_else(|| {
                RuleError::format("must be a URI; an IP literal's `[` must be closed by `]`")
            })?;
        if !ip_literal(&s[host_start + 1..close]) {
            return Err(RuleError::format(format!(
                "must be a URI; the IP literal at byte {host_start} is not an IPv6 address or `vX.…`"
            )));
        }
        match s.get(close + 1) {
            _ if close + 1 == end => None,
            Some(b':') => Some(close + 1),
            _ => return Err(not_allowed(close + 1, "authority")),
        }
    } else {
        let colon = s[host_start..end]
            .iter()
            .position(|&b| b == b':')
            .map(|at| host_start + at);
        // A registered name (an IPv4 address is one too).
        component(
            s,
            host_start,
            colon.unwrap_or(end),
            UNRESERVED | SUB_DELIM,
            0,
            "host",
        )?;
        colon
    };
    if let Some(colon) = port_colon
        && let Some(at) = s[colon + 1..end].iter().position(|b| !b.is_ascii_digit())
    {
        return Err(RuleError::format(format!(
            "must be a URI; the port holds a character that is not a digit at byte {}",
            colon + 1 + at
        )));
    }
    Ok(())
}

/// The inside of `[…]`: an IPv6 address or an `IPvFuture` (RFC 3986 §3.2.2).
fn ip_literal(inner: &[u8]) -> bool {
    match inner {
        [b'v' | b'V', rest @ ..] => {
            let Some(dot) = rest.iter().position(|&b| b == b'.') else {
                return false;
            };
            let (version, tail) = (&rest[..dot], &rest[dot + 1..]);
            !version.is_empty()
                && version.iter().all(u8::is_ascii_hexdigit)
                && !tail.is_empty()
                && tail
                    .iter()
                    .all(|&b| CLASS[usize::from(b)] & (UNRESERVED | SUB_DELIM | COLON) != 0)
        }
        _ => ipv6(inner),
    }
}

/// An IPv6 address as RFC 3986 §3.2.2 writes it: eight groups of 1–4 hexadecimal digits, the
/// last two of which may be an IPv4 address, and at most one `::` standing for one or more
/// groups of zeros.
fn ipv6(text: &[u8]) -> bool {
    let (head, tail, elided) = match find(text, b"::") {
        Some(at) => (&text[..at], &text[at + 2..], true),
        None => (text, &[][..], false),
    };
    let Some(head_groups) = groups(head, !elided) else {
        return false;
    };
    let Some(tail_groups) = groups(tail, true) else {
        return false;
    };
    let total = head_groups + tail_groups;
    if elided {
        // `::` stands for at least one group; head's groups cannot end with an IPv4 address.
        total <= 7 && !(head_groups > 0 && head.contains(&b'.'))
    } else {
        total == 8
    }
}

/// How many 16-bit groups `part` (groups separated by `:`, no `::`) holds, an IPv4 address at
/// its end counting two when `ipv4_last` allows it; `None` when it is malformed. The empty part
/// holds none.
fn groups(part: &[u8], ipv4_last: bool) -> Option<usize> {
    if part.is_empty() {
        return Some(0);
    }
    let pieces = part.split(|&b| b == b':').count();
    let mut count = 0;
    for (i, piece) in part.split(|&b| b == b':').enumerate() {
        let last = i + 1 == pieces;
        if last && ipv4_last && piece.contains(&b'.') {
            if !ipv4(piece) {
                return None;
            }
            count += 2;
        } else if (1..=4).contains(&piece.len()) && piece.iter().all(u8::is_ascii_hexdigit) {
            count += 1;
        } else {
            return None;
        }
    }
    Some(count)
}

/// A dotted-decimal IPv4 address: four `dec-octet`s (0–255, no leading zero).
fn ipv4(text: &[u8]) -> bool {
    text.split(|&b| b == b'.').count() == 4
        && text.split(|&b| b == b'.').all(|octet| {
            matches!(octet.len(), 1..=3)
                && octet.iter().all(u8::is_ascii_digit)
                && (octet.len() == 1 || octet[0] != b'0')
                && octet
                    .iter()
                    .fold(0u32, |n, &b| n * 10 + u32::from(b - b'0'))
                    <= 255
        })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cold]
fn not_allowed(at: usize, what: &str) -> RuleError {
    RuleError::format(format!(
        "must be a URI; the character at byte {at} is not allowed in its {what} (percent-encode it)"
    ))
}

#[cold]
fn bad_escape(at: usize) -> RuleError {
    RuleError::format(format!(
        "must be a URI; the `%` at byte {at} does not start a two-digit hexadecimal escape"
    ))
}

/// The `URI` format.
pub(crate) struct Spec;

impl super::FormatSpec for Spec {
    #[inline]
    fn check(&self, value: &str) -> Result<(), RuleError> {
        check_uri(value)
    }

    fn name(&self) -> Cow<'static, str> {
        "URI".into()
    }

    fn aliases(&self) -> &'static [&'static str] {
        &["absolute URI", "RFC 3986", "RFC 3986 URI"]
    }

    fn samples(&self) -> Vec<String> {
        owned(&[
            "https://example.com/",
            "alipays://platformapi/startApp?appId=20000067&url=https%3A%2F%2Fexample.com%2Fpay",
            "mailto:a@b.c",
            "urn:isbn:0451450523",
            "ldap://[2001:db8::7]/c=GB?objectClass?one",
            "tel:+1-816-555-1212",
            "telnet://192.0.2.16:80/",
            "news:comp.infosystems.www.servers.unix",
            "foo://example.com:8042/over/there?name=ferret#nose",
        ])
    }

    fn extremes(&self) -> Option<&'static [&'static str]> {
        None
    }

    fn exact_len(&self) -> Option<u32> {
        None
    }

    fn json_schema_pattern(&self) -> Option<String> {
        Some(uri_pattern())
    }

    fn typed_value(&self) -> Option<&'static str> {
        None
    }
}

/// RFC 3986's `URI` rule as an ECMA-262 pattern (the RFC's ABNF, written out).
fn uri_pattern() -> String {
    let pct = "%[0-9A-Fa-f]{2}";
    let pchar = format!("([A-Za-z0-9._~!$&'()*+,;=:@-]|{pct})");
    let h16 = "[0-9A-Fa-f]{1,4}";
    let octet = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    let ipv4 = format!(r"{octet}\.{octet}\.{octet}\.{octet}");
    let ls32 = format!("({h16}:{h16}|{ipv4})");
    let ipv6 = [
        format!("({h16}:){{6}}{ls32}"),
        format!("::({h16}:){{5}}{ls32}"),
        format!("({h16})?::({h16}:){{4}}{ls32}"),
        format!("(({h16}:){{0,1}}{h16})?::({h16}:){{3}}{ls32}"),
        format!("(({h16}:){{0,2}}{h16})?::({h16}:){{2}}{ls32}"),
        format!("(({h16}:){{0,3}}{h16})?::{h16}:{ls32}"),
        format!("(({h16}:){{0,4}}{h16})?::{ls32}"),
        format!("(({h16}:){{0,5}}{h16})?::{h16}"),
        format!("(({h16}:){{0,6}}{h16})?::"),
    ]
    .join("|");
    let future = "[vV][0-9A-Fa-f]+\\.[A-Za-z0-9._~!$&'()*+,;=:-]+";
    let host = format!(r"(\[({ipv6}|{future})\]|([A-Za-z0-9._~!$&'()*+,;=-]|{pct})*)");
    let userinfo = format!("(([A-Za-z0-9._~!$&'()*+,;=:-]|{pct})*@)?");
    let authority = format!("{userinfo}{host}(:[0-9]*)?");
    let hier =
        format!("(//{authority}(/{pchar}*)*|/({pchar}+(/{pchar}*)*)?|{pchar}+(/{pchar}*)*)?");
    let tail = format!("([/?]|{pchar})*");
    format!("^[A-Za-z][A-Za-z0-9+.-]*:{hier}(\\?{tail})?(#{tail})?$")
}

#[cfg(test)]
mod tests {
    use super::{check_uri, ipv6, uri_pattern};

    #[test]
    fn the_rfcs_examples_and_the_vendors_uris() {
        for ok in [
            // RFC 3986 §1.1.2.
            "ftp://ftp.is.co.za/rfc/rfc1808.txt",
            "http://www.ietf.org/rfc/rfc2396.txt",
            "ldap://[2001:db8::7]/c=GB?objectClass?one",
            "mailto:John.Doe@example.com",
            "news:comp.infosystems.www.servers.unix",
            "tel:+1-816-555-1212",
            "telnet://192.0.2.16:80/",
            "urn:oasis:names:specification:docbook:dtd:xml:4.1.2",
            // §3.
            "foo://example.com:8042/over/there?name=ferret#nose",
            "urn:example:animal:ferret:nose",
            // What Alipay+ sends as a redirect URL.
            "alipays://platformapi/startApp?appId=20000067&url=https%3A%2F%2Fexample.com%2Fpay",
            "https://example.com",
            "HTTPS://Example.COM:/a//b/?c=d&e=%2F#frag/?",
            "a:",
            "a+b-c.d:x",
            "s://user:pw@host:8080/p",
            "s://@host",
            "s://",
            "s:///path",
            "s://[::]",
            "s://[::1]:80/x",
            "s://[2001:db8:0:0:0:0:2:1]/",
            "s://[::ffff:192.0.2.128]/",
            "s://[1:2:3:4:5:6:1.2.3.4]",
            "s://[v1.fe80::a+en1]",
            "s://999.1.1.1/",
            "s://h/%41%7e",
            "s:/abs/path",
            "s:rootless:with:colons@and@ats",
            "s:?q#f",
            "s:#",
            "s:!$&'()*+,;=",
        ] {
            assert!(check_uri(ok).is_ok(), "{ok}: {:?}", check_uri(ok));
        }
        for bad in [
            "",
            "example.com",
            "//example.com/x",
            "/path",
            "relative/path",
            "1http://x",
            "ht tp://x",
            "-a:x",
            ":x",
            "https://exa mple.com/",
            "https://example.com/a b",
            "https://example.com/ü",
            "https://example.com/%zz",
            "https://example.com/%2",
            "https://example.com/%",
            "https://example.com/<x>",
            "https://example.com/a\"b",
            "https://example.com/{x}",
            "https://example.com/a|b",
            "https://example.com/a\\b",
            "https://example.com/a^b",
            "https://example.com/`",
            "https://example.com/#a#b",
            "https://example.com/\n",
            "https://host:8o/",
            "https://a[b]/",
            "https://[::1/",
            "https://[]/",
            "https://[::1]x/",
            "https://[1:2:3:4:5:6:7]/",
            "https://[1:2:3:4:5:6:7:8:9]/",
            "https://[1::2::3]/",
            "https://[12345::]/",
            "https://[::1.2.3]/",
            "https://[::256.1.1.1]/",
            "https://[::01.1.1.1]/",
            "https://[1.2.3.4::]/",
            "https://[v.x]/",
            "https://[v1.]/",
            "https://[g::1]/",
            "s://us er@h",
            "s://a@b@c",
            "mailto:a b@c",
        ] {
            assert!(check_uri(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ipv6_forms() {
        for ok in [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1:2:3:4:5:6:1.2.3.4",
            "::1.2.3.4",
            "1::1.2.3.4",
            "fe80::a:b",
            "FFFF::",
        ] {
            assert!(ipv6(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "",
            ":",
            ":::",
            "1:2",
            "1:2:3:4:5:6:7:8:9",
            "1::2:3:4:5:6:7:8",
            "::1:2:3:4:5:6:7:8",
            ":1::",
            "1::2:",
            "1:2:3:4:5:6:7:1.2.3.4",
            "1.2.3.4",
            "1.2.3.4::",
            "::1.2.3.4:1",
        ] {
            assert!(!ipv6(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn the_pattern_is_the_rule() {
        let pattern = regex::Regex::new(&uri_pattern()).unwrap();
        let values = [
            "https://example.com",
            "s://[1:2:3:4:5:6:1.2.3.4]",
            "s://[::01.1.1.1]/",
            "s://[v1.fe80::a+en1]",
            "s://[v.x]",
            "https://[1::2::3]/",
            "s:rootless:with:colons@and@ats",
            "s:?q#f",
            "s://a@b@c",
            "https://example.com/#a#b",
            "https://example.com/%2",
            "a:",
            ":x",
            "s://host:8o/",
            "s://host:/",
            "s://[::1]x/",
            "s:/abs//path",
            "s:/",
            "mailto:a b@c",
        ];
        for value in values {
            assert_eq!(pattern.is_match(value), check_uri(value).is_ok(), "{value}");
        }
    }
}
