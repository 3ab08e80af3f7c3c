//! Compiles the engine's own JS (src/script/bytecode.rs lists it) to
//! QuickJS bytecode, which the binary embeds: parsing it on every run cost
//! about 20 ms before the first script. The bytecode comes from the same
//! QuickJS (rquickjs, one version in Cargo.lock) that runs it. A
//! cross-compiled build embeds none and compiles at run time.

use std::fmt::Write as _;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/script/bytecode.rs"]
mod bytecode;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/script/bytecode.rs");
    println!("cargo:rerun-if-changed=src/script/js");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let native = std::env::var("HOST").ok() == std::env::var("TARGET").ok();
    let mut parts: Vec<(String, PathBuf)> = Vec::new();
    if native {
        let rt = rquickjs::Runtime::new().expect("creating a QuickJS runtime");
        let cx = rquickjs::Context::full(&rt).expect("creating a QuickJS context");
        cx.with(|ctx| {
            let mut compile = |key: String, src: &str, file: &str, kind: bytecode::Kind| {
                let bytes = bytecode::compile(&ctx, src, file, kind).unwrap_or_else(|()| {
                    let e = ctx.catch();
                    let text = e
                        .as_exception()
                        .map(|x| format!("{:?}: {:?}", x.message(), x.stack()))
                        .unwrap_or_else(|| format!("{e:?}"));
                    panic!("the engine's JS does not compile ({file}): {text}")
                });
                let path = out.join(format!("{}.qbc", key.replace(':', "-")));
                std::fs::write(&path, bytes).expect("writing bytecode to OUT_DIR");
                parts.push((key, path));
            };
            for name in bytecode::PRELUDE_PARTS {
                if let Some(src) = bytecode::prelude_source(name) {
                    compile(name.to_string(), &src, name, bytecode::Kind::Prelude);
                }
            }
            for (key, src) in bytecode::LIBRARIES {
                compile(
                    bytecode::library_key(key),
                    src,
                    &bytecode::library_file(key),
                    bytecode::Kind::Library,
                );
            }
        });
    }
    let mut table = String::from("&[\n");
    for (key, path) in &parts {
        let _ = writeln!(
            table,
            "    ({key:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    table.push(']');
    std::fs::write(out.join("bytecode_table.rs"), table).expect("writing the bytecode table");
}
