//! The specs and plans under `specs/`, built into the binary, so that `list`, `show`, `new`,
//! `validate`, `calendar` and `schema --call` work from any folder. A test keeps this list equal
//! to the files in `specs/`. They are compiled only when a run needs them (see
//! [`crate::load::bundle_for`]): a single-file `validate` compiles the one call its draft names.

use std::sync::Arc;

use crate::source::SourceFile;

/// File name under `specs/` and text of every bundled spec and plan.
pub const FILES: &[(&str, &str)] = &[
    ("cast-2021.yaml", include_str!("../specs/cast-2021.yaml")),
    ("hangzhou-2025.yaml", include_str!("../specs/hangzhou-2025.yaml")),
    ("hangzhou-2026-plan.yaml", include_str!("../specs/hangzhou-2026-plan.yaml")),
    ("jiangsu-2024.yaml", include_str!("../specs/jiangsu-2024.yaml")),
    ("ningxia-2025.yaml", include_str!("../specs/ningxia-2025.yaml")),
];

/// File name under `specs/` and text of every bundled notice, the text the quotes of its spec
/// are checked against (`notice.file`).
pub const NOTICES: &[(&str, &str)] = &[
    ("cast-2021.notice.txt", include_str!("../specs/cast-2021.notice.txt")),
    ("hangzhou-2025.notice.txt", include_str!("../specs/hangzhou-2025.notice.txt")),
    ("hangzhou-2026-plan.notice.txt", include_str!("../specs/hangzhou-2026-plan.notice.txt")),
    ("jiangsu-2024.notice.txt", include_str!("../specs/jiangsu-2024.notice.txt")),
    ("ningxia-2025.notice.txt", include_str!("../specs/ningxia-2025.notice.txt")),
];

/// The bundled notice text a spec names (`notice.file`), named like the bundled files.
pub fn notice(file: &str) -> Option<Arc<SourceFile>> {
    NOTICES.iter().find(|(name, _)| *name == file).map(|(name, text)| SourceFile::new(format!("{PREFIX}{name}"), *text))
}

/// How findings and listings name a bundled file: `(built in) specs/hangzhou-2025.yaml`.
pub const PREFIX: &str = "(built in) specs/";

/// The bundled files as source files, named with [`PREFIX`].
pub fn sources() -> Vec<Arc<SourceFile>> {
    FILES.iter().map(|(name, text)| SourceFile::new(format!("{PREFIX}{name}"), *text)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_file_under_specs_is_bundled_as_it_is() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("specs");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".yaml"))
            .collect();
        on_disk.sort();
        let bundled: Vec<&str> = super::FILES.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, bundled, "add the new spec to src/bundled.rs");
        for (name, text) in super::FILES.iter().chain(super::NOTICES) {
            assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), *text, "{name}");
        }
        let mut notices: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".notice.txt"))
            .collect();
        notices.sort();
        let bundled: Vec<&str> = super::NOTICES.iter().map(|(n, _)| *n).collect();
        assert_eq!(notices, bundled, "add the new notice to src/bundled.rs");
    }
}
