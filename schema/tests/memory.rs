//! The dynamic validator's memory on large hostile messages (issue 13, defect 5): whatever the
//! shape of the document, what it allocates while validating stays below the input's own size,
//! so a process holding the input and validating it stays within twice the input. The parse
//! tree it used to build cost about 4.3 times the input on messages of many tiny values.
//!
//! A counting allocator measures the peak of live heap bytes during `validate`; nothing here
//! measures time. One test, so that no other test allocates while it measures.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use fieldtab_schema::Schema;
use fieldtab_schema::dynamic::Validator;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; the counters are only statistics.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
        PEAK.fetch_max(live, Relaxed);
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: `ptr` was allocated by `System` with this layout (through `alloc`).
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const SCHEMA: &str = "\
# Memory

## message Doc

| Identifier | Type              | Length | Request | Format        |
|------------|-------------------|--------|---------|---------------|
| id         | AN                | 8      | M       |               |
| items      | Array<Item>       |        | O       |               |
| numbers    | Array<Number>     |        | O       | range 0..1    |
| labels     | Map<String, AN>   | 8      | O       |               |
| text       | String            |        | O       |               |
| strict     | Strict            |        | O       |               |

## struct Item

| Identifier | Type    | Length | Request          | Format |
|------------|---------|--------|------------------|--------|
| code       | AN      | 4      | M                |        |
| amount     | Number  |        | O                |        |
| note       | String  |        | C: super.id = \"X\" |        |

## struct Strict (deny_unknown)

| Identifier | Type | Length | Request | Format |
|------------|------|--------|---------|--------|
| a          | AN   | 4      | O       |        |
";

/// About 256 KiB of `unit` repeated, joined by `,` (the ratios are those of larger inputs; a
/// debug build walks a million small objects slowly).
fn repeated(unit: impl Fn(usize) -> String) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.len() < 1 << 18 {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&unit(i));
        i += 1;
    }
    out
}

#[test]
fn validating_costs_less_memory_than_the_input() {
    let schema = Schema::parse("memory.md", SCHEMA).unwrap_or_else(|d| panic!("{d}"));
    let validator = Validator::new(&schema.module, "Doc").unwrap();
    let shapes: Vec<(&str, String)> = vec![
        (
            "tiny numbers",
            format!(r#"{{"id":"A","numbers":[{}]}}"#, repeated(|_| "1".into())),
        ),
        (
            "tiny unknown array",
            format!(r#"{{"id":"A","zz":[{}]}}"#, repeated(|_| "0".into())),
        ),
        (
            "repeated key",
            format!(r#"{{"id":"A",{}}}"#, repeated(|_| r#""k":1"#.into())),
        ),
        (
            "distinct keys",
            format!(r#"{{"id":"A",{}}}"#, repeated(|i| format!(r#""{i:x}":1"#))),
        ),
        (
            "denied keys",
            format!(
                r#"{{"id":"A","strict":{{{}}}}}"#,
                repeated(|i| format!(r#""{i:x}":1"#))
            ),
        ),
        (
            "map entries",
            format!(
                r#"{{"id":"A","labels":{{{}}}}}"#,
                repeated(|i| format!(r#""{i:x}":"v""#))
            ),
        ),
        (
            "repeated map key",
            format!(
                r#"{{"id":"A","labels":{{{}}}}}"#,
                repeated(|_| r#""":"""#.into())
            ),
        ),
        (
            "small objects",
            format!(
                r#"{{"id":"X","items":[{}]}}"#,
                repeated(|_| r#"{"code":"A1","amount":1e400}"#.into())
            ),
        ),
        (
            "empty objects",
            format!(r#"{{"id":"A","items":[{}]}}"#, repeated(|_| "{}".into())),
        ),
        (
            "escaped text",
            format!(r#"{{"id":"A","text":"{}"}}"#, "\\n".repeat(1 << 17)),
        ),
        (
            "deep arrays",
            format!(
                r#"{{"id":"A","zz":{}{}}}"#,
                "[".repeat(120),
                repeated(|_| "[]".into()) + &"]".repeat(120)
            ),
        ),
    ];
    for (shape, input) in &shapes {
        let base = LIVE.load(Relaxed);
        PEAK.store(base, Relaxed);
        let verdict = validator.validate(input.as_bytes(), false);
        let extra = PEAK.load(Relaxed) - base;
        drop(verdict);
        eprintln!(
            "{shape}: {} bytes in, {extra} bytes at peak ({:.3}x)",
            input.len(),
            extra as f64 / input.len() as f64
        );
        assert!(
            extra <= input.len(),
            "{shape}: {extra} bytes allocated at peak for {} bytes of input",
            input.len()
        );
    }
}
