//! serde for the runtime's plain structs ([`Violation`](crate::Violation),
//! [`Amount`](crate::Amount)) without serde's derive, which would put syn and quote in the
//! build of every crate that depends on the runtime, the schema reader's included.

/// Implements `Serialize` and `Deserialize` for a struct as serde's derive does, field by
/// field and error by error: written as a map of its fields in declaration order; read from a
/// map (any order, unknown keys ignored, a repeated key is a `duplicate field` error, a missing
/// one a `missing field` error) or from an array of the fields in order. `check PATH` after
/// the fields names a `fn(&T) -> Result<(), RuleError>` the read value must pass (a rule
/// between its fields), its message a custom error.
macro_rules! serde_struct {
    ($ty:ident { $($field:ident: $field_ty:ty),+ $(,)? } $(check $check:path)?) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                const FIELDS: &[&str] = &[$(stringify!($field)),+];
                let mut out = serializer.serialize_struct(stringify!($ty), FIELDS.len())?;
                $(out.serialize_field(stringify!($field), &self.$field)?;)+
                out.end()
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                use serde::de::{Error, IgnoredAny, MapAccess, SeqAccess};
                const FIELDS: &[&str] = &[$(stringify!($field)),+];

                struct Visitor;
                impl<'de> serde::de::Visitor<'de> for Visitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(concat!("struct ", stringify!($ty)))
                    }

                    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<$ty, A::Error> {
                        let mut read = 0;
                        $(
                            let Some($field) = seq.next_element::<$field_ty>()? else {
                                let expected = format!(
                                    "struct {} with {} elements",
                                    stringify!($ty),
                                    FIELDS.len()
                                );
                                return Err(A::Error::invalid_length(read, &expected.as_str()));
                            };
                            read += 1;
                        )+
                        let _ = read;
                        let value = $ty { $($field),+ };
                        $($check(&value).map_err(|e| A::Error::custom(e.message))?;)?
                        Ok(value)
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        $(let mut $field: Option<$field_ty> = None;)+
                        while let Some(key) = map.next_key_seed($crate::serde_struct::FieldSeed(FIELDS))? {
                            let Some(key) = key else {
                                map.next_value::<IgnoredAny>()?;
                                continue;
                            };
                            let mut index = 0;
                            $(
                                if key == index {
                                    if $field.is_some() {
                                        return Err(A::Error::duplicate_field(stringify!($field)));
                                    }
                                    $field = Some(map.next_value()?);
                                }
                                index += 1;
                            )+
                            let _ = index;
                        }
                        $(
                            let Some($field) = $field else {
                                return Err(A::Error::missing_field(stringify!($field)));
                            };
                        )+
                        let value = $ty { $($field),+ };
                        $($check(&value).map_err(|e| A::Error::custom(e.message))?;)?
                        Ok(value)
                    }
                }

                deserializer.deserialize_struct(stringify!($ty), FIELDS, Visitor)
            }
        }
    };
}

pub(crate) use serde_struct;

/// Reads a struct's key as serde's derive does: the index of the field it names (by name, by
/// its bytes, or by its index), `None` for a key the struct does not have.
pub(crate) struct FieldSeed(pub(crate) &'static [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for FieldSeed {
    type Value = Option<usize>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl serde::de::Visitor<'_> for FieldSeed {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_u64<E: serde::de::Error>(self, index: u64) -> Result<Option<usize>, E> {
        Ok(usize::try_from(index).ok().filter(|&i| i < self.0.len()))
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|field| *field == key))
    }

    fn visit_bytes<E: serde::de::Error>(self, key: &[u8]) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|field| field.as_bytes() == key))
    }
}
