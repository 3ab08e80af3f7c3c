//! The `postgate` binary.

fn main() {
    std::process::exit(postgate::cli::main_entry());
}
