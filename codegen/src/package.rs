//! Whether the schema files a crate generates code from will be in its published package:
//! `cargo package` takes only the files under the crate's folder (`CARGO_MANIFEST_DIR`), so a
//! schema read from outside it builds locally and breaks the published crate. `include_schema!`
//! and [`crate::Builder`] both warn about such files, through this one check.

use std::path::{Component, Path, PathBuf};

/// The files of `files` (as read: relative ones are joined to `manifest_dir`) that lie outside
/// `manifest_dir`, in order. Paths are compared after resolving `.` and `..` and, where the file
/// exists, symbolic links, so `../shared/common.md` and a link out of the crate both count.
///
/// ```
/// use std::path::{Path, PathBuf};
///
/// let outside = fieldtab_codegen::outside_package(
///     Path::new("/src/sdk"),
///     &[PathBuf::from("schemas/a.md"), PathBuf::from("../shared/common.md")],
/// );
/// assert_eq!(outside, [PathBuf::from("../shared/common.md")]);
/// ```
pub fn outside_package(manifest_dir: &Path, files: &[PathBuf]) -> Vec<PathBuf> {
    let base = resolved(manifest_dir);
    files
        .iter()
        .filter(|file| !resolved(&manifest_dir.join(file)).starts_with(&base))
        .cloned()
        .collect()
}

/// The warning for a schema file outside the crate's folder, naming it as given.
pub fn outside_package_warning(file: &Path) -> String {
    format!(
        "schema file `{}` is outside this crate's folder (CARGO_MANIFEST_DIR): `cargo package` \
         will not include it, so the published crate will not build; move it under the crate",
        file.display()
    )
}

/// `path` canonicalized when it exists, else with `.` and `..` resolved by hand.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(canonical) = path.canonicalize() {
        return canonical;
    }
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_under_the_crate_are_inside_and_others_outside() {
        let base = Path::new("/nonexistent/fieldtab/sdk");
        let files = [
            PathBuf::from("schemas/a.md"),
            PathBuf::from("schemas/../b.md"),
            PathBuf::from("../c.md"),
            PathBuf::from("schemas/../../sdk2/d.md"),
            PathBuf::from("/elsewhere/e.md"),
            PathBuf::from("/nonexistent/fieldtab/sdk/f.md"),
        ];
        assert_eq!(
            outside_package(base, &files),
            [
                PathBuf::from("../c.md"),
                PathBuf::from("schemas/../../sdk2/d.md"),
                PathBuf::from("/elsewhere/e.md"),
            ]
        );
        let warning = outside_package_warning(Path::new("../c.md"));
        assert!(
            warning.contains("`../c.md`") && warning.contains("cargo package"),
            "{warning}"
        );
    }
}
