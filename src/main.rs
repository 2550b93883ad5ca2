//! The `callspec` command: a thin layer over the library.

mod cli;

/// The command runs on a thread with the same large stack as the batch workers, so a
/// document nested up to the depth ceiling is parsed and checked alike with `-j 1`.
fn main() -> std::process::ExitCode {
    let thread = std::thread::Builder::new().name("callspec".into()).stack_size(callspec::batch::STACK_BYTES).spawn(cli::main);
    match thread {
        Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        // No thread to be had: run here, on the main thread's own stack.
        Err(_) => cli::main(),
    }
}

/// A batch allocates and frees many small values on each worker thread (the parsed tree, the
/// typed draft, findings); mimalloc's thread-local heaps do that faster than the system
/// allocator (BENCHMARKS.md, "Validation against the parse").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
