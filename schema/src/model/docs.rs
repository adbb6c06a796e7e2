//! The model without its documentation: what two schemas that state the same rules share, however
//! differently their prose reads.

use super::{ItemKind, Module};

impl Module {
    /// The module with every piece of documentation emptied: the title and the module's prose,
    /// each item's prose, each field's documentation (`Note`) and label (`Field name`), each enum
    /// value's documentation. What is left is what code generation, the validators and the JSON
    /// Schema export check: types, lengths, requirements, formats, fixed values, enum values,
    /// options and examples.
    ///
    /// Two modules are *the same rules* when their `without_docs()` are equal: a vendor's table
    /// pasted with its rules in prose ("Maximum length: 64 characters") and the same table with
    /// the rules in their cells (Length `64`) and other notes compare equal this way.
    ///
    /// ```
    /// let prose = "## message M\n\n| Field | Data type | Required | Description |\n|---|---|---|---|\n| id | String | Yes | The ID. Maximum length: 64 characters |\n";
    /// let cells = "## message M\n\n| Field | Data type | Length | Required |\n|---|---|---|---|\n| id | String | 64 | Yes |\n";
    /// let prose = fieldtab_schema::Schema::parse("a.md", prose).unwrap().module;
    /// let cells = fieldtab_schema::Schema::parse("b.md", cells).unwrap().module;
    /// assert_ne!(prose, cells);
    /// assert_eq!(prose.without_docs(), cells.without_docs());
    /// ```
    pub fn without_docs(&self) -> Module {
        let mut module = self.clone();
        module.title = None;
        module.doc.clear();
        for item in &mut module.items {
            item.doc.clear();
            match &mut item.kind {
                ItemKind::Message(object) | ItemKind::Struct(object) => {
                    for field in &mut object.fields {
                        field.doc.clear();
                        field.label = None;
                    }
                }
                ItemKind::Enum(enumeration) => {
                    for value in &mut enumeration.values {
                        value.doc.clear();
                    }
                }
            }
        }
        module
    }
}
