// Package parallel runs the steps of a loop on several goroutines, with the result a plain
// loop would have: the error of the first step that failed, or its panic.
package parallel

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// Do calls fn for 0 to n-1 on every CPU the process may use, as DoWith does.
func Do(n int, fn func(i int) error) error {
	return DoWith(runtime.GOMAXPROCS(0), n, fn)
}

// DoWith calls fn for 0 to n-1 on up to workers goroutines and returns the error of the
// lowest i that failed. Indices are handed out in order and stop being handed out after an
// error, so every i below a failed one has run and the error is the one a loop would return.
// A panic in fn is raised again in the caller's goroutine, where a loop would have raised it.
// With one worker, fn runs for one i after another, as in a loop.
func DoWith(workers, n int, fn func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range min(max(workers, 1), n) {
		wg.Go(func() {
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if errs[i] = guard(fn, i); errs[i] != nil {
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if p, ok := err.(*panicked); ok {
			panic(p.value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// guard calls fn(i), returning a panic in it as a *panicked error.
func guard(fn func(i int) error, i int) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &panicked{value: v}
		}
	}()
	return fn(i)
}

// panicked carries a panic out of a goroutine of DoWith.
type panicked struct{ value any }

func (p *panicked) Error() string { return fmt.Sprint("panic: ", p.value) }
