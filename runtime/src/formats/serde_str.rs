//! serde for the types that travel as JSON strings: `Display` out, `FromStr` in.

/// Implements `Serialize` (through `Display`, no allocation) and `Deserialize` (through
/// `FromStr`, borrowing the string when the deserializer can) for a type, with `$expecting`
/// as serde's "expected ..." wording.
macro_rules! serde_via_str {
    ($ty:ty, $expecting:literal) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        $crate::formats::serde_str::deserialize_via_str!($ty, $expecting);
    };
}

/// Implements `Deserialize` through `FromStr` (for a type whose `Serialize` is not `Display`).
macro_rules! deserialize_via_str {
    ($ty:ty, $expecting:literal) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse()
                            .map_err(|e: $crate::RuleError| E::custom(e.message))
                    }
                    // serde's default errors quote numbers and bytes; a card number sent as a
                    // JSON number must not be echoed, so name only the kind.
                    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<$ty, E> {
                        Err(E::invalid_type(
                            serde::de::Unexpected::Other("a number"),
                            &self,
                        ))
                    }
                    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<$ty, E> {
                        Err(E::invalid_type(
                            serde::de::Unexpected::Other("a number"),
                            &self,
                        ))
                    }
                    fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<$ty, E> {
                        Err(E::invalid_type(
                            serde::de::Unexpected::Other("a number"),
                            &self,
                        ))
                    }
                    fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<$ty, E> {
                        Err(E::invalid_type(
                            serde::de::Unexpected::Other("a number"),
                            &self,
                        ))
                    }
                    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<$ty, E> {
                        Err(E::invalid_type(
                            serde::de::Unexpected::Other("a number"),
                            &self,
                        ))
                    }
                    fn visit_bytes<E: serde::de::Error>(self, _: &[u8]) -> Result<$ty, E> {
                        Err(E::invalid_type(
                            serde::de::Unexpected::Other("bytes"),
                            &self,
                        ))
                    }
                }
                // `deserialize_any` lets a self-describing format hand a number to the visitor
                // above, which does not echo it (serde_json's `deserialize_str` would quote it).
                if deserializer.is_human_readable() {
                    deserializer.deserialize_any(Visitor)
                } else {
                    deserializer.deserialize_str(Visitor)
                }
            }
        }
    };
}

pub(crate) use deserialize_via_str;
pub(crate) use serde_via_str;
