//! The wire text of a typed value, written to the stack.

use std::fmt::{self, Write as _};
use std::ops::Deref;

use crate::{Currency, GmtOffset, LocalTime, MinorUnits, NumericCurrency, Pan, Timestamp};

/// The text a typed value has on the wire (what serde writes), held inline: at most
/// [`WireStr::CAPACITY`] bytes, no allocation. Dereferences to `str`.
///
/// For the string rules a typed value does not prove by itself (length, charset, fixed value)
/// and for conditions on it. `Debug` shows only the length: a [`Pan`]'s wire text is the whole
/// card number.
///
/// ```
/// use fieldtab_runtime::{LocalTime, Pan, ToWireStr};
///
/// let t: LocalTime = "20240229120000".parse().unwrap();
/// assert_eq!(&*t.to_wire_str(), "20240229120000");
/// let pan: Pan = "6214835920672688".parse().unwrap();
/// assert_eq!(&*pan.to_wire_str(), "6214835920672688");
/// assert_eq!(format!("{:?}", pan.to_wire_str()), "WireStr(16 bytes)");
/// ```
#[derive(Clone, Copy)]
pub struct WireStr {
    len: u8,
    bytes: [u8; WireStr::CAPACITY],
}

impl WireStr {
    /// The most bytes a wire text holds (a timestamp with nanoseconds and offset is 35).
    ///
    /// ```
    /// assert_eq!(fieldtab_runtime::WireStr::CAPACITY, 40);
    /// ```
    pub const CAPACITY: usize = 40;

    fn of(value: &impl fmt::Display) -> WireStr {
        let mut out = WireStr {
            len: 0,
            bytes: [0; WireStr::CAPACITY],
        };
        // Every type below writes at most 35 ASCII bytes; a longer text would be cut, never
        // overflow.
        let _ = write!(out, "{value}");
        out
    }
}

impl fmt::Write for WireStr {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let start = usize::from(self.len);
        let end = start + s.len();
        let slot = self.bytes.get_mut(start..end).ok_or(fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        // At most CAPACITY (40) bytes.
        self.len = end as u8;
        Ok(())
    }
}

impl Deref for WireStr {
    type Target = str;
    fn deref(&self) -> &str {
        // Only whole `&str`s are ever written.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl AsRef<str> for WireStr {
    fn as_ref(&self) -> &str {
        self
    }
}

impl fmt::Debug for WireStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WireStr({} bytes)", self.len)
    }
}

/// Typed values whose wire text can be written to a [`WireStr`] without allocating.
///
/// ```
/// use fieldtab_runtime::{Currency, ToWireStr};
///
/// let c: Currency = "USD".parse().unwrap();
/// assert_eq!(&*c.to_wire_str(), "USD");
/// assert_eq!(&*c.to_numeric().to_wire_str(), "840");
/// ```
pub trait ToWireStr {
    /// The wire text (what serde writes).
    fn to_wire_str(&self) -> WireStr;
}

macro_rules! to_wire_by_display {
    ($($ty:ty),*) => {$(
        impl ToWireStr for $ty {
            fn to_wire_str(&self) -> WireStr {
                WireStr::of(self)
            }
        }
    )*};
}

to_wire_by_display!(
    LocalTime,
    GmtOffset,
    Timestamp,
    Currency,
    NumericCurrency,
    MinorUnits
);

impl ToWireStr for Pan {
    /// The whole number (`Display` masks it).
    fn to_wire_str(&self) -> WireStr {
        WireStr::of(&self.reveal())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_texts_fit() {
        let t: Timestamp = "9999-12-31T23:59:59.999999999-23:59".parse().unwrap();
        assert_eq!(&*t.to_wire_str(), "9999-12-31T23:59:59.999999999-23:59");
        let p: Pan = "1234567890123456789".parse().unwrap();
        assert_eq!(&*p.to_wire_str(), "1234567890123456789");
        assert_eq!(&*MinorUnits::MAX.to_wire_str(), "9999999999999999");
        let o: GmtOffset = "GMT-00:00".parse().unwrap();
        assert_eq!(&*o.to_wire_str(), "GMT-00:00");
        assert_eq!(
            WireStr::of(&"x".repeat(41)).len(),
            0,
            "too long: cut, not overflowed"
        );
    }
}
