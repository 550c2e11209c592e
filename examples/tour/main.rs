//! A walk through zhengce on the built-in catalogue: `cargo run --example tour`.
//!
//! One section per capability; each lives in its own file of this directory.

mod catalogue;
// --- calendar ---
mod calendar;
// --- rules ---
mod rules;
// --- sampling ---
mod sampling;
// --- targets ---
mod targets;
// --- communities ---
mod communities;
// --- draft ---
mod draft;

fn main() -> Result<(), zhengce::Error> {
    let cat = zhengce::Catalogue::builtin();
    println!("zhengce {} — a tour of the built-in catalogue\n", zhengce::VERSION);
    catalogue::tour(&cat)?;
    // --- calendar ---
    calendar::tour(&cat)?;
    // --- rules ---
    rules::tour(&cat)?;
    // --- sampling ---
    sampling::tour(&cat)?;
    // --- targets ---
    targets::tour(&cat)?;
    // --- communities ---
    communities::tour(&cat)?;
    // --- draft ---
    draft::tour(&cat)?;
    Ok(())
}

/// Prints a section heading.
pub fn heading(title: &str) {
    println!("\n== {title} {}", "=".repeat(70usize.saturating_sub(title.chars().count())));
}
