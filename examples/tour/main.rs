//! A walk through zhengce on the built-in catalogue: `cargo run --example tour`.

fn main() {
    let cat = zhengce::Catalogue::builtin();
    println!("zhengce {} — built-in catalogue, {} documents", zhengce::VERSION, cat.data().documents.len());
}
