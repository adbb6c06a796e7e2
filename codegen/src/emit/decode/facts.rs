//! What the decoder of an object gives the conditions that read it (docs/SEMANTICS.md §3):
//! its facts from its slots, the facts it exports for the object holding it, and the facts the
//! objects under it read with `super.`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::Member;
use crate::emit::facts::{Reads, own_reads};
use crate::model::{Item, Object, Type};

/// The fact at `steps` of the object being decoded (docs/SEMANTICS.md §3), from what its
/// first phase read: a string field's slot, the kept fact of a field decoded in place
/// ([`Member::kept_fact`]), or a fact its value exported (`__n3[0].get()`).
pub(super) fn fact(reads: &Reads, members: &[Member<'_>], steps: &[String]) -> TokenStream {
    let Some(member) = members
        .iter()
        .find(|m| Some(&m.field.ident) == steps.first())
    else {
        return quote!(__d::Fact::Absent);
    };
    if steps.len() == 1 {
        let slot = &member.slot;
        return if member.is_str() {
            quote!(#slot.fact())
        } else {
            let kept = member.kept_fact();
            quote!(#kept)
        };
    }
    let at = member
        .field
        .ty
        .named()
        .and_then(|name| reads.export_index(name, &steps[1..]));
    match (&member.facts, at) {
        (Some(facts), Some(at)) => {
            let at = Literal::usize_unsuffixed(at);
            quote!(#facts[#at].get())
        }
        _ => quote!(__d::Fact::Absent),
    }
}

/// The facts the second phase reads of fields decoded in place (integers, booleans, objects,
/// arrays), kept before it consumes their slots: `let __g3 = __v3.fact();`.
pub(super) fn kept_facts(members: &[Member<'_>], paths: &[&[String]]) -> TokenStream {
    let mut kept = TokenStream::new();
    for member in members.iter().filter(|m| !m.is_str()) {
        if !paths
            .iter()
            .any(|p| p.len() == 1 && p[0] == member.field.ident)
        {
            continue;
        }
        let (slot, local) = (&member.slot, member.kept_fact());
        kept.extend(match member.field.ty {
            Type::Integer | Type::Boolean => quote!(let #local = #slot.fact();),
            _ => quote!(let #local = #slot.presence();),
        });
    }
    kept
}

/// Sets the facts the object exports for the object holding it, from what it read.
pub(super) fn export(reads: &Reads, item: &Item, members: &[Member<'_>]) -> TokenStream {
    let exports = reads.exports(&item.name);
    if exports.is_empty() {
        return TokenStream::new();
    }
    let facts = exports.iter().map(|export| {
        let fact = fact(reads, members, &export.steps);
        let string = members
            .iter()
            .find(|m| Some(&m.field.ident) == export.steps.first())
            .is_some_and(Member::is_str);
        if export.steps.len() == 1 && string {
            let known = &export.known;
            quote!(#fact.known(&[#(#known),*]))
        } else {
            fact
        }
    });
    quote!(__d::export(__facts, [#(#facts),*]);)
}

/// What the object's conditions read (`__s`): its own facts by their number, and — when
/// conditions of objects under it read it with `super.` — its facts by their steps
/// (`FactsWith`); [`no_siblings`](fieldtab_runtime::plan::no_siblings) when nothing reads it.
pub(super) fn siblings(
    reads: &Reads,
    item: &Item,
    object: &Object,
    members: &[Member<'_>],
) -> TokenStream {
    let own = own_reads(object);
    let asked = reads.asked(&item.name);
    let own_facts = if own.is_empty() {
        quote!(__d::no_siblings)
    } else {
        let arms = own.iter().map(|(at, steps)| {
            let at = Literal::usize_unsuffixed(*at);
            let fact = fact(reads, members, steps);
            quote!(#at => #fact,)
        });
        quote! {
            |__i: usize| match __i {
                #(#arms)*
                _ => __d::Fact::Absent,
            }
        }
    };
    if asked.is_empty() {
        return quote!(let __s = #own_facts;);
    }
    let arms = asked.iter().map(|steps| {
        let fact = fact(reads, members, steps);
        quote!([#(#steps),*] => #fact,)
    });
    quote! {
        let __s = __d::FactsWith(
            #own_facts,
            |__steps: &[&str]| match __steps {
                #(#arms)*
                _ => __d::Fact::Absent,
            },
        );
    }
}
