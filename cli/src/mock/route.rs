//! `--route 'METHOD PATH=REQUEST:RESPONSE'`: what one route says, and finding the route of a
//! request.

use std::fmt;

/// One `--route` as written: `POST /enroll=EnrollmentRegistrationRequest:EnrollmentRegistrationResponse`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RouteSpec {
    /// The HTTP method, upper case as HTTP spells it (`POST`).
    pub(crate) method: String,
    /// The exact path (`/enroll`), starting with `/`.
    pub(crate) path: String,
    /// The message or struct a request body must be.
    pub(crate) request: String,
    /// The message or struct a valid request is answered with.
    pub(crate) response: String,
}

impl fmt::Display for RouteSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let RouteSpec {
            method,
            path,
            request,
            response,
        } = self;
        write!(f, "{method} {path}={request}:{response}")
    }
}

/// Reads `METHOD PATH=REQUEST:RESPONSE` (clap's value parser: an error is a usage error).
/// The path is what lies between the space and the last `=`, so a path may hold `=`; names
/// hold neither `=` nor `:`.
pub(crate) fn parse_route(text: &str) -> Result<RouteSpec, String> {
    const SHAPE: &str =
        "expected 'METHOD PATH=REQUEST:RESPONSE', such as 'POST /enroll=Request:Response'";
    let (method, rest) = text.trim().split_once(' ').ok_or(SHAPE)?;
    let (path, names) = rest.trim_start().rsplit_once('=').ok_or(SHAPE)?;
    let (request, response) = names.split_once(':').ok_or(SHAPE)?;
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(format!("the method must be letters, such as POST; {SHAPE}"));
    }
    if !path.starts_with('/') || path.contains(char::is_whitespace) {
        return Err(format!(
            "the path must start with `/` and hold no space; {SHAPE}"
        ));
    }
    let name_ok = |name: &str| !name.is_empty() && !name.contains(char::is_whitespace);
    if !name_ok(request) || !name_ok(response) {
        return Err(format!(
            "REQUEST and RESPONSE must be message names; {SHAPE}"
        ));
    }
    Ok(RouteSpec {
        method: method.to_ascii_uppercase(),
        path: path.to_owned(),
        request: request.to_owned(),
        response: response.to_owned(),
    })
}

/// What a request's method and path find among the routes.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// The route at this index.
    Route(usize),
    /// The path has routes, none for this method: their methods (the `Allow` header).
    OtherMethods(Vec<String>),
    /// No route has this path.
    NoRoute,
}

/// The route of `method` and `path` (exact, case-sensitive path; the method in any case).
pub(crate) fn find(routes: &[RouteSpec], method: &str, path: &str) -> Found {
    let mut methods = Vec::new();
    for (i, route) in routes.iter().enumerate() {
        if route.path == path {
            if route.method.eq_ignore_ascii_case(method) {
                return Found::Route(i);
            }
            if !methods.contains(&route.method) {
                methods.push(route.method.clone());
            }
        }
    }
    if methods.is_empty() {
        Found::NoRoute
    } else {
        Found::OtherMethods(methods)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_route() {
        let route = parse_route("post /a=b/c=Req:Resp").unwrap();
        assert_eq!(route.method, "POST");
        assert_eq!(route.path, "/a=b/c");
        assert_eq!(
            (route.request.as_str(), route.response.as_str()),
            ("Req", "Resp")
        );
        assert_eq!(route.to_string(), "POST /a=b/c=Req:Resp");
        for bad in [
            "POST",
            "POST /a",
            "POST /a=Req",
            "POST a=R:S",
            "P0ST /a=R:S",
            "POST /a=:S",
            "POST /a=R:",
        ] {
            assert!(parse_route(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn finds_routes_and_methods() {
        let routes = [
            parse_route("POST /a=R:S").unwrap(),
            parse_route("PUT /a=R:S").unwrap(),
        ];
        assert_eq!(find(&routes, "post", "/a"), Found::Route(0));
        assert_eq!(find(&routes, "PUT", "/a"), Found::Route(1));
        assert_eq!(
            find(&routes, "GET", "/a"),
            Found::OtherMethods(vec!["POST".into(), "PUT".into()])
        );
        assert_eq!(find(&routes, "POST", "/A"), Found::NoRoute);
    }
}
