//! The sandbox's heap limit, enforced by the allocator rather than by
//! QuickJS, so that the engine can tell when memory ran out. When QuickJS
//! cannot even allocate the error for an exhausted heap it throws `null`,
//! which a script can also throw itself; the flag set here on each refused
//! allocation tells the two apart.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use rquickjs::allocator::{Allocator, RustAllocator};

/// Rust's allocator with a byte budget (0 = none) and a "refused" flag.
pub struct LimitedAllocator {
    inner: RustAllocator,
    used: usize,
    limit: usize,
    refused: Arc<AtomicBool>,
}

impl LimitedAllocator {
    /// An allocator refusing to hold more than `limit` bytes (0: no limit);
    /// `refused` is set each time it says no.
    pub fn new(limit: usize, refused: Arc<AtomicBool>) -> Self {
        LimitedAllocator {
            inner: RustAllocator,
            used: 0,
            limit,
            refused,
        }
    }

    /// Whether `more` bytes fit in the budget; records a refusal if not.
    fn fits(&self, more: usize) -> bool {
        let ok = self.limit == 0 || self.used.saturating_add(more) <= self.limit;
        if !ok {
            self.refused.store(true, Ordering::Relaxed);
        }
        ok
    }

    fn account(&mut self, ptr: *mut u8) -> *mut u8 {
        if !ptr.is_null() {
            // SAFETY: `ptr` was just returned by the inner allocator.
            self.used += unsafe { RustAllocator::usable_size(ptr) };
        }
        ptr
    }
}

// SAFETY: every pointer comes from, and goes back to, `RustAllocator`, which
// upholds the trait's contract; this type only adds bookkeeping and refuses
// some requests by returning null, which the contract allows.
unsafe impl Allocator for LimitedAllocator {
    fn alloc(&mut self, size: usize) -> *mut u8 {
        if !self.fits(size) {
            return std::ptr::null_mut();
        }
        let p = self.inner.alloc(size);
        self.account(p)
    }

    fn calloc(&mut self, count: usize, size: usize) -> *mut u8 {
        let Some(total) = count.checked_mul(size) else {
            return std::ptr::null_mut();
        };
        if !self.fits(total) {
            return std::ptr::null_mut();
        }
        let p = self.inner.calloc(count, size);
        self.account(p)
    }

    unsafe fn dealloc(&mut self, ptr: *mut u8) {
        self.used = self
            .used
            .saturating_sub(unsafe { RustAllocator::usable_size(ptr) });
        unsafe { self.inner.dealloc(ptr) }
    }

    unsafe fn realloc(&mut self, ptr: *mut u8, new_size: usize) -> *mut u8 {
        let old = unsafe { RustAllocator::usable_size(ptr) };
        if new_size > old && !self.fits(new_size - old) {
            return std::ptr::null_mut();
        }
        let p = unsafe { self.inner.realloc(ptr, new_size) };
        if !p.is_null() {
            self.used = self.used.saturating_sub(old);
            self.account(p);
        }
        p
    }

    unsafe fn usable_size(ptr: *mut u8) -> usize {
        unsafe { RustAllocator::usable_size(ptr) }
    }
}
