package stream

import (
	"fmt"
	"testing"
)

func TestParallelReturnsTheFirstError(t *testing.T) {
	for range 50 {
		err := parallel(1000, func(i int) error {
			if i%7 == 3 {
				return fmt.Errorf("item %d", i)
			}
			return nil
		})
		if err == nil || err.Error() != "item 3" {
			t.Fatalf("got %v, want the error of item 3", err)
		}
	}
}

func TestParallelRaisesAPanicInTheCaller(t *testing.T) {
	defer func() {
		if v := recover(); v != "item 5" {
			t.Errorf("recovered %v, want the panic of item 5", v)
		}
	}()
	_ = parallel(100, func(i int) error {
		if i == 5 {
			panic("item 5")
		}
		return nil
	})
	t.Error("parallel returned after a panic")
}
