//! Where a document holds the values of sensitive fields (card numbers, phone numbers, pins,
//! tokens: what the schema marks `sensitive`), so that a tool which echoes a line of a message
//! (`fieldtab validate` under a violation) masks them: the standard that such values never
//! reach a terminal or a log holds for the message's own text too.

use std::ops::Range;

use fieldtab_runtime::json::locate::value_end_at;
use fieldtab_runtime::json::{Json, Members, read_document, value_at};

use super::Validator;
use crate::model::{Module, Object, Type};

impl Validator<'_> {
    /// The byte ranges of `bytes` that hold a value of a sensitive field, every occurrence
    /// (repeated keys too), at any depth the schema describes, in input order. Empty for
    /// malformed input, which is quoted by nothing.
    ///
    /// ```
    /// # use fieldtab_schema::{Schema, dynamic::Validator};
    /// let schema = Schema::load("../schemas/upi/enrollment_registration.md").unwrap();
    /// let validator = Validator::new(&schema.module, "EnrollmentRegistrationRequest").unwrap();
    /// let message = br#"{"data": {"userToken": "U1", "cardNo": "6214835920672688"}}"#;
    /// let spans = validator.sensitive_spans(message);
    /// assert_eq!(&message[spans[0].clone()], br#""6214835920672688""#);
    /// ```
    pub fn sensitive_spans(&self, bytes: &[u8]) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        if let Ok(Json::Object(members)) = read_document(bytes) {
            object(self.module, self.object, members, bytes, &mut spans);
        }
        spans
    }
}

fn object(
    module: &Module,
    model: &Object,
    members: Members<'_>,
    text: &[u8],
    spans: &mut Vec<Range<usize>>,
) {
    for member in members.iter() {
        let Some(field) = model.fields.iter().find(|f| member.key_is(&f.ident)) else {
            continue;
        };
        if field.sensitive {
            spans.push(member.value_at..value_end_at(text, member.value_at));
        } else {
            value(module, &field.ty, member.value_at, text, spans);
        }
    }
}

/// The sensitive values inside the value at `at`, of type `ty`.
fn value(module: &Module, ty: &Type, at: usize, text: &[u8], spans: &mut Vec<Range<usize>>) {
    match (ty, value_at(text, at)) {
        (Type::Named(name), Json::Object(members)) => {
            if let Some(inner) = module.item(name).and_then(|item| item.kind.object()) {
                object(module, inner, members, text, spans);
            }
        }
        (Type::Array(element), Json::Array(elements)) => {
            for start in elements.iter_at() {
                value(module, element, start, text, spans);
            }
        }
        (Type::Map(element), Json::Object(members)) => {
            for member in members.iter() {
                value(module, element, member.value_at, text, spans);
            }
        }
        _ => {}
    }
}
