//! One line on stderr a request: `POST /enroll 400 invalid EnrollmentRegistrationRequest:
//! 2 violations (length, charset)`. The verdict names rules, never a value or a path of the
//! body; the request's own path is printed through `printable`, its runs of 6 or more digits
//! masked (a client may put a card number in a URL).

use std::io::Write;

use fieldtab_runtime::printable;

use super::answer::Answer;

/// Logs one request.
pub(crate) fn request(method: &str, path: &str, answer: &Answer) {
    let line = format!(
        "{} {} {} {}\n",
        printable(method),
        printable(&mask_digits(path, 6)),
        answer.status,
        answer.verdict
    );
    // A closed stderr leaves nothing to report to.
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// `text` with each run of at least `min` ASCII digits written `****` (whatever its length),
/// after cutting `text` to 200 characters.
fn mask_digits(text: &str, min: usize) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= min {
            out.push_str("****");
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars().take(200) {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_digit_runs_are_masked() {
        assert_eq!(
            mask_digits("/v1/pay/6214835920672688/x", 6),
            "/v1/pay/****/x"
        );
        assert_eq!(mask_digits("/v1/12345", 6), "/v1/12345");
        assert_eq!(mask_digits("123456", 6), "****");
    }
}
