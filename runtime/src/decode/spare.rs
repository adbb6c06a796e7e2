//! Buffers kept from one message to the next on each thread: the fast reader's scratch buffer
//! and the scanner's arena, which only a string with an escape needs. Without them, every
//! message with such a string (Alipay+'s `extendInfo` holds JSON text, `{\"k1\":…}`) paid an
//! allocation and a free for each; now a thread allocates them once.
//!
//! A buffer is taken when the first escaped string of a message needs room and given back when
//! its reader or scanner is dropped. Memory stays bounded: a buffer larger than [`MAX_KEPT`] is
//! freed instead of kept, and each thread keeps at most one of each kind.

use std::cell::Cell;

/// The largest capacity kept, in bytes: a longer escaped string allocates its own buffer.
pub(crate) const MAX_KEPT: usize = 4096;

thread_local! {
    static BYTES: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    static TEXT: Cell<String> = const { Cell::new(String::new()) };
}

/// An empty byte buffer: the one this thread kept, or a new one (no room).
#[inline]
pub(crate) fn bytes() -> Vec<u8> {
    // `try_with`: during the thread's exit the slot may be gone; then a new buffer.
    BYTES.try_with(Cell::take).unwrap_or_default()
}

/// Keeps `buffer` for the next [`bytes`] of this thread, emptied, unless it has no room or more
/// than [`MAX_KEPT`].
#[inline]
pub(crate) fn keep_bytes(mut buffer: Vec<u8>) {
    if (1..=MAX_KEPT).contains(&buffer.capacity()) {
        buffer.clear();
        let _ = BYTES.try_with(|slot| slot.set(buffer));
    }
}

/// An empty string: the one this thread kept, or a new one (no room).
#[inline]
pub(crate) fn text() -> String {
    TEXT.try_with(Cell::take).unwrap_or_default()
}

/// Keeps `buffer` for the next [`text`] of this thread, emptied, unless it has no room or more
/// than [`MAX_KEPT`].
#[inline]
pub(crate) fn keep_text(mut buffer: String) {
    if (1..=MAX_KEPT).contains(&buffer.capacity()) {
        buffer.clear();
        let _ = TEXT.try_with(|slot| slot.set(buffer));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_buffer_comes_back_empty_with_its_room() {
        let mut b = bytes();
        b.extend_from_slice(b"some text");
        let room = b.capacity();
        keep_bytes(b);
        let again = bytes();
        assert!(again.is_empty());
        assert_eq!(again.capacity(), room);
        // Taken: the next one is new.
        assert_eq!(bytes().capacity(), 0);

        let mut t = text();
        t.push('é');
        keep_text(t);
        let again = text();
        assert!(again.is_empty() && again.capacity() > 0);
    }

    #[test]
    fn a_large_buffer_is_not_kept() {
        keep_bytes(Vec::with_capacity(MAX_KEPT + 1));
        assert_eq!(bytes().capacity(), 0);
        keep_text(String::with_capacity(MAX_KEPT + 1));
        assert_eq!(text().capacity(), 0);
        keep_bytes(Vec::with_capacity(MAX_KEPT));
        assert_eq!(bytes().capacity(), MAX_KEPT);
    }
}
