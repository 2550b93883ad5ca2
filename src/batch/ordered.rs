//! An ordered parallel map: items are worked on by a pool of threads, results are handed to
//! one consumer in input order, whatever the scheduling.
//!
//! Memory is bounded by `window`: a worker does not start item `i` before item
//! `i - window` has been handed over, so a slow item holds back at most `window` results.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// The stack of every thread that parses and checks files: deep documents (up to the
/// depth ceiling, [`crate::source::MAX_DEPTH_CEILING`]) recurse through the parsers, the
/// schema validator and serde. Only what is used is ever touched.
pub const STACK_BYTES: usize = 64 * 1024 * 1024;

/// Calls `work` on every item on `jobs` threads and `emit` on each result in input order.
/// With one job (or one item) everything runs on the calling thread.
pub fn for_each_ordered<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    window: usize,
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(usize, R),
) {
    let jobs = jobs.max(1).min(items.len().max(1));
    if jobs == 1 {
        for (i, item) in items.iter().enumerate() {
            emit(i, work(item));
        }
        return;
    }
    let window = window.max(jobs);
    let next = AtomicUsize::new(0);
    let handed = (Mutex::new(0usize), Condvar::new());
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|s| {
        let mut started = 0;
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, handed, work) = (&next, &handed, &work);
            let spawned = std::thread::Builder::new().stack_size(STACK_BYTES).spawn_scoped(s, move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() {
                        break;
                    }
                    {
                        let (lock, cvar) = handed;
                        let mut done = lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                        while i >= *done + window {
                            done = cvar.wait(done).unwrap_or_else(std::sync::PoisonError::into_inner);
                        }
                    }
                    if tx.send((i, work(&items[i]))).is_err() {
                        break;
                    }
                }
            });
            if spawned.is_err() {
                // No more threads to be had: those already running do the work.
                break;
            }
            started += 1;
        }
        drop(tx);
        if started == 0 {
            for (i, item) in items.iter().enumerate() {
                emit(i, work(item));
            }
            return;
        }
        let mut pending = BTreeMap::new();
        let mut want = 0;
        for (i, r) in rx {
            pending.insert(i, r);
            let before = want;
            while let Some(r) = pending.remove(&want) {
                emit(want, r);
                want += 1;
            }
            if want != before {
                let (lock, cvar) = &handed;
                *lock.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = want;
                cvar.notify_all();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_arrive_in_input_order_whatever_the_scheduling() {
        let items: Vec<u64> = (0..500).collect();
        let mut seen = Vec::new();
        // Uneven work: later items are often faster than earlier ones.
        for_each_ordered(
            &items,
            4,
            16,
            |&i| {
                std::thread::sleep(std::time::Duration::from_micros((i * 7919) % 300));
                i * 2
            },
            |i, r| seen.push((i, r)),
        );
        let want: Vec<(usize, u64)> = (0..500).map(|i| (i as usize, i * 2)).collect();
        assert_eq!(seen, want);
    }

    #[test]
    fn one_job_runs_inline_and_empty_input_is_fine() {
        let mut seen = Vec::new();
        for_each_ordered(&[1, 2, 3], 1, 1, |x| x + 1, |_, r| seen.push(r));
        assert_eq!(seen, [2, 3, 4]);
        for_each_ordered(&[] as &[u8], 8, 8, |x| *x, |_, _| panic!("no items"));
    }
}
