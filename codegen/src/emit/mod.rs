//! The Rust code of a whole module: every item in model order, as tokens or formatted text.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Item, ItemKind, Module};
use crate::names;
use crate::options::Names;

mod custom;
mod debug;
mod decode;
mod doc;
mod enums;
mod facts;
mod scan;
mod structs;
mod table;
#[cfg(test)]
mod tests;
mod types;
mod validate;

/// The items of `module`, side by side (the caller wraps them in a `mod` if it wants one). Every
/// path in them is absolute (`::fieldtab::__private::…`, `::core::…`, `::std::…`), so schema items
/// named like prelude types (`Result`, `Option`, `String`, `Vec`) cannot break them.
///
/// `options` are applied: they have been checked against `module` (`Options::check`).
pub(crate) fn rust_tokens(module: &Module, options: Names) -> TokenStream {
    names::with_options(options, || emit_items(module))
}

pub(crate) use custom::{unbound_formats, unused_format};

/// What conditions read across the objects of `module`, for `Options::check`.
pub(crate) fn facts_of(module: &Module) -> facts::Reads {
    facts::Reads::of(module)
}

/// The items of `module` formatted by prettyplease: [`rust_tokens`] as text, with the same
/// `options`.
///
/// Each [`Part`] is emitted, parsed and formatted on its own: prettyplease prints a file's
/// items one after the other with nothing between them, so the text is the one of the whole
/// file formatted at once. The parts are shared among as many threads as the machine has
/// cores (parsing and printing are most of the time, and the two parts of one large message
/// take about as long as each other), each thread with its own copy of the options, and put
/// back in order. A thread keeps only the part it is on: for a large schema the tokens and
/// syntax trees are most of `fieldtab expand`'s memory, and the kernel's time spent handing it
/// out was a fifth of the run for a message of 10,000 fields.
pub(crate) fn rust_pretty(module: &Module, options: Names) -> String {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    rust_pretty_on(module, options, cores)
}

/// [`rust_pretty`] on at most `threads` threads.
fn rust_pretty_on(module: &Module, options: Names, threads: usize) -> String {
    let text = options.to_text();
    let parts: Vec<Part<'_>> = names::with_options(options, || parts(module).collect());
    let reads = facts::Reads::of(module);
    let format = |part: &Part<'_>| {
        let emit = || part.emit(module, &reads);
        pretty(emit(), emit)
    };
    let next = AtomicUsize::new(0);
    let done: Vec<Mutex<String>> = parts.iter().map(|_| Mutex::default()).collect();
    // Each thread takes the next part not taken until none is left.
    let work = || {
        names::with_options(text.to_names(), || {
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(part) = parts.get(index) else { break };
                let formatted = format(part);
                *done[index].lock().unwrap_or_else(PoisonError::into_inner) = formatted;
            }
        })
    };
    std::thread::scope(|scope| {
        for _ in 1..threads.min(parts.len()) {
            // The main thread's stack (8 MiB on Linux) rather than a spawned thread's default
            // (2 MiB): syn and prettyplease recurse through nested code. A thread that cannot
            // be started leaves its share to the others, this one included.
            let thread = std::thread::Builder::new().stack_size(8 << 20);
            let _started = thread.spawn_scoped(scope, work);
        }
        work();
    });
    done.into_iter()
        .map(|part| part.into_inner().unwrap_or_else(PoisonError::into_inner))
        .collect()
}

/// A piece of the module's code, in model order: the re-export of an item mapped to an
/// existing type, or an item's declarations (type, impls, rules table), or its decoder.
enum Part<'m> {
    Reexport(&'m Item),
    Declarations(&'m Item),
    Decoder(&'m Item),
}

/// The parts of `module`, in the order they are emitted.
fn parts(module: &Module) -> impl Iterator<Item = Part<'_>> {
    let options = names::options();
    module.items.iter().flat_map(move |item| {
        if options.extern_type(&item.name).is_some() {
            vec![Part::Reexport(item)]
        } else {
            vec![Part::Declarations(item), Part::Decoder(item)]
        }
    })
}

impl Part<'_> {
    /// The tokens of this part.
    fn emit(&self, module: &Module, reads: &facts::Reads) -> TokenStream {
        match *self {
            Part::Reexport(item) => reexport(item),
            Part::Declarations(item) => match &item.kind {
                ItemKind::Message(object) => structs::emit(module, reads, item, object, true),
                ItemKind::Struct(object) => structs::emit(module, reads, item, object, false),
                ItemKind::Enum(enumeration) => enums::emit(item, enumeration),
            },
            // The hand-written `Deserialize` of the item (one-pass decoding).
            Part::Decoder(item) => decode::emit(module, reads, item),
        }
    }
}

fn emit_items(module: &Module) -> TokenStream {
    let reads = facts::Reads::of(module);
    parts(module)
        .map(|part| part.emit(module, &reads))
        .collect()
}

/// An item mapped to an existing type: re-exported under the item's Rust name, so the other
/// items (and users) name it as if it were generated here.
fn reexport(item: &Item) -> TokenStream {
    let options = names::options();
    let Some(path) = options.extern_type(&item.name) else {
        return TokenStream::new();
    };
    let name = names::type_name(&item.name);
    let path_text = quote!(#path).to_string().replace(' ', "");
    let doc = match options.shared_from(&item.name) {
        Some(file) => format!(
            " `{}`: the item of `{file}`, shared with every schema that maps `{file}` to \
             the module generated from it (`{path_text}`).",
            item.name
        ),
        None => format!(" `{}`: the existing type `{path_text}`.", item.name),
    };
    quote! {
        #[doc = #doc]
        pub use #path as #name;
    }
}

/// `tokens` formatted by prettyplease. Tokens that do not parse as a file (a bug in an
/// emitter) come back unformatted rather than as a panic, so the compiler can point at them:
/// `again` emits them a second time for that, because parsing consumes `tokens` (a copy made
/// beforehand would be a deep one, about a tenth of `fieldtab expand`'s time).
pub(crate) fn pretty(tokens: TokenStream, again: impl FnOnce() -> TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => prettyplease::unparse(&file),
        Err(_) => again().to_string(),
    }
}
