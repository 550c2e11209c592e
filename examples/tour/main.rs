//! A walk through zhengce on the built-in catalogue: `cargo run --example tour`.
//!
//! One section per capability; each lives in its own file of this directory.

mod calendar;
mod catalogue;
mod communities;
mod rules;
mod sampling;
mod targets;

fn main() -> Result<(), zhengce::Error> {
    // One context (catalogue, calendars, scenario) reaches every computation.
    let ctx = zhengce::Context::builtin();
    println!("zhengce {} — a tour of the built-in catalogue\n", zhengce::VERSION);
    catalogue::tour(ctx.catalogue())?;
    calendar::tour(&ctx)?;
    rules::tour(&ctx)?;
    sampling::tour(&ctx)?;
    targets::tour(&ctx)?;
    communities::tour(&ctx)?;
    Ok(())
}

/// Prints a section heading.
pub fn heading(title: &str) {
    println!("\n== {title} {}", "=".repeat(70usize.saturating_sub(title.chars().count())));
}
