package oracle

// ordered is a string-keyed map that remembers insertion order, as a Python dict does:
// replacing a value keeps the key's place.
type ordered[V any] struct {
	order []string
	vals  map[string]V
}

func newOrdered[V any]() *ordered[V] {
	return &ordered[V]{vals: map[string]V{}}
}

func (o *ordered[V]) set(k string, v V) {
	if _, ok := o.vals[k]; !ok {
		o.order = append(o.order, k)
	}
	o.vals[k] = v
}

func (o *ordered[V]) get(k string) (V, bool) {
	v, ok := o.vals[k]
	return v, ok
}

func (o *ordered[V]) has(k string) bool {
	_, ok := o.vals[k]
	return ok
}

// keys lists the keys in insertion order.
func (o *ordered[V]) keys() []string {
	return o.order
}

// removeIf deletes every key drop reports true for.
func (o *ordered[V]) removeIf(drop func(string) bool) {
	kept := o.order[:0]
	for _, k := range o.order {
		if drop(k) {
			delete(o.vals, k)
			continue
		}
		kept = append(kept, k)
	}
	o.order = kept
}
