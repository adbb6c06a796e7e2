//! Mutations of a valid document: of one member (removed, `null`, another JSON type, empty,
//! random or number-like strings, raw JSON text, edited strings, enum values that flip
//! conditions, unknown, misspelled and duplicate keys, members of groups added, emptied
//! objects, long strings), and of the whole text
//! (cut, wrapped, malformed, escaped, spaced).

use fieldtab_codegen::model::{Charset, Field, ItemKind, Module, Value};

use crate::generate::{Gen, Rng, alphabet, text_of};
use crate::json::Node;

/// Every member of every group of `item` and of the objects it holds (directly or not), each
/// with a valid value: mutations that add them break groups (docs/SEMANTICS.md §6.5).
pub(crate) fn group_members(
    module: &Module,
    item: &str,
    generator: &Gen<'_>,
) -> Vec<(String, Node)> {
    let mut rng = Rng::new(1);
    let mut out = Vec::new();
    let mut todo = vec![item.to_string()];
    let mut seen: Vec<String> = Vec::new();
    while let Some(name) = todo.pop() {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name.clone());
        let Some(object) = module.item(&name).and_then(|i| i.kind.object()) else {
            continue;
        };
        todo.extend(
            object
                .fields
                .iter()
                .filter_map(|f| f.ty.named())
                .map(str::to_string),
        );
        for group in &object.groups {
            for member in &group.members {
                if let Some(field) = object.fields.iter().find(|f| f.ident == *member) {
                    out.push((
                        member.clone(),
                        generator.value(field, &field.ty, &mut rng, 0),
                    ));
                }
            }
        }
    }
    out
}

/// Every enum value of the module and every value a condition compares with (strings,
/// Booleans, integers): mutations that set them flip conditions.
pub(crate) fn enum_values(module: &Module) -> Vec<Node> {
    let mut values: Vec<Node> = module
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Enum(en) => Some(en.values.iter().map(|v| Node::Str(v.value.clone()))),
            _ => None,
        })
        .flatten()
        .collect();
    for object in module.items.iter().filter_map(|i| i.kind.object()) {
        for condition in object.fields.iter().flat_map(Field::conditions) {
            condition.for_each_atom(&mut |_, compared| {
                for value in compared.unwrap_or_default() {
                    values.push(match value {
                        Value::Str(s) => Node::Str(s.clone()),
                        Value::Bool(b) => Node::Bool(*b),
                        Value::Int(i) => Node::Num(i.to_string()),
                    });
                }
            });
        }
    }
    values
}

/// Mutates `doc` by mutation `kind`; `enums` are the values that flip conditions,
/// `group_members` the members of the groups with a valid value each (added where absent, they
/// break `at most one` and `exactly one` groups).
pub(crate) fn mutate(
    doc: &mut Node,
    kind: u8,
    seed: u64,
    enums: &[Node],
    group_members: &[(String, Node)],
) {
    let mut rng = Rng::new(seed);
    let count = doc.objects();
    if count == 0 {
        return;
    }
    let mut n = rng.below(count);
    let Some(members) = doc.object_mut(&mut n) else {
        return;
    };
    let at = rng.below(members.len());
    let wide = format!("{}é汉\u{1F600}\u{FF11}\t", alphabet(Charset::Ans));
    match kind % 16 {
        0 if !members.is_empty() => {
            members.remove(at);
        }
        1 if !members.is_empty() => members[at].1 = Node::Null,
        2 if !members.is_empty() => {
            let wrong = [
                Node::Num("7".into()),
                Node::Num("1.5".into()),
                Node::Num("1e3".into()),
                Node::Num("18446744073709551616".into()),
                Node::Num("-9223372036854775808".into()),
                // serde_json reads `-0` as a float: `type` for both.
                Node::Num("-0".into()),
                Node::Bool(true),
                Node::Str("x".into()),
                Node::Arr(vec![]),
                Node::Arr(vec![Node::Null]),
                Node::Obj(vec![]),
            ];
            members[at].1 = rng.pick(&wrong).clone();
        }
        3 if !members.is_empty() => members[at].1 = Node::Str(String::new()),
        4 if !members.is_empty() => {
            let len = rng.below(30);
            members[at].1 = Node::Str(text_of(&mut rng, &wide, len));
        }
        14 | 15 if !members.is_empty() => {
            // Raw JSON text: escapes, surrogates, number forms; some of it malformed.
            let pool = [
                r#""\u0034\u0031""#,
                r#""a\nb\t\"\\""#,
                r#""\ud83d\ude00""#,
                r#""\ud800""#,
                r#""\/x""#,
                r#""\u00e9t\u00e9""#,
                "\"tab\tin\"",
                r#""\x""#,
                "1E3",
                "-1e-2",
                "0.0",
                "-9223372036854775809",
                "9223372036854775807",
                "1.0e0",
                // Numbers: beyond f64 (numbers, judged at their field), scales and bounds.
                "1e400",
                "-1e999",
                "0.005",
                "1.50",
                "721",
                "-720",
                "12345678901234567890123",
                "01",
                "1.",
                "+1",
                ".5",
                "-",
                "tru",
                "nulll",
                "[1,]",
                "{\"a\":}",
            ];
            members[at].1 = Node::Num(rng.pick(&pool).to_string());
        }
        13 if !members.is_empty() => {
            // Number-like strings: ranges, scales, leading zeros, signs.
            let pool = [
                "1.5", "2", "0.885", "-1", "00", "1e3", "10.23", "0", "-0.5", "1.00",
            ];
            members[at].1 = Node::Str(rng.pick(&pool).to_string());
        }
        5 if !members.is_empty() => {
            if let Node::Str(s) = &mut members[at].1 {
                match rng.below(5) {
                    0 => s.push(*rng.pick(&wide.chars().collect::<Vec<_>>())),
                    1 => {
                        s.pop();
                    }
                    2 => *s = s.to_lowercase(),
                    3 => *s = s.repeat(2),
                    _ => s.insert(0, '0'),
                }
            }
        }
        6 if !members.is_empty() && !enums.is_empty() => {
            members[at].1 = rng.pick(enums).clone();
        }
        7 if !group_members.is_empty() && rng.chance(50) => {
            // Two members of groups, with valid values, where they are absent: enough to break
            // an `at most one` group of two.
            for _ in 0..2 {
                let (key, value) = rng.pick(group_members).clone();
                if !members.iter().any(|(k, _)| *k == key) {
                    let at = rng.below(members.len() + 1);
                    members.insert(at, (key, value));
                }
            }
        }
        7 => {
            let key = rng.pick(&["zz", "extra", "a/b", "~t", "é"]).to_string();
            let value = if rng.chance(50) {
                Node::Null
            } else {
                Node::Num("1".into())
            };
            let at = rng.below(members.len() + 1);
            members.insert(at, (key, value));
        }
        11 if !members.is_empty() => {
            // A misspelled key: one edit away, so a required field it names gets a
            // did-you-mean (the same message from both sides).
            let key = &mut members[at].0;
            let chars: Vec<char> = key.chars().collect();
            if chars.len() >= 2 {
                let i = rng.below(chars.len() - 1);
                let mut edited = chars.clone();
                match rng.below(3) {
                    0 => edited.swap(i, i + 1),
                    1 => {
                        edited.remove(i);
                    }
                    _ => edited.insert(i, '`'),
                }
                *key = edited.into_iter().collect();
            }
        }
        8 if !members.is_empty() => {
            // A duplicate key, holding the same value or another one.
            let (key, value) = members[at].clone();
            let value = if rng.chance(50) {
                value
            } else {
                Node::Str("9".into())
            };
            let to = at + 1 + rng.below(members.len() - at);
            members.insert(to, (key, value));
        }
        9 if !members.is_empty() => {
            // Replace a nested object or array by a generated sibling of the wrong shape.
            if let Node::Obj(inner) = &mut members[at].1 {
                inner.clear();
            } else if let Node::Arr(items) = &mut members[at].1 {
                items.push(Node::Num("3".into()));
                items.push(Node::Null);
            }
        }
        10 if !members.is_empty() => {
            let len = 60 + rng.below(3000);
            members[at].1 = Node::Str(text_of(&mut rng, "0123456789a", len));
        }
        _ => {
            // Put an unknown key and a duplicate unknown key in.
            members.push(("dup".into(), Node::Bool(false)));
            members.push(("dup".into(), Node::Null));
        }
    }
}

/// Whole-document mutations applied to the text: rare, for the `syntax` paths.
pub(crate) fn mutate_text(text: String, kind: u8, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    match kind % 16 {
        0 => {
            let cut = rng.below(text.len());
            // Cut at a char boundary.
            let cut = (0..=cut)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            text[..cut].to_string()
        }
        1 => format!("[{text}]"),
        2 => format!("{text} {{}}"),
        3 => "null".to_string(),
        4 => text.replacen(':', "", 1),
        5 => format!("{text},"),
        6 => text.replacen('"', "'", 1),
        7..=10 => escape_one(&text, &mut rng),
        11..=13 => spaced(&text, &mut rng),
        _ => text,
    }
}

/// The same document with JSON whitespace (space, tab, CR, LF) around some structural
/// characters.
pub(crate) fn spaced(text: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        let structural = !in_string && matches!(c, '{' | '}' | '[' | ']' | ',' | ':');
        if structural && rng.chance(30) {
            out.push(*rng.pick(&[' ', '\t', '\r', '\n']));
        }
        out.push(c);
        if structural && rng.chance(30) {
            out.push(*rng.pick(&[' ', '\t', '\r', '\n']));
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        }
    }
    if rng.chance(50) {
        out.insert(0, '\n');
        out.push_str(" \r\n");
    }
    out
}

/// The same document with the first character of one string (a key or a value) written as a
/// `\uXXXX` escape: equal JSON, read by the decoders' escaped-text paths.
fn escape_one(text: &str, rng: &mut Rng) -> String {
    let bytes = text.as_bytes();
    let starts: Vec<usize> = (1..bytes.len().saturating_sub(1))
        .filter(|&i| {
            bytes[i] == b'"'
                && matches!(bytes[i - 1], b'{' | b',' | b':' | b'[')
                && bytes[i + 1].is_ascii_alphanumeric()
        })
        .collect();
    if starts.is_empty() {
        return text.to_string();
    }
    let at = *rng.pick(&starts) + 1;
    format!("{}\\u{:04x}{}", &text[..at], bytes[at], &text[at + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_writes_an_equal_document() {
        let text = r#"{"a":[1,{"b":"x:,{}[]\\\"y"}],"c":null}"#;
        let mut rng = Rng::new(3);
        for _ in 0..20 {
            let spaced = spaced(text, &mut rng);
            let a: serde_json::Value = serde_json::from_str(text).unwrap();
            let b: serde_json::Value = serde_json::from_str(&spaced).unwrap();
            assert_eq!(a, b, "{spaced}");
        }
    }

    #[test]
    fn escape_one_writes_an_equal_document() {
        let text = r#"{"procType":"41","data":{"cardNo":"6214835920672688"},"list":["a"]}"#;
        let mut rng = Rng::new(7);
        for _ in 0..20 {
            let escaped = escape_one(text, &mut rng);
            assert!(escaped.contains("\\u00"), "{escaped}");
            let a: serde_json::Value = serde_json::from_str(text).unwrap();
            let b: serde_json::Value = serde_json::from_str(&escaped).unwrap();
            assert_eq!(a, b);
        }
    }
}
