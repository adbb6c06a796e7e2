//! The generated schemas of the code-generation benches check clean and generate code.

use fieldtab_benches::synthetic;
use fieldtab_codegen::Generate;
use fieldtab_codegen::Schema;

#[test]
fn synthetic_schemas_check_clean_and_generate() {
    for text in [synthetic::one_message(100), synthetic::many_messages(3, 20)] {
        match Schema::parse("synthetic.md", &text) {
            Ok(schema) => assert!(schema.to_rust_pretty().contains("pub struct")),
            Err(d) => panic!("{d}"),
        }
    }
}
