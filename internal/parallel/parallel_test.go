package parallel

import (
	"fmt"
	"testing"
)

func TestDoReturnsTheFirstError(t *testing.T) {
	for range 50 {
		err := Do(1000, func(i int) error {
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

func TestDoRaisesAPanicInTheCaller(t *testing.T) {
	defer func() {
		if v := recover(); v != "item 5" {
			t.Errorf("recovered %v, want the panic of item 5", v)
		}
	}()
	_ = Do(100, func(i int) error {
		if i == 5 {
			panic("item 5")
		}
		return nil
	})
	t.Error("Do returned after a panic")
}

func TestDoWithOneWorkerRunsInOrder(t *testing.T) {
	var order []int
	err := DoWith(1, 10, func(i int) error {
		order = append(order, i)
		if i == 6 {
			return fmt.Errorf("item %d", i)
		}
		return nil
	})
	if err == nil || err.Error() != "item 6" {
		t.Fatalf("got %v, want the error of item 6", err)
	}
	if fmt.Sprint(order) != "[0 1 2 3 4 5 6]" {
		t.Errorf("ran %v, want 0 to 6 in order and nothing after the error", order)
	}
}
