//! Embeds every `data/lexicon/**/*.tsv` file in the library (`include_str!`),
//! so `dyad` is one self-contained binary and new people files dropped into
//! `data/lexicon/people/` are picked up without code changes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "tsv") {
            println!("cargo:rerun-if-changed={}", path.display());
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let root = manifest.join("../../data/lexicon");
    let root = root.canonicalize().unwrap_or(root);
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    let mut code = String::from("/// Built-in knowledge files: (name relative to data/lexicon, contents).\npub(crate) static BUILTIN_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(f)
            .to_string_lossy()
            .replace('\\', "/");
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            f.to_string_lossy()
        ));
    }
    code.push_str("];\n");
    let target = out_dir.join("builtin_files.rs");
    match fs::File::create(&target) {
        Ok(mut fh) => {
            if let Err(e) = fh.write_all(code.as_bytes()) {
                panic!("cannot write {}: {e}", target.display());
            }
        }
        Err(e) => panic!("cannot create {}: {e}", target.display()),
    }
}
