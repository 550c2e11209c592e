//! Prints the built-in catalogue as one catalogue JSON file (the npm package ships it as
//! `catalogue.json` instead of embedding it in the WebAssembly; see bindings-wasm/build.sh).
fn main() {
    print!("{}", zhengce::Catalogue::builtin().to_json());
}
