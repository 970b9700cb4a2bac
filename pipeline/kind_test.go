package pipeline

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// TestKindTable checks what the outputs rely on: every field given, and
// names, Summary columns, JSON fields and text-table heads each unique, so
// that no two kinds share a column or a field.
func TestKindTable(t *testing.T) {
	seen := map[string]map[string]string{}
	for i, k := range builtinKinds {
		v := reflect.ValueOf(k)
		for j := range v.NumField() {
			f := v.Type().Field(j)
			if v.Field(j).IsZero() {
				t.Errorf("kind %d (%q): %s is empty", i, k.Name, f.Name)
			}
			if f.Type.Kind() != reflect.String || f.Name == "PLOVER" || f.Name == "Singular" || f.Name == "Plural" || f.Name == "Label" {
				continue // several kinds may share a PLOVER type; nouns are checked by name
			}
			s := v.Field(j).String()
			if seen[f.Name] == nil {
				seen[f.Name] = map[string]string{}
			}
			if other, dup := seen[f.Name][s]; dup {
				t.Errorf("kinds %q and %q share the %s %q", other, k.Name, f.Name, s)
			}
			seen[f.Name][s] = k.Name
		}
		if k.Name != strings.ToLower(strings.TrimSpace(k.Name)) {
			t.Errorf("kind %q: names are lower case (Load folds what it reads)", k.Name)
		}
		if got, ok := KindNamed(k.Name); !ok || got != Kind(i) || got.String() != k.Name {
			t.Errorf("KindNamed(%q) = %d (%s), %v; want %d", k.Name, got, got, ok, i)
		}
	}
	if _, ok := KindNamed("summit"); ok {
		t.Error(`KindNamed("summit") found a kind`)
	}
	if s, want := Kind(len(builtinKinds)).String(), "Kind("+strconv.Itoa(len(builtinKinds))+")"; s != want {
		t.Errorf("String of a kind past the table = %q", s)
	}
}

func TestKindCountsOf(t *testing.T) {
	c := KindCounts{3, 1}
	for _, tt := range []struct {
		k    Kind
		want int
	}{{0, 3}, {1, 1}, {2, 0}, {200, 0}} {
		if got := c.Of(tt.k); got != tt.want {
			t.Errorf("Of(%d) = %d, want %d", tt.k, got, tt.want)
		}
	}
	if got := KindCounts(nil).Of(0); got != 0 {
		t.Errorf("the zero KindCounts counts %d", got)
	}
}
